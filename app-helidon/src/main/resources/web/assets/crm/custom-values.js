// The values of a record's custom fields: shown in words and edited with a control per type.
import { parseNumber, date } from '/assets/shared/format.js';
import { api } from '/assets/crm/session.js';

let definitions = null;

/** The custom field definitions of every kind of record (read once per page load; everyone signed in may). */
export async function customFieldsOf(type) {
  if (definitions === null) {
    definitions = await api.get('/api/settings/custom-fields').then(r => r.customFields).catch(() => ({}));
  }
  return definitions[type] || [];
}

/** Forgets the definitions, after an Owner or Admin changed them. */
export function customFieldsChanged() {
  definitions = null;
}

/** A value as people read it: "Yes", "12 Mar 2025", "1,250". */
export function shownValue(field, value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (field.type === 'BOOL') {
    return value ? 'Yes' : 'No';
  }
  if (field.type === 'DATE') {
    return date(value);
  }
  if (field.type === 'NUMBER') {
    return new Intl.NumberFormat().format(value);
  }
  return String(value);
}

/** The edit form's values: numbers written as the browser's locale writes them. */
export function editedValues(fields, values) {
  const out = {};
  for (const f of fields) {
    const v = (values || {})[f.key];
    if (f.type === 'NUMBER') {
      out[f.key] = v === null || v === undefined ? '' : new Intl.NumberFormat().format(v);
    } else if (f.type === 'BOOL') {
      out[f.key] = Boolean(v);
    } else {
      out[f.key] = v === null || v === undefined ? '' : v;
    }
  }
  return out;
}

/** The custom fields part of a change, or { errors } naming each field that cannot be read. */
export function changedValues(fields, edited) {
  const values = {};
  const errors = {};
  for (const f of fields) {
    const v = edited[f.key];
    if (f.type === 'NUMBER') {
      const parsed = parseNumber(v);
      if (parsed.error) {
        errors['customFields.' + f.key] = parsed.error;
      }
      values[f.key] = parsed.value;
    } else if (f.type === 'BOOL') {
      values[f.key] = Boolean(v);
    } else {
      values[f.key] = v === '' ? null : v;
    }
  }
  return Object.keys(errors).length ? { errors } : { values };
}

/** A control per field, bound to `values` (the edit form's), with the server's or the form's errors. */
export const CustomFieldInputs = {
  props: { fields: Array, values: Object, errors: Object },
  template: `<div class="row" v-if="fields.length">
    <div class="field" v-for="f in fields" :key="f.key">
      <label v-if="f.type !== 'BOOL'" :for="'cf-' + f.key">{{ f.label }}{{ f.required ? ' (required)' : '' }}</label>
      <select v-if="f.type === 'SELECT'" :id="'cf-' + f.key" v-model="values[f.key]"><option value="">—</option><option v-for="o in f.options" :key="o" :value="o">{{ o }}</option></select>
      <input v-else-if="f.type === 'DATE'" :id="'cf-' + f.key" type="date" v-model="values[f.key]">
      <input v-else-if="f.type === 'NUMBER'" :id="'cf-' + f.key" inputmode="decimal" v-model="values[f.key]">
      <label v-else-if="f.type === 'BOOL'" class="check"><input :id="'cf-' + f.key" type="checkbox" v-model="values[f.key]"> {{ f.label }}</label>
      <input v-else :id="'cf-' + f.key" v-model="values[f.key]" maxlength="1000">
      <span class="error">{{ errors['customFields.' + f.key] }}</span>
    </div></div>`,
};

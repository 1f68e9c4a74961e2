// Custom fields, managed by Owners and Admins: per kind of record, add one (label, type, options), rename it, put
// it in order, change its type or a select's options (the server converts the stored values, or says which do not
// convert), make it required, remove it. Saved as the settings' definitions.
import { ref, reactive, computed } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';

const KINDS = [
  { type: 'CONTACT', label: 'Contacts' },
  { type: 'COMPANY', label: 'Companies' },
  { type: 'DEAL', label: 'Deals' },
];
const TYPES = [
  { type: 'TEXT', label: 'Text' },
  { type: 'NUMBER', label: 'Number' },
  { type: 'DATE', label: 'Date' },
  { type: 'BOOL', label: 'Yes / no' },
  { type: 'SELECT', label: 'One of a list' },
];

/** "Contract renewal" → "contractRenewal": a key the API accepts, made unique among `taken`. */
export function keyOf(label, taken) {
  const words = label.normalize('NFKD').replace(/[^\w\s]/g, ' ').trim().split(/[\s_]+/).filter(Boolean);
  let key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  key = key.replace(/^[^a-zA-Z]+/, '').slice(0, 36) || 'field';
  let unique = key;
  let n = 2;
  while (taken.includes(unique)) {
    unique = key + n;
    n = n + 1;
  }
  return unique;
}

export const CustomFields = {
  props: { settings: Object },
  emits: ['saved'],
  setup(props, { emit }) {
    const kind = ref('CONTACT');
    const errors = ref({});
    const adding = reactive({ label: '', type: 'TEXT', options: '', required: false });
    const fields = computed(() => (props.settings.customFields || {})[kind.value] || []);
    const may = () => can('SETTINGS', 'EDIT');
    const typeName = (t) => (TYPES.find(x => x.type === t) || { label: t }).label;
    async function save(list, message) {
      errors.value = {};
      const all = { ...(props.settings.customFields || {}) };
      all[kind.value] = list;
      try {
        const saved = await api.patch('/api/settings', { customFields: all });
        emit('saved', saved);
        toast(message);
        return true;
      } catch (e) {
        const found = formErrors(e);
        errors.value = { form: found.form || Object.values(found).join(' ') };
        return false;
      }
    }
    function options(text) {
      return text.split(/[\n,]/).map(o => o.trim()).filter(Boolean);
    }
    async function add() {
      if (!adding.label.trim()) {
        errors.value = { add: 'Give the field a name.' };
        return;
      }
      const key = keyOf(adding.label, fields.value.map(f => f.key));
      const field = { key, label: adding.label.trim(), type: adding.type, options: adding.type === 'SELECT' ? options(adding.options) : [], required: adding.required };
      if (await save(fields.value.concat([field]), field.label + ' added.')) {
        Object.assign(adding, { label: '', type: 'TEXT', options: '', required: false });
      }
    }
    function move(index, by) {
      const list = fields.value.slice();
      const [field] = list.splice(index, 1);
      list.splice(index + by, 0, field);
      save(list, field.label + ' moved.');
    }
    const editing = ref(null);
    function edit(field) {
      editing.value = { key: field.key, label: field.label, options: (field.options || []).join('\n'), required: field.required, type: field.type };
    }
    function saveEdit() {
      const e = editing.value;
      const list = fields.value.map(f => (f.key === e.key ? { ...f, label: e.label.trim(), type: e.type, required: e.required, options: e.type === 'SELECT' ? options(e.options) : [] } : f));
      save(list, e.label + ' saved.').then(ok => {
        if (ok) {
          editing.value = null;
        }
      });
    }
    async function remove(field) {
      if (!await confirmAction('Remove the field ' + field.label + '? Its values are no longer shown, and are dropped from a record when it is next edited.', 'Remove field')) {
        return;
      }
      save(fields.value.filter(f => f.key !== field.key), field.label + ' removed.');
    }
    return { KINDS, TYPES, kind, fields, adding, errors, editing, may, typeName, add, move, edit, saveEdit, remove };
  },
  template: `<section class="panel" aria-labelledby="cf-heading"><h2 id="cf-heading">Custom fields</h2>
    <div class="row" role="group" aria-label="Kind of record">
      <button v-for="k in KINDS" :key="k.type" type="button" :class="kind === k.type ? '' : 'secondary'" :aria-pressed="kind === k.type" @click="kind = k.type; editing = null">{{ k.label }}</button></div>
    <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
    <p v-if="!fields.length" class="hint">No custom fields on {{ KINDS.find(k => k.type === kind).label.toLowerCase() }} yet.</p>
    <ul v-else class="plain"><li v-for="(f, i) in fields" :key="f.key">
      <template v-if="editing && editing.key === f.key">
        <form class="row" @submit.prevent="saveEdit" :aria-label="'Edit ' + f.label">
          <div class="field"><label :for="'cf-l-' + f.key">Name</label><input :id="'cf-l-' + f.key" v-model="editing.label" maxlength="100"></div>
          <div class="field narrow"><label :for="'cf-t-' + f.key">Type</label><select :id="'cf-t-' + f.key" v-model="editing.type" :aria-describedby="'cf-t-hint-' + f.key">
            <option v-for="t in TYPES" :key="t.type" :value="t.type">{{ t.label }}</option></select></div>
          <div class="field" v-if="editing.type === 'SELECT'"><label :for="'cf-o-' + f.key">Options, one per line</label><textarea :id="'cf-o-' + f.key" v-model="editing.options" rows="3"></textarea></div>
          <label class="check"><input type="checkbox" v-model="editing.required"> Required</label>
          <div class="row"><button>Save</button><button type="button" class="secondary" @click="editing = null">Cancel</button></div>
        </form>
        <p :id="'cf-t-hint-' + f.key" class="hint">A new type converts the values already stored; a value that does not convert stops the change.</p></template>
      <template v-else>
        <strong>{{ f.label }}</strong> <span class="hint">{{ typeName(f.type) }}{{ f.required ? ', required' : '' }}{{ f.type === 'SELECT' ? ': ' + f.options.join(', ') : '' }}</span>
        <span v-if="may()" class="row actions">
          <button type="button" class="secondary" :disabled="i === 0" @click="move(i, -1)" :aria-label="'Move ' + f.label + ' up'">↑</button>
          <button type="button" class="secondary" :disabled="i === fields.length - 1" @click="move(i, 1)" :aria-label="'Move ' + f.label + ' down'">↓</button>
          <button type="button" class="secondary" @click="edit(f)" :aria-label="'Edit ' + f.label">Edit</button>
          <button type="button" class="danger" @click="remove(f)">Remove</button></span></template></li></ul>
    <form v-if="may()" class="row" @submit.prevent="add" novalidate aria-label="Add a custom field">
      <div class="field"><label for="cf-new">New field</label><input id="cf-new" v-model="adding.label" maxlength="100" placeholder="e.g. Contract renewal" aria-describedby="cf-new-err"><span id="cf-new-err" class="error">{{ errors.add }}</span></div>
      <div class="field narrow"><label for="cf-type">Type</label><select id="cf-type" v-model="adding.type"><option v-for="t in TYPES" :key="t.type" :value="t.type">{{ t.label }}</option></select></div>
      <div class="field" v-if="adding.type === 'SELECT'"><label for="cf-opts">Options, one per line</label><textarea id="cf-opts" v-model="adding.options" rows="3"></textarea></div>
      <label class="check"><input type="checkbox" v-model="adding.required"> Required</label>
      <div><button>Add field</button></div>
    </form></section>`,
};

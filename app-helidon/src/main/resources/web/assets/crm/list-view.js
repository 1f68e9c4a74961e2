// A list people shape: search, a filter builder over the API's filter language, sort by any sortable column,
// columns to show, all kept in the URL (a view can be bookmarked and shared); the total count; paging; and
// bulk work on the selected rows — set a field, assign an owner, add a tag, delete, export — offered as far as the server
// lets the person do each to each record.
import { ref, reactive, computed, onMounted, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, can, users } from '/assets/crm/session.js';
import { usePager, Pager } from '/assets/shared/pager.js';
import { download } from '/assets/crm/files.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { toFilter, fromFilter, OPERATORS } from '/assets/crm/filters.js';
import { SavedViewPicker } from '/assets/crm/saved-views.js';
import { customFieldsOf, shownValue } from '/assets/crm/custom-values.js';
import { parseNumber } from '/assets/shared/format.js';

const RECORD_TYPES = { CONTACTS: 'CONTACT', COMPANIES: 'COMPANY', DEALS: 'DEAL' };
const CUSTOM_OPS = { TEXT: ['eq', 'ne', 'prefix'], SELECT: ['eq', 'ne'], NUMBER: ['gte', 'lte', 'eq'], DATE: ['gte', 'lte', 'eq'], BOOL: ['eq'] };
const CUSTOM_TYPES = { TEXT: 'text', SELECT: 'choice', NUMBER: 'number', DATE: 'date', BOOL: 'bool' };

/** A custom field as a column of the list (off until chosen, not sortable). */
function customColumn(f) {
  return { key: 'cf.' + f.key, label: f.label || f.key, optional: true, default: false, value: (r) => shownValue(f, (r.customFields || {})[f.key]) };
}

/** A custom field as a field bulk work can set. */
function customEdit(f) {
  const filter = customFilter(f);
  return { field: filter.field, label: filter.label, type: filter.type, options: filter.options, custom: f };
}

/** A custom field as a field of the filter builder, with the conditions that fit its type. */
function customFilter(f) {
  const options = f.type === 'BOOL' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : (f.options || []).map(o => ({ value: o, label: o }));
  return { field: 'customFields.' + f.key, label: f.label || f.key, type: CUSTOM_TYPES[f.type], ops: CUSTOM_OPS[f.type], options };
}

export const ListView = {
  components: { Pager, SavedViewPicker },
  props: { list: Object },
  setup(props) {
    const route = useRoute();
    const router = useRouter();
    const list = props.list;
    const q = ref(route.query.q || '');
    const sort = ref(route.query.sort || list.defaultSort);
    const custom = ref([]);
    const filters = computed(() => list.filters.concat(custom.value.map(customFilter)));
    const allColumns = computed(() => list.columns.concat(custom.value.map(customColumn)));
    const terms = ref(fromFilter(route.query.filter || '', filters.value));
    const shown = ref(route.query.cols ? String(route.query.cols).split(',') : allColumns.value.filter(c => c.default !== false).map(c => c.key));
    const columns = computed(() => allColumns.value.filter(c => shown.value.includes(c.key)));
    const total = ref(null);
    const selected = reactive(new Set());
    const people = ref([]);
    const bulk = reactive({ ownerId: '', tag: '', field: (list.edits || [{}])[0].field || '', value: '', busy: false });
    const edits = computed(() => (list.edits || []).concat(custom.value.map(customEdit)));
    const editing = computed(() => edits.value.find(e => e.field === bulk.field));
    const filter = () => toFilter(terms.value.filter(t => t.value !== ''), filters.value);
    function params(cursor) {
      const p = new URLSearchParams();
      if (q.value) {
        p.set('q', q.value);
      }
      if (filter()) {
        p.set('filter', filter());
      }
      p.set('sort', sort.value);
      p.set('limit', '25');
      if (cursor) {
        p.set('cursor', cursor);
      } else {
        p.set('count', 'true');
      }
      return p;
    }
    const pager = usePager(async (cursor) => {
      const page = await api.get(list.api + '?' + params(cursor));
      if (!cursor) {
        total.value = page.total;
      }
      return page;
    });
    function urlQuery() {
      return { q: q.value || undefined, sort: sort.value !== list.defaultSort ? sort.value : undefined, filter: filter() || undefined,
        cols: shown.value.join(',') };
    }
    function keepInUrl() {
      router.replace({ query: urlQuery() });
    }
    /** The list as it is now, as a saved view keeps it. */
    const currentQuery = computed(() => {
      const query = urlQuery();
      const p = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value) {
          p.set(key, value);
        }
      }
      return p.toString();
    });
    /** Shows a saved view (or everything, for ''). */
    function apply(text) {
      const p = new URLSearchParams(text || '');
      q.value = p.get('q') || '';
      sort.value = p.get('sort') || list.defaultSort;
      terms.value = fromFilter(p.get('filter') || '', filters.value);
      shown.value = p.get('cols') ? p.get('cols').split(',') : allColumns.value.filter(c => c.default !== false).map(c => c.key);
      reload();
    }
    /** Loads the first page again; of the selected rows, those still listed stay selected. */
    async function reload() {
      keepInUrl();
      await pager.first();
      const listed = new Set(pager.items.map(r => r.id));
      for (const id of Array.from(selected)) {
        if (!listed.has(id)) {
          selected.delete(id);
        }
      }
    }
    let timer;
    function search() {
      clearTimeout(timer);
      timer = setTimeout(reload, 250);
    }
    function sortBy(column) {
      const key = column.sort;
      sort.value = sort.value === key ? '-' + key : key;
      reload();
    }
    function sortState(column) {
      if (sort.value === column.sort) {
        return 'ascending';
      }
      return sort.value === '-' + column.sort ? 'descending' : 'none';
    }
    function addTerm() {
      terms.value.push({ field: filters.value[0].field, op: filters.value[0].ops[0], value: '' });
    }
    function removeTerm(i) {
      terms.value.splice(i, 1);
      reload();
    }
    function toggleAll(on) {
      for (const r of pager.items) {
        if (on) {
          selected.add(r.id);
        } else {
          selected.delete(r.id);
        }
      }
    }
    const chosen = () => pager.items.filter(r => selected.has(r.id));
    async function each(action, verb, apply, undo) {
      const records = chosen();
      const allowed = records.filter(r => can(list.resource, action, r));
      bulk.busy = true;
      let done = 0;
      const failed = [];
      const applied = [];
      for (const r of allowed) {
        try {
          await apply(r);
          done = done + 1;
          applied.push(r);
        } catch (e) {
          failed.push(list.name(r) + ': ' + e.message);
        }
      }
      bulk.busy = false;
      const skipped = records.length - allowed.length;
      const parts = [done + ' ' + verb];
      if (skipped) {
        parts.push(skipped + ' not yours to change');
      }
      if (failed.length) {
        parts.push(failed.length + ' refused (' + failed.join('; ') + ')');
      }
      const takeBack = undo && applied.length ? async () => {
        for (const r of applied) {
          await undo(r);
        }
        await reload();
      } : undefined;
      toast(parts.join(', ') + '.', { kind: failed.length ? 'error' : 'info', undo: takeBack });
      await reload();
    }
    const assign = () => each('EDIT', 'reassigned', r => api.patch(list.api + '/' + r.id, { ownerId: bulk.ownerId }));
    const tag = () => each('EDIT', 'tagged', r => api.patch(list.api + '/' + r.id, { tags: Array.from(new Set((r.tags || []).concat([bulk.tag.trim()]))) }));
    /** Sets the chosen field of every selected record to the value typed (an empty value clears it). */
    function edit() {
      const e = editing.value;
      let value = bulk.value === '' ? null : bulk.value;
      if (e.custom && e.custom.type === 'NUMBER') {
        const parsed = parseNumber(bulk.value);
        if (parsed.error) {
          toast(e.label + ': ' + parsed.error, { kind: 'error' });
          return;
        }
        value = parsed.value;
      } else if (e.custom && e.custom.type === 'BOOL') {
        value = value === null ? null : value === 'true';
      }
      // a custom field is one key of the record's custom fields (the merge patch keeps the others)
      const patch = e.custom ? { customFields: { [e.custom.key]: value } } : { [bulk.field]: value };
      return each('EDIT', 'changed', r => api.patch(list.api + '/' + r.id, patch));
    }
    async function remove() {
      if (!await confirmAction('Delete ' + selected.size + ' ' + list.plural + '? Undo brings them back.', 'Delete ' + selected.size)) {
        return;
      }
      await each('DELETE', 'deleted', r => api.del(list.api + '/' + r.id), r => api.post(list.api + '/' + r.id + '/restore'));
    }
    async function exportCsv(onlySelected) {
      const p = new URLSearchParams();
      const ids = Array.from(selected);
      const f = onlySelected ? 'id[in]:' + JSON.stringify(ids) : filter();
      if (f) {
        p.set('filter', f);
      }
      if (q.value && !onlySelected) {
        p.set('q', q.value);
      }
      try {
        await download(list.api + '/export?' + p, list.plural + '.csv');
      } catch (e) {
        toast('Could not export: ' + e.message, { kind: 'error' });
      }
    }
    watch(shown, keepInUrl, { deep: true });
    onMounted(async () => {
      people.value = await users();
      if (RECORD_TYPES[list.resource]) {
        custom.value = await customFieldsOf(RECORD_TYPES[list.resource]);
        // terms on custom fields in the URL are known only now
        if (String(route.query.filter || '').includes('customFields.')) {
          terms.value = fromFilter(route.query.filter, filters.value);
        }
      }
      await pager.first();
    });
    return { list, q, sort, terms, shown, columns, filters, allColumns, total, selected, people, bulk, pager, OPERATORS, can, currentQuery, apply,
      search, reload, sortBy, sortState, addTerm, removeTerm, toggleAll, assign, tag, edit, edits, editing, remove, exportCsv };
  },
  template: `<div>
    <div class="panel">
      <SavedViewPicker :list="list.plural" :current="currentQuery" @apply="apply"/>
      <div class="row">
        <div class="field"><label for="q">Search</label><input id="q" v-model="q" @input="search" :placeholder="list.searchHint"></div>
        <details class="columns"><summary>Columns</summary><fieldset><legend class="sr-only">Columns to show</legend>
          <span v-for="c in allColumns" :key="c.key" class="check"><input type="checkbox" :value="c.key" v-model="shown" :aria-label="'Show ' + c.label">
            <span aria-hidden="true">{{ c.label }}</span></span></fieldset></details>
        <div v-if="can(list.resource, 'EXPORT')"><button class="secondary" @click="exportCsv(false)">Export CSV</button></div>
      </div>
      <fieldset class="filters"><legend>Filters</legend>
        <div v-for="(t, i) in terms" :key="i" class="row">
          <div class="field narrow"><label :for="'ff-' + i">Field</label><select :id="'ff-' + i" v-model="t.field" @change="t.op = filters.find(f => f.field === t.field).ops[0]">
            <option v-for="f in filters" :key="f.field" :value="f.field">{{ f.label }}</option></select></div>
          <div class="field narrow"><label :for="'fo-' + i">Condition</label><select :id="'fo-' + i" v-model="t.op">
            <option v-for="op in filters.find(f => f.field === t.field).ops" :key="op" :value="op">{{ OPERATORS[op] }}</option></select></div>
          <div class="field"><label :for="'fv-' + i">Value</label>
            <select v-if="filters.find(f => f.field === t.field).type === 'user'" :id="'fv-' + i" v-model="t.value" @change="reload">
              <option value="">—</option><option v-for="u in people" :key="u.id" :value="u.id">{{ u.name }}</option></select>
            <select v-else-if="['choice', 'bool'].includes(filters.find(f => f.field === t.field).type)" :id="'fv-' + i" v-model="t.value" @change="reload">
              <option value="">—</option><option v-for="o in filters.find(f => f.field === t.field).options" :key="o.value" :value="o.value">{{ o.label }}</option></select>
            <input v-else :id="'fv-' + i" v-model="t.value" :type="['date', 'instant'].includes(filters.find(f => f.field === t.field).type) ? 'date' : 'text'" @change="reload" @keyup.enter="reload"></div>
          <div><button type="button" class="secondary" @click="removeTerm(i)" :aria-label="'Remove filter ' + (i + 1)">Remove</button></div>
        </div>
        <button type="button" class="secondary" @click="addTerm">Add a filter</button>
      </fieldset>
    </div>
    <div v-if="selected.size" class="panel row actions bulk" role="region" aria-label="Selected records">
      <strong>{{ selected.size }} selected</strong>
      <template v-if="can(list.resource, 'EDIT')">
        <template v-if="editing">
          <div class="field narrow"><label for="bulk-field">Field to set</label><select id="bulk-field" v-model="bulk.field" @change="bulk.value = ''">
            <option v-for="e in edits" :key="e.field" :value="e.field">{{ e.label }}</option></select></div>
          <div class="field narrow"><label for="bulk-value">New value</label>
            <select v-if="['choice', 'bool'].includes(editing.type)" id="bulk-value" v-model="bulk.value"><option value="">—</option>
              <option v-for="o in editing.options" :key="o.value" :value="o.value">{{ o.label }}</option></select>
            <input v-else id="bulk-value" v-model="bulk.value" :type="editing.type === 'date' ? 'date' : 'text'"></div>
          <button class="secondary" :disabled="bulk.busy" @click="edit">Set {{ editing.label.toLowerCase() }}</button>
        </template>
        <div class="field narrow"><label for="bulk-owner">Owner</label><select id="bulk-owner" v-model="bulk.ownerId"><option value="">—</option>
          <option v-for="u in people" :key="u.id" :value="u.id">{{ u.name }}</option></select></div>
        <button class="secondary" :disabled="!bulk.ownerId || bulk.busy" @click="assign">Assign owner</button>
        <div class="field narrow"><label for="bulk-tag">Tag</label><input id="bulk-tag" v-model="bulk.tag"></div>
        <button class="secondary" :disabled="!bulk.tag.trim() || bulk.busy" @click="tag">Add tag</button>
      </template>
      <button v-if="can(list.resource, 'EXPORT')" class="secondary" @click="exportCsv(true)">Export selected</button>
      <button v-if="can(list.resource, 'DELETE')" class="danger" :disabled="bulk.busy" @click="remove">Delete selected</button>
    </div>
    <div v-if="pager.error" class="notice error" role="alert">{{ pager.error }} <button class="secondary" @click="pager.reload()">Try again</button></div>
    <p v-if="total !== null" class="hint" role="status">{{ new Intl.NumberFormat().format(total) }} {{ total === 1 ? list.noun : list.plural }}</p>
    <div class="table-wrap"><table><caption class="sr-only">{{ list.title }}</caption>
      <thead><tr><th scope="col"><input type="checkbox" aria-label="Select every row of this page" @change="toggleAll($event.target.checked)"></th>
        <th v-for="c in columns" :key="c.key" scope="col" :class="c.optional ? 'optional' : ''" :aria-sort="c.sort ? sortState(c) : undefined">
          <button v-if="c.sort" class="link" @click="sortBy(c)">{{ c.label }}<span aria-hidden="true">{{ sortState(c) === 'ascending' ? ' ▲' : sortState(c) === 'descending' ? ' ▼' : '' }}</span></button>
          <template v-else>{{ c.label }}</template></th></tr></thead>
      <tbody><tr v-for="r in pager.items" :key="r.id">
        <td><input type="checkbox" :checked="selected.has(r.id)" @change="$event.target.checked ? selected.add(r.id) : selected.delete(r.id)" :aria-label="'Select ' + list.name(r)"></td>
        <td v-for="(c, i) in columns" :key="c.key" :class="c.optional ? 'optional' : ''">
          <router-link v-if="i === 0" :to="list.path + r.id">{{ c.value(r, people) }}</router-link><template v-else>{{ c.value(r, people) }}</template></td></tr></tbody>
    </table></div>
    <p v-if="pager.loading" role="status">Loading…</p>
    <p v-else-if="!pager.items.length && !pager.error" class="hint">No {{ list.plural }}{{ q || terms.length ? ' match' : ' yet' }}.</p>
    <Pager :pager="pager" :label="'Pages of ' + list.plural"/>
  </div>`,
};

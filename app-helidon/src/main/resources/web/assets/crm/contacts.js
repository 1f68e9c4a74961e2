// The contacts list (a list view: search, filters, sort, columns, counts, paging, bulk work), a new-contact form and CSV
// import.
import { ref, reactive, computed } from 'vue';
import { customFieldsOf, editedValues, changedValues, CustomFieldInputs } from '/assets/crm/custom-values.js';
import { possibleDuplicates, DuplicateWarning } from '/assets/crm/duplicates.js';
import { FindDuplicates } from '/assets/crm/duplicate-groups.js';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { RecordPage } from '/assets/crm/record.js';
import { ListView } from '/assets/crm/list-view.js';
import { userName } from '/assets/crm/names.js';
import { date } from '/assets/shared/format.js';

const TEXT = ['eq', 'ne', 'prefix'];
// a field no column fills: what "Ignore this column" sends, so that an automatic match is undone
const IGNORED = 'ignored';
const IMPORT_FIELDS = [
  { field: 'firstname', label: 'First name' }, { field: 'lastname', label: 'Last name' }, { field: 'email', label: 'Email' },
  { field: 'emails', label: 'More emails' }, { field: 'phone', label: 'Phone' }, { field: 'phones', label: 'More phones' },
  { field: 'title', label: 'Job title' }, { field: 'tags', label: 'Tags' }, { field: 'companydomain', label: 'Company (by its domain)' },
];

/** The contacts list: its columns, the fields its filter builder offers, the default sort. */
export const contactList = {
  title: 'Contacts', resource: 'CONTACTS', api: '/api/contacts', path: '/contacts/', noun: 'contact', plural: 'contacts',
  searchHint: 'Name, email…', defaultSort: '-createdAt',
  name: (c) => (c.firstName ? c.firstName + ' ' : '') + c.lastName,
  columns: [
    { key: 'name', label: 'Name', sort: 'lastName', value: (c) => (c.firstName ? c.firstName + ' ' : '') + c.lastName },
    { key: 'email', label: 'Email', value: (c) => (c.emails || [])[0] || '' },
    { key: 'title', label: 'Job title', optional: true, value: (c) => c.title || '' },
    { key: 'phone', label: 'Phone', optional: true, value: (c) => (c.phones || [])[0] || '' },
    { key: 'owner', label: 'Owner', optional: true, default: false, value: (c, people) => userName(people, c.ownerId) },
    { key: 'tags', label: 'Tags', optional: true, default: false, value: (c) => (c.tags || []).join(', ') },
    { key: 'created', label: 'Added', sort: 'createdAt', optional: true, default: false, value: (c) => date(c.createdAt) },
    { key: 'updated', label: 'Changed', sort: 'updatedAt', optional: true, default: false, value: (c) => date(c.updatedAt) },
  ],
  filters: [
    { field: 'tags', label: 'Tag', ops: ['eq', 'ne', 'prefix'] },
    { field: 'lastName', label: 'Last name', ops: TEXT },
    { field: 'firstName', label: 'First name', ops: TEXT },
    { field: 'emails', label: 'Email', ops: ['eq', 'prefix'] },
    { field: 'title', label: 'Job title', ops: TEXT },
    { field: 'ownerId', label: 'Owner', type: 'user', ops: ['eq', 'ne'] },
    { field: 'createdAt', label: 'Added', type: 'instant', ops: ['gte', 'lt'] },
  ],
  edits: [{ field: 'title', label: 'Job title' }],
};

const Contacts = {
  components: { ListView, DuplicateWarning, CustomFieldInputs, FindDuplicates },
  setup() {
    const listKey = ref(0);
    const draft = reactive({ firstName: '', lastName: '', email: '', phone: '', title: '' });
    const custom = ref([]);
    const customValues = reactive({});
    customFieldsOf('CONTACT').then(defs => {
      custom.value = defs;
      Object.assign(customValues, editedValues(defs, {}));
    });
    const errors = ref({});
    const saved = ref('');
    const candidates = ref([]);
    async function create(anyway) {
      errors.value = {};
      saved.value = '';
      if (anyway !== true) {
        candidates.value = await possibleDuplicates('CONTACT', { firstName: draft.firstName, lastName: draft.lastName, email: draft.email, phone: draft.phone });
        if (candidates.value.length) {
          return;
        }
      }
      candidates.value = [];
      const values = changedValues(custom.value, customValues);
      if (values.errors) {
        errors.value = values.errors;
        return;
      }
      try {
        const c = await api.post('/api/contacts', { firstName: draft.firstName, lastName: draft.lastName, emails: draft.email ? [draft.email] : [],
          phones: draft.phone ? [draft.phone] : [], title: draft.title || null, customFields: values.values });
        Object.assign(customValues, editedValues(custom.value, {}));
        saved.value = contactList.name(c) + ' added.';
        Object.assign(draft, { firstName: '', lastName: '', email: '', phone: '', title: '' });
        listKey.value = listKey.value + 1;
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    const csv = ref('');
    const report = ref(null);
    const importing = ref(false);
    const chosen = reactive({});
    const targets = computed(() => IMPORT_FIELDS.concat(custom.value.map(d => ({ field: 'customfields.' + d.key.toLowerCase(), label: d.label }))));
    /** The mapping the person chose, as the API's map parameter: only columns they changed from what was matched. */
    function mapParam() {
      const pairs = Object.entries(chosen).map(([column, field]) => column + ':' + (field || IGNORED));
      return pairs.length ? '&map=' + encodeURIComponent(pairs.join(',')) : '';
    }
    async function pick(ev) {
      const f = ev.target.files[0];
      csv.value = f ? await f.text() : '';
      report.value = null;
      for (const key of Object.keys(chosen)) {
        delete chosen[key];
      }
      if (f) {
        preview();
      }
    }
    async function preview() {
      importing.value = true;
      try {
        report.value = await api.send('POST', '/api/contacts/import?dryRun=true' + mapParam(), csv.value, 'text/csv');
      } catch (e) {
        report.value = { error: e.message };
      } finally {
        importing.value = false;
      }
    }
    async function runImport() {
      importing.value = true;
      try {
        report.value = await api.send('POST', '/api/contacts/import?dryRun=false' + mapParam(), csv.value, 'text/csv');
        csv.value = '';
        listKey.value = listKey.value + 1;
      } catch (e) {
        report.value = { error: e.message };
      } finally {
        importing.value = false;
      }
    }
    function remap(column, field) {
      chosen[column] = field;
      preview();
    }
    return { listKey, contactList, draft, errors, saved, create, candidates, custom, customValues, pick, report, importing, csv, runImport, can, targets, remap };
  },
  template: `<main><h1>Contacts</h1>
    <form v-if="can('CONTACTS', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New contact">
      <h2>New contact</h2>
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div v-if="saved" class="notice info" role="status">{{ saved }}</div>
      <DuplicateWarning type="CONTACT" :candidates="candidates" @create="create(true)" @cancel="candidates = []"/>
      <div class="row">
        <div class="field"><label for="fn">First name</label><input id="fn" v-model="draft.firstName"></div>
        <div class="field"><label for="ln">Last name</label><input id="ln" v-model="draft.lastName" :aria-invalid="!!errors.lastName" aria-describedby="ln-err"><span id="ln-err" class="error">{{ errors.lastName }}</span></div>
        <div class="field"><label for="em">Email</label><input id="em" v-model="draft.email" type="email" :aria-invalid="!!errors['emails[0]']"><span class="error">{{ errors['emails[0]'] || errors.emails }}</span></div>
        <div class="field"><label for="ph">Phone</label><input id="ph" v-model="draft.phone" type="tel" autocomplete="off"><span class="error">{{ errors['phones[0]'] || errors.phones }}</span></div>
        <div class="field"><label for="jt">Job title</label><input id="jt" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
        <div><button>Add contact</button></div>
      </div>
      <CustomFieldInputs :fields="custom" :values="customValues" :errors="errors"/>
    </form>
    <div v-if="can('CONTACTS', 'IMPORT')" class="panel"><h2>Import from CSV</h2>
      <div class="field"><label for="csv">CSV file (firstName, lastName, email, title, tags, …)</label><span class="hint">Comma, semicolon or tab separated; columns such as “First Name” or “E-mail Address” are recognised.</span><input id="csv" type="file" accept=".csv,text/csv" @change="pick"></div>
      <p v-if="importing" role="status">Checking…</p>
      <div v-if="report && report.error" class="notice error" role="alert">{{ report.error }}</div>
      <div v-else-if="report" role="status"><p>{{ report.dryRun ? 'Preview' : 'Imported' }}: {{ report.rows }} rows — {{ report.created }} new, {{ report.updated }} updated, {{ report.failed }} failed.</p>
        <p v-if="report.dryRun" class="hint">A row whose email is already a contact's updates that contact instead of making a second one.</p>
        <div v-if="report.dryRun && report.columns && report.columns.length" class="table-wrap"><table><caption>Which field each column fills</caption>
          <thead><tr><th scope="col">Column in the file</th><th scope="col">Field</th></tr></thead>
          <tbody><tr v-for="c in report.columns" :key="c.column"><td>{{ c.column }}</td>
            <td><label class="sr-only" :for="'map-' + c.column">Field for {{ c.column }}</label>
              <select :id="'map-' + c.column" :value="c.field || ''" @change="remap(c.column, $event.target.value)">
                <option value="">Ignore this column</option><option v-for="t in targets" :key="t.field" :value="t.field">{{ t.label }}</option></select></td></tr></tbody></table></div>
        <div v-if="report.errors.length" class="table-wrap"><table><caption class="sr-only">Rows with errors</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody><tr v-for="(e, i) in report.errors" :key="i"><td>{{ e.row }}</td><td>{{ e.field }}</td><td>{{ e.message }}</td></tr></tbody></table></div>
        <p v-if="report.dryRun && csv"><button @click="runImport">Import {{ report.created + report.updated }} contacts</button></p></div>
    </div>
    <FindDuplicates type="CONTACT"/>
    <ListView :list="contactList" :key="listKey"/>
  </main>`,
};

export const routes = [
  { path: '/contacts', component: Contacts, meta: { auth: true } },
  { path: '/contacts/:id', component: RecordPage, props: { type: 'CONTACT' }, meta: { auth: true } },
];

export const nav = { to: '/contacts', label: 'Contacts', resource: 'CONTACTS' };

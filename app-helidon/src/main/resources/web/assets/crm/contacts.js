// The contacts list: search, tag filter, sort, paging, a new-contact form, CSV import and export.
import { ref, reactive, onMounted } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { RecordPage } from '/assets/crm/record.js';
import { usePager, Pager } from '/assets/shared/pager.js';
import { download } from '/assets/crm/files.js';
import { toast } from '/assets/shared/toast.js';

const Contacts = {
  components: { Pager },
  setup() {
    const q = ref('');
    const sort = ref('-createdAt');
    const tag = ref('');
    const draft = reactive({ firstName: '', lastName: '', email: '', phone: '', title: '' });
    const errors = ref({});
    const saved = ref('');
    function query() {
      const params = new URLSearchParams();
      if (q.value) {
        params.set('q', q.value);
      }
      if (tag.value) {
        params.set('filter', 'tags[eq]:' + JSON.stringify(tag.value));
      }
      return params;
    }
    const pager = usePager((cursor) => {
      const params = query();
      params.set('limit', '25');
      params.set('sort', sort.value);
      if (cursor) {
        params.set('cursor', cursor);
      }
      return api.get('/api/contacts?' + params);
    });
    async function create() {
      errors.value = {};
      saved.value = '';
      try {
        const c = await api.post('/api/contacts', { firstName: draft.firstName, lastName: draft.lastName, emails: draft.email ? [draft.email] : [],
          phones: draft.phone ? [draft.phone] : [], title: draft.title || null });
        saved.value = c.firstName + ' ' + c.lastName + ' added.';
        Object.assign(draft, { firstName: '', lastName: '', email: '', phone: '', title: '' });
        await pager.first();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    let timer;
    function search() {
      clearTimeout(timer);
      timer = setTimeout(() => pager.first(), 250);
    }
    const csv = ref('');
    const report = ref(null);
    const importing = ref(false);
    async function pick(ev) {
      const f = ev.target.files[0];
      csv.value = f ? await f.text() : '';
      report.value = null;
      if (f) {
        preview();
      }
    }
    async function preview() {
      importing.value = true;
      try {
        report.value = await api.send('POST', '/api/contacts/import?dryRun=true', csv.value, 'text/csv');
      } catch (e) {
        report.value = { error: e.message };
      } finally {
        importing.value = false;
      }
    }
    async function runImport() {
      importing.value = true;
      try {
        report.value = await api.send('POST', '/api/contacts/import', csv.value, 'text/csv');
        csv.value = '';
        await pager.first();
      } catch (e) {
        report.value = { error: e.message };
      } finally {
        importing.value = false;
      }
    }
    async function exportCsv() {
      try {
        await download('/api/contacts/export?' + query(), 'contacts.csv');
      } catch (e) {
        toast('Could not export: ' + e.message, { kind: 'error' });
      }
    }
    onMounted(() => pager.first());
    return { pager, q, sort, tag, draft, errors, saved, create, search, pick, report, importing, csv, runImport, exportCsv, can };
  },
  template: `<main><h1>Contacts</h1>
    <form v-if="can('CONTACTS', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New contact">
      <h2>New contact</h2>
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div v-if="saved" class="notice info" role="status">{{ saved }}</div>
      <div class="row">
        <div class="field"><label for="fn">First name</label><input id="fn" v-model="draft.firstName"></div>
        <div class="field"><label for="ln">Last name</label><input id="ln" v-model="draft.lastName" :aria-invalid="!!errors.lastName" aria-describedby="ln-err"><span id="ln-err" class="error">{{ errors.lastName }}</span></div>
        <div class="field"><label for="em">Email</label><input id="em" v-model="draft.email" type="email" :aria-invalid="!!errors['emails[0]']"><span class="error">{{ errors['emails[0]'] || errors.emails }}</span></div>
        <div class="field"><label for="ph">Phone</label><input id="ph" v-model="draft.phone" type="tel" autocomplete="off"><span class="error">{{ errors['phones[0]'] || errors.phones }}</span></div>
        <div class="field"><label for="jt">Job title</label><input id="jt" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
        <div><button>Add contact</button></div>
      </div>
    </form>
    <div class="panel row">
      <div class="field"><label for="q">Search</label><input id="q" v-model="q" @input="search" placeholder="Name, email…"></div>
      <div class="field narrow"><label for="tag">Tag</label><input id="tag" v-model="tag" @input="search" placeholder="e.g. vip"></div>
      <div class="field narrow"><label for="sort">Sort</label>
        <select id="sort" v-model="sort" @change="pager.first()">
          <option value="-createdAt">Newest first</option><option value="createdAt">Oldest first</option><option value="lastName">Last name</option>
        </select></div>
      <div v-if="can('CONTACTS', 'EXPORT')"><button class="secondary" @click="exportCsv">Export CSV</button></div>
    </div>
    <div v-if="can('CONTACTS', 'IMPORT')" class="panel"><h2>Import from CSV</h2>
      <div class="field"><label for="csv">CSV file (firstName, lastName, email, title, tags, …)</label><input id="csv" type="file" accept=".csv,text/csv" @change="pick"></div>
      <p v-if="importing" role="status">Checking…</p>
      <div v-if="report && report.error" class="notice error" role="alert">{{ report.error }}</div>
      <div v-else-if="report" role="status"><p>{{ report.dryRun ? 'Preview' : 'Imported' }}: {{ report.rows }} rows — {{ report.created }} new, {{ report.updated }} updated, {{ report.failed }} failed.</p>
        <div v-if="report.errors.length" class="table-wrap"><table><caption class="sr-only">Rows with errors</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody><tr v-for="(e, i) in report.errors" :key="i"><td>{{ e.row }}</td><td>{{ e.field }}</td><td>{{ e.message }}</td></tr></tbody></table></div>
        <p v-if="report.dryRun && csv"><button @click="runImport">Import {{ report.created + report.updated }} contacts</button></p></div>
    </div>
    <div v-if="pager.error" class="notice error" role="alert">{{ pager.error }} <button class="secondary" @click="pager.reload()">Try again</button></div>
    <div class="table-wrap"><table><caption class="sr-only">Contacts</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col" class="optional">Job title</th><th scope="col" class="optional">Phone</th></tr></thead>
      <tbody><tr v-for="c in pager.items" :key="c.id"><td><router-link :to="'/contacts/' + c.id">{{ c.firstName }} {{ c.lastName }}</router-link></td><td>{{ (c.emails || [])[0] }}</td><td class="optional">{{ c.title }}</td><td class="optional">{{ (c.phones || [])[0] }}</td></tr></tbody>
    </table></div>
    <p v-if="pager.loading" role="status">Loading…</p>
    <p v-else-if="!pager.items.length && !pager.error" class="hint">No contacts yet{{ q ? ' match “' + q + '”' : '' }}.</p>
    <Pager :pager="pager" label="Pages of contacts"/>
  </main>`,
};

export const routes = [
  { path: '/contacts', component: Contacts, meta: { auth: true } },
  { path: '/contacts/:id', component: RecordPage, props: { type: 'CONTACT' }, meta: { auth: true } },
];

export const nav = { to: '/contacts', label: 'Contacts', resource: 'CONTACTS' };

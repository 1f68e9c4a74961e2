// The companies list with a new-company form.
import { ref, reactive, onMounted } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { usePager, Pager } from '/assets/shared/pager.js';
import { RecordPage } from '/assets/crm/record.js';
import { download } from '/assets/crm/files.js';
import { toast } from '/assets/shared/toast.js';

const Companies = {
  components: { Pager },
  setup() {
    const draft = reactive({ name: '', domain: '' });
    const errors = ref({});
    const pager = usePager((cursor) => api.get('/api/companies?limit=25&sort=name' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '')));
    async function create() {
      errors.value = {};
      try {
        await api.post('/api/companies', { name: draft.name, domain: draft.domain || null });
        Object.assign(draft, { name: '', domain: '' });
        await pager.first();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function exportCsv() {
      try {
        await download('/api/companies/export', 'companies.csv');
      } catch (e) {
        toast('Could not export: ' + e.message, { kind: 'error' });
      }
    }
    onMounted(() => pager.first());
    return { pager, draft, errors, create, can, exportCsv };
  },
  template: `<main><h1>Companies</h1>
    <form v-if="can('COMPANIES', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New company">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="cn">Name</label><input id="cn" v-model="draft.name"><span class="error">{{ errors.name }}</span></div>
        <div class="field"><label for="cd">Domain</label><input id="cd" v-model="draft.domain"><span class="error">{{ errors.domain }}</span></div>
        <div><button>Add company</button></div>
      </div>
    </form>
 <p v-if="can('COMPANIES', 'EXPORT')"><button class="secondary" @click="exportCsv">Export CSV</button></p>
    <div v-if="pager.error" class="notice error" role="alert">{{ pager.error }}</div>
    <p v-if="pager.loading" role="status">Loading…</p>
    <p v-else-if="!pager.items.length" class="hint">No companies yet.</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Companies</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Domain</th></tr></thead>
      <tbody><tr v-for="c in pager.items" :key="c.id"><td><router-link :to="'/companies/' + c.id">{{ c.name }}</router-link></td><td>{{ c.domain }}</td></tr></tbody></table></div>
    <Pager :pager="pager" label="Pages of companies"/>
  </main>`,
};

export const routes = [
  { path: '/companies', component: Companies, meta: { auth: true } },
  { path: '/companies/:id', component: RecordPage, props: { type: 'COMPANY' }, meta: { auth: true } },
];

export const nav = { to: '/companies', label: 'Companies', resource: 'COMPANIES' };

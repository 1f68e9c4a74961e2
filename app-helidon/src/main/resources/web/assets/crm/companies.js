// The companies list (a list view: search, filters, sort, columns, counts, paging, bulk work) with a new-company form.
import { ref, reactive } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { RecordPage } from '/assets/crm/record.js';
import { ListView } from '/assets/crm/list-view.js';
import { userName } from '/assets/crm/names.js';
import { date } from '/assets/shared/format.js';
import { possibleDuplicates, DuplicateWarning } from '/assets/crm/duplicates.js';
import { FindDuplicates } from '/assets/crm/duplicate-groups.js';
import { customFieldsOf, editedValues, changedValues, CustomFieldInputs } from '/assets/crm/custom-values.js';

const TEXT = ['eq', 'ne', 'prefix'];

/** The companies list: its columns, the fields its filter builder offers, the default sort. */
export const companyList = {
  title: 'Companies', resource: 'COMPANIES', api: '/api/companies', path: '/companies/', noun: 'company', plural: 'companies',
  searchHint: 'Name, domain…', defaultSort: 'name',
  name: (c) => c.name,
  columns: [
    { key: 'name', label: 'Name', sort: 'name', value: (c) => c.name },
    { key: 'domain', label: 'Domain', sort: 'domain', value: (c) => c.domain || '' },
    { key: 'industry', label: 'Industry', sort: 'industry', optional: true, value: (c) => c.industry || '' },
    { key: 'owner', label: 'Owner', optional: true, default: false, value: (c, people) => userName(people, c.ownerId) },
    { key: 'city', label: 'City', optional: true, default: false, value: (c) => (c.address && c.address.city) || '' },
    { key: 'created', label: 'Added', sort: 'createdAt', optional: true, default: false, value: (c) => date(c.createdAt) },
  ],
  filters: [
    { field: 'name', label: 'Name', ops: TEXT },
    { field: 'domain', label: 'Domain', ops: TEXT },
    { field: 'industry', label: 'Industry', ops: TEXT },
    { field: 'address.country', label: 'Country', ops: TEXT },
    { field: 'ownerId', label: 'Owner', type: 'user', ops: ['eq', 'ne'] },
    { field: 'createdAt', label: 'Added', type: 'instant', ops: ['gte', 'lt'] },
  ],
  edits: [{ field: 'industry', label: 'Industry' }, { field: 'size', label: 'Size' }],
};

const Companies = {
  components: { ListView, DuplicateWarning, CustomFieldInputs, FindDuplicates },
  setup() {
    const draft = reactive({ name: '', domain: '' });
    const custom = ref([]);
    const customValues = reactive({});
    customFieldsOf('COMPANY').then(defs => {
      custom.value = defs;
      Object.assign(customValues, editedValues(defs, {}));
    });
    const errors = ref({});
    const listKey = ref(0);
    const candidates = ref([]);
    async function create(anyway) {
      errors.value = {};
      if (anyway !== true) {
        candidates.value = await possibleDuplicates('COMPANY', { name: draft.name, domain: draft.domain });
        if (candidates.value.length) {
          return;
        }
      }
      candidates.value = [];
      try {
        const values = changedValues(custom.value, customValues);
        if (values.errors) {
          errors.value = values.errors;
          return;
        }
        await api.post('/api/companies', { name: draft.name, domain: draft.domain || null, customFields: values.values });
        Object.assign(customValues, editedValues(custom.value, {}));
        Object.assign(draft, { name: '', domain: '' });
        listKey.value = listKey.value + 1;
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    return { draft, errors, create, can, listKey, companyList, candidates, custom, customValues };
  },
  template: `<main><h1>Companies</h1>
    <form v-if="can('COMPANIES', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New company">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <DuplicateWarning type="COMPANY" :candidates="candidates" @create="create(true)" @cancel="candidates = []"/>
      <div class="row">
        <div class="field"><label for="cn">Name</label><input id="cn" v-model="draft.name"><span class="error">{{ errors.name }}</span></div>
        <div class="field"><label for="cd">Domain</label><input id="cd" v-model="draft.domain"><span class="error">{{ errors.domain }}</span></div>
        <div><button>Add company</button></div>
      </div>
      <CustomFieldInputs :fields="custom" :values="customValues" :errors="errors"/>
    </form>
    <FindDuplicates type="COMPANY"/>
    <ListView :list="companyList" :key="listKey"/>
  </main>`,
};

export const routes = [
  { path: '/companies', component: Companies, meta: { auth: true } },
  { path: '/companies/:id', component: RecordPage, props: { type: 'COMPANY' }, meta: { auth: true } },
];

export const nav = { to: '/companies', label: 'Companies', resource: 'COMPANIES' };

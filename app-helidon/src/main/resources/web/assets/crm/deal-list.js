// The deals as a list (the board's other view): search, filters, sort, columns, counts, paging and bulk work over
// every pipeline, each deal's stage by its name.
import { ref, onMounted } from 'vue';
import { api } from '/assets/crm/session.js';
import { ListView } from '/assets/crm/list-view.js';
import { userName } from '/assets/crm/names.js';
import { date, money } from '/assets/shared/format.js';

const TEXT = ['eq', 'ne', 'prefix'];
const STATUSES = [{ value: 'OPEN', label: 'Open' }, { value: 'WON', label: 'Won' }, { value: 'LOST', label: 'Lost' }];
const statusName = (s) => (STATUSES.find(x => x.value === s) || { label: s }).label;

/** The deals list, its stage column and stage filter named after the stages of the given pipelines. */
export function dealList(pipelines) {
  const stages = pipelines.flatMap(p => p.stages.map(s => ({ value: s.id, label: pipelines.length > 1 ? p.name + ': ' + s.name : s.name })));
  const stageName = (id) => (stages.find(s => s.value === id) || { label: '' }).label;
  return {
    title: 'Deals', resource: 'DEALS', api: '/api/deals', path: '/deals/', noun: 'deal', plural: 'deals',
    searchHint: 'Title…', defaultSort: '-createdAt',
    name: (d) => d.title,
    columns: [
      { key: 'title', label: 'Deal', sort: 'title', value: (d) => d.title },
      { key: 'value', label: 'Value', sort: 'value', value: (d) => (d.value === null || d.value === undefined ? '' : money(d.value, d.currency)) },
      { key: 'stage', label: 'Stage', value: (d) => stageName(d.stageId) },
      { key: 'status', label: 'Status', optional: true, value: (d) => statusName(d.status) },
      { key: 'close', label: 'Expected close', sort: 'expectedCloseDate', optional: true, value: (d) => date(d.expectedCloseDate) },
      { key: 'owner', label: 'Owner', optional: true, default: false, value: (d, people) => userName(people, d.ownerId) },
      { key: 'created', label: 'Added', sort: 'createdAt', optional: true, default: false, value: (d) => date(d.createdAt) },
    ],
    filters: [
      { field: 'title', label: 'Title', ops: TEXT },
      { field: 'status', label: 'Status', type: 'choice', options: STATUSES, ops: ['eq', 'ne'] },
      { field: 'stageId', label: 'Stage', type: 'choice', options: stages, ops: ['eq', 'ne'] },
      { field: 'value', label: 'Value', type: 'number', ops: ['gte', 'lte'] },
      { field: 'expectedCloseDate', label: 'Expected close', type: 'date', ops: ['gte', 'lte'] },
      { field: 'ownerId', label: 'Owner', type: 'user', ops: ['eq', 'ne'] },
      { field: 'createdAt', label: 'Added', type: 'instant', ops: ['gte', 'lt'] },
    ],
    edits: [
      { field: 'expectedCloseDate', label: 'Expected close', type: 'date' },
      { field: 'currency', label: 'Currency', type: 'choice', options: ['EUR', 'USD', 'GBP'].map(c => ({ value: c, label: c })) },
    ],
  };
}

export const DealList = {
  components: { ListView },
  setup() {
    const list = ref(null);
    const error = ref('');
    onMounted(async () => {
      try {
        list.value = dealList((await api.get('/api/pipelines')).items);
      } catch (e) {
        error.value = e.message;
      }
    });
    return { list, error };
  },
  template: `<main><h1>Deals</h1>
    <nav class="panel row" aria-label="Deal views"><router-link to="/deals">Board</router-link><strong aria-current="page">List</strong></nav>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <ListView v-if="list" :list="list"/>
    <p v-else-if="!error" role="status">Loading…</p>
  </main>`,
};

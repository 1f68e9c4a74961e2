// The audit log of the instance.
import { onMounted } from 'vue';
import { api } from '/assets/crm/session.js';
import { dateTime } from '/assets/shared/format.js';
import { outcomeName } from '/assets/crm/names.js';
import { usePager, Pager } from '/assets/shared/pager.js';

const Audit = {
  components: { Pager },
  setup() {
    const pager = usePager((cursor) => api.get('/api/audit?limit=50' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '')));
    onMounted(() => pager.first());
    return { pager, dateTime, outcomeName };
  },
  template: `<main><h1>Audit log</h1>
    <div v-if="pager.error" class="notice error" role="alert">{{ pager.error }}</div>
    <p v-if="pager.loading" role="status">Loading…</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Audit log</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Outcome</th></tr></thead>
      <tbody><tr v-for="e in pager.items" :key="e.id"><td>{{ dateTime(e.at) }}</td><td>{{ e.action }}</td><td>{{ outcomeName(e.outcome) }}</td></tr></tbody></table></div>
    <Pager :pager="pager" label="Pages of the audit log"/>
  </main>`,
};

export const routes = [
  { path: '/audit', component: Audit, meta: { auth: true } },
];

export const nav = { to: '/audit', label: 'Audit', resource: 'AUDIT' };

// The audit log of the instance.
import { ref, onMounted } from 'vue';
import { api } from '/assets/crm/session.js';
import { dateTime } from '/assets/shared/format.js';

const Audit = {
  setup() {
    const items = ref(null);
    const error = ref('');
    onMounted(async () => {
      try {
        items.value = (await api.get('/api/audit')).items;
      } catch (e) {
        error.value = e.message;
      }
    });
    return { items, error, dateTime };
  },
  template: `<main><h1>Audit log</h1>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="items === null && !error" role="status">Loading…</p>
    <div v-else-if="items" class="table-wrap"><table><caption class="sr-only">Audit log</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Outcome</th></tr></thead>
      <tbody><tr v-for="e in items" :key="e.id"><td>{{ dateTime(e.at) }}</td><td>{{ e.action }}</td><td>{{ e.outcome }}</td></tr></tbody></table></div>
  </main>`,
};

export const routes = [
  { path: '/audit', component: Audit, meta: { auth: true } },
];

export const nav = { to: '/audit', label: 'Audit', admin: true };

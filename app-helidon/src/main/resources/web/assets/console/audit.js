// The control plane's audit log in words: who did what to which instance or request, and whether it was allowed.
import { ref } from 'vue';
import { api } from '/assets/console/session.js';
import { actionWords } from '/assets/console/words.js';
import { dateTime } from '/assets/shared/format.js';

const OUTCOMES = { SUCCESS: 'done', DENIED: 'refused', FAILURE: 'failed' };

export const Audit = {
  setup() {
    const items = ref(null);
    const error = ref('');
    const people = ref({});
    const instances = ref({});
    async function load() {
      try {
        const entries = (await api.get('/api/admin/audit?limit=100')).items;
        const accounts = await api.get('/api/admin/admins?limit=200').catch(() => ({ items: [] }));
        people.value = Object.fromEntries(accounts.items.map(a => [a.id, a.name || a.email]));
        const fleet = await api.get('/api/admin/instances?limit=200').catch(() => ({ items: [] }));
        instances.value = Object.fromEntries(fleet.items.map(i => [i.id, i.name]));
        items.value = entries;
      } catch (e) {
        error.value = e.message;
      }
    }
    function who(entry) {
      if (!entry.actorId || entry.actorId === 'system') {
        return 'LiteDesk';
      }
      if (entry.actorId === 'public') {
        return 'a visitor';
      }
      return people.value[entry.actorId] || 'a platform account';
    }
    function what(entry) {
      const target = entry.record && entry.record.type === 'INSTANCE' ? instances.value[entry.record.id] : null;
      return actionWords(entry.action) + (target ? ' — ' + target : '');
    }
    function outcome(entry) {
      return OUTCOMES[entry.outcome] || String(entry.outcome).toLowerCase();
    }
    load();
    return { items, error, who, what, outcome, dateTime };
  },
  template: `<main><h1>Audit log</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="items === null && !error" role="status">Loading…</p>
    <p v-else-if="items && !items.length" class="hint">Nothing audited yet.</p>
    <div v-else-if="items" class="table-wrap"><table><caption class="sr-only">Audit log</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Outcome</th></tr></thead>
      <tbody><tr v-for="e in items" :key="e.id"><td>{{ dateTime(e.at) }}</td><td>{{ who(e) }}</td><td>{{ what(e) }}</td>
        <td><span class="state" :class="e.outcome">{{ outcome(e) }}</span></td></tr></tbody></table></div></main>`,
};

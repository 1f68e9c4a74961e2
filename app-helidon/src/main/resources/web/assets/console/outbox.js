// The development outbox: only while no mail provider is configured, and only for platform admins,
// since its links are live one-time credentials.
import { ref } from 'vue';
import { api } from '/assets/console/session.js';
import { dateTime } from '/assets/shared/format.js';

export const Outbox = {
  setup() {
    const items = ref(null);
    const error = ref('');
    const note = ref('');
    async function load() {
      try {
        const outbox = await api.get('/api/admin/outbox');
        note.value = outbox.note;
        items.value = outbox.items;
      } catch (e) {
        error.value = e.message;
      }
    }
    load();
    return { items, error, note, dateTime };
  },
  template: `<main><h1>Development outbox</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="note" class="notice info">{{ note }}</p>
    <p v-if="items === null && !error" role="status">Loading…</p>
    <p v-else-if="items && !items.length" class="hint">No mail yet.</p>
    <article v-for="m in items || []" :key="m.id" class="panel"><h2>{{ m.subject }}</h2>
      <p class="hint">to {{ m.to }} · {{ dateTime(m.sentAt) }}</p>
      <pre style="white-space: pre-wrap">{{ m.text }}</pre></article></main>`,
};

// One contact, company or deal: its facts, notes and timeline.
import { ref, computed, onMounted } from 'vue';
import { useRoute } from 'vue-router';
import { api, canWrite } from '/assets/crm/session.js';
import { fieldErrors } from '/assets/shared/forms.js';
import { money, dateTime } from '/assets/shared/format.js';

const kinds = {
  CONTACT: { base: '/api/contacts/', back: '/contacts', backLabel: 'Contacts' },
  COMPANY: { base: '/api/companies/', back: '/companies', backLabel: 'Companies' },
  DEAL: { base: '/api/deals/', back: '/deals', backLabel: 'Deals' },
};

export const RecordPage = {
  props: { type: String },
  setup(props) {
    const route = useRoute();
    const id = route.params.id;
    const kind = kinds[props.type];
    const record = ref(null);
    const timeline = ref([]);
    const error = ref('');
    const note = ref('');
    const noteError = ref('');
    const title = computed(() => {
      const r = record.value;
      if (!r) {
        return '';
      }
      if (props.type === 'CONTACT') {
        return r.firstName + ' ' + r.lastName;
      }
      return props.type === 'COMPANY' ? r.name : r.title;
    });
    const facts = computed(() => {
      const r = record.value;
      if (!r) {
        return '';
      }
      if (props.type === 'CONTACT') {
        return ((r.emails || []).join(', ') || 'No email') + (r.title ? ' · ' + r.title : '');
      }
      if (props.type === 'COMPANY') {
        return (r.domain || 'No domain') + (r.industry ? ' · ' + r.industry : '');
      }
      return money(r.value, r.currency) + ' · ' + r.status;
    });
    async function load() {
      try {
        record.value = await api.get(kind.base + id);
        timeline.value = (await api.get(kind.base + id + '/timeline')).items;
      } catch (e) {
        error.value = e.message;
      }
    }
    async function addNote() {
      noteError.value = '';
      try {
        await api.post('/api/notes', { text: note.value, target: { type: props.type, id } });
        note.value = '';
        await load();
      } catch (e) {
        noteError.value = fieldErrors(e).text || e.message;
      }
    }
    onMounted(load);
    return { record, title, facts, timeline, error, note, noteError, addNote, canWrite, kind, dateTime };
  },
  template: `<main><p><router-link :to="kind.back">← {{ kind.backLabel }}</router-link></p>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!record && !error" role="status">Loading…</p>
    <template v-if="record"><h1>{{ title }}</h1>
      <div class="panel"><p>{{ facts }}</p><p v-if="record.tags && record.tags.length" class="hint">Tags: {{ record.tags.join(', ') }}</p></div>
      <form v-if="canWrite()" class="panel" @submit.prevent="addNote" novalidate aria-label="Add a note">
        <div class="field"><label for="note">Note</label><textarea id="note" v-model="note" rows="3" :aria-invalid="!!noteError"></textarea><span class="error">{{ noteError }}</span></div>
        <p><button>Add note</button></p>
      </form>
      <h2>Timeline</h2>
      <p v-if="!timeline.length" class="hint">Nothing yet.</p>
      <ol class="panel" v-else><li v-for="(t, i) in timeline" :key="i"><strong>{{ t.summary }}</strong> <span class="hint">{{ dateTime(t.at) }}</span></li></ol>
    </template></main>`,
};

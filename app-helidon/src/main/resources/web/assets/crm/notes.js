// The notes of a record: add, edit in place (with undo), delete after a confirmation.
import { ref, onMounted, watch } from 'vue';
import { api, can, users } from '/assets/crm/session.js';
import { fieldErrors } from '/assets/shared/forms.js';
import { dateTime } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { userName } from '/assets/crm/names.js';

export const RecordNotes = {
  props: { type: String, recordId: String },
  emits: ['changed'],
  setup(props, { emit }) {
    const items = ref([]);
    const people = ref([]);
    const text = ref('');
    const error = ref('');
    const editing = ref(null);
    const editError = ref('');
    async function load() {
      try {
        const filter = encodeURIComponent('target.id[eq]:' + JSON.stringify(props.recordId));
        items.value = (await api.get('/api/notes?limit=100&sort=-createdAt&filter=' + filter)).items;
        people.value = await users();
      } catch (e) {
        error.value = e.message;
      }
    }
    async function add() {
      error.value = '';
      try {
        await api.post('/api/notes', { text: text.value, target: { type: props.type, id: props.recordId } });
        text.value = '';
        await load();
        emit('changed');
      } catch (e) {
        error.value = fieldErrors(e).text || e.message;
      }
    }
    function edit(note) {
      editError.value = '';
      editing.value = { id: note.id, text: note.text, before: note.text };
    }
    async function save() {
      const { id, text: next, before } = editing.value;
      try {
        await api.patch('/api/notes/' + id, { text: next });
        editing.value = null;
        toast('Note saved.', { undo: async () => {
          await api.patch('/api/notes/' + id, { text: before });
          await load();
        } });
        await load();
        emit('changed');
      } catch (e) {
        editError.value = fieldErrors(e).text || e.message;
      }
    }
    async function remove(note) {
      if (!await confirmAction('Delete this note? Undo brings it back.', 'Delete note')) {
        return;
      }
      try {
        await api.del('/api/notes/' + note.id);
        toast('Note deleted.', { undo: async () => {
          await api.post('/api/notes/' + note.id + '/restore');
          await load();
          emit('changed');
        } });
        await load();
        emit('changed');
      } catch (e) {
        toast('Could not delete the note: ' + e.message, { kind: 'error' });
      }
    }
    watch(() => props.recordId, load);
    onMounted(load);
    return { items, people, text, error, editing, editError, add, edit, save, remove, can, dateTime, userName };
  },
  template: `<section class="panel" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2>
    <form v-if="can('NOTES', 'CREATE')" @submit.prevent="add" novalidate aria-label="Add a note">
      <div class="field"><label for="note">Note</label><textarea id="note" v-model="text" rows="3" :aria-invalid="!!error"></textarea><span class="error">{{ error }}</span></div>
      <p><button>Add note</button></p>
    </form>
    <p v-if="!items.length" class="hint">No notes yet.</p>
    <ul class="plain notes" v-else>
      <li v-for="n in items" :key="n.id">
        <form v-if="editing && editing.id === n.id" @submit.prevent="save" novalidate aria-label="Edit note">
          <div class="field"><label :for="'note-' + n.id">Note</label><textarea :id="'note-' + n.id" v-model="editing.text" rows="3"></textarea><span class="error">{{ editError }}</span></div>
          <p class="row"><button>Save note</button><button type="button" class="secondary" @click="editing = null">Cancel</button></p>
        </form>
        <template v-else>
          <p class="note-text">{{ n.text }}</p>
          <p class="hint row">{{ userName(people, n.ownerId) }} {{ dateTime(n.createdAt) }}
            <button v-if="can('NOTES', 'EDIT', n)" class="link" @click="edit(n)">Edit note</button>
            <button v-if="can('NOTES', 'DELETE', n)" class="link" @click="remove(n)">Delete note</button></p>
        </template>
      </li>
    </ul>
  </section>`,
};

// Tasks: mine, overdue and done, a new-task form, marking one done.
import { ref, reactive, onMounted } from 'vue';
import { api, canWrite } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { date } from '/assets/shared/format.js';

const views = [
  { id: 'mine', label: 'My open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'done', label: 'Done' },
];

const Tasks = {
  setup() {
    const view = ref('mine');
    const items = ref([]);
    const loading = ref(true);
    const error = ref('');
    const draft = reactive({ title: '', dueDate: '' });
    const errors = ref({});
    async function load() {
      loading.value = true;
      error.value = '';
      try {
        const path = view.value === 'done' ? '/api/tasks?filter=' + encodeURIComponent('status[eq]:"DONE"') : '/api/tasks/' + view.value;
        items.value = (await api.get(path)).items;
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }
    async function create() {
      errors.value = {};
      try {
        await api.post('/api/tasks', { title: draft.title, dueDate: draft.dueDate || null });
        Object.assign(draft, { title: '', dueDate: '' });
        await load();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function done(t) {
      try {
        await api.patch('/api/tasks/' + t.id, { status: 'DONE' });
        await load();
      } catch (e) {
        error.value = e.message;
      }
    }
    function choose(v) {
      view.value = v;
      load();
    }
    onMounted(load);
    return { views, view, items, loading, error, draft, errors, choose, create, done, canWrite, date };
  },
  template: `<main><h1>Tasks</h1>
    <form v-if="canWrite()" class="panel" @submit.prevent="create" novalidate aria-label="New task">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="tt">Task</label><input id="tt" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field"><label for="td">Due</label><input id="td" v-model="draft.dueDate" type="date"><span class="error">{{ errors.dueDate }}</span></div>
        <div><button>Add task</button></div>
      </div>
    </form>
    <div class="panel row" role="group" aria-label="Which tasks">
      <button v-for="v in views" :key="v.id" :class="view === v.id ? '' : 'secondary'" :aria-pressed="view === v.id" @click="choose(v.id)">{{ v.label }}</button>
    </div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length" class="hint">Nothing here.</p>
    <ul v-else class="panel"><li v-for="t in items" :key="t.id">{{ t.title }} <span class="hint">{{ t.dueDate ? 'due ' + date(t.dueDate) : '' }}</span>
      <button v-if="canWrite() && t.status === 'OPEN'" class="secondary" @click="done(t)">Done</button></li></ul>
  </main>`,
};

export const routes = [
  { path: '/tasks', component: Tasks, meta: { auth: true } },
];

export const nav = { to: '/tasks', label: 'Tasks' };

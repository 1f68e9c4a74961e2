// Tasks: mine, overdue and done, with a new-task form; each task done (with undo), edited in place or deleted.
// The tasks of one record are shown on its page with the same items.
import { ref, reactive, onMounted, watch } from 'vue';
import { useRoute } from 'vue-router';
import { api, can, users } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { date } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { usePager, Pager } from '/assets/shared/pager.js';
import { kinds, recordName } from '/assets/crm/kinds.js';
import { userName } from '/assets/crm/names.js';
import { restored, onRestored } from '/assets/crm/restored.js';

const linkedNames = new Map();

function linkedName(ref) {
  const key = ref.type + ':' + ref.id;
  if (!linkedNames.has(key)) {
    const kind = kinds[ref.type];
    linkedNames.set(key, kind ? api.get(kind.base + ref.id).then(r => recordName(ref.type, r)).catch(() => '') : Promise.resolve(''));
  }
  return linkedNames.get(key);
}

/** One task: done, edit in place, delete. Emits `changed` after any of them. */
const TaskItem = {
  props: { task: Object, people: Array, focused: Boolean },
  emits: ['changed'],
  setup(props, { emit }) {
    const editing = ref(null);
    const errors = ref({});
    const linked = ref('');
    const path = ref('');
    if (props.task.linkedRecord && kinds[props.task.linkedRecord.type]) {
      path.value = kinds[props.task.linkedRecord.type].path + props.task.linkedRecord.id;
      linkedName(props.task.linkedRecord).then(name => {
        linked.value = name;
      });
    }
    async function setStatus(status, undoTo) {
      try {
        await api.patch('/api/tasks/' + props.task.id, { status });
        emit('changed');
        if (undoTo) {
          toast(props.task.title + (status === 'DONE' ? ' done.' : ' reopened.'), { undo: async () => {
            await api.patch('/api/tasks/' + props.task.id, { status: undoTo });
            emit('changed');
          } });
        }
      } catch (e) {
        toast('Could not change ' + props.task.title + ': ' + e.message, { kind: 'error' });
      }
    }
    function edit() {
      errors.value = {};
      editing.value = { title: props.task.title, dueDate: props.task.dueDate || '', assigneeId: props.task.assigneeId || '' };
    }
    async function save() {
      const before = { title: props.task.title, dueDate: props.task.dueDate || null, assigneeId: props.task.assigneeId || null };
      try {
        await api.patch('/api/tasks/' + props.task.id, { title: editing.value.title, dueDate: editing.value.dueDate || null, assigneeId: editing.value.assigneeId || null });
        editing.value = null;
        toast('Task saved.', { undo: async () => {
          await api.patch('/api/tasks/' + props.task.id, before);
          emit('changed');
        } });
        emit('changed');
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function remove() {
      if (!await confirmAction('Delete the task ' + props.task.title + '? Undo brings it back.', 'Delete task')) {
        return;
      }
      const task = props.task;
      try {
        await api.del('/api/tasks/' + task.id);
        toast(task.title + ' deleted.', { undo: async () => {
          await api.post('/api/tasks/' + task.id + '/restore');
          restored('TASK');
        } });
        emit('changed');
      } catch (e) {
        toast('Could not delete ' + props.task.title + ': ' + e.message, { kind: 'error' });
      }
    }
    return { editing, errors, linked, path, setStatus, edit, save, remove, can, date, userName };
  },
  template: `<li class="task" :class="{ focused }">
    <form v-if="editing" @submit.prevent="save" novalidate :aria-label="'Edit task ' + task.title">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label :for="'tt-' + task.id">Task</label><input :id="'tt-' + task.id" v-model="editing.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field narrow"><label :for="'td-' + task.id">Due</label><input :id="'td-' + task.id" v-model="editing.dueDate" type="date"><span class="error">{{ errors.dueDate }}</span></div>
        <div class="field" v-if="people.length"><label :for="'ta-' + task.id">Assignee</label>
          <select :id="'ta-' + task.id" v-model="editing.assigneeId"><option value="">Nobody</option><option v-for="u in people" :key="u.id" :value="u.id">{{ u.name }}</option></select></div>
      </div>
      <p class="row"><button>Save task</button><button type="button" class="secondary" @click="editing = null">Cancel</button></p>
    </form>
    <div v-else class="row spread">
      <span><span :class="{ done: task.status === 'DONE' }">{{ task.title }}</span>
        <span class="hint">{{ task.dueDate ? ' · due ' + date(task.dueDate) : '' }}{{ userName(people, task.assigneeId) ? ' · ' + userName(people, task.assigneeId) : '' }}</span>
        <span v-if="path && linked" class="hint"> · </span><router-link v-if="path && linked" :to="path" class="linked">{{ linked }}</router-link></span>
      <span class="row actions" v-if="can('TASKS', 'EDIT', task) || can('TASKS', 'DELETE', task)">
        <button v-if="can('TASKS', 'EDIT', task) && task.status !== 'DONE'" class="secondary" @click="setStatus('DONE', task.status)">Done</button>
        <button v-if="can('TASKS', 'EDIT', task) && task.status === 'DONE'" class="secondary" @click="setStatus('OPEN')">Reopen</button>
        <button v-if="can('TASKS', 'EDIT', task)" class="link" @click="edit" :aria-label="'Edit ' + task.title">Edit</button>
        <button v-if="can('TASKS', 'DELETE', task)" class="link" @click="remove" :aria-label="'Delete ' + task.title">Delete</button>
      </span>
    </div>
  </li>`,
};

const views = [
  { id: 'mine', label: 'My open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'done', label: 'Done' },
];

const Tasks = {
  components: { TaskItem, Pager },
  setup() {
    const route = useRoute();
    const view = ref('mine');
    const people = ref([]);
    const opened = ref(null);
    const draft = reactive({ title: '', dueDate: '' });
    const errors = ref({});
    const pager = usePager((cursor) => {
      const params = new URLSearchParams({ limit: '25' });
      if (cursor) {
        params.set('cursor', cursor);
      }
      if (view.value === 'done') {
        params.set('filter', 'status[eq]:"DONE"');
        return api.get('/api/tasks?' + params);
      }
      return api.get('/api/tasks/' + view.value + '?' + params);
    });
    async function create() {
      errors.value = {};
      try {
        await api.post('/api/tasks', { title: draft.title, dueDate: draft.dueDate || null });
        Object.assign(draft, { title: '', dueDate: '' });
        await pager.first();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    function choose(v) {
      view.value = v;
      pager.first();
    }
    async function loadOpened() {
      // a task opened from a notification or a reminder mail is shown first, whichever view it is in
      opened.value = null;
      if (route.query.task) {
        opened.value = await api.get('/api/tasks/' + encodeURIComponent(route.query.task)).catch(() => null);
      }
    }
    async function changed() {
      await loadOpened();
      await pager.reload();
    }
    onRestored(changed);
    watch(() => route.query.task, loadOpened);
    onMounted(async () => {
      people.value = await users();
      await loadOpened();
      await pager.first();
    });
    return { views, view, people, pager, draft, errors, choose, create, can, opened, changed };
  },
  template: `<main><h1>Tasks</h1>
    <form v-if="can('TASKS', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New task">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="tt">Task</label><input id="tt" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field"><label for="td">Due</label><input id="td" v-model="draft.dueDate" type="date"><span class="error">{{ errors.dueDate }}</span></div>
        <div><button>Add task</button></div>
      </div>
    </form>
    <section v-if="opened" class="panel" aria-labelledby="opened-h"><h2 id="opened-h">The task you opened</h2>
      <ul class="plain"><TaskItem :key="opened.id + opened.version" :task="opened" :people="people" focused @changed="changed"/></ul>
    </section>
    <div class="panel row" role="group" aria-label="Which tasks">
      <button v-for="v in views" :key="v.id" :class="view === v.id ? '' : 'secondary'" :aria-pressed="view === v.id" @click="choose(v.id)">{{ v.label }}</button>
    </div>
    <div v-if="pager.error" class="notice error" role="alert">{{ pager.error }}</div>
    <p v-if="pager.loading" role="status">Loading…</p>
    <p v-else-if="!pager.items.length" class="hint">Nothing here.</p>
    <ul v-else class="panel plain"><TaskItem v-for="t in pager.items" :key="t.id + t.version" :task="t" :people="people" @changed="changed"/></ul>
    <Pager :pager="pager" label="Pages of tasks"/>
  </main>`,
};

/** The tasks linked to one record, with a form to add one. */
export const RecordTasks = {
  components: { TaskItem },
  props: { type: String, recordId: String },
  emits: ['changed'],
  setup(props, { emit }) {
    const items = ref([]);
    const people = ref([]);
    const draft = reactive({ title: '', dueDate: '' });
    const errors = ref({});
    async function load() {
      const filter = encodeURIComponent('linkedRecord.id[eq]:' + JSON.stringify(props.recordId));
      items.value = (await api.get('/api/tasks?limit=100&sort=dueDate&filter=' + filter)).items;
      people.value = await users();
    }
    async function create() {
      errors.value = {};
      try {
        await api.post('/api/tasks', { title: draft.title, dueDate: draft.dueDate || null, linkedRecord: { type: props.type, id: props.recordId } });
        Object.assign(draft, { title: '', dueDate: '' });
        await load();
        emit('changed');
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function changed() {
      await load();
      emit('changed');
    }
    onRestored(changed);
    watch(() => props.recordId, load);
    onMounted(load);
    return { items, people, draft, errors, create, changed, can };
  },
  template: `<section class="panel" aria-labelledby="tasks-h"><h2 id="tasks-h">Tasks</h2>
    <p v-if="!items.length" class="hint">No tasks yet.</p>
    <ul v-else class="plain"><TaskItem v-for="t in items" :key="t.id + t.version" :task="t" :people="people" @changed="changed"/></ul>
    <form v-if="can('TASKS', 'CREATE')" @submit.prevent="create" novalidate aria-label="New task for this record">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="rt-title">New task</label><input id="rt-title" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field narrow"><label for="rt-due">Due</label><input id="rt-due" v-model="draft.dueDate" type="date"></div>
        <div><button class="secondary">Add task</button></div>
      </div>
    </form>
  </section>`,
};

export const routes = [
  { path: '/tasks', component: Tasks, meta: { auth: true } },
];

export const nav = { to: '/tasks', label: 'Tasks', resource: 'TASKS' };

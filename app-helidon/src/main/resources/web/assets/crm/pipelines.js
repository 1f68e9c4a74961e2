// Pipelines and their stages: create, rename, add stages, set each stage's probability and kind.
import { ref, onMounted } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { stageKindName } from '/assets/crm/names.js';

const Pipelines = {
  setup() {
    const items = ref([]);
    const error = ref('');
    const name = ref('');
    const message = ref('');
    const editing = ref(null);
    async function load() {
      try {
        items.value = (await api.get('/api/pipelines')).items;
      } catch (e) {
        error.value = e.message;
      }
    }
    async function create() {
      message.value = '';
      try {
        await api.post('/api/pipelines', { name: name.value, stages: [
          { name: 'New', probability: 10, kind: 'OPEN' },
          { name: 'Active', probability: 50, kind: 'OPEN' },
          { name: 'Won', probability: 100, kind: 'WON' },
          { name: 'Lost', probability: 0, kind: 'LOST' }] });
        message.value = 'Pipeline ' + name.value + ' created.';
        name.value = '';
        await load();
      } catch (e) {
        message.value = e.message;
      }
    }
    function edit(p) {
      editing.value = { id: p.id, name: p.name, stages: p.stages.map(s => ({ ...s })) };
    }
    function addStage() {
      editing.value.stages.splice(editing.value.stages.length - 2, 0, { name: '', probability: 50, kind: 'OPEN' });
    }
    async function save() {
      message.value = '';
      try {
        await api.put('/api/pipelines/' + editing.value.id, { name: editing.value.name, stages: editing.value.stages });
        message.value = 'Saved.';
        editing.value = null;
        await load();
      } catch (e) {
        message.value = e.message + (e.errors.length ? ' — ' + e.errors.map(x => x.field + ' ' + x.message).join('; ') : '');
      }
    }
    function removeStage(i) {
      editing.value.stages.splice(i, 1);
    }
    async function remove(p) {
      if (!await confirmAction('Delete the pipeline ' + p.name + '? This cannot be undone.', 'Delete pipeline')) {
        return;
      }
      try {
        await api.del('/api/pipelines/' + p.id);
        toast('Pipeline ' + p.name + ' deleted.');
        await load();
      } catch (e) {
        toast('Could not delete ' + p.name + ': ' + e.message, { kind: 'error' });
      }
    }
    onMounted(load);
    return { items, error, name, message, create, editing, edit, addStage, removeStage, save, remove, can, stageKindName };
  },
  template: `<main><h1>Pipelines</h1>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <form v-if="can('PIPELINES', 'CREATE')" class="panel row" @submit.prevent="create" novalidate aria-label="Create a pipeline">
      <div class="field"><label for="pn">New pipeline</label><input id="pn" v-model="name"></div><div><button>Create</button></div>
    </form>
    <div v-if="message" class="notice info" role="status">{{ message }}</div>
    <div v-for="p in items" :key="p.id" class="panel">
      <template v-if="editing && editing.id === p.id">
        <div class="field"><label :for="'pname-' + p.id">Pipeline name</label><input :id="'pname-' + p.id" v-model="editing.name"></div>
        <div v-for="(s, i) in editing.stages" :key="i" class="row">
          <div class="field"><label :for="'sn-' + i">Stage {{ i + 1 }}</label><input :id="'sn-' + i" v-model="s.name"></div>
          <div class="field narrow"><label :for="'sp-' + i">Probability %</label><input :id="'sp-' + i" v-model.number="s.probability" type="number" min="0" max="100"></div>
          <div class="field narrow"><label :for="'sk-' + i">Kind</label><select :id="'sk-' + i" v-model="s.kind"><option v-for="k in ['OPEN', 'WON', 'LOST']" :key="k" :value="k">{{ stageKindName(k) }}</option></select></div>
          <div><button type="button" class="link" :aria-label="'Remove stage ' + (i + 1)" @click="removeStage(i)">Remove</button></div>
        </div>
        <p class="row"><button class="secondary" @click="addStage">Add stage</button><button @click="save">Save pipeline</button><button class="secondary" @click="editing = null">Cancel</button></p>
      </template>
      <template v-else><h2>{{ p.name }}</h2><p class="hint">{{ p.stages.map(s => s.name + ' (' + s.probability + ' %)').join(' → ') }}</p>
        <p class="row"><router-link :to="'/deals?pipeline=' + p.id">Open board</router-link><button v-if="can('PIPELINES', 'EDIT')" class="secondary" @click="edit(p)">Edit stages</button>
          <button v-if="can('PIPELINES', 'DELETE') && !p.isDefault" class="danger" @click="remove(p)">Delete</button></p></template>
    </div></main>`,
};

export const routes = [
  { path: '/pipelines', component: Pipelines, meta: { auth: true } },
];

export const nav = { to: '/pipelines', label: 'Pipelines', resource: 'PIPELINES' };

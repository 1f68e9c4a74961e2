// Saved views of a list: pick one (mine, or shared with everyone), save the list as it is now under a name, remove
// one. A view is the list's URL query; sharing and removing others' shared views are offered as the server allows.
import { ref, reactive, onMounted } from 'vue';
import { api, scope, session } from '/assets/crm/session.js';
import { toast } from '/assets/shared/toast.js';
import { formErrors } from '/assets/shared/forms.js';

export const SavedViewPicker = {
  props: { list: String, current: String },
  emits: ['apply'],
  setup(props, { emit }) {
    const views = ref([]);
    const chosen = ref('');
    const saving = reactive({ open: false, name: '', shared: false });
    const errors = ref({});
    async function load() {
      views.value = (await api.get('/api/views?list=' + props.list).catch(() => ({ items: [] }))).items;
    }
    function pick() {
      const view = views.value.find(v => v.id === chosen.value);
      emit('apply', view ? view.query : '');
    }
    async function save() {
      errors.value = {};
      try {
        const view = await api.post('/api/views', { list: props.list, name: saving.name, query: props.current, shared: saving.shared });
        toast('View “' + view.name + '” saved.');
        Object.assign(saving, { open: false, name: '', shared: false });
        await load();
        chosen.value = view.id;
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    function myId() {
      return session.me ? session.me.id : null;
    }
    function removable() {
      const view = views.value.find(v => v.id === chosen.value);
      return Boolean(view) && (view.userId === myId() || scope('VIEWS', 'EDIT') === 'ALL');
    }
    async function remove() {
      const view = views.value.find(v => v.id === chosen.value);
      try {
        await api.del('/api/views/' + view.id);
        toast('View “' + view.name + '” removed.');
        chosen.value = '';
        await load();
      } catch (e) {
        toast('Could not remove the view: ' + e.message, { kind: 'error' });
      }
    }
    onMounted(load);
    return { views, chosen, saving, errors, pick, save, remove, removable, scope, myId };
  },
  template: `<div class="row saved-views">
    <div class="field narrow"><label for="view">View</label>
      <select id="view" v-model="chosen" @change="pick"><option value="">Everything</option>
        <optgroup v-if="views.some(v => v.userId === myId() && !v.shared)" label="Mine">
          <option v-for="v in views.filter(v => v.userId === myId() && !v.shared)" :key="v.id" :value="v.id">{{ v.name }}</option></optgroup>
        <optgroup v-if="views.some(v => v.shared)" label="Shared with everyone">
          <option v-for="v in views.filter(v => v.shared)" :key="v.id" :value="v.id">{{ v.name }}</option></optgroup></select></div>
    <div><button v-if="!saving.open" type="button" class="secondary" @click="saving.open = true">Save this view</button></div>
    <div v-if="removable()"><button type="button" class="secondary" @click="remove">Remove this view</button></div>
    <form v-if="saving.open" class="row" @submit.prevent="save" aria-label="Save this view">
      <div class="field"><label for="view-name">Name of the view</label><input id="view-name" v-model="saving.name" maxlength="60" aria-describedby="view-name-err">
        <span id="view-name-err" class="error">{{ errors.name || errors.form }}</span></div>
      <label v-if="scope('VIEWS', 'EDIT') === 'ALL'" class="check"><input type="checkbox" v-model="saving.shared"> Share with everyone</label>
      <div class="row"><button>Save view</button><button type="button" class="secondary" @click="saving.open = false">Cancel</button></div>
    </form></div>`,
};

// The fleet: every instance with its state, plan, health and usage, searchable and filtered.
import { ref } from 'vue';
import { api } from '/assets/console/session.js';
import { stateName } from '/assets/console/words.js';
import { relative } from '/assets/shared/format.js';

const STATES = ['PROVISIONING', 'READY', 'DEGRADED', 'SUSPENDED', 'FAILED', 'DELETING', 'DELETED'];

export const Instances = {
  setup() {
    const items = ref([]);
    const plans = ref([]);
    const loading = ref(true);
    const error = ref('');
    const q = ref('');
    const state = ref('');
    const plan = ref('');
    async function load() {
      loading.value = true;
      error.value = '';
      const params = new URLSearchParams();
      if (q.value) {
        params.set('q', q.value);
      }
      const terms = [];
      if (state.value) {
        terms.push('state[eq]:"' + state.value + '"');
      }
      if (plan.value) {
        terms.push('planId[eq]:"' + plan.value + '"');
      }
      if (terms.length) {
        params.set('filter', terms.join(','));
      }
      try {
        items.value = (await api.get('/api/admin/instances?' + params)).items;
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }
    function planName(id) {
      const known = plans.value.find(p => p.id === id);
      return known ? known.name : id;
    }
    function health(instance) {
      if (!instance.health || !instance.health.checkedAt) {
        return 'not checked yet';
      }
      return (instance.health.healthy ? 'healthy' : 'failing') + ', checked ' + relative(instance.health.checkedAt);
    }
    function usage(instance) {
      if (!instance.usage) {
        return '—';
      }
      return instance.usage.users + ' users, ' + instance.usage.contacts + ' contacts';
    }
    function filtered() {
      return Boolean(q.value || state.value || plan.value);
    }
    api.get('/api/admin/plans').then(r => { plans.value = r.items; }).catch(() => {});
    load();
    return { items, plans, loading, error, q, state, plan, load, planName, health, usage, filtered, stateName, STATES };
  },
  template: `<main><h1>Instances</h1>
    <div class="panel row">
      <div class="field"><label for="iq">Search</label><input id="iq" v-model="q" @input="load"></div>
      <div class="field"><label for="is">State</label><select id="is" v-model="state" @change="load"><option value="">All</option>
        <option v-for="s in STATES" :key="s" :value="s">{{ stateName(s) }}</option></select></div>
      <div class="field"><label for="ip">Plan</label><select id="ip" v-model="plan" @change="load"><option value="">All</option>
        <option v-for="p in plans" :key="p.id" :value="p.id">{{ p.name }}</option></select></div></div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length" class="hint">{{ filtered() ? 'No instances match these filters.' : 'No instances yet.' }}</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Instances</caption>
      <thead><tr><th scope="col">Instance</th><th scope="col">State</th><th scope="col">Plan</th><th scope="col" class="optional">Health</th><th scope="col" class="optional">Usage</th></tr></thead>
      <tbody><tr v-for="i in items" :key="i.id">
        <td><router-link :to="'/instances/' + i.id">{{ i.name }}</router-link><br><span class="hint">{{ i.url }}</span></td>
        <td><span class="state" :class="i.state">{{ stateName(i.state) }}</span></td><td>{{ planName(i.planId) }}</td>
        <td class="optional">{{ health(i) }}</td><td class="optional">{{ usage(i) }}</td></tr></tbody>
    </table></div></main>`,
};

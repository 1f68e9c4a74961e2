// Demo requests: read what prospects asked for, qualify, reject or convert one into an instance.
import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { api, isAdmin } from '/assets/console/session.js';
import { stateName } from '/assets/console/words.js';
import { dateTime } from '/assets/shared/format.js';

const STATES = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'REJECTED'];

export const Requests = {
  setup() {
    const items = ref([]);
    const loading = ref(true);
    const error = ref('');
    const state = ref('');
    const router = useRouter();
    async function load() {
      loading.value = true;
      error.value = '';
      try {
        const filter = state.value ? '?filter=' + encodeURIComponent('state[eq]:"' + state.value + '"') : '';
        items.value = (await api.get('/api/admin/demo-requests' + filter)).items;
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }
    async function act(request, action) {
      error.value = '';
      try {
        if (action === 'convert') {
          const converted = await api.post('/api/admin/demo-requests/' + request.id + '/convert');
          router.push('/instances/' + converted.instanceId);
          return;
        }
        await api.post('/api/admin/demo-requests/' + request.id + '/' + action);
        await load();
      } catch (e) {
        error.value = e.message;
      }
    }
    function open(request) {
      return isAdmin() && ['NEW', 'CONTACTED', 'QUALIFIED'].includes(request.state);
    }
    load();
    return { items, loading, error, state, load, act, open, isAdmin, stateName, dateTime, STATES };
  },
  template: `<main><h1>Demo requests</h1>
    <div class="panel row"><div class="field"><label for="st">State</label>
      <select id="st" v-model="state" @change="load"><option value="">All</option>
        <option v-for="s in STATES" :key="s" :value="s">{{ stateName(s) }}</option></select></div></div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length" class="hint">No demo requests{{ state ? ' that are ' + stateName(state).toLowerCase() : '' }}.</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Demo requests</caption>
      <thead><tr><th scope="col">Company</th><th scope="col" class="optional">Contact</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
      <tbody><tr v-for="r in items" :key="r.id">
        <td><details><summary>{{ r.companyName }}</summary>
          <p class="hint">{{ r.companySize || 'size not given' }} · {{ r.industry || 'industry not given' }}<br>
            {{ r.phone || '' }}<br>{{ r.message || 'No message.' }}<br>
            {{ r.submissions }} submission{{ r.submissions === 1 ? '' : 's' }} · {{ dateTime(r.createdAt) }}</p></details>
          <span class="hint">{{ r.subdomain }}</span></td>
        <td class="optional">{{ r.contactName }}<br><span class="hint">{{ r.email }}</span></td>
        <td><span class="state" :class="r.state">{{ stateName(r.state) }}</span></td>
        <td><div class="actions">
          <template v-if="open(r)">
            <button @click="act(r, 'convert')">Convert</button>
            <button class="secondary" v-if="r.state !== 'QUALIFIED'" @click="act(r, 'qualify')">Qualify</button>
            <button class="secondary" @click="act(r, 'reject')">Reject</button>
          </template>
          <router-link v-if="r.instanceId" :to="'/instances/' + r.instanceId">Open its instance</router-link></div></td></tr></tbody>
    </table></div></main>`,
};

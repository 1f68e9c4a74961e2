// The platform console: sign-in, demo requests and their conversion with live provisioning steps,
// the instances with their lifecycle actions.
import { createApp, ref, reactive, onMounted, onUnmounted } from 'vue';
import { createRouter, createWebHashHistory, useRouter, useRoute } from 'vue-router';
import { createApi } from '/assets/api.js';

const api = createApi('/api/admin', 'litedesk.console');
const session = reactive({ me: null });
const isAdmin = () => session.me && session.me.role !== 'VIEWER';
async function loadMe() { session.me = api.loggedIn() ? await api.get('/api/admin/auth/me').catch(() => null) : null; }

const Login = {
  setup() {
    const form = reactive({ email: '', password: '' }); const error = ref(''); const router = useRouter();
    async function submit() {
      error.value = '';
      try { await api.login(form.email, form.password); await loadMe(); router.push('/requests'); } catch (e) { error.value = e.message; }
    }
    return { form, error, submit };
  },
  template: `<main><h1>Operator sign-in</h1><form class="panel" @submit.prevent="submit" novalidate>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <div class="row"><div class="field"><label for="email">Email</label><input id="email" v-model="form.email" type="email" autocomplete="username"></div>
    <div class="field"><label for="password">Password</label><input id="password" v-model="form.password" type="password" autocomplete="current-password"></div></div>
    <p><button>Sign in</button></p></form></main>`,
};

const Requests = {
  setup() {
    const items = ref([]); const loading = ref(true); const error = ref(''); const state = ref(''); const router = useRouter();
    async function load() {
      loading.value = true; error.value = '';
      try {
        const filter = state.value ? '?filter=' + encodeURIComponent('state[eq]:"' + state.value + '"') : '';
        items.value = (await api.get('/api/admin/demo-requests' + filter)).items;
      } catch (e) { error.value = e.message; } finally { loading.value = false; }
    }
    async function act(r, action) {
      error.value = '';
      try {
        if (action === 'convert') { const res = await api.post('/api/admin/demo-requests/' + r.id + '/convert'); router.push('/instances/' + res.instanceId); return; }
        await api.post('/api/admin/demo-requests/' + r.id + '/' + action); await load();
      } catch (e) { error.value = e.message; }
    }
    onMounted(load);
    return { items, loading, error, state, load, act, isAdmin };
  },
  template: `<main><h1>Demo requests</h1>
    <div class="panel row"><div class="field"><label for="st">State</label><select id="st" v-model="state" @change="load">
      <option value="">All</option><option>NEW</option><option>CONTACTED</option><option>QUALIFIED</option><option>CONVERTED</option><option>REJECTED</option></select></div></div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length" class="hint">No demo requests{{ state ? ' in ' + state : '' }}.</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Demo requests</caption>
      <thead><tr><th scope="col">Company</th><th scope="col">Contact</th><th scope="col">Subdomain</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
      <tbody><tr v-for="r in items" :key="r.id"><td><details><summary>{{ r.companyName }}</summary><p class="hint">{{ r.companySize || 'size not given' }} · {{ r.industry || 'industry not given' }}<br>
          {{ r.phone || '' }}<br>{{ r.message || 'No message.' }}<br>{{ r.submissions }} submission{{ r.submissions === 1 ? '' : 's' }} · {{ new Date(r.createdAt).toLocaleString() }}</p></details></td>
        <td>{{ r.contactName }}<br><span class="hint">{{ r.email }}</span></td>
        <td>{{ r.subdomain }}</td><td><span class="state" :class="r.state">{{ r.state }}</span></td>
        <td><template v-if="isAdmin() && ['NEW','CONTACTED','QUALIFIED'].includes(r.state)">
          <button @click="act(r, 'convert')">Convert</button>
          <button class="secondary" v-if="r.state !== 'QUALIFIED'" @click="act(r, 'qualify')">Qualify</button>
          <button class="secondary" @click="act(r, 'reject')">Reject</button></template>
          <router-link v-if="r.instanceId" :to="'/instances/' + r.instanceId">Instance</router-link></td></tr></tbody>
    </table></div></main>`,
};

const Instances = {
  setup() {
    const items = ref([]); const loading = ref(true); const error = ref(''); const q = ref(''); const state = ref(''); const plan = ref('');
    async function load() {
      loading.value = true; error.value = '';
      const params = new URLSearchParams();
      if (q.value) params.set('q', q.value);
      const terms = [];
      if (state.value) terms.push('state[eq]:"' + state.value + '"');
      if (plan.value) terms.push('planId[eq]:"' + plan.value + '"');
      if (terms.length) params.set('filter', terms.join(','));
      try { items.value = (await api.get('/api/admin/instances?' + params)).items; }
      catch (e) { error.value = e.message; } finally { loading.value = false; }
    }
    onMounted(load);
    return { items, loading, error, q, state, plan, load };
  },
  template: `<main><h1>Instances</h1>
    <div class="panel row"><div class="field"><label for="iq">Search</label><input id="iq" v-model="q" @input="load"></div>
      <div class="field"><label for="is">State</label><select id="is" v-model="state" @change="load"><option value="">All</option>
        <option v-for="s in ['PROVISIONING','READY','DEGRADED','SUSPENDED','FAILED','DELETING','DELETED']" :key="s">{{ s }}</option></select></div>
      <div class="field"><label for="ip">Plan</label><select id="ip" v-model="plan" @change="load"><option value="">All</option>
        <option v-for="p in ['trial','starter','professional','enterprise']" :key="p">{{ p }}</option></select></div></div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length" class="hint">No instances yet.</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Instances</caption>
      <thead><tr><th scope="col">Instance</th><th scope="col">State</th><th scope="col">Plan</th><th scope="col" class="optional">Health</th><th scope="col" class="optional">Usage</th></tr></thead>
      <tbody><tr v-for="i in items" :key="i.id"><td><router-link :to="'/instances/' + i.id">{{ i.name }}</router-link><br><span class="hint">{{ i.url }}</span></td>
        <td><span class="state" :class="i.state">{{ i.state }}</span></td><td>{{ i.planId }}</td>
        <td class="optional">{{ i.health && i.health.checkedAt ? (i.health.healthy ? 'healthy' : 'failing') + ' · ' + new Date(i.health.checkedAt).toLocaleTimeString() : 'not checked yet' }}</td>
        <td class="optional">{{ i.usage ? i.usage.users + ' users, ' + i.usage.contacts + ' contacts' : '—' }}</td></tr></tbody>
    </table></div></main>`,
};

const InstanceDetail = {
  setup() {
    const route = useRoute(); const id = route.params.id;
    const instance = ref(null); const steps = ref([]); const error = ref(''); const message = ref(''); let timer;
    const health = ref([]); const usage = ref([]); const backups = ref([]); const plan = ref(''); const plans = ref([]);
    const healthCanvas = ref(null); const usageCanvas = ref(null); let charts = [];
    async function load() {
      try {
        instance.value = await api.get('/api/admin/instances/' + id);
        steps.value = (await api.get('/api/admin/instances/' + id + '/provisioning')).steps;
        health.value = (await api.get('/api/admin/instances/' + id + '/health')).items;
        usage.value = (await api.get('/api/admin/instances/' + id + '/metrics')).items;
        backups.value = (await api.get('/api/admin/instances/' + id + '/backups')).items;
        if (!plans.value.length) plans.value = (await api.get('/api/admin/plans')).items;
        if (!plan.value) plan.value = instance.value.planId;
        error.value = '';
        drawCharts();
      } catch (e) { error.value = e.message; }
      const busy = instance.value && ['PROVISIONING', 'DELETING'].includes(instance.value.state);
      timer = setTimeout(load, busy ? 700 : 5000);
    }
    function drawCharts() {
      if (!window.Chart || !healthCanvas.value) return;
      charts.forEach(c => c.destroy());
      const time = (s) => new Date(s.at).toLocaleTimeString();
      charts = [
        new window.Chart(healthCanvas.value, { type: 'line', options: { animation: false, scales: { y: { beginAtZero: true } } },
          data: { labels: health.value.map(time), datasets: [{ label: 'Health check latency (ms)', data: health.value.map(h => h.latencyMillis) }] } }),
        new window.Chart(usageCanvas.value, { type: 'line', options: { animation: false, scales: { y: { beginAtZero: true } } },
          data: { labels: usage.value.map(time), datasets: [{ label: 'Contacts', data: usage.value.map(u => u.contacts) },
                                                            { label: 'Users', data: usage.value.map(u => u.users) }] } }),
      ];
    }
    async function changePlan() {
      message.value = '';
      try { instance.value = await api.put('/api/admin/instances/' + id + '/plan', { planId: plan.value }); message.value = 'Plan changed to ' + plan.value + '.'; }
      catch (e) { message.value = e.message; }
    }
    const restoreTo = reactive({});
    async function restore(b, subdomain) {
      if (!subdomain && !window.confirm('Replace the data of ' + instance.value.name + ' with this backup?')) return;
      message.value = '';
      try {
        const res = await api.post('/api/admin/instances/' + id + '/backups/' + b.id + '/restore', subdomain ? { subdomain } : {});
        message.value = subdomain ? 'Restoring into a new instance: ' + res.instanceId : 'Restored.';
      } catch (e) { message.value = e.message + (e.errors.length ? ' — ' + e.errors.map(x => x.field + ' ' + x.message).join('; ') : ''); }
    }
    async function backup() {
      message.value = '';
      try { await api.post('/api/admin/instances/' + id + '/backups'); message.value = 'Backup taken.'; backups.value = (await api.get('/api/admin/instances/' + id + '/backups')).items; }
      catch (e) { message.value = e.message; }
    }
    async function act(action) {
      if (action === 'delete' && !window.confirm('Delete ' + instance.value.name + ' and all its data?')) return;
      if (action === 'suspend' && !window.confirm('Suspend ' + instance.value.name + '? Its users will see a suspended page.')) return;
      message.value = '';
      try {
        if (action === 'delete') await api.del('/api/admin/instances/' + id); else await api.post('/api/admin/instances/' + id + '/' + action);
        message.value = 'Done: ' + action + '.'; clearTimeout(timer); load();
      } catch (e) { message.value = e.message; }
    }
    onMounted(load); onUnmounted(() => { clearTimeout(timer); charts.forEach(c => c.destroy()); });
    return { instance, steps, error, message, act, isAdmin, health, usage, backups, plan, plans, changePlan, backup, healthCanvas, usageCanvas, restore, restoreTo };
  },
  template: `<main><p v-if="!instance && !error" role="status">Loading…</p>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <template v-if="instance"><h1>{{ instance.name }} <span class="state" :class="instance.state" data-testid="instance-state">{{ instance.state }}</span></h1>
      <div class="panel"><p><a :href="instance.url">{{ instance.url }}</a> · plan {{ instance.planId }} · owner {{ instance.ownerEmail }}</p>
        <p v-if="instance.stateReason" class="hint">{{ instance.stateReason }}</p>
        <div v-if="message" class="notice info" role="status">{{ message }}</div>
        <p v-if="isAdmin()" class="row">
          <button v-if="['READY','DEGRADED'].includes(instance.state)" class="secondary" @click="act('suspend')">Suspend</button>
          <button v-if="instance.state === 'SUSPENDED'" @click="act('resume')">Resume</button>
          <button v-if="instance.state === 'FAILED'" @click="act('retry')">Retry</button>
          <button v-if="!['DELETING','DELETED'].includes(instance.state)" class="danger" @click="act('delete')">Delete</button></p></div>
      <h2>Provisioning</h2>
      <div class="table-wrap"><table><caption class="sr-only">Provisioning steps</caption>
        <thead><tr><th scope="col">Step</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col" class="optional">Took</th><th scope="col">Last error</th></tr></thead>
        <tbody><tr v-for="s in steps" :key="s.name"><td>{{ s.name }}</td><td><span class="state" :class="s.state">{{ s.state }}</span></td>
          <td>{{ s.attempts }}</td><td class="optional">{{ s.durationMillis != null ? s.durationMillis + ' ms' : '' }}</td><td class="error">{{ s.lastError }}</td></tr></tbody>
      </table></div>
      <h2>Plan</h2>
      <div class="panel row" v-if="isAdmin()"><div class="field"><label for="plan">Plan</label><select id="plan" v-model="plan">
        <option v-for="p in plans" :key="p.id" :value="p.id">{{ p.name }}</option></select></div><div><button class="secondary" @click="changePlan">Change plan</button></div></div>
      <h2>Health and usage</h2>
      <div class="panel"><p v-if="!health.length" class="hint">No health checks yet.</p><canvas ref="healthCanvas" aria-label="Health check latency" role="img"></canvas></div>
      <div class="panel"><p v-if="!usage.length" class="hint">No usage samples yet.</p><canvas ref="usageCanvas" aria-label="Usage over time" role="img"></canvas></div>
      <h2>Backups</h2>
      <div class="panel"><p v-if="isAdmin()"><button class="secondary" @click="backup">Back up now</button></p>
        <p v-if="!backups.length" class="hint">No backups yet.</p>
        <ul><li v-for="b in backups" :key="b.id">{{ new Date(b.createdAt).toLocaleString() }} — {{ b.documents }} documents, {{ b.sizeBytes }} bytes ({{ b.trigger }})
          <template v-if="isAdmin()"> <button class="secondary" @click="restore(b, '')">Restore here</button>
            <label class="sr-only" :for="'rs-' + b.id">New subdomain</label><input :id="'rs-' + b.id" v-model="restoreTo[b.id]" placeholder="new subdomain" style="width:auto">
            <button class="secondary" @click="restore(b, restoreTo[b.id])">Restore as new instance</button></template></li></ul></div>
      </template></main>`,
};

const Metrics = {
  setup() {
    const data = ref(null); const error = ref(''); const canvas = ref(null); let chart;
    onMounted(async () => {
      try {
        data.value = await api.get('/api/metrics/aggregated');
        const plans = Object.keys(data.value.byPlan);
        if (window.Chart && canvas.value) chart = new window.Chart(canvas.value, { type: 'bar', options: { animation: false },
          data: { labels: plans, datasets: [{ label: 'Instances', data: plans.map(p => data.value.byPlan[p].instances) },
                                            { label: 'Users', data: plans.map(p => data.value.byPlan[p].users) }] } });
      } catch (e) { error.value = e.message; }
    });
    onUnmounted(() => chart && chart.destroy());
    return { data, error, canvas };
  },
  template: `<main><h1>Metrics</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!data && !error" role="status">Loading…</p>
    <template v-if="data"><div class="panel"><p>{{ data.totals.instances }} instances · {{ data.totals.users }} users · {{ data.totals.contacts }} contacts ·
      {{ data.totals.deals }} deals · {{ Math.round(data.totals.storageBytes / 1024) }} KiB</p></div>
      <div class="panel"><canvas ref="canvas" role="img" aria-label="Instances and users per plan"></canvas></div>
      <div class="table-wrap"><table><caption class="sr-only">Per state</caption><thead><tr><th scope="col">State</th><th scope="col">Instances</th><th scope="col">Contacts</th></tr></thead>
        <tbody><tr v-for="(t, state) in data.byState" :key="state"><td>{{ state }}</td><td>{{ t.instances }}</td><td>{{ t.contacts }}</td></tr></tbody></table></div></template></main>`,
};

// Only while no mail provider is configured, and only for platform admins: its links are live one-time credentials.
const Outbox = {
  setup() {
    const items = ref(null); const error = ref(''); const note = ref('');
    onMounted(async () => {
      try { const outbox = await api.get('/api/admin/outbox'); note.value = outbox.note; items.value = outbox.items; }
      catch (e) { error.value = e.message; }
    });
    return { items, error, note };
  },
  template: `<main><h1>Development outbox</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="note" class="notice info">{{ note }}</p>
    <p v-if="items === null && !error" role="status">Loading…</p><p v-else-if="items && !items.length" class="hint">No mail yet.</p>
    <article v-for="m in items || []" :key="m.id" class="panel"><h2>{{ m.subject }}</h2><p class="hint">to {{ m.to }} · {{ new Date(m.sentAt).toLocaleString() }}</p>
      <pre style="white-space: pre-wrap">{{ m.text }}</pre></article></main>`,
};

const Audit = {
  setup() {
    const items = ref(null); const error = ref('');
    onMounted(async () => { try { items.value = (await api.get('/api/admin/audit')).items; } catch (e) { error.value = e.message; } });
    return { items, error };
  },
  template: `<main><h1>Audit log</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="items === null && !error" role="status">Loading…</p><p v-else-if="items && !items.length" class="hint">Nothing audited yet.</p>
    <div v-else-if="items" class="table-wrap"><table><caption class="sr-only">Audit log</caption><thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Outcome</th><th scope="col" class="optional">By</th></tr></thead>
      <tbody><tr v-for="e in items" :key="e.id"><td>{{ new Date(e.at).toLocaleString() }}</td><td>{{ e.action }}</td><td>{{ e.outcome }}</td><td class="optional">{{ e.actorId }}</td></tr></tbody></table></div></main>`,
};

const routes = [
  { path: '/', redirect: '/requests' },
  { path: '/login', component: Login },
  { path: '/requests', component: Requests, meta: { auth: true } },
  { path: '/instances', component: Instances, meta: { auth: true } },
  { path: '/instances/:id', component: InstanceDetail, meta: { auth: true } },
  { path: '/metrics', component: Metrics, meta: { auth: true } },
  { path: '/outbox', component: Outbox, meta: { auth: true } },
  { path: '/audit', component: Audit, meta: { auth: true } },
];
const router = createRouter({ history: createWebHashHistory(), routes });
router.beforeEach((to) => (to.meta.auth && !api.loggedIn() ? '/login' : true));

await api.restore(); // a reload keeps the session: a new access token from the session cookie
createApp({
  setup() {
    async function signOut() { await api.logout(); session.me = null; router.push('/login'); }
    onMounted(loadMe);
    return { session, signOut, isAdmin };
  },
  template: `<header class="bar"><strong>LiteDesk console</strong>
      <nav v-if="session.me" aria-label="Main"><router-link to="/requests">Demo requests</router-link><router-link to="/instances">Instances</router-link>
        <router-link to="/metrics">Metrics</router-link><router-link v-if="isAdmin()" to="/outbox">Outbox</router-link><router-link to="/audit">Audit</router-link></nav>
      <span v-if="session.me">{{ session.me.email }} <button class="secondary" @click="signOut">Sign out</button></span></header>
    <router-view/>`,
}).use(router).mount('#app');

// The tenant CRM: sign-in, set-password, contacts and the deal board of one instance.
import { createApp, ref, reactive, computed, onMounted } from 'vue';
import { createRouter, createWebHashHistory, useRouter, useRoute } from 'vue-router';
import { createApi, fieldErrors } from '/assets/api.js';

const api = createApi('/api', 'litedesk.crm');
const session = reactive({ me: null });
const canWrite = computed(() => session.me && session.me.role !== 'VIEWER');
const money = (amount, currency) => new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR' }).format(Number(amount || 0));

async function loadMe() {
  session.me = api.loggedIn() ? await api.get('/api/auth/me').catch(() => null) : null;
}

const Login = {
  setup() {
    const form = reactive({ email: '', password: '' }); const error = ref(''); const busy = ref(false); const router = useRouter();
    async function submit() {
      busy.value = true; error.value = '';
      try { await api.login(form.email, form.password); await loadMe(); router.push('/contacts'); }
      catch (e) { error.value = e.message; } finally { busy.value = false; }
    }
    return { form, error, busy, submit };
  },
  template: `<main><h1>Sign in</h1><form class="panel" @submit.prevent="submit" novalidate>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <div class="row"><div class="field"><label for="email">Email</label><input id="email" v-model="form.email" type="email" autocomplete="username" required></div>
    <div class="field"><label for="password">Password</label><input id="password" v-model="form.password" type="password" autocomplete="current-password" required></div></div>
    <p><button :disabled="busy">{{ busy ? 'Signing in…' : 'Sign in' }}</button></p></form></main>`,
};

const SetPassword = {
  setup() {
    const token = new URLSearchParams(window.location.search).get('token') || '';
    const form = reactive({ password: '', repeat: '' }); const error = ref(''); const done = ref(false);
    async function submit() {
      error.value = '';
      if (form.password !== form.repeat) { error.value = 'The two passwords differ.'; return; }
      try { await api.post('/api/auth/set-password', { token, password: form.password }); done.value = true; }
      catch (e) { error.value = (fieldErrors(e).password) || e.message; }
    }
    return { form, error, done, submit, token };
  },
  template: `<main><h1>Choose your password</h1>
    <div v-if="done" class="notice info" role="status">Your password is set. <a href="/#/login">Sign in</a></div>
    <form v-else class="panel" @submit.prevent="submit" novalidate>
      <div v-if="!token" class="notice error" role="alert">This link has no token; open the link from your invitation mail.</div>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row"><div class="field"><label for="pw">New password (10 characters or more)</label><input id="pw" v-model="form.password" type="password" autocomplete="new-password"></div>
      <div class="field"><label for="pw2">Repeat it</label><input id="pw2" v-model="form.repeat" type="password" autocomplete="new-password"></div></div>
      <p><button :disabled="!token">Set password</button></p></form></main>`,
};

const Contacts = {
  setup() {
    const items = ref([]); const next = ref(null); const q = ref(''); const sort = ref('-createdAt'); const tag = ref(''); const loading = ref(true); const error = ref('');
    const draft = reactive({ firstName: '', lastName: '', email: '' }); const errors = ref({}); const saved = ref('');
    async function load(more) {
      loading.value = true; error.value = '';
      try {
        const params = new URLSearchParams({ limit: '50' });
        if (q.value) params.set('q', q.value);
        if (sort.value) params.set('sort', sort.value);
        if (tag.value) params.set('filter', 'tags[eq]:' + JSON.stringify(tag.value));
        if (more && next.value) params.set('cursor', next.value);
        const page = await api.get('/api/contacts?' + params);
        items.value = more ? items.value.concat(page.items) : page.items; next.value = page.nextCursor;
      } catch (e) { error.value = e.message; } finally { loading.value = false; }
    }
    async function create() {
      errors.value = {}; saved.value = '';
      try {
        const c = await api.post('/api/contacts', { firstName: draft.firstName, lastName: draft.lastName, emails: draft.email ? [draft.email] : [] });
        items.value = [c].concat(items.value); saved.value = c.firstName + ' ' + c.lastName + ' added.';
        Object.assign(draft, { firstName: '', lastName: '', email: '' });
      } catch (e) { errors.value = fieldErrors(e); if (!Object.keys(errors.value).length) errors.value = { form: e.message }; }
    }
    let timer; function search() { clearTimeout(timer); timer = setTimeout(() => load(false), 250); }
    const csv = ref(''); const report = ref(null); const importing = ref(false);
    async function pick(ev) { const f = ev.target.files[0]; csv.value = f ? await f.text() : ''; report.value = null; if (f) preview(); }
    async function preview() {
      importing.value = true;
      try { report.value = await api.send('POST', '/api/contacts/import?dryRun=true', csv.value, 'text/csv'); }
      catch (e) { report.value = { error: e.message }; } finally { importing.value = false; }
    }
    async function runImport() {
      importing.value = true;
      try { report.value = await api.send('POST', '/api/contacts/import', csv.value, 'text/csv'); csv.value = ''; await load(false); }
      catch (e) { report.value = { error: e.message }; } finally { importing.value = false; }
    }
    async function exportCsv() {
      const params = new URLSearchParams();
      if (q.value) params.set('q', q.value);
      if (tag.value) params.set('filter', 'tags[eq]:' + JSON.stringify(tag.value));
      const blob = await api.blob('/api/contacts/export?' + params);
      const a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = 'contacts.csv'; a.click(); URL.revokeObjectURL(a.href);
    }
    onMounted(() => load(false));
    return { items, next, q, sort, tag, loading, error, draft, errors, saved, load, create, search, canWrite, csv, report, importing, pick, runImport, exportCsv, session };
  },
  template: `<main><h1>Contacts</h1>
    <form v-if="canWrite" class="panel" @submit.prevent="create" novalidate aria-label="New contact">
      <h2>New contact</h2>
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div v-if="saved" class="notice info" role="status">{{ saved }}</div>
      <div class="row">
        <div class="field"><label for="fn">First name</label><input id="fn" v-model="draft.firstName"></div>
        <div class="field"><label for="ln">Last name</label><input id="ln" v-model="draft.lastName" :aria-invalid="!!errors.lastName" aria-describedby="ln-err"><span id="ln-err" class="error">{{ errors.lastName }}</span></div>
        <div class="field"><label for="em">Email</label><input id="em" v-model="draft.email" type="email" :aria-invalid="!!errors['emails[0]']"><span class="error">{{ errors['emails[0]'] || errors.emails }}</span></div>
        <div><button>Add contact</button></div>
      </div>
    </form>
    <div class="panel row"><div class="field"><label for="q">Search</label><input id="q" v-model="q" @input="search" placeholder="Name, email…"></div>
      <div class="field" style="flex:0 1 200px"><label for="tag">Tag</label><input id="tag" v-model="tag" @input="search" placeholder="e.g. vip"></div>
      <div class="field" style="flex:0 1 200px"><label for="sort">Sort</label><select id="sort" v-model="sort" @change="load(false)">
        <option value="-createdAt">Newest first</option><option value="createdAt">Oldest first</option><option value="lastName">Last name</option></select></div>
      <div><button class="secondary" @click="exportCsv">Export CSV</button></div></div>
    <div v-if="canWrite && session.me && session.me.role !== 'MANAGER'" class="panel"><h2>Import from CSV</h2>
      <div class="field"><label for="csv">CSV file (firstName, lastName, email, title, tags, …)</label><input id="csv" type="file" accept=".csv,text/csv" @change="pick"></div>
      <p v-if="importing" role="status">Checking…</p>
      <div v-if="report && report.error" class="notice error" role="alert">{{ report.error }}</div>
      <div v-else-if="report" role="status"><p>{{ report.dryRun ? 'Preview' : 'Imported' }}: {{ report.rows }} rows — {{ report.created }} new, {{ report.updated }} updated, {{ report.failed }} failed.</p>
        <div v-if="report.errors.length" class="table-wrap"><table><caption class="sr-only">Rows with errors</caption><thead><tr><th scope="col">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody><tr v-for="(e, i) in report.errors" :key="i"><td>{{ e.row }}</td><td>{{ e.field }}</td><td>{{ e.message }}</td></tr></tbody></table></div>
        <p v-if="report.dryRun && csv"><button @click="runImport">Import {{ report.created + report.updated }} contacts</button></p></div>
    </div>
    <div v-if="error" class="notice error" role="alert">{{ error }} <button class="secondary" @click="load(false)">Try again</button></div>
    <div class="table-wrap"><table><caption class="sr-only">Contacts</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col" class="optional">Title</th></tr></thead>
      <tbody><tr v-for="c in items" :key="c.id"><td><router-link :to="'/contacts/' + c.id">{{ c.firstName }} {{ c.lastName }}</router-link></td><td>{{ (c.emails || [])[0] }}</td><td class="optional">{{ c.title }}</td></tr></tbody>
    </table></div>
    <p v-if="loading" role="status">Loading…</p>
    <p v-else-if="!items.length && !error" class="hint">No contacts yet{{ q ? ' match “' + q + '”' : '' }}.</p>
    <p v-if="next && !loading"><button class="secondary" @click="load(true)">Load more</button></p>
  </main>`,
};

const Board = {
  setup() {
    const route = useRoute(); const pipelines = ref([]); const pipeline = ref(route.query.pipeline || ''); let loads = 0;
    const board = ref(null); const loading = ref(true); const error = ref(''); const message = ref(''); const over = ref(null);
    const draft = reactive({ title: '', value: '', currency: 'EUR' }); const errors = ref({});
    async function load() {
      loading.value = true; error.value = '';
      try {
        const ticket = ++loads; // a newer load (another pipeline chosen) wins over an older answer
        if (!pipelines.value.length) pipelines.value = (await api.get('/api/pipelines')).items;
        const b = await api.get('/api/deals/board' + (pipeline.value ? '?pipelineId=' + encodeURIComponent(pipeline.value) : ''));
        if (ticket !== loads) return;
        if (!pipeline.value) pipeline.value = b.pipeline.id;
        b.columns.forEach(c => { c.stageId = c.stage.id; c.name = c.stage.name; });
        board.value = b;
      } catch (e) { error.value = e.message; } finally { loading.value = false; }
    }
    const columnOf = (stageId) => board.value.columns.find(c => c.stageId === stageId);
    function shift(deal, from, to) {
      from.deals = from.deals.filter(d => d.id !== deal.id); from.count -= 1;
      to.deals = [deal].concat(to.deals); to.count += 1;
      const cur = deal.currency;
      from.totals = { ...from.totals, [cur]: Number(from.totals[cur] || 0) - Number(deal.value || 0) };
      to.totals = { ...to.totals, [cur]: Number(to.totals[cur] || 0) + Number(deal.value || 0) };
    }
    async function move(deal, fromId, toId) {
      if (fromId === toId || !canWrite.value) return;
      const from = columnOf(fromId), to = columnOf(toId);
      shift(deal, from, to); message.value = '';
      try {
        const moved = await api.post('/api/deals/' + deal.id + '/move', { stageId: toId, position: 0 });
        Object.assign(deal, moved);
        message.value = deal.title + ' moved to ' + to.name + '.';
      } catch (e) {
        shift(deal, to, from); // the server refused: put it back
        message.value = 'Could not move ' + deal.title + ': ' + e.message;
      }
    }
    function onDragStart(ev, deal, stageId) { ev.dataTransfer.setData('text/plain', JSON.stringify({ id: deal.id, from: stageId })); }
    function onDrop(ev, stageId) {
      over.value = null;
      const data = JSON.parse(ev.dataTransfer.getData('text/plain') || '{}');
      const deal = (columnOf(data.from) || { deals: [] }).deals.find(d => d.id === data.id);
      if (deal) move(deal, data.from, stageId);
    }
    function onKey(ev, deal, stageId) {
      const ids = board.value.columns.map(c => c.stageId); const i = ids.indexOf(stageId);
      if (ev.key === 'ArrowRight' && i < ids.length - 1) { ev.preventDefault(); move(deal, stageId, ids[i + 1]); }
      if (ev.key === 'ArrowLeft' && i > 0) { ev.preventDefault(); move(deal, stageId, ids[i - 1]); }
    }
    async function create() {
      errors.value = {};
      try {
        await api.post('/api/deals', { title: draft.title, value: draft.value === '' ? null : Number(draft.value), currency: draft.currency, pipelineId: pipeline.value });
        Object.assign(draft, { title: '', value: '' }); await load();
      } catch (e) { errors.value = fieldErrors(e); if (!Object.keys(errors.value).length) errors.value = { form: e.message }; }
    }
    onMounted(load);
    return { board, loading, error, message, over, draft, errors, create, onDragStart, onDrop, onKey, money, canWrite, load, pipelines, pipeline };
  },
  template: `<main><h1>Deals</h1>
    <div class="panel row" v-if="pipelines.length > 1"><div class="field"><label for="pp">Pipeline</label><select id="pp" v-model="pipeline" @change="load">
      <option v-for="p in pipelines" :key="p.id" :value="p.id">{{ p.name }}</option></select></div></div>
    <form v-if="canWrite" class="panel" @submit.prevent="create" novalidate aria-label="New deal">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="dt">Deal</label><input id="dt" v-model="draft.title" :aria-invalid="!!errors.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field"><label for="dv">Value</label><input id="dv" v-model="draft.value" inputmode="decimal"><span class="error">{{ errors.value }}</span></div>
        <div class="field"><label for="dc">Currency</label><select id="dc" v-model="draft.currency"><option>EUR</option><option>USD</option><option>GBP</option></select></div>
        <div><button>Add deal</button></div>
      </div>
    </form>
    <p v-if="canWrite" class="hint">Drag a deal to another stage, or focus it and press ← or →.</p>
    <div class="notice info" role="status" aria-live="polite" v-if="message">{{ message }}</div>
    <div v-if="error" class="notice error" role="alert">{{ error }} <button class="secondary" @click="load">Try again</button></div>
    <p v-if="loading" role="status">Loading…</p>
    <div v-else-if="board" class="board">
      <section v-for="col in board.columns" :key="col.stageId" class="column" :class="{ drop: over === col.stageId }" :data-stage="col.stageId"
               @dragover.prevent="over = col.stageId" @dragleave="over = null" @drop.prevent="onDrop($event, col.stageId)" :aria-label="col.name">
        <h2>{{ col.name }}</h2>
        <p class="hint" :data-testid="'totals-' + col.stageId">{{ col.count }} deal{{ col.count === 1 ? '' : 's' }}<span v-for="(sum, cur) in col.totals" :key="cur"> · {{ money(sum, cur) }}</span></p>
        <p v-if="!col.deals.length" class="hint">No deals.</p>
        <article v-for="d in col.deals" :key="d.id" class="card" :draggable="canWrite" :tabindex="canWrite ? 0 : -1"
                 @dragstart="onDragStart($event, d, col.stageId)" @keydown="onKey($event, d, col.stageId)" :aria-label="d.title + ', ' + money(d.value, d.currency)">
          <router-link :to="'/deals/' + d.id" draggable="false"><strong>{{ d.title }}</strong></router-link><br><span class="hint">{{ money(d.value, d.currency) }}</span>
        </article>
      </section>
    </div>
  </main>`,
};

/** One contact, company or deal with its notes and timeline. */
const RecordPage = {
  props: { type: String },
  setup(props) {
    const route = useRoute(); const id = route.params.id;
    const base = { CONTACT: '/api/contacts/', COMPANY: '/api/companies/', DEAL: '/api/deals/' }[props.type];
    const back = { CONTACT: ['/contacts', 'Contacts'], COMPANY: ['/companies', 'Companies'], DEAL: ['/deals', 'Deals'] }[props.type];
    const record = ref(null); const timeline = ref([]); const error = ref(''); const note = ref(''); const noteError = ref('');
    const title = computed(() => !record.value ? '' : props.type === 'CONTACT' ? record.value.firstName + ' ' + record.value.lastName
      : props.type === 'COMPANY' ? record.value.name : record.value.title);
    const facts = computed(() => {
      const r = record.value; if (!r) return '';
      if (props.type === 'CONTACT') return ((r.emails || []).join(', ') || 'No email') + (r.title ? ' · ' + r.title : '');
      if (props.type === 'COMPANY') return (r.domain || 'No domain') + (r.industry ? ' · ' + r.industry : '');
      return money(r.value, r.currency) + ' · ' + r.stageId + ' · ' + r.status;
    });
    async function load() {
      try { record.value = await api.get(base + id); timeline.value = (await api.get(base + id + '/timeline')).items; }
      catch (e) { error.value = e.message; }
    }
    async function addNote() {
      noteError.value = '';
      try { await api.post('/api/notes', { text: note.value, target: { type: props.type, id } }); note.value = ''; await load(); }
      catch (e) { noteError.value = (fieldErrors(e).text) || e.message; }
    }
    onMounted(load);
    return { record, title, facts, timeline, error, note, noteError, addNote, canWrite, back };
  },
  template: `<main><p><router-link :to="back[0]">← {{ back[1] }}</router-link></p>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div><p v-if="!record && !error" role="status">Loading…</p>
    <template v-if="record"><h1>{{ title }}</h1>
      <div class="panel"><p>{{ facts }}</p><p v-if="record.tags && record.tags.length" class="hint">Tags: {{ record.tags.join(', ') }}</p></div>
      <form v-if="canWrite" class="panel" @submit.prevent="addNote" novalidate aria-label="Add a note"><div class="field"><label for="note">Note</label>
        <textarea id="note" v-model="note" rows="3" :aria-invalid="!!noteError"></textarea><span class="error">{{ noteError }}</span></div><p><button>Add note</button></p></form>
      <h2>Timeline</h2><p v-if="!timeline.length" class="hint">Nothing yet.</p>
      <ol class="panel" v-else><li v-for="(t, i) in timeline" :key="i"><strong>{{ t.summary }}</strong> <span class="hint">{{ t.kind }} · {{ new Date(t.at).toLocaleString() }}</span></li></ol>
    </template></main>`,
};

const Pipelines = {
  setup() {
    const items = ref([]); const error = ref(''); const name = ref(''); const message = ref(''); const editing = ref(null);
    async function load() { try { items.value = (await api.get('/api/pipelines')).items; } catch (e) { error.value = e.message; } }
    async function create() {
      message.value = '';
      try {
        await api.post('/api/pipelines', { name: name.value, stages: [
          { name: 'New', probability: 10, kind: 'OPEN' }, { name: 'Active', probability: 50, kind: 'OPEN' },
          { name: 'Won', probability: 100, kind: 'WON' }, { name: 'Lost', probability: 0, kind: 'LOST' }] });
        message.value = 'Pipeline ' + name.value + ' created.'; name.value = ''; await load();
      } catch (e) { message.value = e.message; }
    }
    function edit(p) { editing.value = { id: p.id, name: p.name, stages: p.stages.map(s => ({ ...s })) }; }
    function addStage() { editing.value.stages.splice(editing.value.stages.length - 2, 0, { name: '', probability: 50, kind: 'OPEN' }); }
    async function save() {
      message.value = '';
      try { await api.put('/api/pipelines/' + editing.value.id, { name: editing.value.name, stages: editing.value.stages }); message.value = 'Saved.'; editing.value = null; await load(); }
      catch (e) { message.value = e.message + (e.errors.length ? ' — ' + e.errors.map(x => x.field + ' ' + x.message).join('; ') : ''); }
    }
    onMounted(load);
    return { items, error, name, message, create, editing, edit, addStage, save };
  },
  template: `<main><h1>Pipelines</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <form class="panel row" @submit.prevent="create" novalidate aria-label="Create a pipeline"><div class="field"><label for="pn">New pipeline</label><input id="pn" v-model="name"></div><div><button>Create</button></div></form>
    <div v-if="message" class="notice info" role="status">{{ message }}</div>
    <div v-for="p in items" :key="p.id" class="panel">
      <template v-if="editing && editing.id === p.id">
        <div class="field"><label :for="'pname-' + p.id">Pipeline name</label><input :id="'pname-' + p.id" v-model="editing.name"></div>
        <div v-for="(s, i) in editing.stages" :key="i" class="row">
          <div class="field"><label :for="'sn-' + i">Stage {{ i + 1 }}</label><input :id="'sn-' + i" v-model="s.name"></div>
          <div class="field" style="flex:0 1 140px"><label :for="'sp-' + i">Probability %</label><input :id="'sp-' + i" v-model.number="s.probability" type="number" min="0" max="100"></div>
          <div class="field" style="flex:0 1 140px"><label :for="'sk-' + i">Kind</label><select :id="'sk-' + i" v-model="s.kind"><option>OPEN</option><option>WON</option><option>LOST</option></select></div>
        </div>
        <p class="row"><button class="secondary" @click="addStage">Add stage</button><button @click="save">Save pipeline</button><button class="secondary" @click="editing = null">Cancel</button></p>
      </template>
      <template v-else><h2>{{ p.name }}</h2><p class="hint">{{ p.stages.map(s => s.name + ' (' + s.probability + ' %)').join(' → ') }}</p>
        <p class="row"><router-link :to="'/deals?pipeline=' + p.id">Open board</router-link><button class="secondary" @click="edit(p)">Edit stages</button></p></template>
    </div></main>`,
};

const Account = {
  setup() {
    const form = reactive({ currentPassword: '', newPassword: '' }); const message = ref(''); const error = ref('');
    async function submit() {
      message.value = ''; error.value = '';
      try { await api.post('/api/auth/password', { ...form }); message.value = 'Your password is changed; your other sessions have ended.'; Object.assign(form, { currentPassword: '', newPassword: '' }); }
      catch (e) { const f = fieldErrors(e); error.value = f.newPassword || f.currentPassword || e.message; }
    }
    return { form, message, error, submit, session };
  },
  template: `<main><h1>My account</h1><div class="panel" v-if="session.me"><p>{{ session.me.name }} · {{ session.me.email }} · {{ session.me.role }}</p></div>
    <form class="panel" @submit.prevent="submit" novalidate aria-label="Change password">
      <div v-if="message" class="notice info" role="status">{{ message }}</div><div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row"><div class="field"><label for="cp">Current password</label><input id="cp" v-model="form.currentPassword" type="password" autocomplete="current-password"></div>
      <div class="field"><label for="np">New password</label><input id="np" v-model="form.newPassword" type="password" autocomplete="new-password"></div>
      <div><button>Change password</button></div></div></form></main>`,
};

const Tasks = {
  setup() {
    const view = ref('mine'); const items = ref([]); const loading = ref(true); const error = ref(''); const draft = reactive({ title: '', dueDate: '' }); const errors = ref({});
    async function load() {
      loading.value = true; error.value = '';
      try { items.value = (await api.get(view.value === 'done' ? '/api/tasks?filter=' + encodeURIComponent('status[eq]:"DONE"') : '/api/tasks/' + view.value)).items; }
      catch (e) { error.value = e.message; } finally { loading.value = false; }
    }
    async function create() {
      errors.value = {};
      try { await api.post('/api/tasks', { title: draft.title, dueDate: draft.dueDate || null }); Object.assign(draft, { title: '', dueDate: '' }); await load(); }
      catch (e) { errors.value = fieldErrors(e); if (!Object.keys(errors.value).length) errors.value = { form: e.message }; }
    }
    async function done(t) {
      try { await api.patch('/api/tasks/' + t.id, { status: 'DONE' }); await load(); } catch (e) { error.value = e.message; }
    }
    onMounted(load);
    return { view, items, loading, error, draft, errors, load, create, done, canWrite };
  },
  template: `<main><h1>Tasks</h1>
    <form v-if="canWrite" class="panel" @submit.prevent="create" novalidate aria-label="New task"><div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row"><div class="field"><label for="tt">Task</label><input id="tt" v-model="draft.title"><span class="error">{{ errors.title }}</span></div>
      <div class="field"><label for="td">Due</label><input id="td" v-model="draft.dueDate" type="date"><span class="error">{{ errors.dueDate }}</span></div><div><button>Add task</button></div></div></form>
    <div class="panel row" role="group" aria-label="Which tasks"><button v-for="v in ['mine','overdue','done']" :key="v" :class="view === v ? '' : 'secondary'" :aria-pressed="view === v" @click="view = v; load()">{{ v === 'mine' ? 'My open' : v === 'overdue' ? 'Overdue' : 'Done' }}</button></div>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p><p v-else-if="!items.length" class="hint">Nothing here.</p>
    <ul v-else class="panel"><li v-for="t in items" :key="t.id">{{ t.title }} <span class="hint">{{ t.dueDate ? 'due ' + t.dueDate : '' }}</span>
      <button v-if="canWrite && t.status === 'OPEN'" class="secondary" @click="done(t)">Done</button></li></ul></main>`,
};

const Companies = {
  setup() {
    const items = ref([]); const loading = ref(true); const error = ref(''); const draft = reactive({ name: '', domain: '' }); const errors = ref({});
    async function load() { loading.value = true; try { items.value = (await api.get('/api/companies?limit=100')).items; } catch (e) { error.value = e.message; } finally { loading.value = false; } }
    async function create() {
      errors.value = {};
      try { await api.post('/api/companies', { name: draft.name, domain: draft.domain || null }); Object.assign(draft, { name: '', domain: '' }); await load(); }
      catch (e) { errors.value = fieldErrors(e); if (!Object.keys(errors.value).length) errors.value = { form: e.message }; }
    }
    onMounted(load);
    return { items, loading, error, draft, errors, create, canWrite };
  },
  template: `<main><h1>Companies</h1>
    <form v-if="canWrite" class="panel" @submit.prevent="create" novalidate aria-label="New company"><div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row"><div class="field"><label for="cn">Name</label><input id="cn" v-model="draft.name"><span class="error">{{ errors.name }}</span></div>
      <div class="field"><label for="cd">Domain</label><input id="cd" v-model="draft.domain"><span class="error">{{ errors.domain }}</span></div><div><button>Add company</button></div></div></form>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="loading" role="status">Loading…</p><p v-else-if="!items.length" class="hint">No companies yet.</p>
    <div v-else class="table-wrap"><table><caption class="sr-only">Companies</caption><thead><tr><th scope="col">Name</th><th scope="col">Domain</th></tr></thead>
      <tbody><tr v-for="c in items" :key="c.id"><td><router-link :to="'/companies/' + c.id">{{ c.name }}</router-link></td><td>{{ c.domain }}</td></tr></tbody></table></div></main>`,
};

const Users = {
  setup() {
    const items = ref([]); const teams = ref([]); const error = ref(''); const draft = reactive({ email: '', name: '', role: 'USER', teamId: '' });
    const message = ref(''); const errors = ref({}); const teamName = ref('');
    async function load() {
      try { items.value = (await api.get('/api/users')).items; teams.value = (await api.get('/api/teams')).items; } catch (e) { error.value = e.message; }
    }
    async function invite() {
      errors.value = {}; message.value = '';
      try { await api.post('/api/users', { ...draft, teamId: draft.teamId || null }); message.value = 'Invitation sent to ' + draft.email + '.'; Object.assign(draft, { email: '', name: '' }); await load(); }
      catch (e) { errors.value = fieldErrors(e); if (!Object.keys(errors.value).length) errors.value = { form: e.message }; }
    }
    async function change(u, field, value) {
      message.value = '';
      try { await api.patch('/api/users/' + u.id, { [field]: value || null }); message.value = u.name + ' updated.'; await load(); }
      catch (e) { message.value = e.message; await load(); }
    }
    async function addTeam() {
      message.value = '';
      try { await api.post('/api/teams', { name: teamName.value }); message.value = 'Team ' + teamName.value + ' created.'; teamName.value = ''; await load(); }
      catch (e) { message.value = e.message; }
    }
    onMounted(load);
    return { items, teams, error, draft, message, errors, invite, change, teamName, addTeam, session };
  },
  template: `<main><h1>Users, teams and roles</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <div v-if="message" class="notice info" role="status">{{ message }}</div>
    <form class="panel" @submit.prevent="invite" novalidate aria-label="Invite a user"><div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row"><div class="field"><label for="ue">Email</label><input id="ue" v-model="draft.email" type="email"><span class="error">{{ errors.email }}</span></div>
      <div class="field"><label for="un">Name</label><input id="un" v-model="draft.name"></div>
      <div class="field"><label for="ur">Role</label><select id="ur" v-model="draft.role"><option>ADMIN</option><option>MANAGER</option><option>USER</option><option>VIEWER</option></select></div>
      <div class="field"><label for="ut">Team</label><select id="ut" v-model="draft.teamId"><option value="">None</option><option v-for="t in teams" :key="t.id" :value="t.id">{{ t.name }}</option></select></div>
      <div><button>Invite</button></div></div></form>
    <div class="table-wrap"><table><caption class="sr-only">Users</caption><thead><tr><th scope="col">Name</th><th scope="col" class="optional">Email</th><th scope="col">Role</th><th scope="col">Team</th></tr></thead>
      <tbody><tr v-for="u in items" :key="u.id"><td>{{ u.name }}<span v-if="!u.active" class="hint"> (inactive)</span></td><td class="optional">{{ u.email }}</td>
        <td><span v-if="u.role === 'OWNER' || u.id === session.me.id">{{ u.role }}</span>
          <select v-else :aria-label="'Role of ' + u.name" :value="u.role" @change="change(u, 'role', $event.target.value)"><option>ADMIN</option><option>MANAGER</option><option>USER</option><option>VIEWER</option></select></td>
        <td><select :aria-label="'Team of ' + u.name" :value="u.teamId || ''" @change="change(u, 'teamId', $event.target.value)"><option value="">None</option><option v-for="t in teams" :key="t.id" :value="t.id">{{ t.name }}</option></select></td></tr></tbody></table></div>
    <h2>Teams</h2>
    <form class="panel row" @submit.prevent="addTeam" novalidate aria-label="Create a team"><div class="field"><label for="tn">New team</label><input id="tn" v-model="teamName"></div><div><button>Create team</button></div></form>
    <ul class="panel"><li v-for="t in teams" :key="t.id">{{ t.name }} — {{ t.memberIds.length }} member{{ t.memberIds.length === 1 ? '' : 's' }}</li><li v-if="!teams.length" class="hint">No teams yet.</li></ul></main>`,
};

const Audit = {
  setup() {
    const items = ref(null); const error = ref('');
    onMounted(async () => { try { items.value = (await api.get('/api/audit')).items; } catch (e) { error.value = e.message; } });
    return { items, error };
  },
  template: `<main><h1>Audit log</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="items === null && !error" role="status">Loading…</p>
    <div v-else-if="items" class="table-wrap"><table><caption class="sr-only">Audit log</caption><thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Outcome</th></tr></thead>
      <tbody><tr v-for="e in items" :key="e.id"><td>{{ new Date(e.at).toLocaleString() }}</td><td>{{ e.action }}</td><td>{{ e.outcome }}</td></tr></tbody></table></div></main>`,
};

const routes = [
  { path: '/', redirect: '/contacts' },
  { path: '/login', component: Login },
  { path: '/contacts', component: Contacts, meta: { auth: true } },
  { path: '/deals', component: Board, meta: { auth: true } },
  { path: '/companies', component: Companies, meta: { auth: true } },
  { path: '/contacts/:id', component: RecordPage, props: { type: 'CONTACT' }, meta: { auth: true } },
  { path: '/companies/:id', component: RecordPage, props: { type: 'COMPANY' }, meta: { auth: true } },
  { path: '/deals/:id', component: RecordPage, props: { type: 'DEAL' }, meta: { auth: true } },
  { path: '/pipelines', component: Pipelines, meta: { auth: true } },
  { path: '/tasks', component: Tasks, meta: { auth: true } },
  { path: '/account', component: Account, meta: { auth: true } },
  { path: '/users', component: Users, meta: { auth: true } },
  { path: '/audit', component: Audit, meta: { auth: true } },
];
const router = createRouter({ history: createWebHashHistory(), routes });
router.beforeEach((to) => (to.meta.auth && !api.loggedIn() ? '/login' : true));

const App = {
  setup() {
    const settingPassword = window.location.pathname === '/set-password';
    async function signOut() { await api.logout(); session.me = null; router.push('/login'); }
    onMounted(loadMe);
    return { session, signOut, settingPassword };
  },
  components: { SetPassword },
  template: `<header class="bar"><strong>LiteDesk</strong>
      <nav v-if="session.me" aria-label="Main"><router-link to="/contacts">Contacts</router-link><router-link to="/companies">Companies</router-link>
        <router-link to="/deals">Deals</router-link><router-link to="/tasks">Tasks</router-link>
        <template v-if="['OWNER','ADMIN'].includes(session.me.role)"><router-link to="/pipelines">Pipelines</router-link><router-link to="/users">Users</router-link><router-link to="/audit">Audit</router-link></template></nav>
      <span v-if="session.me"><router-link to="/account">{{ session.me.name }}</router-link> ({{ session.me.role }}) <button class="secondary" @click="signOut">Sign out</button></span>
    </header>
    <SetPassword v-if="settingPassword"/><router-view v-else/>`,
};

await api.restore(); // a reload keeps the session: a new access token from the session cookie
createApp(App).use(router).mount('#app');

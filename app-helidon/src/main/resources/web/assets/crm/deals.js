// The deal board of a pipeline: a column per stage with its totals, a new-deal form, deals moved by drag,
// by the arrow keys or by a stage picker.
import { ref, reactive, onMounted } from 'vue';
import { useRoute } from 'vue-router';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { RecordPage } from '/assets/crm/record.js';
import { money, parseNumber } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';
import { moveDeal } from '/assets/crm/stages.js';
import { DealList } from '/assets/crm/deal-list.js';

const Board = {
  setup() {
    const route = useRoute();
    const pipelines = ref([]);
    const pipeline = ref(route.query.pipeline || '');
    const board = ref(null);
    const loading = ref(true);
    const error = ref('');
    const message = ref('');
    const over = ref(null);
    const draft = reactive({ title: '', value: '', currency: 'EUR', expectedCloseDate: '' });
    const errors = ref({});
    let loads = 0;
    async function load() {
      loading.value = true;
      error.value = '';
      try {
        const ticket = ++loads; // a newer load (another pipeline chosen) wins over an older answer
        if (!pipelines.value.length) {
          pipelines.value = (await api.get('/api/pipelines')).items;
        }
        const b = await api.get('/api/deals/board' + (pipeline.value ? '?pipelineId=' + encodeURIComponent(pipeline.value) : ''));
        if (ticket !== loads) {
          return;
        }
        if (!pipeline.value) {
          pipeline.value = b.pipeline.id;
        }
        b.columns.forEach(c => {
          c.stageId = c.stage.id;
          c.name = c.stage.name;
        });
        board.value = b;
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }
    const columnOf = (stageId) => board.value.columns.find(c => c.stageId === stageId);
    function shift(deal, from, to) {
      from.deals = from.deals.filter(d => d.id !== deal.id);
      from.count -= 1;
      to.deals = [deal].concat(to.deals);
      to.count += 1;
      const cur = deal.currency;
      from.totals = { ...from.totals, [cur]: Number(from.totals[cur] || 0) - Number(deal.value || 0) };
      to.totals = { ...to.totals, [cur]: Number(to.totals[cur] || 0) + Number(deal.value || 0) };
    }
    async function move(deal, fromId, toId, undoing) {
      if (fromId === toId || !can('DEALS', 'EDIT', deal)) {
        return;
      }
      const from = columnOf(fromId);
      const to = columnOf(toId);
      shift(deal, from, to);
      message.value = '';
      try {
        Object.assign(deal, await moveDeal(deal, toId));
        message.value = deal.title + ' moved to ' + to.name + '.';
        if (!undoing) {
          toast(deal.title + ' moved to ' + to.name + '.', { undo: () => move(deal, toId, fromId, true) });
        }
      } catch (e) {
        shift(deal, to, from); // the server refused: put it back
        message.value = 'Could not move ' + deal.title + ': ' + e.message;
      }
    }
    function picked(deal, fromId, ev) {
      move(deal, fromId, ev.target.value);
    }
    function onDragStart(ev, deal, stageId) {
      ev.dataTransfer.setData('text/plain', JSON.stringify({ id: deal.id, from: stageId }));
    }
    function onDrop(ev, stageId) {
      over.value = null;
      const data = JSON.parse(ev.dataTransfer.getData('text/plain') || '{}');
      const deal = (columnOf(data.from) || { deals: [] }).deals.find(d => d.id === data.id);
      if (deal) {
        move(deal, data.from, stageId);
      }
    }
    function onKey(ev, deal, stageId) {
      const ids = board.value.columns.map(c => c.stageId);
      const i = ids.indexOf(stageId);
      if (ev.key === 'ArrowRight' && i < ids.length - 1) {
        ev.preventDefault();
        move(deal, stageId, ids[i + 1]);
      }
      if (ev.key === 'ArrowLeft' && i > 0) {
        ev.preventDefault();
        move(deal, stageId, ids[i - 1]);
      }
    }
    async function create() {
      errors.value = {};
      const value = parseNumber(draft.value);
      if (value.error) {
        errors.value = { value: value.error };
        return;
      }
      try {
        await api.post('/api/deals', { title: draft.title, value: value.value, currency: draft.currency, pipelineId: pipeline.value,
          expectedCloseDate: draft.expectedCloseDate || null });
        Object.assign(draft, { title: '', value: '', expectedCloseDate: '' });
        await load();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    onMounted(load);
    return { board, loading, error, message, over, draft, errors, create, onDragStart, onDrop, onKey, picked, money, can, load, pipelines, pipeline };
  },
  template: `<main><h1>Deals</h1>
    <nav class="panel row" aria-label="Deal views"><strong aria-current="page">Board</strong><router-link to="/deals/list">List</router-link></nav>
    <div class="panel row" v-if="pipelines.length > 1"><div class="field"><label for="pp">Pipeline</label>
      <select id="pp" v-model="pipeline" @change="load"><option v-for="p in pipelines" :key="p.id" :value="p.id">{{ p.name }}</option></select></div></div>
    <form v-if="can('DEALS', 'CREATE')" class="panel" @submit.prevent="create" novalidate aria-label="New deal">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="dt">Deal</label><input id="dt" v-model="draft.title" :aria-invalid="!!errors.title"><span class="error">{{ errors.title }}</span></div>
        <div class="field"><label for="dv">Value</label><input id="dv" v-model="draft.value" inputmode="decimal" :aria-invalid="!!errors.value" aria-describedby="dv-err"><span id="dv-err" class="error" data-testid="value-error">{{ errors.value }}</span></div>
        <div class="field"><label for="dc">Currency</label><select id="dc" v-model="draft.currency"><option>EUR</option><option>USD</option><option>GBP</option></select></div>
        <div class="field narrow"><label for="dd">Expected close</label><input id="dd" v-model="draft.expectedCloseDate" type="date"><span class="error">{{ errors.expectedCloseDate }}</span></div>
        <div><button>Add deal</button></div>
      </div>
    </form>
    <p v-if="can('DEALS', 'EDIT')" class="hint">Drag a deal to another stage, pick its stage, or focus it and press ← or →.</p>
    <div class="notice info" role="status" aria-live="polite" v-if="message">{{ message }}</div>
    <div v-if="error" class="notice error" role="alert">{{ error }} <button class="secondary" @click="load">Try again</button></div>
    <p v-if="loading" role="status">Loading…</p>
    <div v-else-if="board" class="board">
      <section v-for="col in board.columns" :key="col.stageId" class="column" :class="{ drop: over === col.stageId }" :data-stage="col.stageId"
               @dragover.prevent="over = col.stageId" @dragleave="over = null" @drop.prevent="onDrop($event, col.stageId)" :aria-label="col.name">
        <h2>{{ col.name }}</h2>
        <p class="hint" :data-testid="'totals-' + col.stageId">{{ col.count }} deal{{ col.count === 1 ? '' : 's' }}<span v-for="(sum, cur) in col.totals" :key="cur"> · {{ money(sum, cur) }}</span></p>
        <p v-if="!col.deals.length" class="hint">No deals.</p>
        <article v-for="d in col.deals" :key="d.id" class="card" :draggable="can('DEALS', 'EDIT', d)" :tabindex="can('DEALS', 'EDIT', d) ? 0 : -1"
                 @dragstart="onDragStart($event, d, col.stageId)" @keydown="onKey($event, d, col.stageId)" :aria-label="d.title + ', ' + money(d.value, d.currency)">
          <router-link :to="'/deals/' + d.id" draggable="false"><strong>{{ d.title }}</strong></router-link><br><span class="hint">{{ money(d.value, d.currency) }}</span>
          <div v-if="can('DEALS', 'EDIT', d)" class="stage-picker"><label class="sr-only" :for="'card-stage-' + d.id">Stage of {{ d.title }}</label>
            <select :id="'card-stage-' + d.id" :value="col.stageId" @change="picked(d, col.stageId, $event)" @keydown.stop>
              <option v-for="c in board.columns" :key="c.stageId" :value="c.stageId">{{ c.name }}</option></select></div>
        </article>
      </section>
    </div>
  </main>`,
};

export const routes = [
  { path: '/deals', component: Board, meta: { auth: true } },
  { path: '/deals/list', component: DealList, meta: { auth: true } },
  { path: '/deals/:id', component: RecordPage, props: { type: 'DEAL' }, meta: { auth: true } },
];

export const nav = { to: '/deals', label: 'Deals', resource: 'DEALS' };

// Dashboard: pipeline value by stage, weighted forecast, win rate, activity by user and deals won per month, for
// the scope the server offers the role (Mine / My team / Everyone) and a period. Every figure is computed by the
// server (GET /api/dashboard); this screen only draws and words them. Each chart says what it shows in a sentence,
// which is also its name for screen readers, and says so plainly when there is nothing to show.
import { ref, computed } from 'vue';
import { api } from '/assets/crm/session.js';
import { money, month, percent, count } from '/assets/shared/format.js';
import { DataChart } from '/assets/shared/charts.js';

const scopeNames = { MINE: 'Mine', TEAM: 'My team', ALL: 'Everyone' };
const onlyScope = { MINE: 'Your own figures', TEAM: "Your team's figures", ALL: "Everyone's figures" };
const periods = [3, 6, 12, 24];

/** The amount in the main currency of a per-currency map, as a number for a chart. */
function amount(values, currency) {
  return Number((values || {})[currency] || 0);
}

/** Money per currency in words, the main currency first: "€1,200.00 and $300.00". */
function amounts(values, currency) {
  const codes = Object.keys(values || {}).filter(c => Number(values[c]) !== 0);
  codes.sort((a, b) => (a === currency ? -1 : b === currency ? 1 : a.localeCompare(b)));
  if (codes.length === 0) {
    return money(0, currency);
  }
  return codes.map(c => money(values[c], c)).join(' and ');
}

/** The per-currency maps of a list added up. */
function sum(maps) {
  const total = {};
  for (const m of maps) {
    for (const [c, v] of Object.entries(m || {})) {
      total[c] = (total[c] || 0) + Number(v);
    }
  }
  return total;
}

function plural(n, one, many) {
  return count(n) + ' ' + (n === 1 ? one : many);
}

/** What each chart draws and says, from one dashboard answer. */
function figures(d) {
  const cur = d.currency || 'EUR';
  const stages = d.pipelineValue.stages;
  const openDeals = stages.reduce((n, s) => n + s.count, 0);
  const forecastDeals = d.forecast.reduce((n, m) => n + m.count, 0);
  const people = d.activityByUser;
  const totals = people.reduce((t, p) => ({ calls: t.calls + p.calls, meetings: t.meetings + p.meetings, emails: t.emails + p.emails,
    tasks: t.tasks + p.tasksCompleted }), { calls: 0, meetings: 0, emails: 0, tasks: 0 });
  const won = d.wonByMonth.reduce((n, m) => n + m.count, 0);
  const period = plural(d.months, 'month', 'months');
  return {
    money: v => money(v, cur),
    axis: v => money(v, cur, true),
    pipeline: {
      empty: openDeals === 0,
      labels: stages.map(s => s.stageName),
      series: [{ label: 'Open value', values: stages.map(s => amount(s.value, cur)) }],
      summary: plural(openDeals, 'open deal', 'open deals') + ' worth ' + amounts(sum(stages.map(s => s.value)), cur)
        + ' in ' + d.pipelineValue.pipelineName + '.',
    },
    forecast: {
      empty: forecastDeals === 0,
      labels: d.forecast.map(m => month(m.month)),
      series: [{ label: 'Weighted value', values: d.forecast.map(m => amount(m.weighted, cur)) }],
      summary: amounts(sum(d.forecast.map(m => m.weighted)), cur) + ' weighted by stage probability, from '
        + plural(forecastDeals, 'deal', 'deals') + ' expected to close by ' + month(d.forecast[d.forecast.length - 1].month) + '.',
    },
    winRate: {
      empty: d.winRate.won + d.winRate.lost === 0,
      labels: d.winRate.byMonth.map(m => month(m.month)),
      series: [{ label: 'Win rate', values: d.winRate.byMonth.map(m => (m.percent === null || m.percent === undefined ? null : Number(m.percent))) }],
      summary: d.winRate.percent === null || d.winRate.percent === undefined ? 'No win rate yet over ' + period + '.'
        : 'Win rate ' + percent(d.winRate.percent) + ' over ' + period + ': ' + plural(d.winRate.won, 'deal', 'deals') + ' won, '
          + count(d.winRate.lost) + ' lost.',
    },
    activity: {
      empty: people.length === 0,
      labels: people.map(p => p.userName),
      series: [
        { label: 'Calls', values: people.map(p => p.calls) },
        { label: 'Meetings', values: people.map(p => p.meetings) },
        { label: 'Emails', values: people.map(p => p.emails) },
        { label: 'Tasks completed', values: people.map(p => p.tasksCompleted) },
      ],
      summary: plural(totals.calls, 'call', 'calls') + ', ' + plural(totals.meetings, 'meeting', 'meetings') + ', '
        + plural(totals.emails, 'email', 'emails') + ' and ' + plural(totals.tasks, 'task', 'tasks') + ' completed by '
        + plural(people.length, 'person', 'people') + ' over ' + period + '.',
    },
    won: {
      empty: won === 0,
      labels: d.wonByMonth.map(m => month(m.month)),
      series: [{ label: 'Value won', values: d.wonByMonth.map(m => amount(m.value, cur)) }],
      summary: plural(won, 'deal', 'deals') + ' won worth ' + amounts(sum(d.wonByMonth.map(m => m.value)), cur) + ' over ' + period + '.',
    },
  };
}

const Dashboard = {
  components: { DataChart },
  setup() {
    const data = ref(null);
    const error = ref('');
    const scope = ref('');
    const months = ref(12);
    const pipeline = ref('');
    const pipelines = ref([]);
    const shown = computed(() => (data.value ? figures(data.value) : null));
    async function load() {
      error.value = '';
      try {
        const query = new URLSearchParams({ months: String(months.value) });
        if (scope.value) {
          query.set('scope', scope.value.toLowerCase());
        }
        if (pipeline.value) {
          query.set('pipelineId', pipeline.value);
        }
        const answer = await api.get('/api/dashboard?' + query);
        data.value = answer;
      } catch (e) {
        error.value = 'Could not load the dashboard: ' + e.message;
      }
    }
    async function loadPipelines() {
      try {
        pipelines.value = (await api.get('/api/pipelines')).items;
      } catch (e) {
        pipelines.value = [];
      }
    }
    function chooseScope(value) {
      scope.value = value;
      load();
    }
    function chooseMonths(value) {
      months.value = Number(value);
      load();
    }
    function choosePipeline(value) {
      pipeline.value = value;
      load();
    }
    load();
    loadPipelines();
    return { data, error, scope, months, pipeline, pipelines, shown, scopeNames, onlyScope, periods, percent, chooseScope, chooseMonths, choosePipeline };
  },
  template: `<main><h1>Dashboard</h1>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!data && !error" role="status">Loading…</p>
    <template v-if="data">
      <div class="panel row dashboard-controls">
        <fieldset v-if="data.scopes.length > 1" class="field choice"><legend>Whose figures</legend>
          <label v-for="s in data.scopes" :key="s" class="check"><input type="radio" name="scope" :value="s" :checked="s === data.scope" @change="chooseScope(s)">{{ scopeNames[s] }}</label>
        </fieldset>
        <p v-else class="field">{{ onlyScope[data.scope] }}</p>
        <div class="field"><label for="dash-months">Period</label>
          <select id="dash-months" :value="months" @change="chooseMonths($event.target.value)"><option v-for="p in periods" :key="p" :value="p">Last {{ p }} months</option></select></div>
        <div class="field" v-if="pipelines.length > 1"><label for="dash-pipeline">Pipeline</label>
          <select id="dash-pipeline" :value="data.pipelineValue.pipelineId" @change="choosePipeline($event.target.value)"><option v-for="p in pipelines" :key="p.id" :value="p.id">{{ p.name }}</option></select></div>
      </div>
      <div class="dashboard">
        <section class="panel" aria-labelledby="dash-pipeline-h" data-chart="pipeline"><h2 id="dash-pipeline-h">Pipeline value by stage</h2>
          <p class="summary">{{ shown.pipeline.summary }}</p>
          <p v-if="shown.pipeline.empty" class="hint">No open deals in this pipeline yet.</p>
          <data-chart v-else type="bar" :labels="shown.pipeline.labels" :series="shown.pipeline.series" :format="shown.money" :tick="shown.axis" :legend="false" :description="shown.pipeline.summary"></data-chart></section>
        <section class="panel" aria-labelledby="dash-forecast-h" data-chart="forecast"><h2 id="dash-forecast-h">Weighted forecast by close month</h2>
          <p class="summary">{{ shown.forecast.summary }}</p>
          <p v-if="shown.forecast.empty" class="hint">No open deals are expected to close in the coming months.</p>
          <data-chart v-else type="bar" :labels="shown.forecast.labels" :series="shown.forecast.series" :format="shown.money" :tick="shown.axis" :legend="false" :description="shown.forecast.summary"></data-chart></section>
        <section class="panel" aria-labelledby="dash-winrate-h" data-chart="winRate"><h2 id="dash-winrate-h">Win rate</h2>
          <p class="summary">{{ shown.winRate.summary }}</p>
          <p v-if="shown.winRate.empty" class="hint">No deals were won or lost in this period.</p>
          <data-chart v-else type="line" :labels="shown.winRate.labels" :series="shown.winRate.series" :max="100" :format="percent" :legend="false" :description="shown.winRate.summary"></data-chart></section>
        <section class="panel" aria-labelledby="dash-won-h" data-chart="won"><h2 id="dash-won-h">Deals won over time</h2>
          <p class="summary">{{ shown.won.summary }}</p>
          <p v-if="shown.won.empty" class="hint">No deals were won in this period.</p>
          <data-chart v-else type="bar" :labels="shown.won.labels" :series="shown.won.series" :format="shown.money" :tick="shown.axis" :legend="false" :description="shown.won.summary"></data-chart></section>
        <section class="panel wide" aria-labelledby="dash-activity-h" data-chart="activity"><h2 id="dash-activity-h">Activity by user</h2>
          <p class="summary">{{ shown.activity.summary }}</p>
          <p v-if="shown.activity.empty" class="hint">No calls, meetings, emails or completed tasks in this period.</p>
          <data-chart v-else type="bar" :labels="shown.activity.labels" :series="shown.activity.series" whole :description="shown.activity.summary"></data-chart></section>
      </div>
    </template></main>`,
};

export const routes = [
  { path: '/dashboard', component: Dashboard, meta: { auth: true } },
];

export const nav = { to: '/dashboard', label: 'Dashboard', resource: 'DEALS' };

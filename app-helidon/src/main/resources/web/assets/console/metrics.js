// The fleet in numbers: totals, instances and users per plan, instances and contacts per state.
import { ref, computed } from 'vue';
import { api } from '/assets/console/session.js';
import { stateName, size } from '/assets/console/words.js';
import { DataChart } from '/assets/shared/charts.js';

export const Metrics = {
  components: { DataChart },
  setup() {
    const data = ref(null);
    const plans = ref([]);
    const error = ref('');
    const chart = computed(() => {
      const ids = data.value ? Object.keys(data.value.byPlan) : [];
      const name = (id) => (plans.value.find(p => p.id === id) || { name: id }).name;
      return {
        labels: ids.map(name),
        series: [
          { label: 'Instances', values: ids.map(id => data.value.byPlan[id].instances) },
          { label: 'Users', values: ids.map(id => data.value.byPlan[id].users) },
        ],
      };
    });
    async function load() {
      try {
        plans.value = (await api.get('/api/admin/plans')).items;
        data.value = await api.get('/api/metrics/aggregated');
      } catch (e) {
        error.value = e.message;
      }
    }
    load();
    return { data, error, chart, stateName, size };
  },
  template: `<main><h1>Metrics</h1><div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!data && !error" role="status">Loading…</p>
    <template v-if="data">
      <div class="panel"><p>{{ data.totals.instances }} instances · {{ data.totals.users }} users · {{ data.totals.contacts }} contacts ·
        {{ data.totals.deals }} deals · {{ size(data.totals.storageBytes) }} stored</p></div>
      <div class="panel"><h2>Per plan</h2>
        <data-chart type="bar" :labels="chart.labels" :series="chart.series" description="Instances and users per plan"></data-chart></div>
      <div class="table-wrap"><table><caption>Per state</caption>
        <thead><tr><th scope="col">State</th><th scope="col">Instances</th><th scope="col">Contacts</th></tr></thead>
        <tbody><tr v-for="(t, state) in data.byState" :key="state"><td>{{ stateName(state) }}</td><td>{{ t.instances }}</td><td>{{ t.contacts }}</td></tr></tbody></table></div>
    </template></main>`,
};

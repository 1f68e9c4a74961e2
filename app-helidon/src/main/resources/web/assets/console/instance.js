// One instance: its state and lifecycle actions, the live provisioning steps, its plan, health and usage
// over time, and its backups.
import { ref, computed, onUnmounted } from 'vue';
import { useRoute } from 'vue-router';
import { api, isAdmin } from '/assets/console/session.js';
import { stateName, stepName, took } from '/assets/console/words.js';
import { DataChart } from '/assets/shared/charts.js';
import { Backups } from '/assets/console/backups.js';
import { confirmAction } from '/assets/shared/confirm.js';

const QUESTIONS = {
  delete: (name) => 'Delete ' + name + ' and all its data?',
  suspend: (name) => 'Suspend ' + name + '? Its users will see a page saying it is suspended.',
};
const DONE = { suspend: 'Suspended.', resume: 'Resumed.', retry: 'Provisioning again.', delete: 'Deleting.' };

export const InstanceDetail = {
  components: { DataChart, Backups },
  setup() {
    const id = useRoute().params.id;
    const instance = ref(null);
    const steps = ref([]);
    const health = ref([]);
    const usage = ref([]);
    const plans = ref([]);
    const plan = ref('');
    const error = ref('');
    const message = ref('');
    let timer = null;
    let stopped = false;
    const path = (suffix) => '/api/admin/instances/' + id + (suffix || '');
    async function load() {
      try {
        instance.value = await api.get(path());
        steps.value = (await api.get(path('/provisioning'))).steps;
        health.value = (await api.get(path('/health'))).items;
        usage.value = (await api.get(path('/metrics'))).items;
        if (!plans.value.length) {
          plans.value = (await api.get('/api/admin/plans')).items;
        }
        if (!plan.value) {
          plan.value = instance.value.planId;
        }
        error.value = '';
      } catch (e) {
        error.value = e.message;
      }
      const busy = instance.value && ['PROVISIONING', 'DELETING'].includes(instance.value.state);
      if (!stopped) {
        timer = setTimeout(load, busy ? 700 : 5000);
      }
    }
    const time = (sample) => new Date(sample.at).toLocaleTimeString();
    const healthChart = computed(() => ({
      labels: health.value.map(time),
      series: [{ label: 'Health check latency (ms)', values: health.value.map(h => h.latencyMillis) }],
    }));
    const usageChart = computed(() => ({
      labels: usage.value.map(time),
      series: [{ label: 'Contacts', values: usage.value.map(u => u.contacts) }, { label: 'Users', values: usage.value.map(u => u.users) }],
    }));
    function planName(planId) {
      const known = plans.value.find(p => p.id === planId);
      return known ? known.name : planId;
    }
    async function changePlan() {
      message.value = '';
      try {
        instance.value = await api.put(path('/plan'), { planId: plan.value });
        message.value = 'Plan changed to ' + planName(plan.value) + '.';
      } catch (e) {
        message.value = e.message;
      }
    }
    async function act(action) {
      const question = QUESTIONS[action];
      if (question && !(await confirmAction(question(instance.value.name), action === 'delete' ? 'Delete' : 'Suspend'))) {
        return;
      }
      message.value = '';
      try {
        if (action === 'delete') {
          await api.del(path());
        } else {
          await api.post(path('/' + action));
        }
        message.value = DONE[action];
        clearTimeout(timer);
        load();
      } catch (e) {
        message.value = e.message;
      }
    }
    load();
    onUnmounted(() => {
      stopped = true;
      clearTimeout(timer);
    });
    return { instance, steps, health, usage, plans, plan, error, message, healthChart, usageChart,
      act, changePlan, planName, isAdmin, stateName, stepName, took };
  },
  template: `<main><p v-if="!instance && !error" role="status">Loading…</p>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <template v-if="instance">
      <h1>{{ instance.name }} <span class="state" :class="instance.state" data-testid="instance-state">{{ stateName(instance.state) }}</span></h1>
      <div class="panel"><p><a :href="instance.url">{{ instance.url }}</a> · {{ planName(instance.planId) }} plan · owner {{ instance.ownerEmail }}</p>
        <p v-if="instance.stateReason" class="hint">{{ instance.stateReason }}</p>
        <div v-if="message" class="notice info" role="status">{{ message }}</div>
        <p v-if="isAdmin()" class="row">
          <button v-if="['READY','DEGRADED'].includes(instance.state)" class="secondary" @click="act('suspend')">Suspend</button>
          <button v-if="instance.state === 'SUSPENDED'" @click="act('resume')">Resume</button>
          <button v-if="instance.state === 'FAILED'" @click="act('retry')">Retry</button>
          <button v-if="!['DELETING','DELETED'].includes(instance.state)" class="danger" @click="act('delete')">Delete</button></p></div>
      <h2>Provisioning</h2>
      <div class="table-wrap"><table><caption class="sr-only">Provisioning steps</caption>
        <thead><tr><th scope="col">Step</th><th scope="col">State</th><th scope="col" class="optional">Attempts</th><th scope="col" class="optional">Took</th><th scope="col">Last error</th></tr></thead>
        <tbody><tr v-for="s in steps" :key="s.name"><td>{{ stepName(s.name) }}</td><td><span class="state" :class="s.state">{{ stateName(s.state) }}</span></td>
          <td class="optional">{{ s.attempts }}</td><td class="optional">{{ took(s.durationMillis) }}</td><td class="error">{{ s.lastError }}</td></tr></tbody>
      </table></div>
      <template v-if="isAdmin()"><h2>Plan</h2>
        <div class="panel row"><div class="field"><label for="plan">Plan</label><select id="plan" v-model="plan">
          <option v-for="p in plans" :key="p.id" :value="p.id">{{ p.name }}</option></select></div>
          <div><button class="secondary" :disabled="plan === instance.planId" @click="changePlan">Change plan</button></div></div></template>
      <h2>Health and usage</h2>
      <div class="panel"><p v-if="!health.length" class="hint">No health checks yet.</p>
        <data-chart v-else :labels="healthChart.labels" :series="healthChart.series" description="Health check latency over time"></data-chart></div>
      <div class="panel"><p v-if="!usage.length" class="hint">No usage samples yet.</p>
        <data-chart v-else :labels="usageChart.labels" :series="usageChart.series" description="Contacts and users over time"></data-chart></div>
      <h2>Backups</h2>
      <backups :instance="instance"></backups>
    </template></main>`,
};

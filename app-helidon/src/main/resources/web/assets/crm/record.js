// One contact, company or deal: its facts edited in place, its owner, its related records both ways, its notes,
// its tasks, the calls, meetings and emails logged against it, and its timeline; deleting it after a confirmation.
import { ref, computed, onMounted, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, can, users } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { money, date, dateTime } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { kinds, recordName, draftOf, patchOf, undoOf } from '/assets/crm/kinds.js';
import { userName } from '/assets/crm/names.js';
import { Related } from '/assets/crm/related.js';
import { RecordNotes } from '/assets/crm/notes.js';
import { RecordTasks } from '/assets/crm/tasks.js';
import { StagePicker } from '/assets/crm/stages.js';
import { customFieldsOf, shownValue, editedValues, changedValues, CustomFieldInputs } from '/assets/crm/custom-values.js';
import { LogActivity, ActivityEntry } from '/assets/crm/activities.js';
import { RecordDuplicates } from '/assets/crm/duplicates.js';
import { opened } from '/assets/crm/search.js';
import { onRestored } from '/assets/crm/restored.js';

export const RecordPage = {
  components: { Related, RecordNotes, RecordTasks, StagePicker, CustomFieldInputs, LogActivity, ActivityEntry, RecordDuplicates },
  props: { type: String },
  setup(props) {
    const route = useRoute();
    const router = useRouter();
    const kind = kinds[props.type];
    const id = ref(route.params.id);
    const record = ref(null);
    const timeline = ref([]);
    const activities = ref({});
    const error = ref('');
    const people = ref([]);
    const companies = ref([]);
    const pipeline = ref(null);
    const editing = ref(null);
    const errors = ref({});
    const custom = ref([]);
    const title = computed(() => recordName(props.type, record.value));
    const stage = computed(() => pipeline.value && record.value ? pipeline.value.stages.find(s => s.id === record.value.stageId) : null);
    const company = computed(() => record.value && companies.value.find(c => c.id === record.value.companyId));
    async function loadTimeline() {
      const filter = encodeURIComponent('linkedRecord.id[eq]:' + JSON.stringify(id.value));
      const [items, logged] = await Promise.all([api.get(kind.base + id.value + '/timeline'),
        api.get('/api/activities?limit=200&sort=-occurredAt&filter=' + filter)]);
      activities.value = Object.fromEntries(logged.items.map(a => [a.id, a]));
      timeline.value = items.items;
    }
    async function load() {
      error.value = '';
      record.value = null;
      editing.value = null;
      try {
        record.value = await api.get(kind.base + id.value);
        custom.value = await customFieldsOf(props.type);
        opened(props.type, id.value);
        people.value = await users();
        if (props.type !== 'COMPANY') {
          companies.value = (await api.get('/api/companies?limit=200&sort=name')).items;
        }
        if (props.type === 'DEAL') {
          pipeline.value = await api.get('/api/pipelines/' + record.value.pipelineId);
        }
        await loadTimeline();
      } catch (e) {
        error.value = e.message;
      }
    }
    function edit() {
      errors.value = {};
      const draft = draftOf(props.type, record.value);
      draft.custom = editedValues(custom.value, record.value.customFields);
      editing.value = draft;
    }
    async function save() {
      const change = patchOf(props.type, editing.value, record.value);
      const values = changedValues(custom.value, editing.value.custom);
      if (change.errors || values.errors) {
        errors.value = { ...(change.errors || {}), ...(values.errors || {}) };
        return;
      }
      if (custom.value.length) {
        change.patch.customFields = values.values;
      }
      errors.value = {};
      const before = record.value;
      try {
        record.value = await api.patch(kind.base + id.value, change.patch);
        editing.value = null;
        const back = undoOf(change.patch, before);
        toast(recordName(props.type, record.value) + ' saved.', { undo: async () => {
          record.value = await api.patch(kind.base + id.value, back);
          await loadTimeline();
        } });
        await loadTimeline();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function remove() {
      const name = title.value;
      if (!await confirmAction('Delete the ' + kind.noun + ' ' + name + '? Undo brings it back.', 'Delete ' + kind.noun)) {
        return;
      }
      const deleted = id.value;
      try {
        await api.del(kind.base + deleted);
        toast(name + ' deleted.', { undo: async () => {
          await api.post(kind.base + deleted + '/restore');
          router.push(kind.path + deleted);
        } });
        router.push(kind.back);
      } catch (e) {
        toast('Could not delete ' + name + ': ' + e.message, { kind: 'error' });
      }
    }
    function moved(deal) {
      record.value = deal;
      loadTimeline();
    }
    watch(() => route.params.id, (next) => {
      if (next && next !== id.value) {
        id.value = next;
        load();
      }
    });
    onMounted(load);
    onRestored(loadTimeline);
    return { load, kind, id, record, title, timeline, activities, error, people, companies, company, pipeline, stage, editing, errors, edit, save, remove, moved,
      can, money, date, dateTime, userName, type: props.type, loadTimeline, custom, shownValue };
  },
  template: `<main><p><router-link :to="kind.back">← {{ kind.backLabel }}</router-link></p>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <p v-if="!record && !error" role="status">Loading…</p>
    <template v-if="record">
      <div class="title-row"><h1>{{ title }}</h1>
        <div class="row actions">
          <button v-if="!editing && can(kind.resource, 'EDIT', record)" class="secondary" @click="edit">Edit</button>
          <button v-if="can(kind.resource, 'DELETE', record)" class="danger" @click="remove">Delete</button>
        </div>
      </div>
      <form v-if="editing" class="panel" @submit.prevent="save" novalidate :aria-label="'Edit ' + title">
        <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
        <div class="row" v-if="type === 'CONTACT'">
          <div class="field"><label for="e-fn">First name</label><input id="e-fn" v-model="editing.firstName"><span class="error">{{ errors.firstName }}</span></div>
          <div class="field"><label for="e-ln">Last name</label><input id="e-ln" v-model="editing.lastName" :aria-invalid="!!errors.lastName"><span class="error">{{ errors.lastName }}</span></div>
          <div class="field"><label for="e-em">Email</label><input id="e-em" v-model="editing.email" type="email"><span class="error">{{ errors['emails[0]'] || errors.emails }}</span></div>
          <div class="field"><label for="e-ph">Phone</label><input id="e-ph" v-model="editing.phone" type="tel" autocomplete="off"><span class="error">{{ errors['phones[0]'] || errors.phones }}</span></div>
          <div class="field"><label for="e-ti">Job title</label><input id="e-ti" v-model="editing.title"><span class="error">{{ errors.title }}</span></div>
        </div>
        <div class="row" v-if="type === 'COMPANY'">
          <div class="field"><label for="e-cn">Name</label><input id="e-cn" v-model="editing.name" :aria-invalid="!!errors.name"><span class="error">{{ errors.name }}</span></div>
          <div class="field"><label for="e-cd">Domain</label><input id="e-cd" v-model="editing.domain"><span class="error">{{ errors.domain }}</span></div>
          <div class="field"><label for="e-ci">Industry</label><input id="e-ci" v-model="editing.industry"><span class="error">{{ errors.industry }}</span></div>
        </div>
        <div class="row" v-if="type === 'DEAL'">
          <div class="field"><label for="e-dt">Deal</label><input id="e-dt" v-model="editing.title" :aria-invalid="!!errors.title"><span class="error">{{ errors.title }}</span></div>
          <div class="field"><label for="e-dv">Value</label><input id="e-dv" v-model="editing.value" inputmode="decimal" :aria-invalid="!!errors.value" aria-describedby="e-dv-err"><span id="e-dv-err" class="error">{{ errors.value }}</span></div>
          <div class="field narrow"><label for="e-dc">Currency</label><select id="e-dc" v-model="editing.currency"><option>EUR</option><option>USD</option><option>GBP</option></select></div>
          <div class="field narrow"><label for="e-dd">Expected close</label><input id="e-dd" v-model="editing.expectedCloseDate" type="date"><span class="error">{{ errors.expectedCloseDate }}</span></div>
        </div>
        <div class="row">
          <div class="field" v-if="type !== 'COMPANY'"><label for="e-co">Company</label>
            <select id="e-co" v-model="editing.companyId"><option value="">None</option><option v-for="c in companies" :key="c.id" :value="c.id">{{ c.name }}</option></select></div>
          <div class="field" v-if="people.length"><label for="e-ow">Owner</label>
            <select id="e-ow" v-model="editing.ownerId"><option v-for="u in people" :key="u.id" :value="u.id">{{ u.name }}</option></select><span class="error">{{ errors.ownerId }}</span></div>
        </div>
        <CustomFieldInputs :fields="custom" :values="editing.custom" :errors="errors"/>
        <p class="row"><button>Save</button><button type="button" class="secondary" @click="editing = null">Cancel</button></p>
      </form>
      <div v-else class="panel facts">
        <dl>
          <template v-if="type === 'CONTACT'">
            <div><dt>Email</dt><dd>{{ (record.emails || []).join(', ') || '—' }}</dd></div>
            <div><dt>Phone</dt><dd>{{ (record.phones || []).join(', ') || '—' }}</dd></div>
            <div><dt>Job title</dt><dd>{{ record.title || '—' }}</dd></div>
            <div><dt>Company</dt><dd><router-link v-if="company" :to="'/companies/' + company.id">{{ company.name }}</router-link><span v-else>—</span></dd></div>
          </template>
          <template v-if="type === 'COMPANY'">
            <div><dt>Domain</dt><dd>{{ record.domain || '—' }}</dd></div>
            <div><dt>Industry</dt><dd>{{ record.industry || '—' }}</dd></div>
          </template>
          <template v-if="type === 'DEAL'">
            <div><dt>Value</dt><dd>{{ money(record.value, record.currency) }}</dd></div>
            <div><dt>Expected close</dt><dd>{{ date(record.expectedCloseDate) || '—' }}</dd></div>
            <div v-if="record.closedAt"><dt>{{ record.status === 'WON' ? 'Won' : 'Lost' }}</dt><dd>{{ date(record.closedAt) }}</dd></div>
            <div><dt>Probability</dt><dd>{{ stage ? stage.probability + ' % (' + stage.name + ')' : '—' }}</dd></div>
            <div><dt>Company</dt><dd><router-link v-if="company" :to="'/companies/' + company.id">{{ company.name }}</router-link><span v-else>—</span></dd></div>
          </template>
          <div v-if="userName(people, record.ownerId)"><dt>Owner</dt><dd>{{ userName(people, record.ownerId) }}</dd></div>
          <div v-if="record.tags && record.tags.length"><dt>Tags</dt><dd>{{ record.tags.join(', ') }}</dd></div>
          <div v-for="f in custom" :key="f.key"><dt>{{ f.label }}</dt><dd>{{ shownValue(f, (record.customFields || {})[f.key]) }}</dd></div>
        </dl>
      </div>
      <StagePicker v-if="type === 'DEAL' && pipeline" :deal="record" :pipeline="pipeline" @moved="moved"/>
      <RecordDuplicates v-if="type !== 'DEAL'" :key="record.id + ':' + record.version" :type="type" :record="record" @merged="load"/>
      <Related :type="type" :record="record" @changed="loadTimeline"/>
      <RecordNotes :type="type" :record-id="id" @changed="loadTimeline"/>
      <RecordTasks :type="type" :record-id="id" @changed="loadTimeline"/>
      <LogActivity :type="type" :record-id="id" @logged="loadTimeline"/>
      <h2>Timeline</h2>
      <p v-if="!timeline.length" class="hint">Nothing yet.</p>
      <ol class="panel timeline" v-else><template v-for="(t, i) in timeline" :key="t.kind + (t.refId || i)">
        <ActivityEntry v-if="t.kind === 'ACTIVITY' && activities[t.refId]" :key="t.refId + activities[t.refId].version" :activity="activities[t.refId]"
          :summary="t.summary" :author="userName(people, t.actorId)" @changed="loadTimeline"/>
        <li v-else><strong>{{ t.summary }}</strong> <span class="hint">{{ dateTime(t.at) }}</span></li>
      </template></ol>
    </template></main>`,
};

// Calls, meetings and emails logged against a contact, company or deal: the "Log activity" form of a record's page,
// and one activity as its timeline shows it, edited in place (with undo) or deleted after a confirmation.
import { ref, reactive, computed } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { formErrors } from '/assets/shared/forms.js';
import { dateTime } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { restored } from '/assets/crm/restored.js';

export const activityTypes = [
  { id: 'CALL', label: 'Call' },
  { id: 'MEETING', label: 'Meeting' },
  { id: 'EMAIL', label: 'Email' },
];

export function activityTypeName(type) {
  const found = activityTypes.find(t => t.id === type);
  return found ? found.label : type;
}

/** A moment as a datetime-local input holds it: the browser's local time, to the minute. */
function localInput(value) {
  const d = value ? new Date(value) : new Date();
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * The fields of an activity to send, from what the form holds; { errors } for what cannot be sent. A "When" left as it
 * was shown sends the moment it stood for (`when.iso`; null for "now", which the server fills in to the millisecond).
 */
function bodyOf(form, when) {
  const minutes = String(form.durationMinutes === null || form.durationMinutes === undefined ? '' : form.durationMinutes).trim();
  const hasDuration = form.type !== 'EMAIL' && minutes !== '';
  if (hasDuration && !/^\d+$/.test(minutes)) {
    return { errors: { durationMinutes: 'Enter whole minutes, such as 15.' } };
  }
  if (!form.occurredAt) {
    return { errors: { occurredAt: 'Enter when it happened.' } };
  }
  return { body: {
    type: form.type,
    subject: form.subject,
    occurredAt: form.occurredAt === when.input ? when.iso : new Date(form.occurredAt).toISOString(),
    durationMinutes: hasDuration ? Number(minutes) : null,
    outcome: form.outcome.trim() || null,
    body: form.body.trim() || null,
  } };
}

/** The activity form's fields, shared by "Log activity" and editing one. */
const ActivityFields = {
  props: { form: Object, errors: Object, prefix: String },
  setup(props) {
    const hasDuration = computed(() => props.form.type !== 'EMAIL');
    return { activityTypes, hasDuration };
  },
  template: `<div class="row top">
      <div class="field narrow"><label :for="prefix + '-type'">Type</label>
        <select :id="prefix + '-type'" v-model="form.type"><option v-for="t in activityTypes" :key="t.id" :value="t.id">{{ t.label }}</option></select></div>
      <div class="field"><label :for="prefix + '-subject'">Subject</label>
        <input :id="prefix + '-subject'" v-model="form.subject" :aria-invalid="!!errors.subject"><span class="error">{{ errors.subject }}</span></div>
    </div>
    <div class="row top">
      <div class="field"><label :for="prefix + '-when'">When</label>
        <input :id="prefix + '-when'" v-model="form.occurredAt" type="datetime-local" :aria-invalid="!!errors.occurredAt"><span class="error">{{ errors.occurredAt }}</span></div>
      <div class="field narrow" v-if="hasDuration"><label :for="prefix + '-minutes'">Duration (minutes)</label>
        <input :id="prefix + '-minutes'" v-model="form.durationMinutes" inputmode="numeric" :aria-invalid="!!errors.durationMinutes"><span class="error">{{ errors.durationMinutes }}</span></div>
      <div class="field"><label :for="prefix + '-outcome'">Outcome</label>
        <input :id="prefix + '-outcome'" v-model="form.outcome" :aria-invalid="!!errors.outcome"><span class="error">{{ errors.outcome }}</span></div>
    </div>
    <div class="field"><label :for="prefix + '-notes'">Notes</label>
      <textarea :id="prefix + '-notes'" v-model="form.body" rows="3" :aria-invalid="!!errors.body"></textarea><span class="error">{{ errors.body }}</span></div>`,
};

function emptyForm() {
  return { type: 'CALL', subject: '', occurredAt: localInput(null), durationMinutes: '', outcome: '', body: '' };
}

/** "Log activity" on a record's page, for whoever may create activities. Emits `logged`. */
export const LogActivity = {
  components: { ActivityFields },
  props: { type: String, recordId: String },
  emits: ['logged'],
  setup(props, { emit }) {
    const form = reactive(emptyForm());
    const errors = ref({});
    let shownWhen = form.occurredAt;
    async function log() {
      const built = bodyOf(form, { input: shownWhen, iso: null });
      if (built.errors) {
        errors.value = built.errors;
        return;
      }
      errors.value = {};
      try {
        await api.post('/api/activities', { ...built.body, linkedRecord: { type: props.type, id: props.recordId } });
        toast(activityTypeName(form.type) + ' logged.');
        Object.assign(form, emptyForm());
        shownWhen = form.occurredAt;
        emit('logged');
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    return { form, errors, log, can };
  },
  template: `<section v-if="can('ACTIVITIES', 'CREATE')" class="panel" aria-labelledby="log-h"><h2 id="log-h">Log activity</h2>
    <form @submit.prevent="log" novalidate aria-label="Log activity">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <ActivityFields :form="form" :errors="errors" prefix="act"/>
      <p><button>Log activity</button></p>
    </form>
  </section>`,
};

/** One activity in a timeline: what, with whom, how long, how it ended, who logged it and when. Emits `changed`. */
export const ActivityEntry = {
  components: { ActivityFields },
  props: { activity: Object, summary: String, author: String },
  emits: ['changed'],
  setup(props, { emit }) {
    const editing = ref(null);
    const errors = ref({});
    function edit() {
      const a = props.activity;
      errors.value = {};
      editing.value = { type: a.type, subject: a.subject, occurredAt: localInput(a.occurredAt),
        durationMinutes: a.durationMinutes === null || a.durationMinutes === undefined ? '' : String(a.durationMinutes),
        outcome: a.outcome || '', body: a.body || '' };
    }
    async function save() {
      const built = bodyOf(editing.value, { input: localInput(props.activity.occurredAt), iso: props.activity.occurredAt });
      if (built.errors) {
        errors.value = built.errors;
        return;
      }
      const a = props.activity;
      const before = { type: a.type, subject: a.subject, occurredAt: a.occurredAt, durationMinutes: a.durationMinutes ?? null,
        outcome: a.outcome ?? null, body: a.body ?? null };
      try {
        await api.patch('/api/activities/' + a.id, built.body);
        editing.value = null;
        toast(activityTypeName(built.body.type) + ' saved.', { undo: async () => {
          await api.patch('/api/activities/' + a.id, before);
          emit('changed');
        } });
        emit('changed');
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function remove() {
      const a = props.activity;
      if (!await confirmAction('Delete the ' + activityTypeName(a.type).toLowerCase() + ' “' + a.subject + '”? Undo brings it back.',
        'Delete ' + activityTypeName(a.type).toLowerCase())) {
        return;
      }
      try {
        await api.del('/api/activities/' + a.id);
        toast(activityTypeName(a.type) + ' deleted.', { undo: async () => {
          await api.post('/api/activities/' + a.id + '/restore');
          restored('ACTIVITY');
        } });
        emit('changed');
      } catch (e) {
        toast('Could not delete ' + a.subject + ': ' + e.message, { kind: 'error' });
      }
    }
    return { editing, errors, edit, save, remove, can, dateTime, activityTypeName };
  },
  template: `<li class="activity">
    <form v-if="editing" @submit.prevent="save" novalidate :aria-label="'Edit ' + activity.subject">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <ActivityFields :form="editing" :errors="errors" :prefix="'ea-' + activity.id"/>
      <p class="row"><button>Save activity</button><button type="button" class="secondary" @click="editing = null">Cancel</button></p>
    </form>
    <template v-else>
      <p class="activity-head"><span class="state" :class="activity.type">{{ activityTypeName(activity.type) }}</span> <strong>{{ activity.subject }}</strong></p>
      <p class="activity-summary">{{ summary }}</p>
      <p v-if="activity.body" class="note-text">{{ activity.body }}</p>
      <p class="hint row">{{ author ? author + ', ' : '' }}{{ dateTime(activity.occurredAt) }}
        <button v-if="can('ACTIVITIES', 'EDIT', activity)" class="link" @click="edit" :aria-label="'Edit ' + activity.subject">Edit</button>
        <button v-if="can('ACTIVITIES', 'DELETE', activity)" class="link" @click="remove" :aria-label="'Delete ' + activity.subject">Delete</button></p>
    </template>
  </li>`,
};

// Duplicates on screen: a warning before a possible duplicate is created, and on a record's page the records that
// look like it, each with "Merge into this one" where the server lets the person do it.
import { ref, onMounted } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { kinds } from '/assets/crm/kinds.js';

/** The possible duplicates of a contact or company about to be created ({ firstName, lastName, email, phone } or { name, domain }). */
export async function possibleDuplicates(type, described) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(described)) {
    if (value) {
      params.set(key, value);
    }
  }
  const path = type === 'CONTACT' ? '/api/contacts/duplicates?' : '/api/companies/duplicates?';
  return (await api.get(path + params).catch(() => ({ items: [] }))).items;
}

/** "Ada Lovelace (same email ada@…) may already be here" with links, and the choice to create anyway. */
export const DuplicateWarning = {
  props: { type: String, candidates: Array },
  emits: ['create', 'cancel'],
  setup(props) {
    return { kind: kinds[props.type] };
  },
  template: `<div v-if="candidates.length" class="notice warn" role="alert">
    <p><strong>This {{ kind.noun }} may already be here:</strong></p>
    <ul><li v-for="c in candidates" :key="c.id"><router-link :to="kind.path + c.id">{{ c.name }}</router-link> <span class="hint">({{ c.reason }})</span></li></ul>
    <p class="row"><button type="button" @click="$emit('create')">Create anyway</button>
      <button type="button" class="secondary" @click="$emit('cancel')">Cancel</button></p>
  </div>`,
};

/** On a record's page: the records that look like it, to merge into it. */
export const RecordDuplicates = {
  props: { type: String, record: Object },
  emits: ['merged'],
  setup(props, { emit }) {
    const kind = kinds[props.type];
    const candidates = ref([]);
    async function load() {
      candidates.value = (await api.get(kind.base + props.record.id + '/duplicates').catch(() => ({ items: [] }))).items;
    }
    const mayMerge = (candidate) => can(kind.resource, 'EDIT', props.record) && can(kind.resource, 'DELETE', candidate);
    async function merge(candidate) {
      const question = 'Merge ' + candidate.name + ' into this ' + kind.noun + '? Its deals, notes, tasks and activities move here, and it is deleted.';
      if (!await confirmAction(question, 'Merge')) {
        return;
      }
      try {
        const merged = await api.post(kind.base + props.record.id + '/merge', { duplicateId: candidate.id });
        toast(candidate.name + ' merged into this ' + kind.noun + '.');
        emit('merged', merged);
        await load();
      } catch (e) {
        toast('Could not merge ' + candidate.name + ': ' + e.message, { kind: 'error' });
      }
    }
    onMounted(load);
    return { kind, candidates, merge, mayMerge };
  },
  template: `<section v-if="candidates.length" class="panel" aria-labelledby="dup-heading"><h2 id="dup-heading">Possible duplicates</h2>
    <ul class="plain"><li v-for="c in candidates" :key="c.id" class="row actions">
      <span><router-link :to="kind.path + c.id">{{ c.name }}</router-link> <span class="hint">({{ c.reason }})</span></span>
      <button v-if="mayMerge(c)" class="secondary" @click="merge(c)">Merge into this one</button></li></ul></section>`,
};

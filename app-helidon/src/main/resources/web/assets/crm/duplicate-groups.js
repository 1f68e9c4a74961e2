// The possible duplicates of the whole list, contacts or companies: groups of records that look alike (a shared email,
// phone, name or domain), the largest first. In each group one record is kept (the oldest, unless the person picks
// another) and the others are merged into it one by one, where the server lets the person do it.
import { ref, onMounted } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { toast } from '/assets/shared/toast.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { kinds } from '/assets/crm/kinds.js';

const LISTS = {
  CONTACT: { api: '/api/contacts/duplicate-groups', plural: 'contacts', title: 'Possible duplicate contacts' },
  COMPANY: { api: '/api/companies/duplicate-groups', plural: 'companies', title: 'Possible duplicate companies' },
};

/** A link to this screen, for the contacts and companies pages. */
export const FindDuplicates = {
  props: { type: String },
  setup(props) {
    return { kind: kinds[props.type], list: LISTS[props.type], can };
  },
  template: `<p v-if="can(kind.resource, 'DELETE')"><router-link :to="kind.back + '/duplicates'">Look for duplicates</router-link></p>`,
};

const DuplicateGroups = {
  props: { type: String },
  setup(props) {
    const kind = kinds[props.type];
    const list = LISTS[props.type];
    const groups = ref(null);
    const kept = ref({});
    const error = ref('');
    async function load() {
      error.value = '';
      try {
        groups.value = (await api.get(list.api)).items;
        kept.value = Object.fromEntries(groups.value.map((g, i) => [i, g.records[0].id]));
      } catch (e) {
        error.value = e.message;
      }
    }
    const keptOf = (i) => groups.value[i].records.find(r => r.id === kept.value[i]);
    /** Whether the server lets me merge `record` into the group's kept one: change the kept one, delete the other. */
    const mayMerge = (i, record) => can(kind.resource, 'EDIT', keptOf(i)) && can(kind.resource, 'DELETE', record);
    async function merge(i, record) {
      const into = keptOf(i);
      if (!await confirmAction('Merge ' + record.name + ' into ' + into.name + '? Its links, notes, tasks and activities move to '
        + into.name + ', and ' + record.name + ' is deleted.', 'Merge')) {
        return;
      }
      try {
        await api.post(kind.base + into.id + '/merge', { duplicateId: record.id });
        toast(record.name + ' merged into ' + into.name + '.');
        const group = groups.value[i];
        group.records = group.records.filter(r => r.id !== record.id);
      } catch (e) {
        toast('Could not merge ' + record.name + ': ' + e.message, { kind: 'error' });
      }
    }
    const groupCount = () => groups.value.filter(g => g.records.length > 1).length;
    onMounted(load);
    return { kind, list, groups, kept, error, load, merge, mayMerge, groupCount };
  },
  template: `<main><h1>{{ list.title }}</h1>
    <p><router-link :to="kind.back">Back to {{ list.plural }}</router-link></p>
    <div v-if="error" class="notice error" role="alert">{{ error }} <button class="secondary" @click="load">Try again</button></div>
    <p v-else-if="groups === null" role="status">Looking through every one of your {{ list.plural }}…</p>
    <p v-else-if="!groups.some(g => g.records.length > 1)" class="hint" role="status">No possible duplicates among your {{ list.plural }}.</p>
    <template v-else><p class="hint" role="status">{{ groupCount() === 1 ? 'One group' : groupCount() + ' groups' }} of {{ list.plural }} that look alike.</p>
    <template v-for="(g, i) in groups" :key="g.records[0].id + i">
      <section v-if="g.records.length > 1" class="panel" :aria-label="'Group of ' + g.records[0].name">
        <h2>{{ g.records.map(r => r.name).join(' · ') }}</h2><p class="hint">{{ g.reason }}</p>
        <fieldset class="filters"><legend>Which one to keep</legend>
          <div v-for="r in g.records" :key="r.id" class="row actions">
            <label class="check"><input type="radio" :name="'keep-' + i" :value="r.id" v-model="kept[i]" :aria-label="'Keep ' + r.name"> <span aria-hidden="true">Keep</span></label>
            <router-link :to="kind.path + r.id">{{ r.name }}</router-link>
            <button v-if="r.id !== kept[i] && mayMerge(i, r)" class="secondary" @click="merge(i, r)" :aria-label="'Merge ' + r.name + ' into ' + g.records.find(x => x.id === kept[i]).name">Merge into the kept one</button>
          </div></fieldset>
        <p v-if="!g.records.some(r => r.id !== kept[i] && mayMerge(i, r))" class="hint">Merging changes the record kept and deletes the
          others; these are not all yours to change, so ask whoever owns them, or a Manager.</p>
      </section></template></template>
  </main>`,
};

export const routes = [
  { path: '/contacts/duplicates', component: DuplicateGroups, props: { type: 'CONTACT' }, meta: { auth: true } },
  { path: '/companies/duplicates', component: DuplicateGroups, props: { type: 'COMPANY' }, meta: { auth: true } },
];

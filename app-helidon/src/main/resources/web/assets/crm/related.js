// The records linked to a record, shown and linkable from either side: a contact's deals (link or unlink one from
// the contact's page); a company's people and deals; a deal's people.
import { ref, computed, onMounted, watch } from 'vue';
import { api, can } from '/assets/crm/session.js';
import { money } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';

const quoted = (field, id) => encodeURIComponent(field + '[eq]:' + JSON.stringify(id));
const fullName = (c) => (c.firstName ? c.firstName + ' ' : '') + c.lastName;

export const Related = {
  props: { type: String, record: Object },
  emits: ['changed'],
  setup(props, { emit }) {
    const people = ref([]);
    const deals = ref([]);
    const candidates = ref([]);
    const adding = ref('');
    const error = ref('');
    const dealCandidates = ref([]);
    const addingDeal = ref('');
    const linkableDeals = computed(() => dealCandidates.value.filter(d => !deals.value.some(x => x.id === d.id) && can('DEALS', 'EDIT', d)));
    const linkable = computed(() => candidates.value.filter(c => !people.value.some(p => p.id === c.id)));
    const mayLink = computed(() => props.type === 'DEAL' ? can('DEALS', 'EDIT', props.record) : props.type === 'COMPANY' && can('CONTACTS', 'EDIT'));
    async function load() {
      error.value = '';
      try {
        const id = props.record.id;
        if (props.type === 'CONTACT') {
          deals.value = (await api.get('/api/deals?limit=50&filter=' + quoted('contactIds', id))).items;
        }
        if (props.type === 'COMPANY') {
          people.value = (await api.get('/api/contacts?limit=100&sort=lastName&filter=' + quoted('companyId', id))).items;
          deals.value = (await api.get('/api/deals?limit=50&filter=' + quoted('companyId', id))).items;
        }
        if (props.type === 'DEAL') {
          people.value = await Promise.all((props.record.contactIds || []).map(c => api.get('/api/contacts/' + c).catch(() => null)))
            .then(list => list.filter(Boolean));
        }
        if (mayLink.value) {
          candidates.value = (await api.get('/api/contacts?limit=200&sort=lastName')).items;
        }
        if (props.type === 'CONTACT' && can('DEALS', 'EDIT')) {
          dealCandidates.value = (await api.get('/api/deals?limit=200')).items;
        }
      } catch (e) {
        error.value = e.message;
      }
    }
    async function link() {
      const contact = candidates.value.find(c => c.id === adding.value);
      if (!contact) {
        return;
      }
      try {
        if (props.type === 'DEAL') {
          const ids = (props.record.contactIds || []).concat([contact.id]);
          Object.assign(props.record, await api.patch('/api/deals/' + props.record.id, { contactIds: ids }));
        } else {
          await api.patch('/api/contacts/' + contact.id, { companyId: props.record.id });
        }
        toast(fullName(contact) + ' linked to ' + (props.record.name || props.record.title) + '.');
        adding.value = '';
        await load();
        emit('changed');
      } catch (e) {
        toast('Could not link ' + fullName(contact) + ': ' + e.message, { kind: 'error' });
      }
    }
    async function unlink(contact) {
      try {
        if (props.type === 'DEAL') {
          const ids = (props.record.contactIds || []).filter(c => c !== contact.id);
          Object.assign(props.record, await api.patch('/api/deals/' + props.record.id, { contactIds: ids }));
        } else {
          await api.patch('/api/contacts/' + contact.id, { companyId: null });
        }
        toast(fullName(contact) + ' unlinked.', { undo: async () => {
          if (props.type === 'DEAL') {
            Object.assign(props.record, await api.patch('/api/deals/' + props.record.id, { contactIds: (props.record.contactIds || []).concat([contact.id]) }));
          } else {
            await api.patch('/api/contacts/' + contact.id, { companyId: props.record.id });
          }
          await load();
        } });
        await load();
        emit('changed');
      } catch (e) {
        toast('Could not unlink ' + fullName(contact) + ': ' + e.message, { kind: 'error' });
      }
    }
    /** From a contact's page: this contact joins a deal's people, or leaves them (with undo). */
    async function setDealLink(deal, linked) {
      const others = (deal.contactIds || []).filter(c => c !== props.record.id);
      return api.patch('/api/deals/' + deal.id, { contactIds: linked ? others.concat([props.record.id]) : others });
    }
    async function linkDeal() {
      const deal = dealCandidates.value.find(d => d.id === addingDeal.value);
      if (!deal) {
        return;
      }
      try {
        await setDealLink(deal, true);
        toast(fullName(props.record) + ' linked to ' + deal.title + '.');
        addingDeal.value = '';
        await load();
        emit('changed');
      } catch (e) {
        toast('Could not link ' + deal.title + ': ' + e.message, { kind: 'error' });
      }
    }
    async function unlinkDeal(deal) {
      try {
        const changed = await setDealLink(deal, false);
        toast(fullName(props.record) + ' unlinked from ' + deal.title + '.', { undo: async () => {
          await setDealLink(changed, true);
          await load();
        } });
        await load();
        emit('changed');
      } catch (e) {
        toast('Could not unlink ' + deal.title + ': ' + e.message, { kind: 'error' });
      }
    }
    const mayUnlink = (contact) => props.type === 'DEAL' ? can('DEALS', 'EDIT', props.record) : can('CONTACTS', 'EDIT', contact);
    watch(() => props.record.id, load);
    onMounted(load);
    return { people, deals, linkable, adding, error, mayLink, mayUnlink, link, unlink, money, fullName, can,
      linkableDeals, addingDeal, linkDeal, unlinkDeal };
  },
  template: `<div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <section v-if="type !== 'CONTACT'" class="panel" aria-labelledby="rel-people"><h2 id="rel-people">People</h2>
      <p v-if="!people.length" class="hint">No one linked yet.</p>
      <ul v-else class="plain"><li v-for="c in people" :key="c.id" class="row spread">
        <router-link :to="'/contacts/' + c.id">{{ fullName(c) }}</router-link><span class="hint">{{ c.title }}</span>
        <button v-if="mayUnlink(c)" class="link" @click="unlink(c)" :aria-label="'Unlink ' + fullName(c)">Unlink</button></li></ul>
      <form v-if="mayLink && linkable.length" class="row" @submit.prevent="link" aria-label="Link people">
        <div class="field"><label for="rel-add">Link a contact</label>
          <select id="rel-add" v-model="adding"><option value="">Choose…</option><option v-for="c in linkable" :key="c.id" :value="c.id">{{ fullName(c) }}</option></select></div>
        <div><button class="secondary" :disabled="!adding">Link</button></div>
      </form>
    </section>
    <section v-if="type !== 'DEAL'" class="panel" aria-labelledby="rel-deals"><h2 id="rel-deals">Deals</h2>
      <p v-if="!deals.length" class="hint">No deals yet.</p>
      <ul v-else class="plain"><li v-for="d in deals" :key="d.id" class="row spread"><router-link :to="'/deals/' + d.id">{{ d.title }}</router-link> <span class="hint">{{ money(d.value, d.currency) }}</span>
        <button v-if="type === 'CONTACT' && can('DEALS', 'EDIT', d)" class="link" @click="unlinkDeal(d)" :aria-label="'Unlink ' + d.title">Unlink</button></li></ul>
      <form v-if="type === 'CONTACT' && linkableDeals.length" class="row" @submit.prevent="linkDeal" aria-label="Link this contact to a deal">
        <div class="field"><label for="rel-deal">Link a deal</label>
          <select id="rel-deal" v-model="addingDeal"><option value="">Choose…</option><option v-for="d in linkableDeals" :key="d.id" :value="d.id">{{ d.title }}</option></select></div>
        <div><button class="secondary" :disabled="!addingDeal">Link</button></div>
      </form>
    </section>`,
};

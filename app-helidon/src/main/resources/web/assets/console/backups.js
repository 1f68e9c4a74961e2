// An instance's backups: take one now, restore one in place or into a new instance.
import { ref, reactive } from 'vue';
import { api, isAdmin } from '/assets/console/session.js';
import { size } from '/assets/console/words.js';
import { dateTime } from '/assets/shared/format.js';
import { confirmAction } from '/assets/shared/confirm.js';

export const Backups = {
  props: { instance: Object },
  setup(props) {
    const backups = ref([]);
    const message = ref('');
    const restored = ref(null);
    const restoreTo = reactive({});
    const base = () => '/api/admin/instances/' + props.instance.id + '/backups';
    async function load() {
      backups.value = (await api.get(base())).items;
    }
    async function backup() {
      message.value = '';
      try {
        await api.post(base());
        message.value = 'Backup taken.';
        await load();
      } catch (e) {
        message.value = e.message;
      }
    }
    async function restore(b, subdomain) {
      if (!subdomain && !(await confirmAction('Replace the data of ' + props.instance.name + ' with the backup of ' + dateTime(b.createdAt) + '?', 'Restore'))) {
        return;
      }
      message.value = '';
      restored.value = null;
      try {
        const res = await api.post(base() + '/' + b.id + '/restore', subdomain ? { subdomain } : {});
        message.value = subdomain ? 'Restoring into a new instance at ' + subdomain + '.' : 'Restored.';
        restored.value = subdomain ? res.instanceId : null;
      } catch (e) {
        const details = e.errors && e.errors.length ? ' — ' + e.errors.map(x => x.field + ' ' + x.message).join('; ') : '';
        message.value = e.message + details;
      }
    }
    load().catch(e => { message.value = e.message; });
    return { backups, message, restored, restoreTo, backup, restore, isAdmin, size, dateTime };
  },
  template: `<div class="panel"><p v-if="isAdmin()"><button class="secondary" @click="backup">Back up now</button></p>
    <div v-if="message" class="notice info" role="status">{{ message }}
      <router-link v-if="restored" :to="'/instances/' + restored">Open the new instance</router-link></div>
    <p v-if="!backups.length" class="hint">No backups yet.</p>
    <ul class="plain"><li v-for="b in backups" :key="b.id">
      <strong>{{ dateTime(b.createdAt) }}</strong> — {{ b.documents }} records, {{ size(b.sizeBytes) }} ({{ String(b.trigger).toLowerCase() }})
      <div v-if="isAdmin()" class="row">
        <button class="secondary" @click="restore(b, '')">Restore here</button>
        <label class="sr-only" :for="'rs-' + b.id">New subdomain</label>
        <input :id="'rs-' + b.id" v-model="restoreTo[b.id]" placeholder="new subdomain" style="width:auto">
        <button class="secondary" :disabled="!restoreTo[b.id]" @click="restore(b, restoreTo[b.id])">Restore as new instance</button></div></li></ul></div>`,
};

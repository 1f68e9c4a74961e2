// The bell in the top bar: how many of my notifications are unread, and the list of them, each leading to its task.
import { ref, onMounted, onBeforeUnmount, watch } from 'vue';
import { useRoute } from 'vue-router';
import { api } from '/assets/crm/session.js';
import { dateTime } from '/assets/shared/format.js';
import { toast } from '/assets/shared/toast.js';

/** Where a notification leads: its task on the tasks screen. */
function targetOf(n) {
  if (n.link && n.link.type === 'TASK') {
    return { path: '/tasks', query: { task: n.link.id } };
  }
  return '/tasks';
}

export const NotificationBell = {
  setup() {
    const route = useRoute();
    const items = ref([]);
    const unread = ref(0);
    const open = ref(false);
    let timer = null;
    async function load() {
      try {
        const inbox = await api.get('/api/notifications?limit=20');
        items.value = inbox.items;
        unread.value = inbox.unreadCount;
      } catch (e) {
        items.value = [];
      }
    }
    async function read(n) {
      open.value = false;
      if (n.read) {
        return;
      }
      try {
        await api.post('/api/notifications/' + encodeURIComponent(n.id) + '/read', {});
        await load();
      } catch (e) {
        toast('Could not mark the notification read: ' + e.message, { kind: 'error' });
      }
    }
    async function readAll() {
      try {
        const inbox = await api.post('/api/notifications/read-all', {});
        items.value = inbox.items;
        unread.value = inbox.unreadCount;
      } catch (e) {
        toast('Could not mark the notifications read: ' + e.message, { kind: 'error' });
      }
    }
    function toggle() {
      open.value = !open.value;
      if (open.value) {
        load();
      }
    }
    function closeOnEscape(event) {
      if (event.key === 'Escape') {
        open.value = false;
      }
    }
    watch(() => route.fullPath, () => {
      open.value = false;
      load();
    });
    onMounted(() => {
      load();
      timer = setInterval(load, 60000);
      document.addEventListener('keydown', closeOnEscape);
    });
    onBeforeUnmount(() => {
      clearInterval(timer);
      document.removeEventListener('keydown', closeOnEscape);
    });
    return { items, unread, open, toggle, read, readAll, targetOf, dateTime };
  },
  template: `<div class="bell">
    <button class="secondary bell-button" @click="toggle" :aria-expanded="open" aria-controls="notifications"
      :aria-label="unread ? 'Notifications, ' + unread + ' unread' : 'Notifications'">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>
      <span v-if="unread" class="badge">{{ unread }}</span>
    </button>
    <div v-if="open" id="notifications" class="bell-panel panel" role="region" aria-label="Notifications">
      <div class="row spread"><strong>Notifications</strong>
        <button v-if="unread" class="link" @click="readAll">Mark all read</button></div>
      <p v-if="!items.length" class="hint">Nothing new.</p>
      <ul v-else class="plain">
        <li v-for="n in items" :key="n.id" :class="{ unread: !n.read }">
          <router-link :to="targetOf(n)" @click="read(n)">{{ n.title }}</router-link>
          <span class="hint when">{{ dateTime(n.createdAt) }}{{ n.read ? '' : ' · unread' }}</span>
        </li>
      </ul>
    </div>
  </div>`,
};

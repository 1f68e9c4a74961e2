// The search box of the top bar: "/" or Ctrl/Cmd+K focuses it; typing searches contacts, companies, deals, tasks and
// notes at once (GET /api/search, a moment after the last key), grouped by kind; empty, it offers the records I
// opened lately (GET /api/recent). Arrow keys move through the choices, Enter opens one, Escape closes the list.
// It follows the ARIA combobox pattern: the input owns a listbox of options grouped by kind.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '/assets/crm/session.js';
import { kinds } from '/assets/crm/kinds.js';
import { money, date } from '/assets/shared/format.js';

const groupLabels = { CONTACT: 'Contacts', COMPANY: 'Companies', DEAL: 'Deals', TASK: 'Tasks', NOTE: 'Notes' };
const kindLabels = { CONTACT: 'Contact', COMPANY: 'Company', DEAL: 'Deal', TASK: 'Task', NOTE: 'Note' };
const WAIT_MS = 200;

/** Tells the server that I opened a record's page, for my recent records; a failure only costs the list an entry. */
export function opened(type, id) {
  api.post('/api/recent', { type, id }).catch(() => {});
}

/** Where a hit opens: a record's own page, or for a task or note the page of the record it is about. */
function pathOf(hit) {
  if (kinds[hit.kind]) {
    return kinds[hit.kind].path + hit.id;
  }
  if (hit.linked && kinds[hit.linked.type]) {
    return kinds[hit.linked.type].path + hit.linked.id;
  }
  return hit.kind === 'TASK' ? '/tasks' : null;
}

/** The words shown beside a hit's title: a deal's value, a task's due date. */
function extraOf(hit) {
  if (hit.kind === 'DEAL' && hit.value !== null && hit.value !== undefined) {
    return money(hit.value, hit.currency);
  }
  if (hit.kind === 'TASK' && hit.dueDate) {
    return 'due ' + date(hit.dueDate);
  }
  return '';
}

function typingInField(event) {
  const t = event.target;
  return t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export const GlobalSearch = {
  setup() {
    const router = useRouter();
    const input = ref(null);
    const q = ref('');
    const open = ref(false);
    const groups = ref([]);
    const recent = ref([]);
    const loading = ref(false);
    const failed = ref('');
    const active = ref(-1);
    let timer = null;
    let asked = 0;
    const searching = computed(() => q.value.trim().length >= 2);
    const shown = computed(() => (searching.value ? groups.value
      : recent.value.length ? [{ kind: 'RECENT', hits: recent.value }] : []));
    const options = computed(() => shown.value.flatMap(g => g.hits));
    const activeId = computed(() => (active.value >= 0 ? 'search-option-' + active.value : null));
    const status = computed(() => {
      if (failed.value) {
        return failed.value;
      }
      if (!searching.value) {
        return q.value.trim() ? 'Type at least 2 characters.' : (recent.value.length ? '' : 'Records you open will be listed here.');
      }
      if (loading.value && !groups.value.length) {
        return 'Searching…';
      }
      return options.value.length ? options.value.length + (options.value.length === 1 ? ' result' : ' results') : 'Nothing found.';
    });
    const indexOf = (hit) => options.value.indexOf(hit);
    async function loadRecent() {
      try {
        recent.value = (await api.get('/api/recent')).items;
        failed.value = '';
      } catch (e) {
        failed.value = e.message;
      }
    }
    async function search() {
      const text = q.value.trim();
      const mine = ++asked;
      loading.value = true;
      try {
        const found = await api.get('/api/search?limit=5&q=' + encodeURIComponent(text));
        if (mine === asked) {
          groups.value = found.groups;
          failed.value = '';
          active.value = -1;
        }
      } catch (e) {
        if (mine === asked) {
          failed.value = e.message;
        }
      } finally {
        if (mine === asked) {
          loading.value = false;
        }
      }
    }
    function typed() {
      open.value = true;
      active.value = -1;
      clearTimeout(timer);
      if (searching.value) {
        timer = setTimeout(search, WAIT_MS);
      } else {
        asked++;
        groups.value = [];
        loading.value = false;
        failed.value = '';
      }
    }
    function show() {
      open.value = true;
      if (!searching.value) {
        loadRecent();
      }
    }
    function close() {
      open.value = false;
      active.value = -1;
    }
    function go(hit) {
      const path = pathOf(hit);
      close();
      q.value = '';
      groups.value = [];
      input.value.blur();
      if (path) {
        router.push(path);
      }
    }
    function move(step) {
      const n = options.value.length;
      if (!n) {
        return;
      }
      open.value = true;
      active.value = active.value < 0 ? (step > 0 ? 0 : n - 1) : (active.value + step + n) % n;
      const el = document.getElementById(activeId.value);
      if (el) {
        el.scrollIntoView({ block: 'nearest' });
      }
    }
    function key(event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Enter' && open.value && active.value >= 0) {
        event.preventDefault();
        go(options.value[active.value]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        if (open.value) {
          close();
        } else {
          q.value = '';
        }
      }
    }
    function shortcut(event) {
      const k = event.key.toLowerCase();
      if ((k === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typingInField(event))) {
        event.preventDefault();
        input.value.focus();
        input.value.select();
      }
    }
    onMounted(() => document.addEventListener('keydown', shortcut));
    onBeforeUnmount(() => {
      document.removeEventListener('keydown', shortcut);
      clearTimeout(timer);
    });
    return { input, q, open, shown, options, active, activeId, status, failed, indexOf, typed, show, close, go, key, groupLabels,
      kindLabels, extraOf };
  },
  template: `<div class="search" role="search">
      <label for="global-search" class="sr-only">Search contacts, companies, deals, tasks and notes</label>
      <input id="global-search" ref="input" v-model="q" type="text" role="combobox" autocomplete="off" spellcheck="false" maxlength="100"
        aria-autocomplete="list" aria-controls="global-search-results" :aria-expanded="open ? 'true' : 'false'"
        :aria-activedescendant="activeId" aria-keyshortcuts="/ Control+K Meta+K" placeholder="Search… (/)"
        @input="typed" @focus="show" @blur="close" @keydown="key">
      <div v-show="open" class="search-results">
        <p :class="{ hint: true, 'search-status': true, 'sr-only': options.length > 0 && !failed }" role="status">{{ status }}</p>
        <div id="global-search-results" role="listbox" aria-label="Search results">
          <div v-for="group in shown" :key="group.kind" role="group" :aria-label="group.kind === 'RECENT' ? 'Recent records' : groupLabels[group.kind]">
            <div class="search-kind" aria-hidden="true">{{ group.kind === 'RECENT' ? 'Recent' : groupLabels[group.kind] }}</div>
            <div v-for="hit in group.hits" :key="hit.kind + hit.id" :id="'search-option-' + indexOf(hit)" role="option"
              :aria-selected="indexOf(hit) === active ? 'true' : 'false'" :class="{ 'search-hit': true, active: indexOf(hit) === active }"
              @mousedown.prevent="go(hit)">
              <span class="search-title">{{ hit.title }}<span v-if="extraOf(hit)" class="search-extra"> · {{ extraOf(hit) }}</span></span>
              <span class="hint"><span v-if="group.kind === 'RECENT'">{{ kindLabels[hit.kind] }}<span v-if="hit.detail"> · </span></span>{{ hit.detail }}</span>
            </div>
          </div>
        </div>
      </div>
    </div>`,
};

// Paging through a list with the API's cursors: the API gives the next page's cursor, the pager remembers the
// cursors it came through so that Previous goes back.
import { ref, computed, reactive } from 'vue';

/** `fetchPage(cursor)` returns a page { items, nextCursor }; the answer is reactive (use `pager.items`). */
export function usePager(fetchPage) {
  const items = ref([]);
  const loading = ref(false);
  const error = ref('');
  const trail = ref([null]);
  const nextCursor = ref(null);
  const page = computed(() => trail.value.length);
  let ticket = 0;

  async function show(cursor) {
    const mine = ++ticket;
    loading.value = true;
    error.value = '';
    try {
      const answer = await fetchPage(cursor);
      if (mine !== ticket) {
        return;
      }
      items.value = answer.items;
      nextCursor.value = answer.nextCursor || null;
    } catch (e) {
      if (mine === ticket) {
        error.value = e.message;
      }
    } finally {
      if (mine === ticket) {
        loading.value = false;
      }
    }
  }

  function first() {
    trail.value = [null];
    return show(null);
  }

  function next() {
    if (!nextCursor.value) {
      return Promise.resolve();
    }
    trail.value = trail.value.concat([nextCursor.value]);
    return show(nextCursor.value);
  }

  function previous() {
    if (trail.value.length < 2) {
      return Promise.resolve();
    }
    trail.value = trail.value.slice(0, -1);
    return show(trail.value[trail.value.length - 1]);
  }

  function reload() {
    return show(trail.value[trail.value.length - 1]);
  }

  return reactive({ items, loading, error, page, nextCursor, first, next, previous, reload });
}

/** Previous / Next buttons for a pager from usePager. */
export const Pager = {
  props: { pager: Object, label: String },
  template: `<nav v-if="pager.page > 1 || pager.nextCursor" class="pager row" :aria-label="label || 'Pages'">
    <button class="secondary" :disabled="pager.page < 2 || pager.loading" @click="pager.previous()">Previous</button>
    <span class="hint">Page {{ pager.page }}</span>
    <button class="secondary" :disabled="!pager.nextCursor || pager.loading" @click="pager.next()">Next</button>
  </nav>`,
};

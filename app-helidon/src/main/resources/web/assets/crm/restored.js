// Records brought back by an Undo once the item that deleted them has left the screen: the lists that show such
// records listen here and load again.
import { onMounted, onUnmounted } from 'vue';

const listeners = new Set();

/** Tells every list on screen that a record of `type` (TASK, ACTIVITY …) is back. */
export function restored(type) {
  listeners.forEach(listener => listener(type));
}

/** Calls `listener` while the calling component is on screen. */
export function onRestored(listener) {
  onMounted(() => listeners.add(listener));
  onUnmounted(() => listeners.delete(listener));
}

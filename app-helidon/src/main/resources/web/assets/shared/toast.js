// Short messages after an action, at the foot of the screen, with an Undo where the change can be taken back.
import { reactive } from 'vue';

const state = reactive({ items: [] });
let counter = 0;

/** Shows a message for a few seconds; `undo`, when given, is offered as a button that calls it once. */
export function toast(message, options) {
  const id = ++counter;
  const undo = options && options.undo;
  const kind = (options && options.kind) || 'info';
  state.items = state.items.slice(-2).concat([{ id, message, undo, kind }]); // the newest three
  setTimeout(() => dismiss(id), undo ? 10000 : 6000);
  return id;
}

export function dismiss(id) {
  state.items = state.items.filter(t => t.id !== id);
}

async function takeBack(item) {
  dismiss(item.id);
  try {
    await item.undo();
  } catch (e) {
    toast('Could not undo: ' + e.message, { kind: 'error' });
  }
}

/** Place once in the shell of an app. */
export const Toasts = {
  setup() {
    return { state, takeBack, dismiss };
  },
  template: `<div class="toasts" role="status" aria-live="polite">
    <div v-for="t in state.items" :key="t.id" class="toast" :class="t.kind">
      <span>{{ t.message }}</span>
      <button v-if="t.undo" class="secondary" @click="takeBack(t)">Undo</button>
      <button class="link" :aria-label="'Dismiss: ' + t.message" @click="dismiss(t.id)">×</button>
    </div>
  </div>`,
};

// One confirmation dialog for actions that cannot be taken back (deleting).
import { reactive, ref, watch, nextTick } from 'vue';

const state = reactive({ open: false, message: '', action: 'Delete', resolve: null });

/** Asks the person; resolves to true when they confirm. */
export function confirmAction(message, action) {
  return new Promise((resolve) => {
    Object.assign(state, { open: true, message, action: action || 'Delete', resolve });
  });
}

/** Place once in the shell of an app. */
export const ConfirmDialog = {
  setup() {
    const dialog = ref(null);
    function close(answer) {
      const resolve = state.resolve;
      state.open = false;
      state.resolve = null;
      if (dialog.value && dialog.value.open) {
        dialog.value.close();
      }
      if (resolve) {
        resolve(answer);
      }
    }
    watch(() => state.open, async (open) => {
      await nextTick();
      if (open && dialog.value && !dialog.value.open) {
        dialog.value.showModal();
      }
    });
    return { state, dialog, close };
  },
  template: `<dialog ref="dialog" class="confirm" aria-labelledby="confirm-text" @cancel.prevent="close(false)">
    <p id="confirm-text">{{ state.message }}</p>
    <p class="row">
      <button class="danger" @click="close(true)">{{ state.action }}</button>
      <button class="secondary" autofocus @click="close(false)">Cancel</button>
    </p>
  </dialog>`,
};

// Form helpers: the field errors of a refused request, one labelled field.
import { fieldErrors } from '/assets/shared/api.js';

export { fieldErrors };

/** The errors of a refused request as { field: message }, with { form: message } when no field is named. */
export function formErrors(err) {
  const errors = fieldErrors(err);
  if (!Object.keys(errors).length) {
    errors.form = err.message;
  }
  return errors;
}

/** A label, its control (the slot) and the control's error message, tied together for screen readers. */
export const Field = {
  props: { id: String, label: String, error: String, hint: String },
  template: `<div class="field">
    <label :for="id">{{ label }}</label>
    <slot></slot>
    <span v-if="hint" :id="id + '-hint'" class="hint">{{ hint }}</span>
    <span :id="id + '-err'" class="error">{{ error }}</span>
  </div>`,
};

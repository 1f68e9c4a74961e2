// The public demo-request form: inline validation, the subdomain checked as one types, the API's errors
// shown next to their fields, a clear "check your email"; and the target of the link that confirms a repeat request
// (/?confirm=<token>), which it confirms once and then takes out of the address bar.
import { createApp, reactive, ref, watch, onMounted } from 'vue';
import { createApi, fieldErrors } from '/assets/api.js';

const api = createApi('/api', 'litedesk.public');
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
const FORM = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

createApp({
  setup() {
    const form = reactive({ companyName: '', contactName: '', email: '', phone: '', companySize: '', industry: '', subdomain: '', message: '' });
    const errors = ref({});
    const availability = ref(null);
    const busy = ref(false);
    const done = ref(null);
    const failure = ref('');
    const confirmation = ref(null);
    onMounted(async () => {
      const token = new URLSearchParams(window.location.search).get('confirm');
      if (!token) {
        return;
      }
      window.history.replaceState(null, '', window.location.pathname);
      confirmation.value = { busy: true };
      try {
        confirmation.value = { ok: true, ...(await api.post('/api/public/demo-requests/confirm', { token })) };
      } catch (e) {
        const f = fieldErrors(e);
        confirmation.value = { ok: false, message: f.token || f.subdomain || e.message };
      }
    });
    let timer;
    watch(() => form.subdomain, (value) => {
      clearTimeout(timer);
      availability.value = null;
      const v = (value || '').trim().toLowerCase();
      if (!v) {
        return;
      }
      if (!FORM.test(v)) {
        availability.value = { available: false, reason: 'use 3 to 32 lower-case letters, digits or hyphens, starting with a letter' };
        return;
      }
      timer = setTimeout(async () => {
        try {
          availability.value = await api.get('/api/public/subdomains/' + encodeURIComponent(v));
        } catch (e) {
          availability.value = null;
        }
      }, 300);
    });
    function check() {
      const e = {};
      if (!form.companyName.trim()) {
        e.companyName = 'is required';
      }
      if (!form.contactName.trim()) {
        e.contactName = 'is required';
      }
      if (!/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(form.email.trim())) {
        e.email = 'is not an email address';
      }
      if (!form.subdomain.trim()) {
        e.subdomain = 'is required';
      } else if (availability.value && !availability.value.available) {
        e.subdomain = availability.value.reason;
      }
      errors.value = e;
      return !Object.keys(e).length;
    }
    async function submit() {
      failure.value = '';
      if (!check()) {
        return;
      }
      busy.value = true;
      try {
        done.value = await api.post('/api/public/demo-requests', { ...form, subdomain: form.subdomain.trim().toLowerCase(), companySize: form.companySize || null });
      } catch (e) {
        errors.value = fieldErrors(e);
        if (!Object.keys(errors.value).length) {
          failure.value = e.message;
        }
      } finally {
        busy.value = false;
      }
    }
    return { form, errors, availability, busy, done, failure, submit, SIZES, confirmation };
  },
  template: `<main><h1>Get your own LiteDesk CRM</h1>
    <div v-if="confirmation" class="panel" role="status" data-testid="confirmation">
      <p v-if="confirmation.busy">Confirming…</p>
      <template v-else-if="confirmation.ok"><h2>Confirmed</h2>
        <p>Your request now asks for <strong>{{ confirmation.subdomain }}</strong>. We will be in touch shortly.</p></template>
      <template v-else><h2>That link did not work</h2><p class="error">{{ confirmation.message }}</p></template></div>
    <div v-if="done" class="panel" role="status"><h2>Thank you! Check your email</h2>
      <p>We sent a mail to {{ form.email }} about your request for <strong>{{ form.subdomain.trim().toLowerCase() }}</strong>.
        If you had asked before, your request changes only once you confirm the new answers through the link in that mail.</p></div>
    <form v-else class="panel" @submit.prevent="submit" novalidate aria-label="Demo request">
      <div v-if="failure" class="notice error" role="alert">{{ failure }}</div>
      <div class="row">
        <div class="field"><label for="company">Company</label><input id="company" v-model="form.companyName" :aria-invalid="!!errors.companyName" aria-describedby="company-err" autocomplete="organization"><span id="company-err" class="error">{{ errors.companyName }}</span></div>
        <div class="field"><label for="contact">Your name</label><input id="contact" v-model="form.contactName" :aria-invalid="!!errors.contactName" aria-describedby="contact-err" autocomplete="name"><span id="contact-err" class="error">{{ errors.contactName }}</span></div>
      </div>
      <div class="row">
        <div class="field"><label for="email">Work email</label><input id="email" v-model="form.email" type="email" :aria-invalid="!!errors.email" aria-describedby="email-err" autocomplete="email"><span id="email-err" class="error">{{ errors.email }}</span></div>
        <div class="field"><label for="phone">Phone (optional)</label><input id="phone" v-model="form.phone" type="tel" aria-describedby="phone-err" autocomplete="tel"><span id="phone-err" class="error">{{ errors.phone }}</span></div>
      </div>
      <div class="row">
        <div class="field"><label for="size">Company size</label><select id="size" v-model="form.companySize"><option value="">—</option><option v-for="s in SIZES" :key="s">{{ s }}</option></select><span class="error">{{ errors.companySize }}</span></div>
        <div class="field"><label for="industry">Industry (optional)</label><input id="industry" v-model="form.industry"></div>
      </div>
      <div class="field"><label for="subdomain">Your address</label>
        <div class="row" style="align-items:center"><input id="subdomain" v-model="form.subdomain" :aria-invalid="!!errors.subdomain" aria-describedby="subdomain-hint subdomain-err" style="flex:1 1 160px" autocapitalize="none"><span aria-hidden="true">.litedesk</span></div>
        <span id="subdomain-hint" class="hint" aria-live="polite">
          <span v-if="availability && availability.available" class="ok">✓ {{ availability.subdomain }} is available</span>
          <span v-else-if="availability" class="error">{{ availability.reason }}</span>
        </span>
        <span id="subdomain-err" class="error">{{ errors.subdomain }}</span></div>
      <div class="field"><label for="message">Anything we should know? (optional)</label><textarea id="message" v-model="form.message" rows="3"></textarea><span class="error">{{ errors.message }}</span></div>
      <p><button :disabled="busy">{{ busy ? 'Sending…' : 'Request my CRM' }}</button></p>
    </form></main>`,
}).mount('#app');

// "Forgot password?": asking for a reset link, and the page the mailed link opens to choose a new password.
import { ref, reactive } from 'vue';
import { api } from '/assets/crm/session.js';
import { fieldErrors } from '/assets/shared/forms.js';

const ForgotPassword = {
  setup() {
    const email = ref('');
    const error = ref('');
    const sent = ref('');
    const busy = ref(false);
    async function submit() {
      error.value = '';
      busy.value = true;
      try {
        const answer = await api.post('/api/auth/forgot-password', { email: email.value });
        sent.value = answer.message;
      } catch (e) {
        error.value = fieldErrors(e).email ? 'Enter your email address, such as ada@example.com.' : e.message;
      } finally {
        busy.value = false;
      }
    }
    return { email, error, sent, busy, submit };
  },
  template: `<main><h1>Forgot your password?</h1>
    <div v-if="sent" class="notice info" role="status">{{ sent }} <router-link to="/login">Back to sign in</router-link></div>
    <form v-else class="panel" @submit.prevent="submit" novalidate>
      <p>Enter the email address you sign in with. We mail a link to choose a new password.</p>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row">
        <div class="field"><label for="fe">Email</label><input id="fe" v-model="email" type="email" autocomplete="username"></div>
      </div>
      <p><button :disabled="busy">Send the link</button> <router-link to="/login">Back to sign in</router-link></p>
    </form></main>`,
};

export const ResetPassword = {
  setup() {
    const token = new URLSearchParams(window.location.search).get('token') || '';
    const form = reactive({ password: '', repeat: '' });
    const error = ref('');
    const done = ref(false);
    async function submit() {
      error.value = '';
      if (form.password !== form.repeat) {
        error.value = 'The two passwords differ.';
        return;
      }
      try {
        await api.post('/api/auth/reset-password', { token, password: form.password });
        done.value = true;
      } catch (e) {
        const errors = fieldErrors(e);
        error.value = errors.password || errors.token || e.message;
      }
    }
    return { form, error, done, submit, token };
  },
  template: `<main><h1>Choose a new password</h1>
    <div v-if="done" class="notice info" role="status">Your new password is set, and you were signed out everywhere. <a href="/#/login">Sign in</a></div>
    <form v-else class="panel" @submit.prevent="submit" novalidate>
      <div v-if="!token" class="notice error" role="alert">This link is incomplete; open the link from the mail.</div>
      <div v-if="error" class="notice error" role="alert">{{ error }} <a href="/#/forgot-password">Ask for a new link</a></div>
      <div class="row">
        <div class="field"><label for="rp">New password (10 characters or more)</label><input id="rp" v-model="form.password" type="password" autocomplete="new-password"></div>
        <div class="field"><label for="rp2">Repeat it</label><input id="rp2" v-model="form.repeat" type="password" autocomplete="new-password"></div>
      </div>
      <p><button :disabled="!token">Set new password</button></p>
    </form></main>`,
};

export const routes = [
  { path: '/forgot-password', component: ForgotPassword },
];

// Sign-in, and the set-password page that invitation links open.
import { ref, reactive } from 'vue';
import { useRouter } from 'vue-router';
import { api, loadMe } from '/assets/crm/session.js';
import { fieldErrors } from '/assets/shared/forms.js';
import { brand } from '/assets/crm/brand.js';

const Login = {
  setup() {
    const form = reactive({ email: '', password: '' });
    const error = ref('');
    const busy = ref(false);
    const router = useRouter();
    async function submit() {
      busy.value = true;
      error.value = '';
      try {
        await api.login(form.email, form.password);
        await loadMe();
        router.push('/contacts');
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }
    return { form, error, busy, submit, brand };
  },
  template: `<main><img v-if="brand.logoUrl" class="sign-in-logo" :src="brand.logoUrl" alt=""><h1>Sign in to {{ brand.name }}</h1>
    <form class="panel" @submit.prevent="submit" novalidate>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row">
        <div class="field"><label for="email">Email</label><input id="email" v-model="form.email" type="email" autocomplete="username" required></div>
        <div class="field"><label for="password">Password</label><input id="password" v-model="form.password" type="password" autocomplete="current-password" required></div>
      </div>
      <p><button :disabled="busy">{{ busy ? 'Signing in…' : 'Sign in' }}</button></p>
      <p><router-link to="/forgot-password">Forgot password?</router-link></p>
    </form></main>`,
};

export const SetPassword = {
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
        await api.post('/api/auth/set-password', { token, password: form.password });
        done.value = true;
      } catch (e) {
        error.value = fieldErrors(e).password || e.message;
      }
    }
    return { form, error, done, submit, token };
  },
  template: `<main><h1>Choose your password</h1>
    <div v-if="done" class="notice info" role="status">Your password is set. <a href="/#/login">Sign in</a></div>
    <form v-else class="panel" @submit.prevent="submit" novalidate>
      <div v-if="!token" class="notice error" role="alert">This link is incomplete; open the link from your invitation mail.</div>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row">
        <div class="field"><label for="pw">New password (10 characters or more)</label><input id="pw" v-model="form.password" type="password" autocomplete="new-password"></div>
        <div class="field"><label for="pw2">Repeat it</label><input id="pw2" v-model="form.repeat" type="password" autocomplete="new-password"></div>
      </div>
      <p><button :disabled="!token">Set password</button></p>
    </form></main>`,
};

export const routes = [
  { path: '/login', component: Login },
];

// Operator sign-in.
import { ref, reactive } from 'vue';
import { useRouter } from 'vue-router';
import { api, loadMe } from '/assets/console/session.js';

export const Login = {
  setup() {
    const form = reactive({ email: '', password: '' });
    const error = ref('');
    const router = useRouter();
    async function submit() {
      error.value = '';
      try {
        await api.login(form.email, form.password);
        await loadMe();
        router.push('/requests');
      } catch (e) {
        error.value = e.message;
      }
    }
    return { form, error, submit };
  },
  template: `<main><h1>Operator sign-in</h1>
    <form class="panel" @submit.prevent="submit" novalidate>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row">
        <div class="field"><label for="email">Email</label><input id="email" v-model="form.email" type="email" autocomplete="username"></div>
        <div class="field"><label for="password">Password</label><input id="password" v-model="form.password" type="password" autocomplete="current-password"></div>
      </div>
      <p><button>Sign in</button></p>
    </form></main>`,
};

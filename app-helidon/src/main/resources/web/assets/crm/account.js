// My account: who I am, and changing my password.
import { ref, reactive } from 'vue';
import { api, session } from '/assets/crm/session.js';
import { fieldErrors } from '/assets/shared/forms.js';
import { roleName } from '/assets/crm/names.js';

const Account = {
  setup() {
    const form = reactive({ currentPassword: '', newPassword: '' });
    const message = ref('');
    const error = ref('');
    async function submit() {
      message.value = '';
      error.value = '';
      try {
        await api.post('/api/auth/password', { ...form });
        message.value = 'Your password is changed; your other sessions have ended.';
        Object.assign(form, { currentPassword: '', newPassword: '' });
      } catch (e) {
        const f = fieldErrors(e);
        error.value = f.newPassword || f.currentPassword || e.message;
      }
    }
    return { form, message, error, submit, session, roleName };
  },
  template: `<main><h1>My account</h1>
    <div class="panel" v-if="session.me"><p>{{ session.me.name }} · {{ session.me.email }} · {{ roleName(session.me.role) }}</p></div>
    <form class="panel" @submit.prevent="submit" novalidate aria-label="Change password">
      <div v-if="message" class="notice info" role="status">{{ message }}</div>
      <div v-if="error" class="notice error" role="alert">{{ error }}</div>
      <div class="row">
        <div class="field"><label for="cp">Current password</label><input id="cp" v-model="form.currentPassword" type="password" autocomplete="current-password"></div>
        <div class="field"><label for="np">New password</label><input id="np" v-model="form.newPassword" type="password" autocomplete="new-password"></div>
        <div><button>Change password</button></div>
      </div>
    </form></main>`,
};

export const routes = [
  { path: '/account', component: Account, meta: { auth: true } },
];

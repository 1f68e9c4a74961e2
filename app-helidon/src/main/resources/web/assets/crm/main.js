// The tenant CRM of one instance. Each screen is a module of its own under /assets/crm/<screen>.js that exports
// `routes` (vue-router records) and, when it belongs in the main menu, `nav` ({ to, label, resource }: shown to
// whoever the server lets read that resource). To add a screen:
// write its module and add it to `screens` below, in menu order. Components and helpers used by more than one
// screen live in /assets/shared/ (formatting, confirm dialog, form fields, pager, toasts).
import { createApp, onMounted } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import { api, session, loadMe, signedOut, can } from '/assets/crm/session.js';
import { roleName } from '/assets/crm/names.js';
import { Toasts } from '/assets/shared/toast.js';
import { ConfirmDialog } from '/assets/shared/confirm.js';
import { NotificationBell } from '/assets/crm/notifications.js';
import { SetPassword } from '/assets/crm/login.js';
import { ResetPassword } from '/assets/crm/reset-password.js';
import { GlobalSearch } from '/assets/crm/search.js';
import * as resetPassword from '/assets/crm/reset-password.js';
import * as login from '/assets/crm/login.js';
import * as dashboard from '/assets/crm/dashboard.js';
import * as contacts from '/assets/crm/contacts.js';
import * as companies from '/assets/crm/companies.js';
import * as deals from '/assets/crm/deals.js';
import * as tasks from '/assets/crm/tasks.js';
import * as pipelines from '/assets/crm/pipelines.js';
import * as users from '/assets/crm/users.js';
import * as audit from '/assets/crm/audit.js';
import * as account from '/assets/crm/account.js';
import * as settings from '/assets/crm/settings.js';
import * as duplicateGroups from '/assets/crm/duplicate-groups.js';
import { brand, loadBrand, pageTitle } from '/assets/crm/brand.js';

const screens = [login, resetPassword, dashboard, contacts, companies, duplicateGroups, deals, tasks, pipelines, users, audit, settings, account];

const routes = [{ path: '/', redirect: '/contacts' }].concat(...screens.map(s => s.routes));
const menu = screens.filter(s => s.nav).map(s => s.nav);

const router = createRouter({ history: createWebHashHistory(), routes });
router.beforeEach((to) => (to.meta.auth && !api.loggedIn() ? '/login' : true));
router.afterEach((to) => {
  const item = menu.find(m => to.path === m.to || to.path.startsWith(m.to + '/'));
  document.title = pageTitle(item ? item.label : (to.path === '/login' ? 'Sign in' : ''));
});

const App = {
  components: { SetPassword, ResetPassword, Toasts, ConfirmDialog, NotificationBell, GlobalSearch },
  setup() {
    const settingPassword = window.location.pathname === '/set-password';
    const resettingPassword = window.location.pathname === '/reset-password';
    async function signOut() {
      await api.logout();
      signedOut();
      router.push('/login');
    }
    const shown = (item) => can(item.resource, 'READ');
    onMounted(loadMe);
    return { session, signOut, settingPassword, resettingPassword, menu, shown, roleName, brand };
  },
  template: `<header class="bar"><span class="brand"><img v-if="brand.logoUrl && session.me" :src="brand.logoUrl" alt="">{{ brand.name }}</span><GlobalSearch v-if="session.me"/>
      <nav v-if="session.me" aria-label="Main"><template v-for="item in menu" :key="item.to"><router-link v-if="shown(item)" :to="item.to">{{ item.label }}</router-link></template></nav>
      <span v-if="session.me" class="row actions"><NotificationBell/><span><router-link to="/account">{{ session.me.name }}</router-link> ({{ roleName(session.me.role) }})</span> <button class="secondary" @click="signOut">Sign out</button></span>
    </header>
    <SetPassword v-if="settingPassword"/><ResetPassword v-else-if="resettingPassword"/><router-view v-else v-slot="{ Component, route }"><component :is="Component" :key="route.path"/></router-view>
    <Toasts/><ConfirmDialog/>`,
};

await Promise.all([api.restore(), loadBrand()]); // a reload keeps the session: a new access token from the session cookie
createApp(App).use(router).mount('#app');

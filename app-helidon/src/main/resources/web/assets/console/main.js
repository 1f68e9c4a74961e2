// The platform console: sign-in, demo requests and their conversion with live provisioning steps, the instances
// with their lifecycle actions, fleet metrics, the development outbox and the audit log. One file per screen.
import { createApp, onMounted } from 'vue';
import { createRouter, createWebHashHistory, useRouter } from 'vue-router';
import { api, session, isAdmin, loadMe } from '/assets/console/session.js';
import { Login } from '/assets/console/login.js';
import { Requests } from '/assets/console/requests.js';
import { Instances } from '/assets/console/instances.js';
import { InstanceDetail } from '/assets/console/instance.js';
import { Metrics } from '/assets/console/metrics.js';
import { Outbox } from '/assets/console/outbox.js';
import { Audit } from '/assets/console/audit.js';
import { ConfirmDialog } from '/assets/shared/confirm.js';

const screens = [
  { path: '/requests', component: Requests, title: 'Demo requests' },
  { path: '/instances', component: Instances, title: 'Instances' },
  { path: '/instances/:id', component: InstanceDetail, title: 'Instance' },
  { path: '/metrics', component: Metrics, title: 'Metrics' },
  { path: '/outbox', component: Outbox, title: 'Outbox', adminOnly: true },
  { path: '/audit', component: Audit, title: 'Audit' },
];
const menu = screens.filter(s => !s.path.includes(':'));

const routes = [{ path: '/', redirect: '/requests' }, { path: '/login', component: Login, meta: { title: 'Sign in' } }];
for (const screen of screens) {
  routes.push({ path: screen.path, component: screen.component, meta: { auth: true, title: screen.title } });
}
const router = createRouter({ history: createWebHashHistory(), routes });
router.beforeEach((to) => (to.meta.auth && !api.loggedIn() ? '/login' : true));
router.afterEach((to) => {
  document.title = (to.meta.title ? to.meta.title + ' · ' : '') + 'LiteDesk console';
});

await api.restore(); // a reload keeps the session: a new access token from the session cookie
createApp({
  components: { ConfirmDialog },
  setup() {
    const nav = useRouter();
    async function signOut() {
      await api.logout();
      session.me = null;
      nav.push('/login');
    }
    function shown(screen) {
      return !screen.adminOnly || isAdmin();
    }
    onMounted(loadMe);
    return { session, signOut, menu, shown };
  },
  // keyed by the path: going from one instance's page to another's builds the page again for the new one
  template: `<header class="bar"><strong>LiteDesk console</strong>
      <nav v-if="session.me" aria-label="Main"><template v-for="s in menu" :key="s.path">
        <router-link v-if="shown(s)" :to="s.path">{{ s.title }}</router-link></template></nav>
      <span v-if="session.me">{{ session.me.email }} <button class="secondary" @click="signOut">Sign out</button></span></header>
    <router-view :key="$route.path"/>
    <confirm-dialog></confirm-dialog>`,
}).use(router).mount('#app');

// Users, their roles and teams: invite a user, change a role or team, create a team.
import { ref, reactive, onMounted } from 'vue';
import { api, session, can } from '/assets/crm/session.js';
import { roleName } from '/assets/crm/names.js';
import { formErrors } from '/assets/shared/forms.js';

const roles = ['ADMIN', 'MANAGER', 'USER', 'VIEWER'];

const Users = {
  setup() {
    const items = ref([]);
    const teams = ref([]);
    const error = ref('');
    const draft = reactive({ email: '', name: '', role: 'USER', teamId: '' });
    const message = ref('');
    const errors = ref({});
    const teamName = ref('');
    async function load() {
      try {
        items.value = (await api.get('/api/users?limit=200')).items;
        teams.value = can('TEAMS', 'READ') ? (await api.get('/api/teams')).items : [];
      } catch (e) {
        error.value = e.message;
      }
    }
    async function invite() {
      errors.value = {};
      message.value = '';
      try {
        await api.post('/api/users', { ...draft, teamId: draft.teamId || null });
        message.value = 'Invitation sent to ' + draft.email + '.';
        Object.assign(draft, { email: '', name: '' });
        await load();
      } catch (e) {
        errors.value = formErrors(e);
      }
    }
    async function change(u, field, value) {
      message.value = '';
      try {
        await api.patch('/api/users/' + u.id, { [field]: value || null });
        message.value = u.name + ' updated.';
        await load();
      } catch (e) {
        message.value = e.message;
        await load();
      }
    }
    async function addTeam() {
      message.value = '';
      try {
        await api.post('/api/teams', { name: teamName.value });
        message.value = 'Team ' + teamName.value + ' created.';
        teamName.value = '';
        await load();
      } catch (e) {
        message.value = e.message;
      }
    }
    onMounted(load);
    return { roles, items, teams, error, draft, message, errors, invite, change, teamName, addTeam, session, can, roleName };
  },
  template: `<main><h1>Users, teams and roles</h1>
    <div v-if="error" class="notice error" role="alert">{{ error }}</div>
    <div v-if="message" class="notice info" role="status">{{ message }}</div>
    <form v-if="can('USERS', 'CREATE')" class="panel" @submit.prevent="invite" novalidate aria-label="Invite a user">
      <div v-if="errors.form" class="notice error" role="alert">{{ errors.form }}</div>
      <div class="row">
        <div class="field"><label for="ue">Email</label><input id="ue" v-model="draft.email" type="email"><span class="error">{{ errors.email }}</span></div>
        <div class="field"><label for="un">Name</label><input id="un" v-model="draft.name"></div>
        <div class="field"><label for="ur">Role</label><select id="ur" v-model="draft.role"><option v-for="r in roles" :key="r" :value="r">{{ roleName(r) }}</option></select></div>
        <div class="field"><label for="ut">Team</label><select id="ut" v-model="draft.teamId"><option value="">None</option><option v-for="t in teams" :key="t.id" :value="t.id">{{ t.name }}</option></select></div>
        <div><button>Invite</button></div>
      </div>
    </form>
    <div class="table-wrap"><table><caption class="sr-only">Users</caption>
      <thead><tr><th scope="col">Name</th><th scope="col" class="optional">Email</th><th scope="col">Role</th><th scope="col">Team</th></tr></thead>
      <tbody><tr v-for="u in items" :key="u.id"><td>{{ u.name }}<span v-if="!u.active" class="hint"> (inactive)</span></td><td class="optional">{{ u.email }}</td>
        <td><span v-if="!can('USERS', 'EDIT') || u.role === 'OWNER' || u.id === session.me.id">{{ roleName(u.role) }}</span>
          <select v-else :aria-label="'Role of ' + u.name" :value="u.role" @change="change(u, 'role', $event.target.value)"><option v-for="r in roles" :key="r" :value="r">{{ roleName(r) }}</option></select></td>
        <td><select v-if="can('USERS', 'EDIT')" :aria-label="'Team of ' + u.name" :value="u.teamId || ''" @change="change(u, 'teamId', $event.target.value)"><option value="">None</option><option v-for="t in teams" :key="t.id" :value="t.id">{{ t.name }}</option></select>
          <span v-else>{{ (teams.find(t => t.id === u.teamId) || {}).name || '—' }}</span></td></tr></tbody></table></div>
    <h2 v-if="can('TEAMS', 'READ')">Teams</h2>
    <form v-if="can('TEAMS', 'CREATE')" class="panel row" @submit.prevent="addTeam" novalidate aria-label="Create a team">
      <div class="field"><label for="tn">New team</label><input id="tn" v-model="teamName"></div><div><button>Create team</button></div>
    </form>
    <ul v-if="can('TEAMS', 'READ')" class="panel"><li v-for="t in teams" :key="t.id">{{ t.name }} — {{ t.memberIds.length }} member{{ t.memberIds.length === 1 ? '' : 's' }}</li><li v-if="!teams.length" class="hint">No teams yet.</li></ul>
  </main>`,
};

export const routes = [
  { path: '/users', component: Users, meta: { auth: true } },
];

export const nav = { to: '/users', label: 'Users', resource: 'USERS' };

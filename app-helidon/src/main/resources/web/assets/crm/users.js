// Users, their roles and teams: invite a user, change a role or team, create a team; pending invitations with
// resend and revoke (and, while no mail provider delivers mail, the link to copy and hand over); each user's status,
// deactivation and reactivation.
import { ref, reactive, onMounted } from 'vue';
import { api, session, can } from '/assets/crm/session.js';
import { roleName } from '/assets/crm/names.js';
import { formErrors } from '/assets/shared/forms.js';
import { date, dateTime } from '/assets/shared/format.js';
import { confirmAction } from '/assets/shared/confirm.js';
import { toast } from '/assets/shared/toast.js';

const roles = ['ADMIN', 'MANAGER', 'USER', 'VIEWER'];
const statusNames = { PENDING: 'Invited', ACTIVE: 'Active', DEACTIVATED: 'Deactivated' };

/** Puts a link on the clipboard; where the browser refuses, selects the field so that it can be copied by hand. */
async function copyLink(link, fieldId) {
  try {
    await navigator.clipboard.writeText(link);
    toast('Link copied. Send it to the person you invited: it lets them choose their password.');
  } catch (e) {
    const field = document.getElementById(fieldId);
    if (field) {
      field.select();
    }
    toast('Copy the selected link with Ctrl+C (⌘C on a Mac).');
  }
}

const Users = {
  setup() {
    const items = ref([]);
    const teams = ref([]);
    const error = ref('');
    const draft = reactive({ email: '', name: '', role: 'USER', teamId: '' });
    const message = ref('');
    const errors = ref({});
    const teamName = ref('');
    const invitations = ref([]);
    const handOver = ref(null);
    async function load() {
      try {
        items.value = (await api.get('/api/users?limit=200')).items;
        teams.value = can('TEAMS', 'READ') ? (await api.get('/api/teams')).items : [];
        invitations.value = can('INVITATIONS', 'READ') ? (await api.get('/api/invitations')).items : [];
      } catch (e) {
        error.value = e.message;
      }
    }
    async function invite() {
      errors.value = {};
      message.value = '';
      try {
        const created = await api.post('/api/users', { ...draft, teamId: draft.teamId || null });
        const link = created.invitation && created.invitation.link;
        handOver.value = link ? { name: created.name, email: created.email, link } : null;
        message.value = link ? '' : 'Invitation sent to ' + draft.email + '.';
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
    async function resend(i) {
      message.value = '';
      try {
        const again = await api.post('/api/invitations/' + i.userId + '/resend');
        handOver.value = again.link ? { name: again.name, email: again.email, link: again.link } : null;
        message.value = again.link ? 'A new link for ' + again.name + ' is below; the earlier one no longer works.'
          : 'A new invitation is on its way to ' + again.email + '; the earlier link no longer works.';
        await load();
      } catch (e) {
        message.value = e.message;
        await load();
      }
    }
    async function revoke(i) {
      if (!(await confirmAction('Revoke the invitation of ' + i.name + '? Their link stops working and they are deactivated.', 'Revoke'))) {
        return;
      }
      message.value = '';
      try {
        await api.del('/api/invitations/' + i.userId);
        if (handOver.value && handOver.value.email === i.email) {
          handOver.value = null;
        }
        message.value = 'The invitation of ' + i.name + ' is revoked.';
        await load();
      } catch (e) {
        message.value = e.message;
        await load();
      }
    }
    function mayChangeStatus(u) {
      return can('USERS', 'EDIT') && u.role !== 'OWNER' && u.id !== session.me.id;
    }
    async function deactivate(u) {
      if (!(await confirmAction('Deactivate ' + u.name + '? They are signed out at once and cannot sign in until reactivated.', 'Deactivate'))) {
        return;
      }
      message.value = '';
      try {
        await api.del('/api/users/' + u.id);
        message.value = u.name + ' is deactivated.';
        await load();
      } catch (e) {
        message.value = e.message;
        await load();
      }
    }
    async function reactivate(u) {
      message.value = '';
      try {
        const back = await api.post('/api/users/' + u.id + '/reactivate');
        const link = back.invitation && back.invitation.link;
        handOver.value = link ? { name: back.name, email: back.email, link } : null;
        message.value = u.name + ' is active again' + (back.status === 'PENDING' ? ' and invited anew.' : '.');
        await load();
      } catch (e) {
        message.value = e.message;
        await load();
      }
    }
    function inviterOf(i) {
      return i.invitedByName || 'LiteDesk';
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
    return { roles, items, teams, error, draft, message, errors, invite, change, teamName, addTeam, session, can, roleName,
      invitations, handOver, resend, revoke, copyLink, mayChangeStatus, deactivate, reactivate, statusNames, inviterOf, date, dateTime };
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
    <section v-if="handOver" class="panel" aria-labelledby="handover-title">
      <h2 id="handover-title">Send {{ handOver.name }} their invitation link</h2>
      <p>No mail provider is set up, so no mail reaches {{ handOver.email }}. Copy this link and send it to them yourself: it lets them choose their password, once, within 7 days.</p>
      <div class="row"><div class="field"><label for="handover-link">Invitation link for {{ handOver.name }}</label><input id="handover-link" :value="handOver.link" readonly></div>
        <div><button type="button" @click="copyLink(handOver.link, 'handover-link')">Copy link</button></div></div>
    </section>
    <section v-if="can('INVITATIONS', 'READ')" aria-labelledby="pending-title">
      <h2 id="pending-title">Pending invitations</h2>
      <p v-if="!invitations.length" class="hint">Nobody is waiting to accept an invitation.</p>
      <ul v-else class="plain invitations">
        <li v-for="(i, n) in invitations" :key="i.userId" class="panel">
          <p><strong>{{ i.name }}</strong> ({{ i.email }}), {{ roleName(i.role) }} — invited by {{ inviterOf(i) }} on {{ dateTime(i.invitedAt) }}.
            <span v-if="i.expired">The link expired on {{ date(i.expiresAt) }}: resend it.</span><span v-else>The link works until {{ date(i.expiresAt) }}.</span></p>
          <div v-if="i.link && !i.expired" class="row"><div class="field"><label :for="'link-' + n">Invitation link for {{ i.name }}</label><input :id="'link-' + n" :value="i.link" readonly></div>
            <div><button type="button" class="secondary" :aria-label="'Copy the invitation link for ' + i.name" @click="copyLink(i.link, 'link-' + n)">Copy link</button></div></div>
          <p><button v-if="can('INVITATIONS', 'CREATE')" type="button" class="secondary" :aria-label="'Resend the invitation to ' + i.name" @click="resend(i)">Resend</button>
            <button v-if="can('INVITATIONS', 'DELETE')" type="button" class="secondary" :aria-label="'Revoke the invitation of ' + i.name" @click="revoke(i)">Revoke</button></p>
        </li>
      </ul>
    </section>
    <h2>People</h2>
    <div class="table-wrap"><table><caption class="sr-only">Users</caption>
      <thead><tr><th scope="col">Name</th><th scope="col" class="optional">Email</th><th scope="col">Status</th><th scope="col">Role</th><th scope="col">Team</th></tr></thead>
      <tbody><tr v-for="u in items" :key="u.id"><td>{{ u.name }}</td><td class="optional">{{ u.email }}</td>
        <td>{{ statusNames[u.status] || '' }}<template v-if="mayChangeStatus(u)"><br>
          <button v-if="u.active" type="button" class="secondary" @click="deactivate(u)">Deactivate</button>
          <button v-else type="button" class="secondary" @click="reactivate(u)">Reactivate</button></template></td>
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

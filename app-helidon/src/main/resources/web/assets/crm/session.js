// The signed-in person of this CRM, what the server lets them do, and the API client every screen uses.
import { reactive } from 'vue';
import { createApi } from '/assets/shared/api.js';

export const api = createApi('/api', 'litedesk.crm');

export const session = reactive({ me: null, permissions: null });

let people = null;

export async function loadMe() {
  people = null;
  if (!api.loggedIn()) {
    session.me = null;
    session.permissions = null;
    return;
  }
  const [me, permissions] = await Promise.all([
    api.get('/api/auth/me').catch(() => null),
    api.get('/api/auth/me/permissions').catch(() => null),
  ]);
  session.me = me;
  session.permissions = permissions;
}

export function signedOut() {
  session.me = null;
  session.permissions = null;
  people = null;
}

/** How far the server lets me do `action` (READ, CREATE, EDIT, DELETE, EXPORT, IMPORT) on `resource`. */
export function scope(resource, action) {
  const p = session.permissions;
  if (!p) {
    return 'NONE';
  }
  const cell = p.permissions.find(x => x.resource === resource && x.action === action);
  return cell ? cell.scope : 'NONE';
}

/**
 * Whether to offer an action, from the server's answer only. With a record, OWN and TEAM scopes reach the records
 * I own (tasks also those assigned to me) or my team's, as the server's permissions say.
 */
export function can(resource, action, record) {
  const reach = scope(resource, action);
  if (reach === 'NONE') {
    return false;
  }
  if (reach === 'ALL' || !record) {
    return true;
  }
  const me = session.permissions.userId;
  const own = record.ownerId === me || record.assigneeId === me;
  if (reach === 'OWN') {
    return own;
  }
  return own || (!!session.permissions.teamId && record.teamId === session.permissions.teamId);
}

/** The users of the instance, to pick owners and show their names; empty when I may not read users. */
export function users() {
  if (!people) {
    people = can('USERS', 'READ') ? api.get('/api/users?limit=200').then(page => page.items).catch(() => []) : Promise.resolve([]);
  }
  return people;
}

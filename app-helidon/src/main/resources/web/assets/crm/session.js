// The signed-in person of this CRM and the API client every screen uses.
import { reactive } from 'vue';
import { createApi } from '/assets/shared/api.js';

export const api = createApi('/api', 'litedesk.crm');

export const session = reactive({ me: null });

export async function loadMe() {
  session.me = api.loggedIn() ? await api.get('/api/auth/me').catch(() => null) : null;
}

/** May the signed-in person change records? */
export function canWrite() {
  return !!session.me && session.me.role !== 'VIEWER';
}

/** May the signed-in person run the administration screens? */
export function isAdmin() {
  return !!session.me && ['OWNER', 'ADMIN'].includes(session.me.role);
}

// The console's one API client and who is signed in.
import { reactive } from 'vue';
import { createApi } from '/assets/shared/api.js';

export const api = createApi('/api/admin', 'litedesk.console');

export const session = reactive({ me: null });

/** Platform admins change things; platform viewers only read. */
export function isAdmin() {
  return Boolean(session.me) && session.me.role !== 'VIEWER';
}

export async function loadMe() {
  if (!api.loggedIn()) {
    session.me = null;
    return;
  }
  session.me = await api.get('/api/admin/auth/me').catch(() => null);
}

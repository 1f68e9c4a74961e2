// One way to call the API: JSON in and out, the access token attached, refreshed once when it expires,
// problem+json turned into an Error with `status`, `code` and per-field `errors`.
//
// The access token lives in this page's memory only; the refresh token is an HttpOnly cookie the page cannot
// read, sent by the browser to the refresh and logout routes alone. A reload asks the refresh route for a new
// access token. localStorage holds no token: only `<key>.signedIn`, whether a session cookie is to be expected
// (so that a signed-out page does not ask the server for nothing).
import { duration } from '/assets/shared/format.js';

export function createApi(prefix, storageKey) {
  const store = window.localStorage;
  const hintKey = storageKey + '.signedIn';
  store.removeItem(storageKey); // tokens an older version kept there
  let access = null;
  let refreshing = null;

  async function call(method, path, body, retried, raw) {
    const headers = { 'Accept': raw && raw.accept ? raw.accept : 'application/json' };
    if (body !== undefined) headers['Content-Type'] = raw && raw.type ? raw.type : 'application/json';
    const sent = access;
    if (sent) headers['Authorization'] = 'Bearer ' + sent;
    const payload = body === undefined ? undefined : (raw && raw.type ? body : JSON.stringify(body));
    const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    if (res.status === 401 && sent && !retried) {
      if (await refresh()) return call(method, path, body, true, raw);
    }
    if (raw && raw.blob && res.ok) return res.blob();
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error(sentence(data, res));
      err.status = res.status;
      err.code = data && data.code;
      err.errors = (data && data.errors) || [];
      throw err;
    }
    return data;
  }

  // The session cookie is single-use: one refresh at a time in this page, and in every tab of this browser
  // (Web Locks), else two would present the same cookie and the second would end the session as replayed.
  async function cookieCall(route) {
    return fetch(prefix + route, { method: 'POST', credentials: 'same-origin', body: '{}',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-CSRF': '1' } });
  }

  function refresh() {
    if (!refreshing) {
      const run = async () => {
        try {
          const res = await cookieCall('/auth/refresh');
          if (!res.ok) {
            access = null;
            store.removeItem(hintKey);
            return false;
          }
          access = (await res.json()).accessToken;
          return true;
        } catch (e) {
          access = null;
          return false;
        }
      };
      refreshing = (navigator.locks ? navigator.locks.request('litedesk' + prefix + '/auth/refresh', run) : run())
        .finally(() => {
          refreshing = null;
        });
    }
    return refreshing;
  }

  return {
    get: (p) => call('GET', p), post: (p, b) => call('POST', p, b === undefined ? {} : b),
    put: (p, b) => call('PUT', p, b), patch: (p, b) => call('PATCH', p, b), del: (p) => call('DELETE', p),
    loggedIn: () => !!access,
    /** After a page load: a new access token from the session cookie, when there is a session. */
    async restore() { if (!access && store.getItem(hintKey)) await refresh(); return !!access; },
    /** Sends a text body of another type (CSV) and reads JSON back. */
    send: (method, p, text, type) => call(method, p, text, false, { type }),
    /** Reads a file the API streams (CSV exports). */
    blob: (p) => call('GET', p, undefined, false, { blob: true, accept: 'text/csv' }),
    async login(email, password) {
      access = (await call('POST', prefix + '/auth/login', { email, password })).accessToken;
      store.setItem(hintKey, '1');
    },
    async logout() {
      try {
        await cookieCall('/auth/logout');
      } catch (e) {
        // already gone
      }
      access = null;
      store.removeItem(hintKey);
    },
  };
}

/** What a refusal says to a person: the problem's detail as a sentence, a wait as "try again in 7 minutes". */
function sentence(data, res) {
  let text = (data && (data.detail || data.title)) || 'The server could not do this just now.';
  text = text.replace(/;?\s*retry after \d+ ?s\b/i, '');
  const wait = Number(res.headers.get('Retry-After'));
  if (wait > 0) {
    text = text.replace(/[.\s]*$/, '') + '; try again in ' + duration(wait) + '.';
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Field errors of a problem as { field: message }. */
export function fieldErrors(err) {
  const out = {};
  for (const e of (err && err.errors) || []) out[e.field] = e.message;
  return out;
}

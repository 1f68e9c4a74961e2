// One way to call the API: JSON in and out, the access token attached, refreshed once when it expires,
// problem+json turned into an Error with `status`, `code` and per-field `errors`.
export function createApi(prefix, storageKey) {
  const store = window.localStorage;
  const tokens = () => JSON.parse(store.getItem(storageKey) || 'null');
  const save = (t) => t ? store.setItem(storageKey, JSON.stringify(t)) : store.removeItem(storageKey);

  async function call(method, path, body, retried, raw) {
    const headers = { 'Accept': raw && raw.accept ? raw.accept : 'application/json' };
    if (body !== undefined) headers['Content-Type'] = raw && raw.type ? raw.type : 'application/json';
    const t = tokens();
    if (t) headers['Authorization'] = 'Bearer ' + t.accessToken;
    const payload = body === undefined ? undefined : (raw && raw.type ? body : JSON.stringify(body));
    const res = await fetch(path, { method, headers, body: payload });
    if (res.status === 401 && t && !retried && !path.endsWith('/auth/refresh')) {
      if (await refresh()) return call(method, path, body, true, raw);
    }
    if (raw && raw.blob && res.ok) return res.blob();
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error((data && (data.detail || data.title)) || ('HTTP ' + res.status));
      err.status = res.status; err.code = data && data.code; err.errors = (data && data.errors) || [];
      throw err;
    }
    return data;
  }

  async function refresh() {
    const t = tokens();
    try {
      const fresh = await call('POST', prefix + '/auth/refresh', { refreshToken: t.refreshToken }, true);
      save(fresh);
      return true;
    } catch (e) {
      save(null);
      return false;
    }
  }

  return {
    get: (p) => call('GET', p), post: (p, b) => call('POST', p, b === undefined ? {} : b),
    put: (p, b) => call('PUT', p, b), patch: (p, b) => call('PATCH', p, b), del: (p) => call('DELETE', p),
    loggedIn: () => !!tokens(),
    /** Sends a text body of another type (CSV) and reads JSON back. */
    send: (method, p, text, type) => call(method, p, text, false, { type }),
    /** Reads a file the API streams (CSV exports). */
    blob: (p) => call('GET', p, undefined, false, { blob: true, accept: 'text/csv' }),
    async login(email, password) { save(await call('POST', prefix + '/auth/login', { email, password })); },
    async logout() { const t = tokens(); if (t) { try { await call('POST', prefix + '/auth/logout', { refreshToken: t.refreshToken }); } catch (e) { /* already gone */ } } save(null); },
  };
}

/** Field errors of a problem as { field: message }. */
export function fieldErrors(err) {
  const out = {};
  for (const e of (err && err.errors) || []) out[e.field] = e.message;
  return out;
}

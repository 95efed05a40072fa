'use strict';
// Talking to the Archivist API (docs/api.md): the token of this browser tab, the calls, and the
// messages shown when a call fails: the problem's `detail`, never a status code or a stack trace.

const API = 'api/v1'; // relative, so that the console also works behind a path prefix
const TOKEN_KEY = 'archivist.token';
const LIFECYCLE_ROLES = ['SUPER_ADMIN', 'ADMIN', 'JOURNEY_MANAGER'];

/** The token's claims, decoded for display only (the server checks the signature); null when it is not a JWT. */
function decodeClaims(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) return null;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64.padEnd(b64.length + ((4 - (b64.length % 4)) % 4), '=');
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? claims : null;
  } catch (ignored) {
    return null;
  }
}

/** The signed-in user of this tab: sessionStorage, so the token is forgotten when the tab closes. */
const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  keep: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
  claims: () => (session.token() ? decodeClaims(session.token()) : null),
  roles: () => {
    const roles = (session.claims() || {}).roles;
    return Array.isArray(roles) ? roles.map(String) : [];
  },
  /** docs/lifecycle.md#roles: archive, restore, purge, bulk and preview. */
  canLifecycle: () => session.roles().some((role) => LIFECYCLE_ROLES.includes(role)),
  /** Called with the message when the server refuses the token (401). */
  onRefused: null,
};

class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** What to say when a response carries no problem detail: in words, never a bare status code. */
function fallbackMessage(status) {
  if (status === 401) return 'Your token was refused (expired, or not signed for this service). Sign in again.';
  if (status === 403) return 'Your roles do not allow this.';
  if (status === 404) return 'Not found: it may have been deleted permanently.';
  if (status === 409) return 'This conflicts with the current state of the records. Reload and try again.';
  if (status === 412) return 'The record changed since you opened it. Reload it and try again.';
  if (status >= 500) return 'The service failed to answer this request. Try again later.';
  return 'The service refused this request.';
}

/** Calls the API; resolves to the JSON body, or rejects with an ApiError carrying the problem's detail. */
async function api(method, path, body, headers) {
  const init = {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.token()}`, ...headers },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`${API}${path}`, init);
  } catch (ignored) {
    throw new ApiError('The service cannot be reached. Check that it is running, then try again.');
  }
  const raw = await response.text();
  let json = null;
  try {
    json = raw ? JSON.parse(raw) : null;
  } catch (ignored) {
    // Not JSON (a proxy's error page, say): never shown as it is.
  }
  if (response.ok) return json;
  const detail = json && typeof json.detail === 'string' && json.detail.trim() ? json.detail : null;
  const error = new ApiError(detail || fallbackMessage(response.status), json && json.code);
  if (response.status === 401 && session.onRefused) session.onRefused(error.message);
  throw error;
}

function newIdempotencyKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * A change, sent with an Idempotency-Key so that a retried click never acts twice, and with
 * If-Match when the version the user saw is known, so that a stale page never acts (R10).
 */
function change(method, path, body, version) {
  const headers = { 'Idempotency-Key': newIdempotencyKey() };
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  return api(method, path, body, headers);
}

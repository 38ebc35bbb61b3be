// Who is signed in: the token lives in sessionStorage (gone with the tab), its claims say the role.
const KEY = 'feedback.session';
const OIDC_KEY = 'feedback.oidc';

function claimsOf(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

export const session = {
  get() {
    const saved = sessionStorage.getItem(KEY);
    if (!saved) return null;
    const current = JSON.parse(saved);
    if (current.exp * 1000 <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return current;
  },
  token() {
    return this.get()?.token ?? null;
  },
  role() {
    return this.get()?.role ?? null;
  },
  signIn(token) {
    const claims = claimsOf(token);
    const roles = claims.groups || claims.realm_access?.roles || [];
    const role = ['admin', 'moderator', 'officer', 'integrator', 'citizen'].find(r => roles.includes(r)) || 'citizen';
    const current = { token, role, subject: claims.sub, name: claims.name || claims.preferred_username || claims.sub,
      organization: claims.organization || null, exp: claims.exp };
    sessionStorage.setItem(KEY, JSON.stringify(current));
    return current;
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discovery(authority) {
  const answer = await fetch(authority.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!answer.ok) throw { status: answer.status, problem: { detail: 'Сервер входа не ответил' } };
  return answer.json();
}

/** OIDC authorization code flow with PKCE (RFC 7636) for a public client: no secret in the browser. */
export async function startOidc(oidc) {
  const config = await discovery(oidc.authority);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(OIDC_KEY, JSON.stringify({ verifier, state, back: location.hash }));
  const params = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: location.origin + '/',
    scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(config.authorization_endpoint + '?' + params);
}

/** Back from the identity provider with ?code=…&state=…: trade the code for a token, then clean the address bar. */
export async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return false;
  const pending = JSON.parse(sessionStorage.getItem(OIDC_KEY) || 'null');
  sessionStorage.removeItem(OIDC_KEY);
  history.replaceState(null, '', '/' + (pending?.back || '#/'));
  if (!pending || pending.state !== params.get('state')) throw { status: 400, problem: { detail: 'Вход прерван: повторите попытку' } };
  const config = await discovery(oidc.authority);
  const answer = await fetch(config.token_endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: location.origin + '/',
      client_id: oidc.clientId, code_verifier: pending.verifier }) });
  if (!answer.ok) throw { status: answer.status, problem: { detail: 'Сервер входа отказал' } };
  session.signIn((await answer.json()).access_token);
  return true;
}

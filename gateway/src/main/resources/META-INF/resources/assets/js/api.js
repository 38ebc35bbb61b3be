// Every call to the platform's API goes through here: the token, JSON, and problem+json turned into an ApiError.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export async function api(method, path, body, { headers = {} } = {}) {
  const sent = { Accept: 'application/json', ...headers };
  const token = session.token();
  if (token) sent.Authorization = 'Bearer ' + token;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let answer;
  try {
    answer = await fetch(path, { method, headers: sent, body: payload });
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (!answer.ok) {
    let problem = null;
    try { problem = await answer.json(); } catch (e) { problem = { title: answer.statusText }; }
    if (answer.status === 401 && token) session.clear();
    throw new ApiError(answer.status, problem, answer.headers.get('Retry-After'));
  }
  if (answer.status === 204) return null;
  const type = answer.headers.get('Content-Type') || '';
  return type.includes('json') ? answer.json() : answer.text();
}

export const get = (path) => api('GET', path);
export const post = (path, body, options) => api('POST', path, body === undefined ? {} : body, options);

/**
 * The citizen's live stream: a single-use ticket (EventSource cannot send a token), then Server-Sent Events.
 * Reconnects with a fresh ticket after a drop (the page reloads what it shows on every event, so nothing is missed
 * for long). Returns a function that closes it.
 */
export function liveStream(onNotification, onOpen = () => {}) {
  let source = null;
  let closed = false;
  // a reconnected stream may bring again what the last one had already delivered
  const seen = new Set();
  async function open() {
    if (closed || !session.token()) return;
    try {
      const { ticket } = await post('/api/v1/notifications/stream-tickets');
      if (closed) return; // the page was left while the ticket was on its way
      source = new EventSource('/api/v1/notifications/stream?ticket=' + encodeURIComponent(ticket));
      source.addEventListener('notification', event => {
        const item = JSON.parse(event.data);
        if (seen.has(item.id)) return;
        seen.add(item.id);
        onNotification(item);
      });
      // whatever happened before the stream was open is not in it: the page reads it again once
      source.addEventListener('open', () => onOpen());
      source.onerror = () => {
        source.close();
        if (!closed) setTimeout(open, 3000);
      };
    } catch (e) {
      if (!closed) setTimeout(open, 10000);
    }
  }
  open();
  return () => { closed = true; source?.close(); };
}

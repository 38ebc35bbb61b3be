import { h, render, errorBox } from '../ui.js';
import { session, startOidc } from '../session.js';
import { post } from '../api.js';

const HOME = { citizen: '#/my', officer: '#/officer', moderator: '#/moderator', admin: '#/moderator' };

export async function signInView({ settings }) {
  const slot = h('div');
  const parts = [h('h1', {}, 'Вход')];
  const { demoAccounts, oidc } = settings.signIn;
  if (oidc) {
    const button = h('button', { type: 'button', id: 'oidc-sign-in' }, 'Войти через единую учётную запись');
    button.addEventListener('click', () => startOidc(oidc).catch(error => slot.replaceChildren(errorBox(error))));
    parts.push(h('p', {}, button));
  }
  if (demoAccounts.length) {
    parts.push(h('h2', {}, 'Демо-пользователи'), h('p', { class: 'muted' }, 'Локальный запуск: войдите как один из демо-пользователей.'));
    parts.push(h('ul', { class: 'list' }, demoAccounts.map(account => {
      const button = h('button', { type: 'button', class: 'secondary', dataset: { subject: account.subject } }, account.label);
      button.addEventListener('click', async () => {
        try {
          const { token } = await post('/app/dev-sign-in', { subject: account.subject });
          const current = session.signIn(token);
          location.hash = HOME[current.role] || '#/';
        } catch (error) {
          slot.replaceChildren(errorBox(error));
        }
      });
      return h('li', { class: 'card' }, button);
    })));
  }
  if (!oidc && !demoAccounts.length) parts.push(h('p', {}, 'Вход здесь не настроен (webapp.oidc.authority).'));
  render(parts, slot);
}

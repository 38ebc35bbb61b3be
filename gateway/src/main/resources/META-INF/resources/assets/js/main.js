// The web app: one page, hash routes, every view talks to the API through the gateway (same origin).
import { h, render, errorBox } from './ui.js';
import { session, finishOidc } from './session.js';
import { get } from './api.js';
import { publicView } from './views/public.js';
import { signInView } from './views/signin.js';
import { newAppealView, myAppealsView, appealView } from './views/citizen.js';
import { officerQueueView, officerAppealView } from './views/officer.js';
import { moderatorView } from './views/moderator.js';
import { statisticsView } from './views/statistics.js';
import { alertsView, confirmAlertView, unsubscribeAlertView } from './views/alerts.js';

const context = { settings: null, cleanup: [] };

// [pattern, view, role or null for anyone]
const ROUTES = [
  [/^\/?$/, publicView, null],
  [/^\/public$/, publicView, null],
  [/^\/sign-in$/, signInView, null],
  [/^\/new$/, newAppealView, 'citizen'],
  [/^\/my$/, myAppealsView, 'citizen'],
  [/^\/appeals\/([0-9a-f-]{36})$/, appealView, 'citizen'],
  [/^\/officer$/, officerQueueView, 'officer'],
  [/^\/officer\/([0-9a-f-]{36})$/, officerAppealView, 'officer'],
  [/^\/moderator$/, moderatorView, 'moderator'],
  [/^\/statistics$/, statisticsView, null],
  [/^\/alerts$/, alertsView, null],
  [/^\/alerts\/confirm$/, confirmAlertView, null],
  [/^\/alerts\/unsubscribe$/, unsubscribeAlertView, null],
];

const ROLE_LINKS = {
  citizen: [['#/new', 'Сообщить о проблеме'], ['#/my', 'Мои обращения']],
  officer: [['#/officer', 'Очередь']],
  moderator: [['#/moderator', 'Распределение']],
  admin: [['#/moderator', 'Распределение']],
};

function signOut() {
  session.clear();
  document.getElementById('live').replaceChildren(); // no one else's messages left on the screen
  if (location.hash === '#/') navigate(); else location.hash = '#/';
}

function drawNavigation() {
  const current = session.get();
  const links = [['#/', 'Карта обращений'], ...(current ? ROLE_LINKS[current.role] || [] : []), ['#/statistics', 'Статистика']];
  const nav = document.getElementById('nav');
  nav.replaceChildren(...links.map(([href, text]) => h('a', { href }, text)));
  if (current) {
    nav.append(h('span', { class: 'who' }, current.name), h('button', { class: 'secondary', type: 'button', id: 'sign-out',
      onclick: signOut }, 'Выйти'));
  } else {
    nav.append(h('a', { href: '#/sign-in', class: 'button', id: 'sign-in-link' }, 'Войти'));
  }
}

async function show() {
  context.cleanup.splice(0).forEach(stop => stop());
  drawNavigation();
  const path = location.hash.replace(/^#/, '').split('?')[0];
  for (const [pattern, view, role] of ROUTES) {
    const match = path.match(pattern);
    if (!match) continue;
    const current = session.get();
    if (role && (!current || (current.role !== role && !(role === 'moderator' && current.role === 'admin')))) {
      render(h('h1', {}, 'Нужно войти'), h('p', {}, 'Эта страница доступна после входа. ', h('a', { href: '#/sign-in' }, 'Войти')));
      return;
    }
    try {
      await view(context, ...match.slice(1));
    } catch (error) {
      render(h('h1', {}, 'Не удалось открыть страницу'), errorBox(error), h('p', {}, h('a', { href: '#/' }, 'На главную')));
    }
    return;
  }
  render(h('h1', {}, 'Страница не найдена'), h('p', {}, h('a', { href: '#/' }, 'На главную')));
}

// One page at a time: a view still loading when the address changes finishes first, so it can never draw over the
// next one. The address each page was drawn for is on <body data-shown>, for tests and for anything else waiting.
let navigation = Promise.resolve();
function navigate() {
  const hash = location.hash;
  navigation = navigation.then(show, show).then(() => { document.body.dataset.shown = hash; });
  return navigation;
}

async function start() {
  try {
    context.settings = await get('/app/settings');
    if (context.settings.signIn.oidc) await finishOidc(context.settings.signIn.oidc);
  } catch (error) {
    render(h('h1', {}, 'Приложение не запустилось'), errorBox(error));
    return;
  }
  window.addEventListener('hashchange', navigate);
  await navigate();
  document.body.dataset.ready = 'true';
}

// Leaflet is deferred; modules run after deferred classic scripts, so window.L is there when the map exists at all
start();

// Area alerts: anyone with an e-mail subscribes to new or answered appeals near a point or in a municipality.
// Double opt-in: the confirmation link in the first e-mail leads to #/alerts/confirm; every alert links to unsubscribe.
import { h, render, field, action, notice, query, errorBox } from '../ui.js';
import { post } from '../api.js';
import { createMap, pinPicker, viewFrom } from '../map.js';
import { municipalities } from './public.js';

export async function alertsView({ settings }) {
  const places = await municipalities();
  const state = { point: null };
  const out = h('div');
  const email = h('input', { type: 'email', id: 'alert-email', maxlength: 254, autocomplete: 'email', required: true });
  const byPoint = h('input', { type: 'radio', name: 'area', value: 'point', id: 'area-point', checked: true });
  const byMunicipality = h('input', { type: 'radio', name: 'area', value: 'municipality', id: 'area-municipality' });
  const radius = h('select', { id: 'alert-radius' }, [250, 500, 1000, 2000, 5000].map(m => h('option', { value: m, selected: m === 500 }, m + ' м')));
  const place = h('select', { id: 'alert-municipality' }, h('option', { value: '' }, 'Выберите'), places.map(m => h('option', { value: m.code }, m.name)));
  const mapElement = h('div', { class: 'map', id: 'alert-map', 'aria-label': 'Карта: нажмите, чтобы отметить центр' });
  const pointText = h('div', { class: 'hint' }, 'Нажмите на карту, чтобы выбрать центр.');
  const events = h('fieldset', { id: 'alert-events' }, h('legend', {}, 'О чём сообщать'),
    h('label', {}, h('input', { type: 'checkbox', name: 'event', value: 'NEW', checked: true }), ' новые обращения'),
    h('label', {}, h('input', { type: 'checkbox', name: 'event', value: 'ANSWERED', checked: true }), ' ответы на них'));
  const send = h('button', { type: 'submit', id: 'alert-subscribe' }, 'Подписаться');
  const form = h('form', { id: 'alert-form', novalidate: true },
    field('Эл. почта', email),
    h('fieldset', {}, h('legend', {}, 'Где'), h('label', {}, byPoint, ' рядом с точкой'), h('label', {}, byMunicipality, ' в муниципальном образовании')),
    h('div', { id: 'by-point' }, mapElement, pointText, field('Радиус', radius)),
    h('div', { id: 'by-municipality', hidden: true }, field('Муниципальное образование', place)),
    events, out, send);
  const toggle = () => {
    form.querySelector('#by-point').hidden = !byPoint.checked;
    form.querySelector('#by-municipality').hidden = byPoint.checked;
  };
  byPoint.addEventListener('change', toggle);
  byMunicipality.addEventListener('change', toggle);
  form.addEventListener('submit', action(send, out, async () => {
    const body = { email: email.value.trim(), events: [...form.querySelectorAll('input[name=event]:checked')].map(e => e.value) };
    if (byPoint.checked) {
      if (!state.point) throw { status: 400, problem: { violations: [{ field: 'location', message: 'отметьте точку на карте' }] } };
      Object.assign(body, { lat: state.point.lat, lon: state.point.lon, radiusMeters: +radius.value });
    } else {
      body.municipalityCode = place.value || null;
    }
    await post('/api/v1/area-alerts', body);
    form.replaceWith(notice(`Мы отправили письмо на ${body.email}. Откройте ссылку в нём, чтобы подтвердить подписку.`));
  }));
  render(h('h1', {}, 'Уведомления о проблемах рядом'),
    h('p', {}, 'Письмо о каждом новом обращении рядом с вами и об ответе на него. Без имён и контактов авторов. Отписаться можно из любого письма.'),
    form);
  const map = createMap(mapElement, settings.tiles, viewFrom(query()));
  if (map) pinPicker(map, point => { state.point = point; pointText.textContent = `Центр: ${point.lat}, ${point.lon}`; });
}

async function byToken(title, path, done) {
  const token = query().get('token');
  const parts = [h('h1', {}, title)];
  if (!token) {
    render(parts, errorBox({ status: 400, problem: { detail: 'В ссылке нет кода. Откройте ссылку из письма целиком.' } }));
    return;
  }
  try {
    await post(path, { token });
    render(parts, notice(done));
  } catch (error) {
    render(parts, errorBox(error));
  }
}

export const confirmAlertView = () => byToken('Подтверждение подписки', '/api/v1/area-alerts/confirm',
  'Подписка подтверждена. Письма о проблемах рядом будут приходить на вашу почту.');
export const unsubscribeAlertView = () => byToken('Отписка', '/api/v1/area-alerts/unsubscribe',
  'Вы отписались. Писем по этой подписке больше не будет.');

// The moderator: appeals routing could not place, on a map; assign one to a municipality or reject it.
import { h, render, dateTime, field, action } from '../ui.js';
import { get, post } from '../api.js';
import { createMap, dot } from '../map.js';

const REASON = { NO_LOCATION: 'Нет координат', OUTSIDE_MUNICIPALITY: 'Вне муниципальных образований',
  OUTSIDE_CITY: 'Вне города', DECLINED: 'Исполнители отказались' };
const REJECT = { SPAM: 'Спам', ABUSIVE_LANGUAGE: 'Нецензурные выражения', DUPLICATE: 'Повтор', NOT_AN_APPEAL: 'Не обращение' };

export async function moderatorView(context) {
  const [queue, municipalities] = await Promise.all([get('/api/v1/triage?size=50'), get('/api/v1/municipalities')]);
  const mapElement = h('div', { class: 'map tall', id: 'triage-map' });
  const items = queue.items.map(item => {
    const out = h('div');
    const municipality = h('select', { class: 'assign-municipality' }, h('option', { value: '' }, 'Выберите'),
      municipalities.slice().sort((a, b) => a.name.localeCompare(b.name, 'ru')).map(m => h('option', { value: m.code }, m.name + ' (' + m.district + ')')));
    const assign = h('button', { type: 'submit', class: 'assign' }, 'Направить');
    const assignForm = h('form', { class: 'filters' }, field('Муниципальное образование', municipality), assign);
    assignForm.addEventListener('submit', action(assign, out, async () => {
      await post(`/api/v1/triage/${item.appealId}/assign`, { municipalityCode: municipality.value });
      await moderatorView(context);
    }));
    const reason = h('select', { class: 'reject-reason' }, Object.entries(REJECT).map(([value, text]) => h('option', { value }, text)));
    const note = h('input', { type: 'text', class: 'reject-note', maxlength: 1000 });
    const reject = h('button', { type: 'submit', class: 'danger' }, 'Отклонить');
    const rejectForm = h('form', { class: 'filters' }, field('Причина отказа', reason), field('Пояснение', note), reject);
    rejectForm.addEventListener('submit', action(reject, out, async () => {
      await post(`/api/v1/moderator/appeals/${item.appealId}/reject`, { reason: reason.value, note: note.value });
      await moderatorView(context);
    }));
    return h('li', { class: 'card triage', dataset: { id: item.appealId, number: item.appealNumber } },
      h('h3', {}, item.appealNumber + ' · ' + item.categoryName),
      h('div', { class: 'muted' }, (REASON[item.reason] || item.reason) + ' · ' + dateTime(item.triagedAt || item.registeredAt)),
      h('p', {}, item.description), item.address ? h('p', {}, 'Адрес: ' + item.address) : null,
      item.hints?.length ? h('p', { class: 'muted' }, 'Подсказки: ' + item.hints.join('; ')) : null,
      assignForm, rejectForm, out);
  });
  render(h('h1', {}, 'Распределение обращений'),
    h('div', { class: 'grid two' }, h('div', {}, mapElement),
      items.length ? h('ul', { class: 'list', id: 'triage' }, items) : h('p', {}, 'Все обращения распределены.')));
  const map = createMap(mapElement, context.settings.tiles);
  if (map) queue.items.filter(i => i.lat != null).forEach(i => dot(map, i.lat, i.lon, i.appealNumber + ': ' + i.categoryName));
}

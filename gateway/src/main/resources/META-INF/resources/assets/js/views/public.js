// The public side: appeals anyone may see (the Open311 public view: public problem types after routing, point and
// address coarsened, no names, contacts or texts), on a map and as a list, filtered by municipality, type, status.
import { h, render, dateTime, field, query } from '../ui.js';
import { get } from '../api.js';
import { createMap, dot } from '../map.js';
import { categories } from './citizen.js';

const PAGE_SIZE = 50;
let municipalitiesCache = null;
export async function municipalities() {
  municipalitiesCache ??= (await get('/api/v1/municipalities')).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return municipalitiesCache;
}

export async function publicView({ settings }) {
  const params = query();
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  const search = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
  if (params.get('appeal')) search.set('service_request_id', params.get('appeal'));
  for (const [from, to] of [['municipality', 'municipality_code'], ['type', 'service_code'], ['status', 'status']]) {
    if (params.get(from)) search.set(to, params.get(from));
  }
  const [requests, places, types] = await Promise.all([get('/open311/v2/requests.json?' + search), municipalities(), categories()]);

  const municipality = h('select', { id: 'public-municipality' }, h('option', { value: '' }, 'Все'),
    places.map(m => h('option', { value: m.code, selected: params.get('municipality') === m.code }, m.name)));
  const type = h('select', { id: 'public-type' }, h('option', { value: '' }, 'Все'),
    types.filter(c => c.isPublic).map(c => h('option', { value: c.code, selected: params.get('type') === c.code }, c.name)));
  const status = h('select', { id: 'public-status' }, h('option', { value: '' }, 'Все'),
    h('option', { value: 'open', selected: params.get('status') === 'open' }, 'Решаются'),
    h('option', { value: 'closed', selected: params.get('status') === 'closed' }, 'Решены или закрыты'));
  const filters = h('form', { class: 'filters', id: 'public-filters' }, field('Муниципальное образование', municipality),
    field('Тип проблемы', type), field('Статус', status), h('button', { type: 'submit', class: 'secondary' }, 'Показать'));
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (municipality.value) next.set('municipality', municipality.value);
    if (type.value) next.set('type', type.value);
    if (status.value) next.set('status', status.value);
    location.hash = '#/?' + next;
  });

  const mapElement = h('div', { class: 'map tall', id: 'public-map', 'aria-label': 'Карта обращений' });
  const list = requests.map(item => h('li', { class: 'card public-appeal', dataset: { number: item.service_request_id } },
    h('h3', {}, item.service_request_id + ' · ' + item.service_name),
    h('div', {}, item.status_notes || ''),
    h('div', { class: 'muted' }, [item.address, item.agency_responsible, dateTime(item.requested_datetime)].filter(Boolean).join(' · '))));
  const pager = h('div', { class: 'pager' },
    page > 1 ? h('a', { href: pageLink(params, page - 1) }, '← Назад') : null,
    h('span', {}, 'Страница ' + page),
    requests.length === PAGE_SIZE ? h('a', { href: pageLink(params, page + 1), id: 'next-page' }, 'Дальше →') : null);
  render(h('h1', {}, 'Обращения жителей'),
    h('p', {}, 'Что жители сообщили о городе и как это решается. Без имён и контактов. ',
      h('a', { href: '#/new' }, 'Сообщить о проблеме'), ' · ', h('a', { href: '#/alerts' }, 'Подписаться на новые рядом')),
    filters,
    h('div', { class: 'grid two' }, mapElement,
      h('div', {}, list.length ? h('ul', { class: 'list', id: 'public-list' }, list) : h('p', { id: 'public-empty' }, 'Ничего не найдено.'), pager)));
  const map = createMap(mapElement, settings.tiles);
  const placed = requests.filter(r => r.lat != null);
  if (map && placed.length) {
    placed.forEach(r => dot(map, r.lat, r.long, r.service_request_id + ': ' + r.service_name));
    map.fitBounds(placed.map(r => [r.lat, r.long]), { maxZoom: 15, padding: [24, 24] });
  }
}

function pageLink(params, page) {
  const next = new URLSearchParams(params);
  next.set('page', String(page));
  return '#/?' + next;
}

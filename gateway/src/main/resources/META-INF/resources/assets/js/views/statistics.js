// Figures for the Council of Municipalities: per municipality and problem type, the same anyone can recount from the
// public view. A table, two bar charts (SVG, no library) and the CSV export.
import { h, render, field, query, cityToday } from '../ui.js';
import { get } from '../api.js';
import { municipalities } from './public.js';

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars, one per row: label, bar, value. */
function barChart(title, rows, value, format, { max, ok = false } = {}) {
  const shown = rows.filter(r => value(r) != null).slice(0, 25);
  const top = max ?? Math.max(1, ...shown.map(value));
  const rowHeight = 22, labelWidth = 230, width = 720;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${shown.length * rowHeight + 10}`, role: 'img', 'aria-label': title });
  shown.forEach((row, i) => {
    const y = i * rowHeight + 4;
    const length = Math.max(1, (width - labelWidth - 60) * value(row) / top);
    chart.append(svg('text', { x: 0, y: y + 14 }, row.municipalityName.length > 34 ? row.municipalityName.slice(0, 33) + '…' : row.municipalityName),
      svg('rect', { class: 'bar' + (ok ? ' ok' : ''), x: labelWidth, y, width: length, height: rowHeight - 6 }),
      svg('text', { x: labelWidth + length + 6, y: y + 14 }, format(value(row))));
  });
  return h('figure', {}, h('figcaption', {}, h('strong', {}, title)), shown.length ? chart : h('p', { class: 'muted' }, 'Нет данных'));
}

const number = n => n == null ? '—' : String(n).replace('.', ',');
const percent = n => n == null ? '—' : number(n) + ' %';

export async function statisticsView() {
  const params = query();
  const from = params.get('from') || cityToday(-89);
  const to = params.get('to') || cityToday();
  const search = new URLSearchParams({ from, to });
  if (params.get('municipality')) search.set('municipality', params.get('municipality'));
  const [stats, places] = await Promise.all([get('/api/v1/statistics?' + search), municipalities()]);

  const fromInput = h('input', { type: 'date', id: 'stats-from', value: from });
  const toInput = h('input', { type: 'date', id: 'stats-to', value: to });
  const place = h('select', { id: 'stats-municipality' }, h('option', { value: '' }, 'Все'),
    places.map(m => h('option', { value: m.code, selected: params.get('municipality') === m.code }, m.name)));
  const filters = h('form', { class: 'filters', id: 'stats-filters' }, field('С', fromInput), field('По', toInput),
    field('Муниципальное образование', place), h('button', { type: 'submit', class: 'secondary' }, 'Показать'));
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams({ from: fromInput.value, to: toInput.value });
    if (place.value) next.set('municipality', place.value);
    location.hash = '#/statistics?' + next;
  });
  const csv = new URLSearchParams(search);
  csv.set('format', 'csv');

  const total = stats.total || {};
  const head = ['Муниципальное образование', 'Тип проблемы', 'Поступило', 'Отвечено', 'В срок', 'Медиана, дней', 'Просрочено сейчас', 'Довольны'];
  const table = h('table', { id: 'stats-table' },
    h('thead', {}, h('tr', {}, head.map((t, i) => h('th', { class: i > 1 ? 'num' : null, scope: 'col' }, t)))),
    h('tbody', {}, stats.rows.map(r => h('tr', {},
      h('td', {}, r.municipalityName), h('td', {}, r.categoryName),
      h('td', { class: 'num' }, r.received), h('td', { class: 'num' }, r.answered), h('td', { class: 'num' }, percent(r.answeredOnTimePercent)),
      h('td', { class: 'num' }, number(r.medianDaysToAnswer)), h('td', { class: 'num' }, r.overdueNow), h('td', { class: 'num' }, percent(r.satisfiedPercent))))));
  render(h('h1', {}, 'Статистика обращений'),
    h('p', { class: 'muted' }, 'Публичные типы проблем после распределения; те же обращения видны на карте.'),
    filters,
    h('div', { class: 'counts', id: 'stats-total' },
      h('div', { class: 'count' }, h('strong', {}, total.received ?? 0), 'поступило'),
      h('div', { class: 'count' }, h('strong', {}, percent(total.answeredOnTimePercent)), 'отвечено в срок'),
      h('div', { class: 'count' }, h('strong', {}, number(total.medianDaysToAnswer)), 'медиана дней до ответа'),
      h('div', { class: 'count' }, h('strong', {}, total.overdueNow ?? 0), 'просрочено сейчас'),
      h('div', { class: 'count' }, h('strong', {}, percent(total.satisfiedPercent)), 'довольны ответом')),
    h('p', {}, h('a', { href: '/api/v1/statistics?' + csv, id: 'stats-csv', download: '' }, 'Скачать CSV')),
    barChart('Поступило обращений', stats.municipalities.slice().sort((a, b) => b.received - a.received), r => r.received, String),
    barChart('Отвечено в срок, %', stats.municipalities, r => r.answeredOnTimePercent, percent, { max: 100, ok: true }),
    h('h2', {}, 'По муниципальным образованиям и типам'),
    stats.rows.length ? h('div', { class: 'table-wrap' }, table) : h('p', {}, 'За этот период обращений нет.'));
}

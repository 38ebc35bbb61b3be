// The officer: the organization's queue (overdue first, then soonest due), filters, one-click accept, and on the
// appeal page answer (with a template), decline, change the type, extend the deadline once.
import { h, render, errorBox, statusBadge, dateTime, date, field, action, query } from '../ui.js';
import { get, post } from '../api.js';
import { appealDetails, categories, categoryPicker } from './citizen.js';

const QUEUE_STATUSES = ['ROUTED', 'IN_PROGRESS', 'REOPENED'];

export async function officerQueueView(context) {
  const params = query();
  const filter = new URLSearchParams({ size: '50' });
  for (const key of ['status', 'category', 'overdue', 'dueWithinDays']) if (params.get(key)) filter.set(key, params.get(key));
  const [queue, overdue, dueSoon, all] = await Promise.all([
    get('/api/v1/officer/appeals?' + filter),
    get('/api/v1/officer/appeals?overdue=true&size=1'),
    get('/api/v1/officer/appeals?dueWithinDays=7&size=1'),
    categories(),
  ]);
  const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, 'В работе и новые'),
    QUEUE_STATUSES.map(s => h('option', { value: s, selected: params.get('status') === s }, statusBadge(s).textContent)));
  const category = h('select', { id: 'filter-category' }, h('option', { value: '' }, 'Все типы'),
    all.map(c => h('option', { value: c.code, selected: params.get('category') === c.code }, c.name)));
  const onlyOverdue = h('input', { type: 'checkbox', id: 'filter-overdue', checked: params.get('overdue') === 'true' });
  const apply = h('button', { type: 'submit', class: 'secondary' }, 'Показать');
  const filters = h('form', { class: 'filters', id: 'queue-filters' }, field('Статус', status), field('Тип проблемы', category),
    h('div', { class: 'field' }, h('label', {}, onlyOverdue, ' только просроченные')), apply);
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status.value) next.set('status', status.value);
    if (category.value) next.set('category', category.value);
    if (onlyOverdue.checked) next.set('overdue', 'true');
    location.hash = '#/officer?' + next;
  });

  const rows = queue.items.map(appeal => {
    const out = h('div');
    const cells = [h('h3', {}, h('a', { href: '#/officer/' + appeal.id }, appeal.number + ' · ' + appeal.category.name)),
      statusBadge(appeal.status, appeal.overdue),
      h('div', { class: 'muted' }, (appeal.address || '') + ' · ' + (appeal.dueAt ? 'ответ до ' + date(appeal.dueAt) : 'срок ответа уточняется')),
      h('p', {}, appeal.description.length > 200 ? appeal.description.slice(0, 200) + '…' : appeal.description)];
    if ((appeal.actions || []).includes('ACCEPT')) {
      const accept = h('button', { type: 'button', class: 'accept' }, 'Принять в работу');
      accept.addEventListener('click', action(accept, out, async () => {
        await post(`/api/v1/officer/appeals/${appeal.id}/accept`);
        await officerQueueView(context);
      }));
      cells.push(h('div', { class: 'actions' }, accept));
    }
    return h('li', { class: 'card appeal', dataset: { id: appeal.id, number: appeal.number } }, cells, out);
  });
  render(h('h1', {}, 'Очередь обращений'),
    h('div', { class: 'counts' },
      h('div', { class: 'count', id: 'count-overdue' }, h('strong', {}, overdue.totalItems), 'просрочено'),
      h('div', { class: 'count', id: 'count-due-week' }, h('strong', {}, dueSoon.totalItems), 'срок на этой неделе'),
      h('div', { class: 'count', id: 'count-all' }, h('strong', {}, queue.totalItems), 'в очереди')),
    filters,
    rows.length ? h('ul', { class: 'list', id: 'queue' }, rows) : h('p', {}, 'Очередь пуста.'));
}

export async function officerAppealView(context, id) {
  const [appeal, templates, all] = await Promise.all([get('/api/v1/officer/appeals/' + id),
    get('/api/v1/officer/answer-templates'), categories()]);
  const actions = new Set(appeal.actions || []);
  const out = h('div');
  const reload = () => officerAppealView(context, id);
  const step = (path, body) => post(`/api/v1/officer/appeals/${id}/${path}`, body);
  const parts = [h('p', {}, h('a', { href: '#/officer' }, '← К очереди')), h('h1', {}, 'Обращение ' + appeal.number), appealDetails(appeal)];
  if (appeal.contact && (appeal.contact.name || appeal.contact.email)) {
    parts.push(h('p', {}, 'Заявитель (официальное обращение): ', appeal.contact.name || '', ' ', appeal.contact.email || ''));
  }
  parts.push(out);

  if (actions.has('ACCEPT')) {
    const accept = h('button', { type: 'button', id: 'accept' }, 'Принять в работу');
    accept.addEventListener('click', action(accept, out, async () => { await step('accept'); await reload(); }));
    parts.push(h('div', { class: 'actions' }, accept));
  }
  if (actions.has('ANSWER')) {
    const text = h('textarea', { id: 'answer-text', maxlength: 4000 });
    const template = h('select', { id: 'answer-template' }, h('option', { value: '' }, 'Без шаблона'),
      templates.map(t => h('option', { value: t.id }, t.title)));
    template.addEventListener('change', () => {
      const chosen = templates.find(t => String(t.id) === template.value);
      if (chosen) text.value = chosen.text;
    });
    const send = h('button', { type: 'submit', id: 'send-answer' }, 'Ответить');
    const form = h('form', { id: 'answer-form' }, h('h2', {}, 'Ответ заявителю'), templates.length ? field('Шаблон', template) : null,
      field('Текст ответа', text, 'до 4000 символов'), send);
    form.addEventListener('submit', action(send, out, async () => { await step('answer', { text: text.value }); await reload(); }));
    parts.push(form);
  }
  if (actions.has('EXTEND_DEADLINE') && !appeal.deadlineExtension) {
    const days = h('input', { type: 'number', id: 'extend-days', min: 1, max: 30, value: 30 });
    const reason = h('input', { type: 'text', id: 'extend-reason', maxlength: 1000 });
    const send = h('button', { type: 'submit', class: 'secondary' }, 'Продлить срок');
    const form = h('form', { id: 'extend-form' }, h('h2', {}, 'Продлить срок (один раз)'), field('Дней', days, 'от 1 до 30'), field('Причина', reason), send);
    form.addEventListener('submit', action(send, out, async () => { await step('extend-deadline', { days: +days.value, reason: reason.value }); await reload(); }));
    parts.push(form);
  }
  if (actions.has('CHANGE_CATEGORY')) {
    let chosen = null;
    const reason = h('input', { type: 'text', id: 'change-reason', maxlength: 1000 });
    const send = h('button', { type: 'submit', class: 'secondary' }, 'Сменить тип');
    const form = h('form', { id: 'change-form' }, h('h2', {}, 'Неверный тип проблемы'),
      categoryPicker(all.filter(c => c.active), c => { chosen = c; }, { id: 'new-category' }), field('Причина', reason), send);
    form.addEventListener('submit', action(send, out, async () => {
      await step('change-category', { categoryCode: chosen?.code, reason: reason.value });
      location.hash = '#/officer';
    }));
    parts.push(form);
  }
  if (actions.has('DECLINE')) {
    const reason = h('input', { type: 'text', id: 'decline-reason', maxlength: 1000 });
    const send = h('button', { type: 'submit', class: 'danger' }, 'Не наша компетенция');
    const form = h('form', { id: 'decline-form' }, h('h2', {}, 'Отказаться'), field('Причина', reason, 'обращение направят другому исполнителю'), send);
    form.addEventListener('submit', action(send, out, async () => { await step('decline', { reason: reason.value }); location.hash = '#/officer'; }));
    parts.push(form);
  }
  const entries = await get(`/api/v1/officer/appeals/${id}/history`);
  parts.push(h('h2', {}, 'История'), h('ol', { class: 'history' }, entries.map(e => h('li', {}, dateTime(e.at), ' — ', statusBadge(e.to), e.note ? ' · ' + e.note : ''))));
  render(parts);
}

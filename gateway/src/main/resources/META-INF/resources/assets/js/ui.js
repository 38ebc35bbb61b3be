// Small DOM helpers and the app's Russian wording: one place for status names, dates and error messages.

/** h('p', {class: 'x', onclick: fn}, 'text', child…): an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the page's content and moves focus there, so keyboard and screen-reader users land on it. */
export function render(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat(Infinity).filter(Boolean));
  main.focus({ preventScroll: true });
  return main;
}

export const STATUS = {
  REGISTERED: 'Зарегистрировано',
  TRIAGE: 'У модератора',
  ROUTED: 'Направлено исполнителю',
  IN_PROGRESS: 'В работе',
  REROUTING: 'Исполнитель уточняется',
  ANSWERED: 'Дан ответ',
  REOPENED: 'Возвращено исполнителю',
  CLOSED: 'Закрыто',
  REJECTED: 'Отклонено',
  WITHDRAWN: 'Отозвано',
};

export function statusBadge(status, overdue = false) {
  return h('span', { class: 'badge ' + status + (overdue ? ' overdue' : ''), dataset: { status } },
    (STATUS[status] || status) + (overdue ? ' · просрочено' : ''));
}

const CITY_TIME = { timeZone: 'Europe/Moscow' };

export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('ru-RU', { ...CITY_TIME, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function date(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('ru-RU', { ...CITY_TIME, day: 'numeric', month: 'long', year: 'numeric' });
}

/** An appeal's answer deadline; a reopened one has none until routing counts the new one (a moment, or once routing is back). */
export function dueDate(appeal) {
  if (appeal.dueAt) return date(appeal.dueAt);
  return appeal.status === 'REOPENED' ? 'уточняется' : '—';
}

/** Today's date in the city as YYYY-MM-DD, for date inputs. */
export function cityToday(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86400000);
  return day.toLocaleDateString('sv-SE', CITY_TIME);
}

const FIELD = {
  categoryCode: 'Тип проблемы', description: 'Описание', location: 'Место', address: 'Адрес', photoIds: 'Фото',
  email: 'Эл. почта', text: 'Текст ответа', reason: 'Причина', days: 'Дни', rating: 'Оценка', comment: 'Комментарий',
  municipalityCode: 'Муниципальное образование', radiusMeters: 'Радиус', events: 'События', note: 'Пояснение',
  satisfied: 'Решена ли проблема', lat: 'Широта', lon: 'Долгота', token: 'Ссылка',
};

const STATUS_TITLE = {
  0: 'Нет связи с сервером',
  400: 'Проверьте введённые данные',
  401: 'Нужно войти снова',
  403: 'Недостаточно прав',
  404: 'Не найдено',
  409: 'Сейчас это действие недоступно',
  413: 'Файл слишком большой',
  415: 'Неподходящий формат',
  422: 'Запрос не может быть выполнен',
  429: 'Слишком много запросов',
  503: 'Сервис временно недоступен',
  504: 'Сервис не ответил вовремя',
};

// the services' validation messages are English; the common ones read in Russian here
const MESSAGES = [
  [/^size must be between (\d+) and (\d+)$/, (_, a, b) => `от ${a} до ${b} символов`],
  [/^must have at least (\d+) characters.*$/, (_, a) => `не меньше ${a} символов`],
  [/^must not be (blank|null|empty)$/, () => 'обязательное поле'],
  [/^must be a well-formed email address$/, () => 'неверный адрес эл. почты'],
  [/^is outside St\. Petersburg$/, () => 'за пределами Санкт-Петербурга'],
  [/^give a point on the map or an address$/, () => 'отметьте место на карте или укажите адрес'],
  [/^must be less than or equal to (\d+)$/, (_, a) => `не больше ${a}`],
  [/^must be greater than or equal to (\d+)$/, (_, a) => `не меньше ${a}`],
];

function inRussian(message) {
  for (const [pattern, say] of MESSAGES) {
    const match = String(message).match(pattern);
    if (match) return say(...match);
  }
  return message;
}

/** Every failed call ends here: a clear message with what the API said, never a blank page. */
export function errorBox(error) {
  const problem = error.problem || {};
  const status = error.status ?? 0;
  const title = STATUS_TITLE[status] || (status >= 500 ? 'Ошибка на сервере, попробуйте позже' : 'Запрос не выполнен');
  const box = h('div', { class: 'error', role: 'alert' }, h('strong', {}, title));
  const violations = Array.isArray(problem.violations) ? problem.violations : [];
  const detail = status === 0 ? 'Проверьте подключение и попробуйте ещё раз.' : problem.detail || problem.title;
  if (detail && !violations.length) box.append(h('div', {}, detail));
  if (violations.length) {
    box.append(h('ul', {}, violations.map(v => h('li', {}, (FIELD[String(v.field).split('.')[0]] || v.field) + ': ' + inRussian(v.message)))));
  }
  const retry = error.retryAfter;
  if (retry) box.append(h('div', {}, `Повторите через ${retry} с.`));
  return box;
}

export function notice(text) {
  return h('div', { class: 'notice', role: 'status' }, text);
}

/** A short message in the corner (live updates), read out by screen readers. */
export function toast(text) {
  const item = h('div', { class: 'toast' }, text);
  document.getElementById('live').append(item);
  setTimeout(() => item.remove(), 8000);
}

/** Runs an action behind a button: disables it meanwhile, shows the error next to it. */
export function action(button, slot, run) {
  return async event => {
    event?.preventDefault();
    button.disabled = true;
    slot.replaceChildren();
    try {
      await run();
    } catch (error) {
      slot.replaceChildren(errorBox(error));
    } finally {
      button.disabled = false;
    }
  };
}

export function field(labelText, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText, hint ? h('span', { class: 'hint' }, ' ' + hint) : null), input);
}

export function query() {
  const hash = location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

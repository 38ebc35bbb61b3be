// The citizen: file an appeal (map pin or address, problem type with search, photos, nearby duplicates), follow
// own appeals live, rate the answer, reopen or withdraw.
import { h, render, errorBox, statusBadge, dateTime, date, dueDate, field, action, notice, toast, query } from '../ui.js';
import { api, get, post, liveStream } from '../api.js';
import { createMap, pinPicker, viewFrom } from '../map.js';

let catalog = null;
export async function categories() {
  catalog ??= await get('/api/v1/categories');
  return catalog;
}

/** A search box over the 277 problem types with a keyboard-friendly list under it. */
export function categoryPicker(all, onChange, { id = 'category' } = {}) {
  const search = h('input', { type: 'search', id: id + '-search', placeholder: 'Например: скамейка, яма, мусор', autocomplete: 'off' });
  const list = h('select', { id, size: 8, class: 'category-list', 'aria-describedby': id + '-count' });
  const count = h('div', { class: 'hint', id: id + '-count' });
  function fill() {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = all.filter(c => words.every(w => (c.name + ' ' + c.group).toLowerCase().includes(w))).slice(0, 60);
    list.replaceChildren(...shown.map(c => h('option', { value: c.code }, c.name + ' — ' + c.group)));
    count.textContent = shown.length ? `Найдено: ${shown.length}${shown.length === 60 ? '+' : ''}` : 'Ничего не найдено — уточните запрос';
  }
  search.addEventListener('input', fill);
  list.addEventListener('change', () => onChange(all.find(c => c.code === list.value)));
  fill();
  return h('div', {}, field('Тип проблемы', search, 'поиск'), h('label', { for: id, class: 'hint' }, 'Выберите из списка'), list, count);
}

export async function newAppealView({ settings }) {
  const all = (await categories()).filter(c => c.active);
  const idempotencyKey = crypto.randomUUID();
  const state = { category: null, point: null };
  const nearbySlot = h('div', { id: 'nearby', 'aria-live': 'polite' });
  const errors = h('div');
  const description = h('textarea', { id: 'description', maxlength: 4000, required: true });
  const address = h('input', { type: 'text', id: 'address', maxlength: 500, autocomplete: 'street-address' });
  const photos = h('input', { type: 'file', id: 'photos', accept: 'image/jpeg,image/png,image/webp', multiple: true });
  const pointText = h('div', { class: 'hint', id: 'point' }, 'Нажмите на карту, где находится проблема.');
  const mapElement = h('div', { class: 'map', id: 'map', role: 'application', 'aria-label': 'Карта: нажмите, чтобы отметить место' });
  const submit = h('button', { type: 'submit', id: 'submit' }, 'Отправить обращение');
  const photoHint = h('div', { class: 'hint' });

  async function showNearby() {
    nearbySlot.replaceChildren();
    if (!state.category || !state.point) return;
    try {
      const nearby = await get(`/api/v1/appeals/nearby?lat=${state.point.lat}&lon=${state.point.lon}&categoryCode=${state.category.code}`);
      if (!nearby.length) return;
      nearbySlot.append(h('h2', {}, 'Рядом уже сообщили о такой же проблеме'),
        h('p', {}, 'Можно поддержать существующее обращение вместо нового — его решат быстрее.'),
        h('ul', { class: 'list' }, nearby.map(item => {
          const out = h('div');
          const button = h('button', { type: 'button', class: 'secondary' }, 'Поддержать');
          button.addEventListener('click', action(button, out, async () => {
            const supported = await post(`/api/v1/appeals/${item.id}/support`);
            out.replaceChildren(notice(`Вы поддержали обращение ${supported.number}. Поддержали: ${supported.supporters}.`));
          }));
          return h('li', { class: 'card nearby-appeal' }, h('h3', {}, item.number + ' · ' + item.category.name),
            statusBadge(item.status), ` ${item.distanceMeters} м отсюда · поддержали: ${item.supporters}`, h('div', { class: 'actions' }, button), out);
        })));
    } catch (error) {
      nearbySlot.replaceChildren(errorBox(error));
    }
  }

  const form = h('form', { id: 'new-appeal', novalidate: true },
    categoryPicker(all, category => {
      state.category = category;
      photoHint.textContent = category?.photoRequired ? 'Для этого типа проблемы фото обязательно.' : '';
      showNearby();
    }),
    h('h2', {}, 'Где'), mapElement, pointText,
    field('Адрес', address, 'если карта недоступна или для уточнения (подъезд, ориентир)'),
    h('h2', {}, 'Что случилось'),
    field('Описание', description, 'от 10 до 4000 символов'),
    field('Фото', photos, 'до 5 снимков JPEG, PNG или WebP'), photoHint,
    nearbySlot, errors, h('div', { class: 'actions' }, submit));

  render(h('h1', {}, 'Сообщить о проблеме'), form);
  const map = createMap(mapElement, settings.tiles, viewFrom(query()));
  if (map) {
    pinPicker(map, point => {
      state.point = point;
      pointText.textContent = `Отмечено: ${point.lat}, ${point.lon}`;
      showNearby();
    });
  }

  form.addEventListener('submit', action(submit, errors, async () => {
    if (!state.category) throw { status: 400, problem: { violations: [{ field: 'categoryCode', message: 'выберите тип проблемы из списка' }] } };
    if (photos.files.length > 5) throw { status: 400, problem: { violations: [{ field: 'photoIds', message: 'не больше 5 фото' }] } };
    const photoIds = [];
    for (const file of photos.files) {
      const part = new FormData();
      part.append('file', file);
      photoIds.push((await api('POST', '/api/v1/uploads', part)).id);
    }
    const body = { categoryCode: state.category.code, description: description.value, address: address.value || null, photoIds };
    if (state.point) body.location = state.point;
    const appeal = await api('POST', '/api/v1/appeals', body, { headers: { 'Idempotency-Key': idempotencyKey } });
    location.hash = '#/appeals/' + appeal.id;
  }));
}

export async function myAppealsView(context) {
  const here = location.hash;
  async function draw() {
    if (location.hash !== here) return;
    const result = await get('/api/v1/appeals?size=50');
    // a redraw from the live stream may finish after the citizen has gone to another page
    if (location.hash !== here) return;
    const items = result.items.map(appeal => h('li', { class: 'card appeal', dataset: { id: appeal.id } },
      h('h3', {}, h('a', { href: '#/appeals/' + appeal.id }, appeal.number + ' · ' + appeal.category.name)),
      statusBadge(appeal.status, appeal.overdue),
      h('div', { class: 'muted' }, 'Подано ' + dateTime(appeal.registeredAt) + (appeal.dueAt ? ' · ответ до ' + date(appeal.dueAt) : ''))));
    render(h('h1', {}, 'Мои обращения'),
      h('p', {}, h('a', { href: '#/new', class: 'button' }, 'Сообщить о проблеме')),
      items.length ? h('ul', { class: 'list', id: 'my-appeals' }, items) : h('p', {}, 'Обращений пока нет.'));
  }
  await draw();
  context.cleanup.push(liveStream(item => { toast(item.title); draw().catch(() => {}); }, () => draw().catch(() => {})));
}

function history(entries) {
  return h('ol', { class: 'history', id: 'history' }, entries.map(entry => h('li', {},
    h('strong', {}, dateTime(entry.at)), ' — ', statusBadge(entry.to), entry.note ? h('div', { class: 'muted' }, entry.note) : null)));
}

export function appealDetails(appeal) {
  return [
    h('p', {}, statusBadge(appeal.status, appeal.overdue)),
    h('dl', {},
      h('dt', {}, 'Тип проблемы'), h('dd', {}, appeal.category.name),
      h('dt', {}, 'Описание'), h('dd', {}, appeal.description),
      h('dt', {}, 'Адрес'), h('dd', {}, appeal.address || (appeal.location ? `${appeal.location.lat}, ${appeal.location.lon}` : '—')),
      h('dt', {}, 'Исполнитель'), h('dd', { id: 'organization' }, appeal.organization?.name || 'определяется'),
      h('dt', {}, 'Ответ до'), h('dd', { id: 'due' }, dueDate(appeal)),
      appeal.deadlineExtension ? [h('dt', {}, 'Срок продлён'), h('dd', {}, appeal.deadlineExtension.reason)] : null),
    (appeal.answers || []).length ? [h('h2', {}, 'Ответ'), appeal.answers.map(answer => h('div', { class: 'card answer' },
      h('div', { class: 'muted' }, answer.organization.name + ', ' + dateTime(answer.answeredAt)), answer.text))] : null,
  ];
}

export async function appealView(context, id) {
  const here = location.hash;
  async function draw() {
    if (location.hash !== here) return;
    const [appeal, entries] = await Promise.all([get('/api/v1/appeals/' + id), get('/api/v1/appeals/' + id + '/history')]);
    if (location.hash !== here) return;
    const out = h('div');
    const parts = [h('h1', { id: 'appeal-number' }, 'Обращение ' + appeal.number), appealDetails(appeal)];
    const actions = new Set(appeal.actions || []);
    if (actions.has('CLOSE_SATISFIED') || actions.has('REOPEN')) parts.push(feedbackForm(appeal, out, draw));
    if (actions.has('WITHDRAW')) {
      const withdraw = h('button', { type: 'button', class: 'danger', id: 'withdraw' }, 'Отозвать обращение');
      withdraw.addEventListener('click', action(withdraw, out, async () => {
        if (!confirm('Отозвать обращение? Его перестанут рассматривать.')) return;
        await post(`/api/v1/appeals/${id}/withdraw`, {});
        await draw();
      }));
      parts.push(h('div', { class: 'actions' }, withdraw));
    }
    if (appeal.feedback) parts.push(h('p', { id: 'feedback' }, `Ваша оценка: ${appeal.feedback.rating} из 5`));
    parts.push(out, h('h2', {}, 'История'), history(entries));
    render(parts);
  }
  await draw();
  context.cleanup.push(liveStream(item => {
    toast(item.title);
    if (item.appealId === id) draw().catch(() => {});
  }, () => draw().catch(() => {})));
}

function feedbackForm(appeal, out, redraw) {
  const rating = h('fieldset', { id: 'rating' }, h('legend', {}, 'Оцените ответ'),
    [1, 2, 3, 4, 5].map(n => h('label', {}, h('input', { type: 'radio', name: 'rating', value: n }), ' ' + n)));
  const satisfied = h('fieldset', { id: 'satisfied' }, h('legend', {}, 'Проблема решена?'),
    h('label', {}, h('input', { type: 'radio', name: 'satisfied', value: 'true' }), ' Да, закрыть'),
    h('label', {}, h('input', { type: 'radio', name: 'satisfied', value: 'false' }), ' Нет, вернуть исполнителю'));
  const comment = h('textarea', { id: 'comment', maxlength: 2000 });
  const send = h('button', { type: 'submit', id: 'send-feedback' }, 'Отправить оценку');
  const form = h('form', { id: 'feedback-form' }, h('h2', {}, 'Ваша оценка'), rating, satisfied, field('Комментарий', comment, 'необязательно'), send);
  form.addEventListener('submit', action(send, out, async () => {
    const chosen = form.querySelector('input[name=rating]:checked');
    const solved = form.querySelector('input[name=satisfied]:checked');
    const violations = [];
    if (!chosen) violations.push({ field: 'rating', message: 'выберите оценку от 1 до 5' });
    if (!solved) violations.push({ field: 'satisfied', message: 'ответьте, решена ли проблема' });
    if (violations.length) throw { status: 400, problem: { violations } };
    await post(`/api/v1/appeals/${appeal.id}/feedback`, { rating: +chosen.value, satisfied: solved.value === 'true', comment: comment.value || null });
    await redraw();
  }));
  return form;
}

// The estimate page: renders the form from estimate.mjs (items as compact rows that open for editing, optional
// fields under "More"), validates as the user types with the package's validateInquiry, prices through this
// page's own server (result.mjs), and keeps estimates in the URL and in this browser (keep.mjs). A share link
// opens its estimate priced. Codes are picked from the product catalogue (catalogue.mjs), loaded once through
// the page's server and kept live: validateInquiry checks each item against it, and what it finds (rule
// "catalogue") shows beside the field as a note, not an error; every picker still takes free text, pricing is
// never held back by a note, and the page works without a catalogue.
import init, { validateInquiry, PriceClient } from '/pkg/hwc_price.js';
import { MODES, ITEM_FIELDS, TOP_FIELDS, COMPARABLE, newItem, initialState, toInquiry, locate, encodeState, decodeState, comparedHours, switchMode, plural } from './estimate.mjs';
import { el } from './dom.mjs';
import { describeItem, itemNumber } from './names.mjs';
import { result, price, checkStale } from './result.mjs';
import { wireKeep, offerUndo } from './keep.mjs';
import { wirePaste } from './paste.mjs';
import { shelf, view, pick, catalogueNote } from './catalogue.mjs';
import { compared, compareNow, cancelCompare, checkCompared, exportComparison, hoursAsked } from './compare.mjs';

const $ = (id) => document.getElementById(id);
const shared = decodeState(location.hash);
/** The hours of use a month of the comparison a share link opens, or null. */
const sharedHours = shared && comparedHours(location.hash);
let state = shared ?? initialState();
let ready = false;
/** The last state seen in each mode, so switching back brings its own fields back. */
const earlier = {};
/** Fields the rating API refused in the last pricing, kept beside them until the estimate changes. */
let refused = { key: null, marks: [] };
/** Items open for editing, by index. */
let open = new Set(state.items.length === 1 ? [0] : []);
/** The catalogue's notes from the last check, by field id (`f-<i>-<field>`): the violations' messages. */
let notes = new Map();

/**
 * The violations of `input` (the estimate's inquiry, or a pasted payload) read in the current mode, checked
 * against the catalogue when it is loaded: `problems` stop pricing, `notes` (rule "catalogue") do not.
 */
function check(input) {
  const all = validateInquiry(state.mode, input, { batch: true, catalogue: shelf.live });
  return { problems: all.filter((v) => v.rule !== 'catalogue'), notes: all.filter((v) => v.rule === 'catalogue') };
}

function control(field, id, value) {
  const describedBy = field.pick ? `${id}-name ${id}-error` : `${id}-error`;
  const common = { id, name: field.name, 'aria-describedby': describedBy };
  let input;
  if (field.type === 'select') {
    input = el('select', common, ...field.options.map(([v, label]) => el('option', { value: v, text: label })));
    input.value = value ?? '';
  } else if (field.type === 'checkbox') {
    input = el('input', { ...common, type: 'checkbox' });
    input.checked = Boolean(value);
  } else {
    const numeric = field.type === 'int' || field.type === 'decimal';
    input = el('input', { ...common, type: 'text', inputmode: numeric || field.type === 'unit' ? (field.type === 'decimal' ? 'decimal' : 'numeric') : undefined,
      list: field.pick ? `${id}-list` : undefined,
      autocomplete: 'off', spellcheck: 'false', placeholder: field.example ? `e.g. ${field.example}` : undefined, 'aria-required': field.required ? 'true' : undefined });
    input.value = value ?? '';
  }
  const label = el('label', { for: id, text: field.label + (field.required ? '' : ' (optional)') });
  const notes = el('div', { class: 'notes' }, field.hint ? el('span', { class: 'hint', text: field.hint }) : '',
    field.pick ? el('span', { class: 'pick-name', id: `${id}-name` }) : '', el('p', { class: 'field-error', id: `${id}-error` }));
  return el('div', { class: `field field-${field.type}${field.pick ? ' field-pick' : ''}` }, label, input, field.pick ? el('datalist', { id: `${id}-list` }) : '', notes);
}

function renderTop() {
  $('top-fields').replaceChildren(...TOP_FIELDS[state.mode].map((f) => control(f, `f-${f.name}`, state.top[f.name])));
}

/** The words in an item's compact row: what it is, where, and its id. */
function brief(i) {
  const { name, detail } = describeItem(state.mode, state.items[i], i, shelf.cat);
  return state.mode === 'renewal' ? name : `${name} · ${detail}`;
}

/**
 * Item `i`'s pickers brought up to date with what was chosen before them: each one's choices (the resource types
 * of its service, the usage types of its resource type, the units that measure it) and, beside each, the
 * catalogue's note on its value when the last check made one, else its value's name.
 */
function refreshPicks(i) {
  for (const f of ITEM_FIELDS[state.mode]) {
    if (!f.pick) continue;
    const list = $(`f-${i}-${f.name}-list`);
    if (!list) continue;
    const p = pick(shelf.cat, f.name, state.items[i]);
    const key = JSON.stringify(p.options);
    if (list.dataset.key !== key) {
      list.dataset.key = key;
      list.replaceChildren(...p.options.map((o) => el('option', { value: o.value, label: o.label })));
    }
    const name = $(`f-${i}-${f.name}-name`);
    const said = notes.get(`f-${i}-${f.name}`);
    name.textContent = said ? catalogueNote(said) : p.name ?? p.note;
    name.classList.toggle('pick-note', Boolean(said) || (!p.name && Boolean(p.note)));
    name.classList.toggle('catalogue-note', Boolean(said));
  }
  const row = document.querySelector(`.item[data-index="${i}"] .item-brief`);
  if (row) row.textContent = brief(i);
}

function renderItems() {
  const fields = ITEM_FIELDS[state.mode];
  $('items').replaceChildren(...state.items.map((item, i) => {
    const title = itemNumber(state.mode, i);
    const required = fields.filter((f) => f.required);
    const optional = fields.filter((f) => !f.required);
    const actions = el('div', { class: 'item-actions' },
      el('button', { type: 'button', 'data-action': 'duplicate', 'data-index': i, 'aria-label': `Duplicate ${title.toLowerCase()}`, text: 'Duplicate' }),
      el('button', { type: 'button', 'data-action': 'remove', 'data-index': i, 'aria-label': `Remove ${title.toLowerCase()}`, text: 'Remove', disabled: state.items.length === 1 }));
    const more = optional.length
      ? el('details', { class: 'more', open: optional.some((f) => item[f.name]) },
        el('summary', { text: 'More', 'aria-label': `More fields of ${title.toLowerCase()}` }),
        el('div', { class: 'grid' }, ...optional.map((f) => control(f, `f-${i}-${f.name}`, item[f.name]))))
      : '';
    const body = el('div', { class: 'item-body', role: 'group', 'aria-label': title },
      el('div', { class: 'grid' }, ...required.map((f) => control(f, `f-${i}-${f.name}`, item[f.name]))), more,
      el('p', { class: 'field-error item-error', id: `item-${i}-error` }), actions);
    const summary = el('summary', {}, el('span', { class: 'item-title', text: title }), ' ',
      el('span', { class: 'item-brief', text: brief(i) }), el('span', { class: 'item-problem' }));
    return el('li', { class: 'item', 'data-index': i }, el('details', { open: open.has(i) }, summary, body));
  }));
  state.items.forEach((_, i) => refreshPicks(i));
}

function render() {
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === state.mode;
  $('language').value = state.language;
  $('add-item').textContent = state.mode === 'renewal' ? 'Add a resource' : 'Add an item';
  renderTop();
  renderItems();
  changed();
}

/**
 * After any change: validate, show each violation beside its field (the catalogue's as notes beside the name),
 * update the share link, mark the result. Returns the problems that stop pricing.
 */
function changed() {
  // The link opens the comparison too once one was asked for (and the estimate's items are products).
  const comparison = compared.shown && COMPARABLE.has(state.mode) && /^[\d.]{1,20}$/.test(hoursAsked()) ? `&compare=${hoursAsked()}` : '';
  history.replaceState(null, '', `#e=${encodeState(state)}${comparison}`);
  if (!ready) return [];
  for (const node of document.querySelectorAll('.field-error')) node.textContent = '';
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('.item-problem')) {
    node.textContent = '';
    node.classList.remove('item-note');
  }
  const { problems: violations, notes: found } = check(toInquiry(state));
  const unplaced = [];
  const perItem = new Map();
  const noted = new Map();
  const before = notes;
  notes = new Map();
  for (const v of found) {
    const at = locate(v.path, state.mode);
    const id = at && at.item !== undefined && `f-${at.item}-${at.field}`;
    if (id && $(`${id}-name`)) {
      notes.set(id, [...(notes.get(id) ?? []), v.message]);
      noted.set(at.item, (noted.get(at.item) ?? 0) + 1);
    } else {
      unplaced.push({ ...v, message: `${v.message} (a catalogue note: kept as typed)` });
    }
  }
  // Only the items whose notes changed are brought up to date (typing in one item leaves the others alone).
  const touched = new Set();
  for (const id of new Set([...before.keys(), ...notes.keys()])) {
    if (String(before.get(id)) !== String(notes.get(id))) touched.add(Number(id.split('-')[1]));
  }
  for (const i of touched) if (i < state.items.length) refreshPicks(i);
  for (const v of violations) {
    const at = locate(v.path, state.mode);
    const id = at && (at.item === undefined ? `f-${at.field}` : `f-${at.item}-${at.field}`);
    const input = id && $(id);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const error = $(`${id}-error`);
      error.textContent = error.textContent ? `${error.textContent} ${v.message}` : v.message;
      if (at.item !== undefined) perItem.set(at.item, (perItem.get(at.item) ?? 0) + 1);
    } else {
      unplaced.push(v);
    }
  }
  for (const [i, n] of perItem) {
    const mark = document.querySelector(`.item[data-index="${i}"] .item-problem`);
    if (mark) mark.textContent = ` — ${plural(n, 'problem')}`;
  }
  for (const [i, n] of noted) {
    const mark = document.querySelector(`.item[data-index="${i}"] .item-problem`);
    if (mark && !perItem.has(i)) {
      mark.textContent = ` — ${plural(n, 'catalogue note')}`;
      mark.classList.add('item-note');
    }
  }
  if (refused.key === encodeState(state)) for (const m of refused.marks) showRefused(m);
  $('summary').hidden = unplaced.length === 0;
  $('summary-list').replaceChildren(...unplaced.map((v) => el('li', { text: v.path ? `${v.path}: ${v.message}` : v.message })));
  $('price').disabled = result.pricing !== null;
  checkStale(state);
  checkCompared(state);
  return violations;
}

/** A field the rating API refused: highlighted, with the plain words under it. */
function showRefused({ index, field, text }) {
  const input = $(`f-${index}-${field}`);
  if (!input) return;
  input.setAttribute('aria-invalid', 'true');
  $(`f-${index}-${field}-error`).append(el('span', { class: 'api-field-error', text }));
  const mark = document.querySelector(`.item[data-index="${index}"] .item-problem`);
  if (mark && (!mark.textContent || mark.classList.contains('item-note'))) {
    mark.textContent = ' — not priced';
    mark.classList.remove('item-note');
  }
}

/** Opens whatever holds `node` (its item, its "More") so it can be seen and focused. */
function reveal(node) {
  for (let d = node?.closest('details'); d; d = d.parentElement?.closest('details')) {
    d.open = true;
    const item = d.closest('.item');
    if (item) open.add(Number(item.dataset.index));
  }
}

function onInput(event) {
  const target = event.target;
  if (target.name === 'mode') {
    if (target.value !== state.mode) changeMode(target.value);
    return;
  }
  if (target.id === 'language') {
    state.language = target.value;
    changed();
    return;
  }
  const item = target.closest('.item');
  const value = target.type === 'checkbox' ? target.checked : target.value;
  if (item) {
    const i = Number(item.dataset.index);
    state.items[i][target.name] = value;
    refreshPicks(i);
  } else if (target.closest('#top-fields')) state.top[target.name] = value;
  else return;
  changed();
}

/**
 * Asks before switching the billing mode: says what the switch would set aside, with "Switch" and "Keep"
 * buttons (the radios stay on the current mode until then). Switching keeps the fields both modes share and
 * offers Undo; what was set aside comes back when switching back.
 */
function changeMode(mode) {
  const from = state.mode;
  const { dropped } = switchMode(state, mode, earlier[mode]);
  if (dropped.length === 0) {
    doSwitch(mode);
    return;
  }
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === from;
  const to = MODES[mode].label.toLowerCase();
  const box = $('notice');
  const go = el('button', { type: 'button', class: 'primary', text: `Switch to ${to}` });
  const keep = el('button', { type: 'button', text: `Keep ${MODES[from].label.toLowerCase()}` });
  go.addEventListener('click', () => {
    doSwitch(mode);
    document.querySelector(`input[name="mode"][value="${mode}"]`)?.focus();
  }, { once: true });
  keep.addEventListener('click', () => {
    box.replaceChildren(el('span', { text: `Kept ${MODES[from].label.toLowerCase()}; nothing changed.` }));
    document.querySelector(`input[name="mode"][value="${from}"]`)?.focus();
  }, { once: true });
  box.replaceChildren(el('div', { class: 'confirm', role: 'group', 'aria-label': `Switch to ${to}?` },
    el('p', { text: `Switching to ${to} sets aside: ${dropped.join('; ')}. Switching back brings them back.` }),
    el('div', { class: 'confirm-actions' }, go, keep)));
  go.focus();
}

/** Switches the billing mode now, keeping the fields both modes share; says what was set aside, with undo. */
function doSwitch(mode) {
  const before = structuredClone(state);
  const openBefore = new Set(open);
  earlier[state.mode] = before;
  const { state: next, dropped } = switchMode(state, mode, earlier[mode]);
  state = next;
  open = new Set();
  render();
  const aside = dropped.length ? ` Set aside: ${dropped.join('; ')}.` : '';
  offerUndo($('notice'), `Switched to ${MODES[mode].label.toLowerCase()}.${aside}`, () => {
    state = before;
    open = openBefore;
    render();
  });
}

function onItemAction(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const i = Number(button.dataset.index);
  const first = ITEM_FIELDS[state.mode][0].name;
  const shift = (from, by) => { open = new Set([...open].map((n) => (n >= from ? n + by : n)).filter((n) => n >= 0)); };
  if (button.dataset.action === 'remove' && state.items.length > 1) {
    const removed = state.items.splice(i, 1)[0];
    open.delete(i);
    shift(i + 1, -1);
    renderItems();
    changed();
    offerUndo($('notice'), `Removed ${itemNumber(state.mode, i).toLowerCase()}.`, () => {
      state.items.splice(i, 0, removed);
      shift(i, 1);
      renderItems();
      changed();
    });
    const next = Math.min(i, state.items.length - 1);
    document.querySelector(`.item[data-index="${next}"] summary`)?.focus();
  } else if (button.dataset.action === 'duplicate') {
    const copy = { ...state.items[i] };
    if (state.mode !== 'renewal') copy.id = uniqueId(copy.id);
    else copy.resource_id = '';
    state.items.splice(i + 1, 0, copy);
    shift(i + 1, 1);
    open.add(i + 1);
    renderItems();
    changed();
    $(`f-${i + 1}-${first}`)?.focus();
  }
}

function uniqueId(base) {
  const taken = new Set(state.items.map((it) => it.id));
  const stem = String(base || 'item').replace(/-copy(-\d+)?$/, '');
  let n = 1;
  let id = `${stem}-copy`;
  while (taken.has(id)) id = `${stem}-copy-${++n}`;
  return id;
}

function addItem() {
  state.items.push(newItem(state.mode, state.items.length + 1));
  if (state.mode !== 'renewal') state.items.at(-1).id = uniqueId(`item-${state.items.length}`).replace(/-copy$/, '');
  open.add(state.items.length - 1);
  renderItems();
  changed();
  $(`f-${state.items.length - 1}-${ITEM_FIELDS[state.mode][0].name}`)?.focus();
}

/** The page's hooks for pricing: check and point at problems, mark a field the API refused, tidy up after. */
const ui = {
  fix() {
    const violations = changed();
    const first = document.querySelector('[aria-invalid="true"]');
    if (first) {
      reveal(first);
      first.focus();
    }
    return violations;
  },
  markField(index, field, text) {
    const key = encodeState(state);
    if (refused.key !== key) refused = { key, marks: [] };
    refused.marks.push({ index, field, text });
    reveal($(`f-${index}-${field}`));
  },
  after() {
    changed();
  },
};

function priceNow(event) {
  event?.preventDefault();
  price(state, ui);
}

/** Compares the billing modes of the estimate, bringing the comparison into view. */
const compareModes = () => compareNow(state, ui, { asked: true });

/** Replaces the estimate with `next`. */
function load(next) {
  state = structuredClone(next);
  if (state.items.length === 0) state.items = [newItem(state.mode, 1)];
  open = new Set(state.items.length === 1 ? [0] : []);
  render();
}

function onErrorLink(event) {
  const button = event.target.closest('button[data-goto]');
  if (!button) return;
  const [index, field] = button.dataset.goto.split(':');
  const input = $(`f-${index}-${field}`);
  reveal(input);
  input?.focus();
}

/**
 * Loads the product catalogue once, through this page's server, in the page's language, and keeps it while the
 * page is open; the pickers and the names of items follow it. Without it the page works as before: codes typed.
 */
async function loadCatalogue() {
  const note = $('catalogue-status');
  let client;
  try {
    client = new PriceClient({ endpoint: '/', language: 'en_US', timeoutMs: 20_000, retry: { maxAttempts: 2 } });
    const catalogue = await client.catalogue({ onWarning: () => {} });
    const doc = catalogue.toJSON();
    shelf.live = catalogue;
    shelf.cat = view(doc);
    note.textContent = `Choose from the product catalogue (${plural(doc.serviceTypes.length, 'service')}, ${plural(doc.resourceTypes.length, 'resource type')}): `
      + 'type a name or a code in a field with choices (empty it to see them all); a code the catalogue lacks can still be typed.';
    document.body.dataset.catalogue = 'loaded';
  } catch {
    shelf.live = null;
    shelf.cat = view(null);
    note.textContent = 'The product catalogue could not be loaded, so there are fewer choices: type the codes.';
    document.body.dataset.catalogue = 'unavailable';
  } finally {
    client?.free();
  }
  state.items.forEach((_, i) => refreshPicks(i));
  changed();
}

async function start() {
  render();
  const form = $('estimate');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', priceNow);
  $('reprice').addEventListener('click', priceNow);
  $('items').addEventListener('click', onItemAction);
  $('items').addEventListener('toggle', (event) => {
    const item = event.target.closest('.item');
    if (!item || event.target.parentElement !== item) return;
    if (event.target.open) open.add(Number(item.dataset.index));
    else open.delete(Number(item.dataset.index));
  }, true);
  $('add-item').addEventListener('click', addItem);
  $('cancel').addEventListener('click', () => result.pricing?.abort());
  $('api-error').addEventListener('click', onErrorLink);
  wirePaste({ state: () => state, load, check });
  $('compare').addEventListener('click', compareModes);
  $('compare-again').addEventListener('click', compareModes);
  $('compare-cancel').addEventListener('click', cancelCompare);
  $('hours').addEventListener('input', () => changed());
  $('hours').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') compareModes();
  });
  $('compare-csv').addEventListener('click', () => exportComparison('csv'));
  $('compare-json').addEventListener('click', () => exportComparison('json'));
  if (sharedHours) {
    $('hours').value = sharedHours;
    compared.shown = true;
  }
  wireKeep({ state: () => state, load, result });
  window.addEventListener('hashchange', () => {
    const restored = decodeState(location.hash);
    if (restored && encodeState(restored) !== encodeState(state)) load(restored);
  });
  try {
    await init();
    ready = true;
    $('loading').hidden = true;
    changed();
  } catch (error) {
    $('loading').textContent = `The pricing module could not load: ${error.message}`;
    return;
  }
  try {
    const config = await (await fetch('/demo-config.json')).json();
    $('sample-banner').hidden = !config.sample;
  } catch {
    // Served without the demo server: no banner.
  }
  await loadCatalogue();
  document.body.dataset.ready = 'true';
  // A share link opens its estimate priced (when it can be priced as it is).
  if (shared && check(toInquiry(state)).problems.length === 0) {
    price(state, ui);
    // …and compared, when the link was copied with a comparison.
    if (sharedHours && COMPARABLE.has(state.mode)) compareNow(state, ui);
  }
}

start();

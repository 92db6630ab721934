// The estimate page: renders the form from estimate.mjs, validates as the user types with the package's
// validateInquiry, prices through this page's own server (/v2/bills/ratings/…), shows the package's HTML
// breakdown, exports, and keeps estimates in the URL and in localStorage.
import init, { PriceClient, validateInquiry, isInquiryValidationError } from '/pkg/hwc_price.js';
import { MODES, ITEM_FIELDS, TOP_FIELDS, newItem, initialState, toInquiry, locate, fromInquiry, encodeState, decodeState } from './estimate.mjs';

const $ = (id) => document.getElementById(id);
const STORE = 'hwc-price.estimates';
let state = decodeState(location.hash) ?? initialState();
let quote = null;
let pricing = null;
let ready = false;

/** An element with attributes and children (text is always set as text, never parsed as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

function control(field, id, value) {
  const describedBy = `${id}-error`;
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
    input = el('input', { ...common, type: 'text', inputmode: numeric ? (field.type === 'int' ? 'numeric' : 'decimal') : undefined,
      autocomplete: 'off', spellcheck: 'false', placeholder: field.example ? `e.g. ${field.example}` : undefined, 'aria-required': field.required ? 'true' : undefined });
    input.value = value ?? '';
  }
  const label = el('label', { for: id, text: field.label + (field.required ? '' : ' (optional)') });
  const hint = field.hint ? el('span', { class: 'hint', text: field.hint }) : '';
  return el('div', { class: `field field-${field.type}` }, label, input, hint, el('p', { class: 'field-error', id: describedBy }));
}

function renderTop() {
  const box = $('top-fields');
  box.replaceChildren(...TOP_FIELDS[state.mode].map((f) => control(f, `f-${f.name}`, state.top[f.name])));
}

function renderItems() {
  const list = $('items');
  const fields = ITEM_FIELDS[state.mode];
  list.replaceChildren(...state.items.map((item, i) => {
    const title = state.mode === 'renewal' ? `Resource ${i + 1}` : `Item ${i + 1}`;
    const actions = el('div', { class: 'item-actions' },
      el('button', { type: 'button', 'data-action': 'duplicate', 'data-index': i, 'aria-label': `Duplicate ${title.toLowerCase()}`, text: 'Duplicate' }),
      el('button', { type: 'button', 'data-action': 'remove', 'data-index': i, 'aria-label': `Remove ${title.toLowerCase()}`, text: 'Remove', disabled: state.items.length === 1 }));
    const grid = el('div', { class: 'grid' }, ...fields.map((f) => control(f, `f-${i}-${f.name}`, item[f.name])));
    return el('li', { class: 'item', 'data-index': i }, el('fieldset', {}, el('legend', { text: title }), grid, actions));
  }));
}

function render() {
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === state.mode;
  $('language').value = state.language;
  $('add-item').textContent = state.mode === 'renewal' ? 'Add a resource' : 'Add an item';
  renderTop();
  renderItems();
  changed();
}

/** After any change: validate, show each violation beside its field, and update the share link. */
function changed() {
  history.replaceState(null, '', `#e=${encodeState(state)}`);
  if (!ready) return;
  for (const node of document.querySelectorAll('.field-error')) node.textContent = '';
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const violations = validateInquiry(state.mode, toInquiry(state), { batch: true });
  const unplaced = [];
  for (const v of violations) {
    const at = locate(v.path, state.mode);
    const id = at && (at.item === undefined ? `f-${at.field}` : `f-${at.item}-${at.field}`);
    const input = id && $(id);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const error = $(`${id}-error`);
      error.textContent = error.textContent ? `${error.textContent} ${v.message}` : v.message;
    } else {
      unplaced.push(v);
    }
  }
  $('summary').hidden = unplaced.length === 0;
  $('summary-list').replaceChildren(...unplaced.map((v) => el('li', { text: v.path ? `${v.path}: ${v.message}` : v.message })));
  $('price').disabled = pricing !== null;
  return violations;
}

function onInput(event) {
  const target = event.target;
  if (target.name === 'mode') {
    if (target.value !== state.mode) {
      state = { ...initialState(target.value), language: state.language };
      render();
    }
    return;
  }
  if (target.id === 'language') {
    state.language = target.value;
    changed();
    return;
  }
  const item = target.closest('.item');
  const value = target.type === 'checkbox' ? target.checked : target.value;
  if (item) state.items[Number(item.dataset.index)][target.name] = value;
  else if (target.closest('#top-fields')) state.top[target.name] = value;
  else return;
  changed();
}

function onItemAction(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const i = Number(button.dataset.index);
  if (button.dataset.action === 'remove' && state.items.length > 1) {
    state.items.splice(i, 1);
    renderItems();
    changed();
    const next = $(`f-${Math.min(i, state.items.length - 1)}-${ITEM_FIELDS[state.mode][0].name}`);
    next?.focus();
  } else if (button.dataset.action === 'duplicate') {
    const copy = { ...state.items[i] };
    if (state.mode !== 'renewal') copy.id = uniqueId(copy.id);
    else copy.resource_id = '';
    state.items.splice(i + 1, 0, copy);
    renderItems();
    changed();
    $(`f-${i + 1}-${ITEM_FIELDS[state.mode][0].name}`)?.focus();
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
  renderItems();
  changed();
  $(`f-${state.items.length - 1}-${ITEM_FIELDS[state.mode][0].name}`)?.focus();
}

function status(text) {
  $('status').textContent = text;
}

function showError(error) {
  const box = $('api-error');
  box.hidden = false;
  const lines = [el('p', { class: 'error-message', text: error.message })];
  const facts = [['Code', error.code], ['HTTP status', error.status], ['Request id', error.requestId], ['Attempts', error.attempts]]
    .filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (facts.length) lines.push(el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })])));
  box.replaceChildren(...lines);
}

async function price(event) {
  event.preventDefault();
  if (pricing) return;
  const violations = changed();
  if (violations.length) {
    status(`Fix ${violations.length} problem${violations.length === 1 ? '' : 's'} first.`);
    document.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  pricing = new AbortController();
  quote?.free();
  quote = null;
  $('api-error').hidden = true;
  $('breakdown').replaceChildren();
  $('result-empty').hidden = true;
  for (const id of ['export-csv', 'export-json']) $(id).disabled = true;
  $('price').disabled = true;
  $('cancel').hidden = false;
  $('progress').hidden = false;
  $('progress').removeAttribute('value');
  status('Pricing…');
  let client;
  try {
    client = new PriceClient({ endpoint: '/', language: state.language, timeoutMs: 60_000 });
    quote = await client[MODES[state.mode].method](toInquiry(state), {
      signal: pricing.signal,
      onProgress: (done, total) => {
        $('progress').max = total;
        $('progress').value = done;
        status(`Pricing: request ${done} of ${total} done.`);
      },
    });
    showQuote(quote);
    status(`Priced in ${quote.requests} request${quote.requests === 1 ? '' : 's'}.`);
  } catch (error) {
    if (isInquiryValidationError(error)) {
      showError({ message: `The estimate breaks ${error.violations.length} rule(s); see the highlighted fields.`, code: error.code });
    } else {
      showError(error);
      if (error.partial) showQuote(error.partial, true);
    }
    status(error.code === 'ABORTED' ? 'Cancelled.' : 'Pricing failed.');
  } finally {
    // Its memory is given back now, not when the garbage collector gets to it (a call in flight keeps its own).
    client?.free();
    pricing = null;
    $('cancel').hidden = true;
    $('progress').hidden = true;
    $('price').disabled = false;
  }
}

function showQuote(q, partial = false) {
  const container = $('breakdown');
  // The package escapes every server-provided string and isolates it in <bdi>; the markup is its own.
  container.innerHTML = q.toHtml({ language: state.language });
  if (partial) container.prepend(el('p', { class: 'help', text: 'What was priced before the failure:' }));
  quote = q;
  for (const id of ['export-csv', 'export-json']) $(id).disabled = false;
  $('results').focus();
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function loadPasted() {
  const out = $('paste-result');
  const text = $('paste-text').value;
  let payload;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    out.replaceChildren(el('p', { class: 'field-error', text: `Not JSON: ${error.message}` }));
    return;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    out.replaceChildren(el('p', { class: 'field-error', text: 'Paste a JSON object: the body of a rating request.' }));
    return;
  }
  state = fromInquiry(payload, state.mode, state.language);
  if (state.items.length === 0) state.items = [newItem(state.mode, 1)];
  render();
  const violations = validateInquiry(state.mode, text, { batch: true });
  const summary = violations.length === 0
    ? el('p', { text: `Loaded as a ${MODES[state.mode].label.toLowerCase()} estimate with ${state.items.length} item(s); no problems found.` })
    : el('div', {}, el('p', { text: `Loaded as a ${MODES[state.mode].label.toLowerCase()} estimate; the payload breaks ${violations.length} rule(s):` }),
      el('ul', {}, ...violations.map((v) => el('li', { text: v.path ? `${v.path}: ${v.message}` : v.message }))));
  out.replaceChildren(summary);
}

function saved() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function renderSaved(selected) {
  const names = Object.keys(saved()).sort();
  $('saved-list').replaceChildren(...(names.length ? names.map((n) => el('option', { value: n, text: n })) : [el('option', { value: '', text: 'none yet' })]));
  if (selected) $('saved-list').value = selected;
  $('load-saved').disabled = $('delete-saved').disabled = names.length === 0;
}

function save() {
  const name = $('save-name').value.trim();
  if (!name) {
    $('share-status').textContent = 'Give the estimate a name first.';
    $('save-name').focus();
    return;
  }
  const all = saved();
  all[name] = encodeState(state);
  localStorage.setItem(STORE, JSON.stringify(all));
  renderSaved(name);
  $('share-status').textContent = `Saved "${name}".`;
}

function loadSaved() {
  const name = $('saved-list').value;
  const restored = decodeState(saved()[name] ?? '');
  if (!restored) return;
  state = restored;
  render();
  $('share-status').textContent = `Loaded "${name}".`;
}

function deleteSaved() {
  const name = $('saved-list').value;
  const all = saved();
  delete all[name];
  localStorage.setItem(STORE, JSON.stringify(all));
  renderSaved();
  $('share-status').textContent = `Deleted "${name}".`;
}

async function copyLink() {
  try {
    await navigator.clipboard.writeText(location.href);
    $('share-status').textContent = 'Link copied.';
  } catch {
    $('share-status').textContent = `Copy this link: ${location.href}`;
  }
}

async function start() {
  render();
  const form = $('estimate');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', price);
  $('items').addEventListener('click', onItemAction);
  $('add-item').addEventListener('click', addItem);
  $('cancel').addEventListener('click', () => pricing?.abort());
  $('export-csv').addEventListener('click', () => quote && download('estimate.csv', 'text/csv;charset=utf-8', quote.toCsv({ language: state.language })));
  $('export-json').addEventListener('click', () => quote && download('estimate.json', 'application/json', JSON.stringify(quote.toJSON(), null, 2)));
  $('paste-load').addEventListener('click', loadPasted);
  $('save').addEventListener('click', save);
  $('load-saved').addEventListener('click', loadSaved);
  $('delete-saved').addEventListener('click', deleteSaved);
  $('copy-link').addEventListener('click', copyLink);
  window.addEventListener('hashchange', () => {
    const restored = decodeState(location.hash);
    if (restored) {
      state = restored;
      render();
    }
  });
  renderSaved();
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
  document.body.dataset.ready = 'true';
}

start();

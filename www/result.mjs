// The result side of the page: pricing with progress in items, the summary at a glance and the full
// breakdown, errors in plain words at the fields they concern (details folded), cancelling, and marking the
// result out of date the moment the estimate changes.
import { PriceClient, isInquiryValidationError } from '/pkg/hwc_price.js';
import { MODES, toInquiry, encodeState, plural } from './estimate.mjs';
import { el } from './dom.mjs';
import { summarize } from './summary.mjs';
import { describeItem } from './names.mjs';
import { errorBox, firstSentence, langTag, markStale, plainWhole } from './view.mjs';

const $ = (id) => document.getElementById(id);

/** What the result shows: the quote, the state it was priced from, and when. */
export const result = { quote: null, key: null, state: null, pricedAt: null, partial: false, pricing: null };

const setState = (s) => { $('results').dataset.state = s; };
const status = (text) => { $('status').textContent = text; };

/** Marks the result out of date (or current again) after `state` changed; announces the change once. */
export function checkStale(state) {
  if (!result.quote || result.pricing) return;
  const stale = encodeState(state) !== result.key;
  if (markStale({ section: 'results', note: 'stale', exports: ['export-csv', 'export-json'] }, stale)) {
    setState(stale ? 'stale' : result.partial ? 'partial' : 'priced');
    status(stale ? 'The result is out of date: the estimate changed after it was priced.' : 'The result matches the estimate again.');
  }
}

function clear() {
  result.quote?.free();
  Object.assign(result, { quote: null, key: null, state: null, pricedAt: null, partial: false });
  $('api-error').hidden = true;
  $('api-error').replaceChildren();
  $('partial-note').hidden = true;
  $('stale').hidden = true;
  $('results').classList.remove('is-stale');
  $('glance').replaceChildren();
  $('breakdown').replaceChildren();
  $('ledger').hidden = true;
  for (const id of ['export-csv', 'export-json']) $(id).disabled = true;
}

/** The form index of each line of a breakdown (ids are unique within an inquiry, resource ids too). */
function indexer(state) {
  const key = state.mode === 'renewal' ? 'resource_id' : 'id';
  const at = new Map(state.items.map((item, i) => [String(item[key]), i]));
  return (line) => at.get(String(line.id)) ?? -1;
}

/** Shows `quote` priced from `state`: the summary at a glance, then the full breakdown folded. */
function show(quote, state, note) {
  const breakdown = quote.breakdown({ language: state.language, projections: state.mode === 'on-demand' });
  const { nodes, sentence } = summarize(breakdown, state, indexer(state));
  const glance = $('glance');
  glance.replaceChildren(...nodes);
  const lang = langTag(state.language);
  // The package escapes every server-provided string and isolates it in <bdi>; the markup is its own.
  $('breakdown').innerHTML = quote.toHtml({ language: state.language });
  $('breakdown').lang = lang;
  for (const th of $('breakdown').querySelectorAll('thead th:empty')) th.append(el('span', { class: 'visually-hidden', text: 'Offer' }));
  $('ledger').hidden = false;
  if (note) {
    $('partial-note').textContent = note;
    $('partial-note').hidden = false;
  }
  Object.assign(result, { quote, key: encodeState(state), state: structuredClone(state), pricedAt: new Date() });
  for (const id of ['export-csv', 'export-json']) $(id).disabled = false;
  $('result-empty').hidden = true;
  return sentence;
}

/** Prices `state`; `ui` has the page's hooks (`fix()` returns the violations and focuses the first). */
export async function price(state, ui) {
  if (result.pricing) return;
  const violations = ui.fix();
  if (violations.length) {
    status(`Fix ${plural(violations.length, 'problem')} first.`);
    setState('invalid');
    return;
  }
  clear();
  result.pricing = new AbortController();
  const total = state.items.length;
  const noun = state.mode === 'renewal' ? 'resource' : 'item';
  $('price').disabled = true;
  $('reprice').disabled = true;
  $('cancel').hidden = false;
  const bar = $('progress');
  bar.hidden = false;
  bar.max = total;
  bar.value = 0;
  setState('pricing');
  status(`Pricing ${plural(total, noun)}…`);
  const priced = structuredClone(state);
  let client;
  try {
    client = new PriceClient({ endpoint: '/', language: state.language, timeoutMs: 60_000 });
    const quote = await client[MODES[state.mode].method](toInquiry(state), {
      signal: result.pricing.signal,
      onProgress: (done, requests) => {
        // Requests carry items in order, up to 100 products (10 resource ids) each: the share of requests
        // answered is the share of items, to within one request.
        const items = Math.min(total, Math.floor((total * done) / requests));
        bar.value = items;
        status(`Pricing: about ${items} of ${plural(total, noun)} done.`);
      },
    });
    const sentence = show(quote, priced);
    setState('priced');
    status(sentence);
  } catch (error) {
    failed(error, priced, ui, total, noun);
  } finally {
    // Its memory is given back now, not when the garbage collector gets to it (a call in flight keeps its own).
    client?.free();
    result.pricing = null;
    $('cancel').hidden = true;
    bar.hidden = true;
    $('price').disabled = false;
    $('reprice').disabled = false;
    ui.after();
  }
}

function failed(error, state, ui, total, noun) {
  const partial = error.partial ?? null;
  const done = partial ? partial.breakdown().lines.length : 0;
  if (error.code === 'ABORTED') {
    const text = `Cancelled: ${done} of ${plural(total, noun)} priced.`;
    if (partial && done) show(partial, state, `${text} The amounts below cover only those.`);
    else partial?.free();
    result.partial = true;
    setState('cancelled');
    status(text);
    if (!done) {
      $('partial-note').textContent = text;
      $('partial-note').hidden = false;
    }
    return;
  }
  if (partial && done) {
    show(partial, state, `Only ${done} of ${plural(total, noun)} could be priced; the amounts below cover those.`);
    result.partial = true;
  } else {
    partial?.free();
  }
  setState('failed');
  status('');
  explain(error, state, ui);
}

/** The words for one failure of `item`, at the field it concerns. */
function plainFailure(failure, mode, item) {
  const at = mode === 'renewal' ? 'resource_id' : 'resource_spec';
  if (mode !== 'renewal' && failure.code === 'CBC.99006006') {
    return { field: at, text: `${item.resource_spec} is not sold in ${item.region}, or is not a ${item.resource_type || 'resource type'} of ${item.cloud_service_type || 'that service'}.` };
  }
  if (mode === 'renewal' && /^CBC\.(99006006|0100)$/.test(failure.code)) {
    return { field: at, text: `${item.resource_id} is not a resource of this account that can be renewed.` };
  }
  return { field: at, text: firstSentence(failure.message) };
}

/** The error box: plain words first, each with a way to the field; code, request id and attempts under "Details". */
function explain(error, state, ui) {
  const box = $('api-error');
  const items = [];
  if (isInquiryValidationError(error)) {
    items.push(el('li', { text: `The estimate breaks ${plural(error.violations.length, 'rule')}; see the highlighted fields.` }));
  } else if (error.failures?.length) {
    for (const failure of error.failures) {
      for (const index of failure.indexes ?? []) {
        const item = state.items[index] ?? {};
        const plain = plainFailure(failure, state.mode, item);
        const { title } = describeItem(state.mode, item, index);
        ui.markField(index, plain.field, plain.text);
        items.push(el('li', {}, el('button', { type: 'button', class: 'link', 'data-goto': `${index}:${plain.field}`, text: `${title}:` }), ` ${plain.text}`));
      }
    }
  }
  if (!items.length) items.push(el('li', { text: plainWhole(error) }));
  const count = items.length;
  errorBox(box, count === 1 && !error.failures?.length ? 'The estimate could not be priced' : `${plural(count, state.mode === 'renewal' ? 'resource' : 'item')} could not be priced`, items, error);
  box.focus();
}

// Billing modes compared on the page: the items composed (pay-per-use or yearly/monthly) priced pay-per-use, for a
// month and for a year (and any other period the items are subscribed for) with the package's
// compareBillingModes, then shown as a verdict in words, the monthly cost of each mode and the cost against the
// hours used a month with the break-even points marked (inline SVG, each with its text equivalent), each item's
// cheapest mode, the package's full table folded, exports and a share link. Amounts stay the package's exact
// decimal strings: only money.mjs rounds them for reading, and the charts turn them into numbers for drawing
// positions alone.
import { PriceClient, isInquiryValidationError } from '/pkg/hwc_price.js';
import { COMPARABLE, toComparison, locateCompared, plural } from './estimate.mjs';
import { el, svg } from './dom.mjs';
import { compare, roundTo } from './money.mjs';
import { describeItem } from './names.mjs';
import { shelf } from './catalogue.mjs';
import { exportName, download } from './keep.mjs';
import { amount, amountWords, barChart, errorBox, firstSentence, langTag, markStale, plainWhole } from './view.mjs';

const $ = (id) => document.getElementById(id);

/** The comparison shown: its value, what it was made from, and when; `running` while comparing. */
export const compared = { value: null, doc: null, key: null, at: null, running: null, shown: false, refusedHours: null };

/** What a comparison depends on: its input (the items' product fields, the periods, the hours) and language. */
const keyOf = (state, hours) => (COMPARABLE.has(state.mode) ? JSON.stringify([state.language, toComparison(state, hours)]) : null);

/** The section's state; the status line is read out but not shown where the verdict or a note says the same. */
const setState = (s) => {
  $('comparison').dataset.state = s;
  $('compare-status').classList.toggle('visually-hidden', s === 'compared' || s === 'stale');
};
const status = (text) => { $('compare-status').textContent = text; };

/** The hours of use a month asked for (as typed; the package checks it). */
export const hoursAsked = () => $('hours').value.trim();

/**
 * After any change of the estimate or the hours: what only products can do shown or hidden, the package's word on
 * the hours kept beside them until they change, and the comparison marked out of date when it no longer matches.
 */
export function checkCompared(state) {
  const comparable = COMPARABLE.has(state.mode);
  $('compare').hidden = !comparable;
  $('compare-again').disabled = !comparable || Boolean(compared.running);
  $('compare-help').hidden = !comparable;
  $('compare-renewal').hidden = comparable;
  const refused = compared.refusedHours;
  if (refused && refused.hours === hoursAsked()) {
    $('hours').setAttribute('aria-invalid', 'true');
    $('hours-error').textContent = refused.message;
  } else {
    compared.refusedHours = null;
  }
  if (!compared.value || compared.running) return;
  const stale = keyOf(state, hoursAsked()) !== compared.key;
  if (markStale({ section: 'comparison', note: 'compare-stale', exports: ['compare-csv', 'compare-json'] }, stale)) {
    setState(stale ? 'stale' : 'compared');
    status(stale ? 'The comparison is out of date: the items or the hours changed after it was made.' : 'The comparison matches the estimate again.');
  }
}

function clear() {
  compared.value?.free();
  Object.assign(compared, { value: null, doc: null, key: null, at: null, refusedHours: null });
  for (const id of ['compare-error', 'compare-stale']) $(id).hidden = true;
  $('compare-error').replaceChildren();
  $('comparison').classList.remove('is-stale');
  for (const id of ['compare-verdict', 'compare-charts', 'compare-table', 'compare-items']) $(id).replaceChildren();
  $('compare-full').hidden = true;
  for (const id of ['compare-csv', 'compare-json']) $(id).disabled = true;
}

/**
 * Compares the billing modes of `state` at the hours asked; `ui` has the page's hooks (`fix()` returns the
 * estimate's problems and focuses the first, `after()`). When the reader asked (`asked`), the comparison is
 * scrolled into view and focused once the estimate is found valid, and an error box takes the focus.
 */
export async function compareNow(state, ui, { asked = false } = {}) {
  if (compared.running || !COMPARABLE.has(state.mode)) return;
  const problems = ui.fix();
  if (problems.length) {
    status(`Fix ${plural(problems.length, 'problem')} in the estimate first.`);
    setState('invalid');
    return;
  }
  clear();
  if (asked) {
    $('comparison').scrollIntoView({ block: 'start' });
    $('comparison').focus({ preventScroll: true });
  }
  compared.running = new AbortController();
  compared.shown = true;
  const hours = hoursAsked();
  const snapshot = structuredClone(state);
  $('compare').disabled = true;
  $('compare-again').disabled = true;
  $('compare-cancel').hidden = false;
  const bar = $('compare-progress');
  bar.hidden = false;
  bar.value = 0;
  setState('comparing');
  status(`Comparing billing modes for ${plural(state.items.length, 'item')}…`);
  let client;
  try {
    client = new PriceClient({ endpoint: '/', language: state.language, timeoutMs: 60_000 });
    const value = await client.compareBillingModes(toComparison(state, hours), {
      signal: compared.running.signal,
      onProgress: (done, total) => {
        bar.max = total;
        bar.value = done;
        status(`Comparing: ${done} of ${plural(total, 'price request')} answered.`);
      },
    });
    let sentence;
    try {
      sentence = show(value, snapshot, hours);
    } catch (error) {
      value.free();
      throw error;
    }
    setState('compared');
    status(sentence);
  } catch (error) {
    failed(error, snapshot, hours, asked);
  } finally {
    client?.free();
    compared.running = null;
    $('compare-cancel').hidden = true;
    bar.hidden = true;
    $('compare').disabled = false;
    ui.after();
  }
}

/** Stops the comparison under way, if any. */
export const cancelCompare = () => compared.running?.abort();

function failed(error, state, hours, asked) {
  if (error.code === 'ABORTED') {
    setState('cancelled');
    status('Comparison cancelled: nothing compared.');
    return;
  }
  setState('failed');
  status('');
  const items = [];
  if (isInquiryValidationError(error)) {
    for (const v of error.violations) {
      const at = locateCompared(v.path, state.mode);
      if (at?.field === 'hoursPerMonth') {
        compared.refusedHours = { hours, message: v.message };
        items.push(el('li', { text: `Hours of use a month: ${v.message}` }));
      } else {
        items.push(el('li', { text: at?.item !== undefined ? `Item ${at.item + 1}, ${v.path}: ${v.message}` : `${v.path}: ${v.message}` }));
      }
    }
  } else {
    items.push(el('li', { text: plainWhole(error) }));
  }
  errorBox($('compare-error'), 'The billing modes could not be compared', items, error);
  if (asked) $('compare-error').focus();
}

/** The most hours of use a month can have: 31 days of 24 hours. */
const MONTH_HOURS = 744;

/** Break-even hours for reading: two decimals, "≈" when rounded. */
function hoursText(breakEven) {
  const r = roundTo(breakEven.hoursPerMonth, 2);
  return `${r.rounded || !breakEven.exact ? '≈' : ''}${r.value.replace(/\.00$/, '')} hours`;
}

/**
 * When a subscription pays off, in words: above its break-even hours; only past the hours asked for; or never
 * (past any month's hours). `brief` for an item's card.
 */
function paysOffWords(breakEven, asked, brief = false) {
  const at = hoursText(breakEven);
  const never = compare(breakEven.hoursPerMonth, String(MONTH_HOURS)) > 0;
  if (brief) return `: pays off above ${at} a month${breakEven.withinMonth ? '' : never ? ', more than a month has' : `, more than the ${asked} asked for`}`;
  if (breakEven.withinMonth) return ` pays off above ${at} of use a month.`;
  if (never) return ` never pays off: it would take ${at} of use a month, more than a month has.`;
  return ` pays off only above ${at} of use a month, more than the ${asked} hours asked for.`;
}

/** Whether a cell's final price per month is exact (the package names each rounded amount). */
const finalExact = (cell) => !cell.perMonth.rounded.includes('final');

/** What a mode costs a month, and for a subscription what its whole period costs, paid up front. */
function costWords(doc, index, cell, cls) {
  const nodes = [amount(cell.perMonth.final, doc.currency, cls, finalExact(cell)), ' a month'];
  if (index > 0) nodes.push(` (${amountWords(cell.final, doc.currency).text} for ${doc.modes[index].name}, paid up front)`);
  return nodes;
}

/** Shows `value` compared from `state` at `hours` hours a month; returns the sentence to announce. */
function show(value, state, hours) {
  const doc = value.toJSON();
  const { modes, totals } = doc;
  const lang = langTag(state.language);
  const nameOf = (i) => el('bdi', { lang, text: modes[i].name });
  // A mode's total is null when no product was priced in every mode.
  const cells = totals.cells.map((c) => c ?? { priced: false });
  const best = totals.cheapest;
  let sentence;
  const verdict = el('div', { class: 'glance compare-glance' });
  if (best === null || best === undefined) {
    sentence = 'No billing mode could be compared for every item; each item below says what could be priced.';
    verdict.append(el('p', { class: 'glance-label', text: sentence }));
  } else {
    const cheapest = cells[best];
    verdict.append(
      el('p', { class: 'glance-label', text: `Cheapest at ${hours} hours of use a month` }),
      el('p', { class: 'glance-total' }, nameOf(best), ': ', ...costWords(doc, best, cheapest, 'glance-pay')));
    const perMonth = amountWords(cheapest.perMonth.final, doc.currency, finalExact(cheapest)).text;
    sentence = `Cheapest at ${hours} hours of use a month: ${modes[best].name}, ${perMonth.replace('≈ ', 'about ')} a month.`;
    if (cheapest.saving) {
      const saving = amountWords(cheapest.saving.perMonth, doc.currency, cheapest.saving.exact).text;
      verdict.append(el('p', { class: 'glance-month', text: `${saving} a month less than pay-per-use${cheapest.saving.percent ? ` (${cheapest.saving.percent}% less)` : ''}.` }));
      sentence += ` It saves ${saving.replace('≈ ', 'about ')} a month against pay-per-use.`;
    }
  }
  const paysOff = cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced && c.breakEven);
  if (paysOff.length) {
    verdict.append(el('ul', { class: 'break-evens' }, ...paysOff.map(({ c, i }) => el('li', {}, nameOf(i), paysOffWords(c.breakEven, doc.hoursPerMonth)))));
  }
  if (totals.leftOut.length) {
    const all = totals.included.length === 0;
    verdict.append(el('p', { class: 'partial-note', text: all
      ? 'No item could be priced in every mode, so there are no totals to compare.'
      : `The totals leave out ${plural(totals.leftOut.length, 'item')} that a mode could not price: ${totals.leftOut.join(', ')}. The item says why.` }));
  }
  $('compare-verdict').replaceChildren(verdict);
  $('compare-charts').replaceChildren(...(totals.included.length ? [monthlyBars(doc, cells, nameOf), cells[0].priced ? hoursChart(doc, cells, lang) : ''] : []));
  $('compare-items').replaceChildren(...itemCards(doc, state));
  // The package escapes every server-provided string and isolates it in <bdi>; the markup is its own.
  $('compare-table').innerHTML = value.toHtml();
  $('compare-table').lang = lang;
  $('compare-full').hidden = false;
  Object.assign(compared, { value, doc, key: keyOf(state, hours), at: new Date() });
  for (const id of ['compare-csv', 'compare-json']) $(id).disabled = false;
  return sentence;
}

/** Each item's cheapest mode and break-evens, in words, named as the estimate names it (products are in order). */
function itemCards(doc, state) {
  const lang = langTag(state.language);
  return doc.products.map((p, index) => {
    const words = describeItem(state.mode, state.items[index] ?? { id: p.id }, index, shelf.cat);
    const failed = p.cells.map((c, i) => ({ c, i })).filter(({ c }) => !c.priced);
    const lines = [];
    if (p.cheapest !== null && p.cheapest !== undefined) {
      lines.push(el('p', {}, 'Cheapest: ', el('bdi', { lang, text: doc.modes[p.cheapest].name }), ', ',
        ...costWords(doc, p.cheapest, p.cells[p.cheapest], 'cost-final')));
    }
    for (const { c, i } of p.cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced && c.breakEven)) {
      lines.push(el('p', { class: 'cost-item-detail' }, el('bdi', { lang, text: doc.modes[i].name }), paysOffWords(c.breakEven, doc.hoursPerMonth, true)));
    }
    for (const { c, i } of failed) {
      lines.push(el('p', { class: 'compare-failure' }, el('bdi', { lang, text: doc.modes[i].name }), ': not priced. ',
        el('span', { lang, text: firstSentence(c.message) }), el('span', { class: 'amount-exact', text: ` (${c.code})` })));
    }
    return el('li', { class: 'cost-item', 'data-id': p.id },
      el('p', { class: 'cost-item-name' }, el('span', { class: 'cost-item-number', text: `${words.title}: ` }), el('bdi', { text: words.name })),
      el('p', { class: 'cost-item-detail', text: words.detail }), ...lines);
  });
}

/** The monthly cost of each mode as bars, the cheapest marked; the list after it says the same in words. */
function monthlyBars(doc, cells, nameOf) {
  const best = doc.totals.cheapest;
  const cost = (c, i) => (c.priced ? `${amountWords(c.perMonth.final, doc.currency, finalExact(c)).text}${i === best ? ' ★' : ''}` : 'not priced');
  const bars = cells.map((c, i) => ({ label: doc.modes[i].name, value: c.priced ? c.perMonth.final : null, text: cost(c, i), cls: i === best ? 'bar-cheapest' : '' }));
  const words = el('ul', { id: 'modes-words', class: 'chart-words' }, ...cells.map((c, i) => el('li', {}, nameOf(i), ': ',
    c.priced ? `${amountWords(c.perMonth.final, doc.currency, finalExact(c)).text} a month${i === best ? ' (cheapest, ★)' : ''}` : 'not priced')));
  return el('figure', { class: 'chart' }, el('figcaption', { text: `Cost a month at ${doc.hoursPerMonth} hours of use` }),
    barChart(bars, { id: 'modes', title: 'Bar chart of the monthly cost of each billing mode', describedBy: 'modes-words' }), words);
}

/** A decimal string as a number, for a drawing position only (never for an amount shown). */
const position = (text) => Number(text);

/** A line's key in the chart's words: the line as drawn, in its mode's colour and dashes. */
const swatch = (cls, vertical = false) => svg('svg', { class: 'swatch', viewBox: '0 0 24 10', 'aria-hidden': 'true', focusable: 'false' },
  svg('line', vertical ? { x1: '12', y1: '0', x2: '12', y2: '10', class: cls } : { x1: '0', y1: '5', x2: '24', y2: '5', class: cls }));

/**
 * The cost of each mode against the hours used a month: pay-per-use rises with the hours, a subscription costs
 * the same whatever the use, and each break-even point on the chart (where they cross) is marked and named; the
 * list after it says the same in words.
 */
function hoursChart(doc, cells, lang) {
  const { modes } = doc;
  const asked = position(doc.hoursPerMonth);
  const widest = asked > 730 ? doc.hoursPerMonth : '730';
  const xMax = position(widest);
  const perHour = position(cells[0].perMonth.final) / asked;
  const subs = cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced);
  const yMax = Math.max(perHour * xMax, ...subs.map(({ c }) => position(c.perMonth.final))) * 1.08 || 1;
  const [left, top, width, height] = [64, 12, 280, 170];
  const x = (h) => (left + (h / xMax) * width).toFixed(1);
  const y = (v) => (top + height - (v / yMax) * height).toFixed(1);
  const parts = [
    svg('title', { id: 'hours-title', text: 'Line chart of the cost a month of each billing mode against the hours of use a month, with the break-even points marked' }),
    svg('line', { x1: String(left), y1: y(0), x2: String(left + width), y2: y(0), class: 'axis' }),
    svg('line', { x1: String(left), y1: String(top), x2: String(left), y2: y(0), class: 'axis' }),
  ];
  for (const [h, label] of [[0, '0'], [200, '200'], [400, '400'], [600, '600'], [xMax, widest]]) {
    parts.push(svg('text', { x: x(h), y: String(top + height + 16), class: 'tick', 'text-anchor': 'middle', text: label }));
  }
  parts.push(svg('text', { x: String(left + width / 2), y: String(top + height + 32), class: 'tick', 'text-anchor': 'middle', text: 'hours of use a month' }));
  parts.push(svg('text', { x: String(left - 6), y: y(0), class: 'tick', 'text-anchor': 'end', text: amountWords('0', doc.currency).text }));
  parts.push(svg('text', { x: String(left - 6), y: String(top + 10), class: 'tick', 'text-anchor': 'end', text: 'cost' }));
  parts.push(svg('line', { x1: x(asked), y1: String(top), x2: x(asked), y2: y(0), class: 'usage-line' }));
  parts.push(svg('line', { x1: x(0), y1: y(0), x2: x(xMax), y2: y(perHour * xMax), class: 'mode-line mode-0' }));
  const marked = new Set();
  subs.forEach(({ c, i }) => {
    const v = position(c.perMonth.final);
    parts.push(svg('line', { x1: x(0), y1: y(v), x2: x(xMax), y2: y(v), class: `mode-line mode-${i % 8}` }));
    const h = c.breakEven ? position(c.breakEven.hoursPerMonth) : Infinity;
    if (h <= xMax) {
      marked.add(i);
      const r = roundTo(c.breakEven.hoursPerMonth, 0);
      parts.push(svg('circle', { cx: x(h), cy: y(v), r: '4', class: `break-even mode-${i % 8}` }));
      parts.push(svg('text', { x: x(h), y: (Number(y(v)) - 8).toFixed(1), class: 'tick', 'text-anchor': 'middle', text: `${modes[i].name}: ${r.rounded || !c.breakEven.exact ? '≈' : ''}${r.value} h` }));
    }
  });
  const graph = svg('svg', { class: 'hours-chart', viewBox: '0 0 360 222', role: 'img', 'aria-labelledby': 'hours-title', 'aria-describedby': 'hours-words' }, ...parts);
  const costOf = (c) => amountWords(c.perMonth.final, doc.currency, finalExact(c)).text;
  const words = el('ul', { id: 'hours-words', class: 'chart-words' },
    el('li', {}, swatch('mode-line mode-0'), el('bdi', { lang, text: modes[0].name }), `: rises with the hours used, ${costOf(cells[0])} at ${doc.hoursPerMonth} hours a month.`),
    ...subs.map(({ c, i }) => el('li', {}, swatch(`mode-line mode-${i % 8}`), el('bdi', { lang, text: modes[i].name }),
      `: ${costOf(c)} a month however much it is used; `
      + (c.breakEven ? `cheaper than pay-per-use above ${hoursText(c.breakEven)} a month${marked.has(i) ? ' (marked)' : ', past the chart'}.` : 'no break-even.'))),
    el('li', {}, swatch('usage-line', true), `The dashed vertical line: the ${doc.hoursPerMonth} hours of use a month asked for.`));
  return el('figure', { class: 'chart' }, el('figcaption', { text: `Cost a month against hours of use (${doc.currency})` }), graph, words);
}

/** Downloads the comparison as CSV or JSON, named after the estimate and the day it was compared. */
export function exportComparison(kind) {
  const { value, at } = compared;
  if (!value) return;
  const name = exportName(`${$('save-name').value.trim() || 'estimate'} compared`, at, kind);
  if (kind === 'csv') download(name, 'text/csv;charset=utf-8', value.toCsv());
  else download(name, 'application/json', JSON.stringify(value.toJSON(), null, 2));
}

// Billing modes compared on the page: the items composed (pay-per-use or yearly/monthly) priced pay-per-use, for a
// month and for a year (and any other period the items are subscribed for) with the package's
// compareBillingModes, then shown as a verdict in words, the monthly cost of each mode and the cost against the
// hours used a month with the break-even points marked (inline SVG, each with its text equivalent), every
// product's table folded, exports and a share link. Amounts stay the package's exact decimal strings: only
// money.mjs rounds them for reading, and the charts turn them into numbers for drawing positions alone.
import { PriceClient, isInquiryValidationError } from '/pkg/hwc_price.js';
import { COMPARABLE, toComparison, encodeState, locateCompared, plural } from './estimate.mjs';
import { el, svg } from './dom.mjs';
import { compare, headline, perMille, roundTo } from './money.mjs';
import { describeItem } from './names.mjs';
import { shelf } from './catalogue.mjs';
import { exportName, download } from './keep.mjs';

const $ = (id) => document.getElementById(id);

/** The comparison shown: its value, the state and hours it was made from, and when; `running` while comparing. */
export const compared = { value: null, doc: null, key: null, state: null, at: null, running: null, shown: false, refusedHours: null };

/** What a comparison depends on: the estimate and the hours of use a month. */
const keyOf = (state, hours) => `${encodeState(state)}|${String(hours).trim()}`;

/** The section's state; the status line is read out but not shown where the verdict or a note says the same. */
const setState = (s) => {
  $('comparison').dataset.state = s;
  $('compare-status').classList.toggle('visually-hidden', s === 'compared' || s === 'stale');
};
const status = (text) => { $('compare-status').textContent = text; };

/** The hours of use a month asked for (as typed; the package checks it). */
export const hoursAsked = () => $('hours').value.trim();

/** Shows or hides what only products can do, and marks the comparison out of date when `state` moved on. */
export function checkCompared(state) {
  const comparable = COMPARABLE.has(state.mode);
  $('compare').hidden = !comparable;
  $('compare-again').disabled = !comparable;
  $('compare-renewal').hidden = comparable;
  // The package's word on the hours stays beside them until they change (the page clears field errors on every change).
  const refused = compared.refusedHours;
  if (refused && refused.hours === hoursAsked()) {
    $('hours').setAttribute('aria-invalid', 'true');
    $('hours-error').textContent = refused.message;
  } else {
    compared.refusedHours = null;
  }
  if (!compared.value || compared.running) return;
  const stale = keyOf(state, hoursAsked()) !== compared.key;
  const was = !$('compare-stale').hidden;
  $('compare-stale').hidden = !stale;
  $('comparison').classList.toggle('is-stale', stale);
  for (const id of ['compare-csv', 'compare-json']) $(id).disabled = stale;
  if (stale !== was) {
    setState(stale ? 'stale' : 'compared');
    status(stale ? 'The comparison is out of date: the estimate or the hours changed after it was made.' : 'The comparison matches the estimate again.');
  }
}

function clear() {
  compared.value?.free();
  Object.assign(compared, { value: null, doc: null, key: null, state: null, at: null });
  for (const id of ['compare-error', 'compare-stale']) $(id).hidden = true;
  $('compare-error').replaceChildren();
  compared.refusedHours = null;
  $('comparison').classList.remove('is-stale');
  for (const id of ['compare-verdict', 'compare-charts', 'compare-table', 'compare-items']) $(id).replaceChildren();
  $('compare-full').hidden = true;
  for (const id of ['compare-csv', 'compare-json']) $(id).disabled = true;
}

/**
 * Compares the billing modes of `state` at the hours asked; `ui` has the page's hooks (`fix()` returns the
 * estimate's problems and focuses the first, `markField(index, field, text)`, `after()`). With `reveal`, the
 * comparison is scrolled into view and focused once the estimate is found valid.
 */
export async function compareNow(state, ui, { reveal = false } = {}) {
  if (compared.running || !COMPARABLE.has(state.mode)) return;
  const problems = ui.fix();
  if (problems.length) {
    status(`Fix ${plural(problems.length, 'problem')} in the estimate first.`);
    setState('invalid');
    return;
  }
  clear();
  if (reveal) {
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
    const sentence = show(value, snapshot, hours);
    setState('compared');
    status(sentence);
  } catch (error) {
    failed(error, snapshot, ui);
  } finally {
    client?.free();
    compared.running = null;
    $('compare-cancel').hidden = true;
    bar.hidden = true;
    $('compare').disabled = false;
    $('compare-again').disabled = false;
    ui.after();
  }
}

/** Stops the comparison under way, if any. */
export const cancelCompare = () => compared.running?.abort();

function failed(error, state, ui) {
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
        compared.refusedHours = { hours: hoursAsked(), message: v.message };
      } else if (at?.item !== undefined) {
        ui.markField(at.item, at.field, v.message);
      }
      items.push(el('li', { text: at?.field === 'hoursPerMonth' ? `Hours of use a month: ${v.message}` : `${v.path}: ${v.message}` }));
    }
  } else {
    items.push(el('li', { text: String(error.message ?? error).split('\n')[0] }));
  }
  const facts = [['Code', error.code], ['HTTP status', error.status], ['Request id', error.requestId], ['Message', error.message]]
    .filter(([, v]) => v !== null && v !== undefined && v !== '');
  $('compare-error').replaceChildren(
    el('h3', { class: 'error-title', text: 'The billing modes could not be compared' }),
    el('ul', { class: 'error-list' }, ...items),
    el('details', { class: 'error-details' }, el('summary', { text: 'Details' }),
      el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]))));
  $('compare-error').hidden = false;
  $('compare-error').focus();
}

/** An amount for reading, "≈" when the package rounded it or rounding to cents changed it. */
function money(text, exact, currency) {
  if (text === null || text === undefined) return { text: '–', exact: '' };
  const h = headline(text, currency);
  const approx = !exact && !h.rounded;
  const precise = exact ? `exactly ${h.exact}` : `${h.exact} to 12 digits`;
  return { text: approx ? `≈ ${h.text}` : h.text, exact: h.rounded || approx ? precise : '' };
}

/** The most hours of use a month can have: 31 days of 24 hours. */
const MONTH_HOURS = 744;

/**
 * When a subscription pays off, in words: above its break-even hours, or only past the hours asked for, or never
 * (past any month's hours).
 */
function paysOffWords(breakEven, asked, brief = false) {
  const at = hoursText(breakEven);
  const never = compare(breakEven.hoursPerMonth, String(MONTH_HOURS)) > 0;
  if (brief) return `: pays off above ${at} a month${breakEven.withinMonth ? '' : never ? ', more than a month has' : `, not at ${asked}`}`;
  if (breakEven.withinMonth) return ` pays off above ${at} of use a month.`;
  if (never) return ` never pays off: it would take ${at} of use a month, more than a month has.`;
  return ` pays off only above ${at} of use a month, more than the ${asked} hours asked for.`;
}

/** Break-even hours for reading: two decimals, "≈" when rounded. */
function hoursText(breakEven) {
  const r = roundTo(breakEven.hoursPerMonth, 2);
  return `${r.rounded || !breakEven.exact ? '≈' : ''}${r.value.replace(/\.00$/, '')} hours`;
}

function amountNode(text, exact, currency, cls) {
  const m = money(text, exact, currency);
  return el('span', { class: `amount ${cls}`, 'data-value': text ?? '' }, el('span', { class: 'amount-rounded', text: m.text }),
    m.exact ? el('span', { class: 'amount-exact', text: ` ${m.exact}` }) : null);
}

/** Shows `value` compared from `state` at `hours` hours a month; returns the sentence to announce. */
function show(value, state, hours) {
  const doc = value.toJSON();
  const { currency, modes, totals } = doc;
  const cells = totals.cells;
  const best = totals.cheapest;
  const lang = state.language === 'zh_CN' ? 'zh-CN' : 'en';
  const nameOf = (i) => el('bdi', { lang, text: modes[i].name });
  const ppu = cells[0];
  let sentence;
  const verdict = el('div', { class: 'glance compare-glance' });
  if (best === null || best === undefined) {
    sentence = 'No billing mode could price every item; see the table for what failed.';
    verdict.append(el('p', { class: 'glance-label', text: sentence }));
  } else {
    const cheapest = cells[best];
    const perMonth = money(cheapest.perMonth.final, cheapest.perMonth.exact, currency);
    verdict.append(
      el('p', { class: 'glance-label', text: `Cheapest at ${hours} hours of use a month` }),
      el('p', { class: 'glance-total' }, nameOf(best), ': ', amountNode(cheapest.perMonth.final, cheapest.perMonth.exact, currency, 'glance-pay'), ' a month'));
    sentence = `Cheapest at ${hours} hours of use a month: ${modes[best].name}, ${perMonth.text.replace('≈ ', 'about ')} a month.`;
    if (cheapest.saving) {
      const saving = money(cheapest.saving.perMonth, cheapest.saving.exact, currency);
      verdict.append(el('p', { class: 'glance-month', text: `${saving.text} a month less than pay-per-use (${cheapest.saving.percent}% less).` }));
      sentence += ` It saves ${saving.text.replace('≈ ', 'about ')} a month against pay-per-use.`;
    }
  }
  const paysOff = cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced && c.breakEven);
  if (paysOff.length) {
    verdict.append(el('ul', { class: 'break-evens' }, ...paysOff.map(({ c, i }) => el('li', {}, nameOf(i),
      paysOffWords(c.breakEven, doc.hoursPerMonth)))));
  }
  if (totals.leftOut.length) {
    verdict.append(el('p', { class: 'partial-note', text: `The totals leave out ${plural(totals.leftOut.length, 'item')} that a mode could not price: ${totals.leftOut.join(', ')}. The table says why.` }));
  }
  $('compare-verdict').replaceChildren(verdict);
  $('compare-charts').replaceChildren(monthlyBars(doc, nameOf), ppu.priced ? hoursChart(doc) : '');
  $('compare-items').replaceChildren(...itemCards(doc, state));
  // The package escapes every server-provided string and isolates it in <bdi>; the markup is its own.
  $('compare-table').innerHTML = value.toHtml();
  $('compare-table').lang = lang;
  $('compare-full').hidden = false;
  Object.assign(compared, { value, doc, key: keyOf(state, hours), state: structuredClone(state), at: new Date() });
  for (const id of ['compare-csv', 'compare-json']) $(id).disabled = false;
  return sentence;
}

/** Each item's cheapest mode and break-even, in words, named as the estimate names it. */
function itemCards(doc, state) {
  const byId = new Map(state.items.map((item, i) => [String(item.id), i]));
  const lang = state.language === 'zh_CN' ? 'zh-CN' : 'en';
  const cards = doc.products.map((p) => {
    const index = byId.get(String(p.id)) ?? -1;
    const words = describeItem(state.mode, state.items[index] ?? { id: p.id }, index, shelf.cat);
    const failed = p.cells.map((c, i) => ({ c, i })).filter(({ c }) => !c.priced);
    const lines = [];
    if (p.cheapest !== null && p.cheapest !== undefined) {
      const c = p.cells[p.cheapest];
      lines.push(el('p', {}, 'Cheapest: ', el('bdi', { lang, text: doc.modes[p.cheapest].name }), ', ',
        amountNode(c.perMonth.final, c.perMonth.exact, doc.currency, 'cost-final'), ' a month'));
    }
    for (const { c, i } of p.cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced && c.breakEven)) {
      lines.push(el('p', { class: 'cost-item-detail' }, el('bdi', { lang, text: doc.modes[i].name }),
        paysOffWords(c.breakEven, doc.hoursPerMonth, true)));
    }
    for (const { c, i } of failed) {
      lines.push(el('p', { class: 'compare-failure' }, el('bdi', { lang, text: doc.modes[i].name }), `: not priced (${c.code}).`));
    }
    if (failed.length) lines.push(el('p', { class: 'cost-item-detail', lang, text: String(failed[0].c.message).replace(/\s*\(.*$/s, '') }));
    return el('li', { class: 'cost-item', 'data-id': p.id },
      el('p', { class: 'cost-item-name' }, el('span', { class: 'cost-item-number', text: `${words.title}: ` }), el('bdi', { text: words.name })),
      el('p', { class: 'cost-item-detail', text: words.detail }), ...lines);
  });
  return cards;
}

/** The monthly cost of each mode as bars, the cheapest marked; the list after it says the same in words. */
function monthlyBars(doc, nameOf) {
  const { currency, modes, totals } = doc;
  const rows = totals.cells.map((c, i) => ({ i, name: modes[i].name, c }));
  const max = rows.reduce((m, r) => (r.c.priced && compare(r.c.perMonth.final, m) > 0 ? r.c.perMonth.final : m), '0');
  const row = 28;
  const graph = svg('svg', { class: 'bars', viewBox: `0 0 360 ${rows.length * row}`, role: 'img', 'aria-labelledby': 'modes-title', 'aria-describedby': 'modes-words' },
    svg('title', { id: 'modes-title', text: 'Bar chart of the monthly cost of each billing mode' }),
    ...rows.map(({ i, name, c }) => {
      const y = i * row;
      if (!c.priced) {
        return svg('g', { class: 'bar' }, svg('text', { x: '0', y: String(y + 18), class: 'bar-label', text: name }),
          svg('text', { x: '100', y: String(y + 18), class: 'bar-value', text: 'not priced' }));
      }
      const length = Math.max(1, Math.round((perMille(c.perMonth.final, max) * 160) / 1000));
      return svg('g', { class: `bar${i === totals.cheapest ? ' bar-cheapest' : ''}` },
        svg('text', { x: '0', y: String(y + 18), class: 'bar-label', text: name }),
        svg('rect', { x: '100', y: String(y + 5), width: String(length), height: '18', rx: '2', class: 'bar-fill' }),
        svg('text', { x: String(100 + length + 6), y: String(y + 18), class: 'bar-value', text: `${money(c.perMonth.final, c.perMonth.exact, currency).text}${i === totals.cheapest ? ' ★' : ''}` }));
    }));
  const words = el('ul', { id: 'modes-words', class: 'chart-words' }, ...rows.map(({ i, c }) => el('li', {}, nameOf(i), ': ',
    c.priced ? `${money(c.perMonth.final, c.perMonth.exact, currency).text} a month${i === totals.cheapest ? ' (cheapest, ★)' : ''}` : 'not priced')));
  return el('figure', { class: 'chart' }, el('figcaption', { text: `Cost a month at ${doc.hoursPerMonth} hours of use` }), graph, words);
}

/** A decimal string as a number, for a drawing position only (never for an amount shown). */
const position = (text) => Number(text);

/**
 * The cost of each mode against the hours used a month: pay-per-use rises with the hours, a subscription costs
 * the same whatever the use, and each break-even point (where they cross) is marked; the list after it says the
 * same in words.
 */
function hoursChart(doc) {
  const { currency, modes, totals } = doc;
  const ppuMonth = position(totals.cells[0].perMonth.final);
  const asked = position(doc.hoursPerMonth);
  const xMax = Math.max(730, asked);
  const perHour = ppuMonth / asked;
  const subs = totals.cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.priced);
  const yMax = Math.max(perHour * xMax, ...subs.map(({ c }) => position(c.perMonth.final))) * 1.08 || 1;
  const [left, top, width, height] = [64, 12, 280, 170];
  const x = (h) => (left + (h / xMax) * width).toFixed(1);
  const y = (v) => (top + height - (v / yMax) * height).toFixed(1);
  const parts = [
    svg('title', { id: 'hours-title', text: 'Line chart of the cost a month of each billing mode against the hours of use a month, with the break-even points marked' }),
    svg('line', { x1: String(left), y1: y(0), x2: String(left + width), y2: y(0), class: 'axis' }),
    svg('line', { x1: String(left), y1: String(top), x2: String(left), y2: y(0), class: 'axis' }),
  ];
  for (const h of [0, 200, 400, 600, xMax]) {
    parts.push(svg('text', { x: x(h), y: String(top + height + 16), class: 'tick', 'text-anchor': 'middle', text: String(h) }));
  }
  parts.push(svg('text', { x: String(left + width / 2), y: String(top + height + 32), class: 'tick', 'text-anchor': 'middle', text: 'hours of use a month' }));
  parts.push(svg('text', { x: String(left - 6), y: y(0), class: 'tick', 'text-anchor': 'end', text: headline('0', currency).text }));
  parts.push(svg('text', { x: String(left - 6), y: String(top + 10), class: 'tick', 'text-anchor': 'end', text: 'cost' }));
  parts.push(svg('line', { x1: x(asked), y1: String(top), x2: x(asked), y2: y(0), class: 'usage-line' }));
  parts.push(svg('line', { x1: x(0), y1: y(0), x2: x(xMax), y2: y(perHour * xMax), class: 'mode-line mode-0' }));
  subs.forEach(({ c, i }) => {
    const v = position(c.perMonth.final);
    parts.push(svg('line', { x1: x(0), y1: y(v), x2: x(xMax), y2: y(v), class: `mode-line mode-${i % 8}` }));
    const h = c.breakEven ? position(c.breakEven.hoursPerMonth) : Infinity;
    if (h <= xMax) {
      parts.push(svg('circle', { cx: x(h), cy: y(v), r: '4', class: `break-even mode-${i % 8}` }));
      parts.push(svg('text', { x: x(h), y: (Number(y(v)) - 8).toFixed(1), class: 'tick', 'text-anchor': 'middle', text: `${roundTo(c.breakEven.hoursPerMonth, 0).value} h` }));
    }
  });
  const graph = svg('svg', { class: 'hours-chart', viewBox: '0 0 360 222', role: 'img', 'aria-labelledby': 'hours-title', 'aria-describedby': 'hours-words' }, ...parts);
  const swatch = (i) => svg('svg', { class: 'swatch', viewBox: '0 0 24 10', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: '0', y1: '5', x2: '24', y2: '5', class: `mode-line mode-${i % 8}` }));
  const words = el('ul', { id: 'hours-words', class: 'chart-words' },
    el('li', {}, swatch(0), el('bdi', { text: modes[0].name }), `: rises with the hours used, ${money(totals.cells[0].perMonth.final, totals.cells[0].perMonth.exact, currency).text} at ${doc.hoursPerMonth} hours a month.`),
    ...subs.map(({ c, i }) => el('li', {}, swatch(i), el('bdi', { text: modes[i].name }),
      `: ${money(c.perMonth.final, c.perMonth.exact, currency).text} a month however much it is used; `
      + (c.breakEven ? `cheaper than pay-per-use above ${hoursText(c.breakEven)} a month${position(c.breakEven.hoursPerMonth) <= xMax ? ' (marked)' : ', past the chart'}.` : 'no break-even.'))),
    el('li', {}, svg('svg', { class: 'swatch', viewBox: '0 0 24 10', 'aria-hidden': 'true', focusable: 'false' }, svg('line', { x1: '12', y1: '0', x2: '12', y2: '10', class: 'usage-line' })),
      `The upright dashed line: the ${doc.hoursPerMonth} hours of use a month asked for.`));
  return el('figure', { class: 'chart' }, el('figcaption', { text: `Cost a month against hours of use (${currency})` }), graph, words);
}

/** Downloads the comparison as CSV or JSON, named after the estimate and the day it was compared. */
export function exportComparison(kind) {
  const { value, at } = compared;
  if (!value) return;
  const name = exportName(`${$('save-name').value.trim() || 'estimate'} compared`, at, kind);
  if (kind === 'csv') download(name, 'text/csv;charset=utf-8', value.toCsv());
  else download(name, 'application/json', JSON.stringify(value.toJSON(), null, 2));
}

// The result at a glance: what the estimate costs (rounded to cents, "≈" where rounded, the exact amount
// beside it), per month where the usage is measured in time, list price and discount, and every item named in
// words and sorted by cost, with a bar chart (inline SVG) whose text equivalent is the list that follows it.
// Amounts stay the package's exact decimal strings; only money.mjs rounds and compares them.
import { el } from './dom.mjs';
import { compare, headline, sum } from './money.mjs';
import { amount, barChart } from './view.mjs';
import { describeItem } from './names.mjs';
import { shelf } from './catalogue.mjs';
import { plural } from './estimate.mjs';

const BARS = 8;
const FIRST_CARDS = 10;

/** The cost of a line as the reader pays it: the final price, or the list price where the answer has no other. */
const costOf = (line) => line.final ?? line.list ?? '0';

/**
 * The summary's nodes for `breakdown` (the package's breakdown with projections) priced from `state`, and the
 * one sentence to announce. `indexOf(line)` gives the form's index of a line.
 */
export function summarize(breakdown, state, indexOf) {
  const { currency, totals } = breakdown;
  const lines = breakdown.lines.map((line) => ({ line, index: indexOf(line) }))
    .sort((a, b) => compare(costOf(b.line), costOf(a.line)) || a.index - b.index);
  const pay = totals.final ?? totals.list;
  const payH = headline(pay, currency);
  const nodes = [];
  const figures = [];
  const perMonth = monthly(breakdown);
  const glance = el('div', { class: 'glance' },
    el('p', { class: 'glance-label', text: `${breakdown.listPriceOnly ? 'List price (no discounted price was given)' : 'You pay'} ${forWhat(breakdown, state)}` }),
    el('p', { class: 'glance-total' }, amount(pay, currency, 'glance-pay')));
  if (perMonth) {
    glance.append(el('p', { class: 'glance-month' }, amount(perMonth.amount, currency, 'glance-per-month'),
      el('span', { text: ` a month, assuming ${perMonth.hours} hours of use a month` })));
  }
  if (totals.list !== null && totals.list !== undefined && totals.final !== null && totals.final !== undefined) {
    figures.push(['List price', amount(totals.list, currency, 'glance-list')]);
    const pct = breakdown.discountPercent ? ` (${breakdown.discountPercent}%)` : '';
    figures.push(['Discount', el('span', {}, amount(totals.discount ?? '0', currency, 'glance-discount'), pct)]);
  }
  if (figures.length) glance.append(el('dl', { class: 'glance-figures' }, ...figures.map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', {}, v)))));
  nodes.push(glance);

  if (lines.length) {
    const named = lines.map(({ line, index }) => ({ line, index, words: describeItem(state.mode, state.items[index] ?? { id: line.id, resource_id: line.id }, index, shelf.cat) }));
    nodes.push(el('h3', { id: 'per-item-heading', text: 'Cost per item, highest first' }));
    nodes.push(chart(named, currency));
    const cards = named.map(card(currency));
    const list = el('ol', { class: 'cost-items', 'aria-labelledby': 'per-item-heading' }, ...cards.slice(0, FIRST_CARDS));
    nodes.push(list);
    if (cards.length > FIRST_CARDS) {
      nodes.push(el('details', { class: 'more-items' }, el('summary', { text: `The other ${plural(cards.length - FIRST_CARDS, 'item')}` }),
        el('ol', { class: 'cost-items', start: String(FIRST_CARDS + 1) }, ...cards.slice(FIRST_CARDS))));
    }
  }
  const sentence = `${breakdown.listPriceOnly ? 'List price' : 'You pay'} ${payH.text.replace('≈ ', 'about ')}${payH.rounded ? ` (exactly ${payH.exact})` : ''}`
    + ` ${forWhat(breakdown, state)}, for ${plural(lines.length, state.mode === 'renewal' ? 'resource' : 'item')}.`;
  return { nodes, sentence };
}

/** What the total covers, in words. */
function forWhat(breakdown, state) {
  if (state.mode === 'on-demand') return 'for the usage entered';
  const periods = new Set(breakdown.lines.map((l) => l.asked?.period ?? l.covers).filter(Boolean));
  const each = periods.size === 1 ? [...periods][0] : 'the periods chosen';
  return state.mode === 'renewal' ? `to renew for ${each}` : `for ${each}`;
}

/** Per month, when every line's usage is measured in time (the package's projection). */
function monthly(breakdown) {
  const p = breakdown.projections;
  if (!p?.total?.perMonth || breakdown.lines.some((l) => !l.projection)) return null;
  return { amount: p.total.perMonth, hours: p.hoursPerMonth };
}

/** One item as a card: its name in words, then each amount under its own heading. */
const card = (currency) => ({ line, index, words }) => el('li', { class: 'cost-item', 'data-index': String(index) },
  el('p', { class: 'cost-item-name' }, el('span', { class: 'cost-item-number', text: `${words.title}: ` }), el('bdi', { text: words.name })),
  el('p', { class: 'cost-item-detail', text: words.detail }),
  el('dl', { class: 'cost-item-amounts' },
    ...[['List price', line.list, 'list'], ['Discount', line.discount, 'discount'], ['You pay', line.final, 'final']]
      .filter(([, v], i) => v !== null || i === 0)
      .map(([k, v, cls]) => el('div', {}, el('dt', { text: k }), el('dd', {}, amount(v, currency, `cost-${cls}`))))));

/** A bar per item (the costliest first, the rest together), drawn to scale; the list after it says the same. */
function chart(named, currency) {
  const shown = named.slice(0, BARS).map(({ line, words }) => ({ label: words.title, cost: costOf(line) }));
  if (named.length > BARS) {
    const rest = named.slice(BARS);
    shown.push({ label: `${rest.length} more`, cost: sum(rest.map(({ line }) => costOf(line))) });
  }
  const bars = shown.map((b) => ({ label: b.label, value: b.cost, text: headline(b.cost, currency).text }));
  return el('figure', { class: 'chart' }, barChart(bars, { id: 'bars', title: 'Bar chart of the cost of each item; the list after it gives the same amounts.' }));
}

// What the page's views share: an amount for reading, the language tag of results, a message's plain first
// sentence and the plain words for a whole failure, the error box, a bar chart drawn to scale, and marking a
// result out of date. Amounts stay the package's decimal strings; money.mjs alone rounds them.
import { el, svg } from './dom.mjs';
import { compare, headline, perMille } from './money.mjs';

/** The `lang` of results in `language` (en_US or zh_CN). */
export const langTag = (language) => (language === 'zh_CN' ? 'zh-CN' : 'en');

/**
 * An amount as words: `text` rounded to cents and marked "≈" when that changed it or when the package says it is
 * not exact (rounded to 12 significant digits), and `precise`, every digit given, when they differ.
 */
export function amountWords(text, currency, exact = true) {
  const h = headline(text, currency);
  const approx = !exact && !h.rounded;
  const precise = exact ? `exactly ${h.exact}` : `${h.exact} to 12 digits`;
  return { text: approx ? `≈ ${h.text}` : h.text, precise: h.rounded || approx ? precise : '' };
}

/** An amount for reading (see amountWords), the precise amount beside it; "not given per item" for none. */
export function amount(text, currency, cls = '', exact = true) {
  if (text === null || text === undefined) return el('span', { class: 'amount-none', text: 'not given per item' });
  const words = amountWords(text, currency, exact);
  return el('span', { class: `amount ${cls}`.trim(), 'data-value': text },
    el('span', { class: 'amount-rounded', text: words.text }),
    words.precise ? el('span', { class: 'amount-exact', text: ` ${words.precise}` }) : null);
}

/** A message's first sentence, without the service's own text in parentheses. */
export const firstSentence = (message) => String(message ?? '').replace(/\s*\(.*$/s, '').replace(/^([^.]*\.).*$/s, '$1');

const WHOLE = {
  NETWORK: 'The rating service could not be reached. Check the connection and try again.',
  TIMEOUT: 'The rating service did not answer in time. Try again in a moment.',
  NOT_SENT: 'The rest was not sent because the first answer showed it could not succeed.',
  BAD_RESPONSE: 'The rating service gave an answer that could not be read. Try again in a moment.',
};

/** A failure of a whole call in plain words: network, time, sign-in, or the message's first sentence. */
export function plainWhole(error) {
  const code = String(error.code ?? '');
  if (WHOLE[code]) return WHOLE[code];
  if (/^(HTTP\.)?40[13]$|^APIG\.(0301|0308)$/.test(code)) return 'The page\'s server could not sign in to the rating service.';
  return firstSentence(error.message);
}

/** Fills the error box `box`: a title, the plain words `items` (list items), and the error's facts under "Details". */
export function errorBox(box, title, items, error) {
  const facts = [['Code', error.code], ['HTTP status', error.status], ['Request id', error.requestId], ['Attempts', error.attempts], ['Message', error.message]]
    .filter(([, v]) => v !== null && v !== undefined && v !== '');
  box.replaceChildren(
    el('h3', { class: 'error-title', text: title }),
    el('ul', { class: 'error-list' }, ...items),
    el('details', { class: 'error-details' }, el('summary', { text: 'Details' }),
      el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]))));
  box.hidden = false;
}

/**
 * A horizontal bar per entry of `bars` (`{ label, value, text, cls? }`, `value` a decimal string or null for no
 * bar), drawn to scale against the largest; `title` names the chart for screen readers, `describedBy` the id of
 * the words that say the same.
 */
export function barChart(bars, { id, title, describedBy }) {
  const max = bars.reduce((m, b) => (b.value !== null && compare(b.value, m) > 0 ? b.value : m), '0');
  const row = 28;
  return svg('svg', { class: 'bars', viewBox: `0 0 360 ${bars.length * row}`, role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': describedBy },
    svg('title', { id: `${id}-title`, text: title }),
    ...bars.map((b, i) => {
      const y = i * row;
      const length = b.value === null ? 0 : Math.max(1, Math.round((perMille(b.value, max) * 160) / 1000));
      return svg('g', { class: `bar${b.cls ? ` ${b.cls}` : ''}` },
        svg('text', { x: '0', y: String(y + 18), class: 'bar-label', text: b.label }),
        length ? svg('rect', { x: '100', y: String(y + 5), width: String(length), height: '18', rx: '2', class: 'bar-fill' }) : null,
        svg('text', { x: String(100 + length + 6), y: String(y + 18), class: 'bar-value', text: b.text }));
    }));
}

/**
 * Marks a result out of date or current: `section` struck through, its `note` shown, its `exports` off while out
 * of date. Returns whether that changed anything, so the caller announces it once.
 */
export function markStale({ section, note, exports }, stale) {
  const $ = (id) => document.getElementById(id);
  const was = !$(note).hidden;
  $(note).hidden = !stale;
  $(section).classList.toggle('is-stale', stale);
  for (const id of exports) $(id).disabled = stale;
  return stale !== was;
}

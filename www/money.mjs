// Exact amounts for the page: the package gives every amount as a decimal string, and these helpers round,
// compare and format such strings with BigInt arithmetic only, never through a JavaScript number.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `text` as a scaled integer: { units, scale } with value units / 10^scale; null when it is no decimal. */
function scaled(text) {
  const m = DECIMAL.exec(String(text ?? '').trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

/** `units` / 10^scale as a decimal string with exactly `scale` decimals. */
function toText(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = scale ? `.${digits.slice(-scale)}` : '';
  return `${negative && /[1-9]/.test(digits) ? '-' : ''}${whole}${frac}`;
}

/**
 * `text` rounded to `places` decimals, half away from zero (as an invoice rounds): `{ value, rounded }`,
 * `rounded` telling whether the value changed. Null for anything that is not a decimal string.
 */
export function roundTo(text, places = 2) {
  const d = scaled(text);
  if (!d) return null;
  if (d.scale <= places) return { value: toText(d.units * 10n ** BigInt(places - d.scale), places), rounded: false };
  const div = 10n ** BigInt(d.scale - places);
  const magnitude = d.units < 0n ? -d.units : d.units;
  let q = magnitude / div;
  const r = magnitude % div;
  if (r * 2n >= div) q += 1n;
  return { value: toText(d.units < 0n ? -q : q, places), rounded: r !== 0n };
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` (decimal strings; anything else counts as zero). */
export function compare(a, b) {
  const x = scaled(a) ?? { units: 0n, scale: 0 };
  const y = scaled(b) ?? { units: 0n, scale: 0 };
  const scale = Math.max(x.scale, y.scale);
  const l = x.units * 10n ** BigInt(scale - x.scale);
  const r = y.units * 10n ** BigInt(scale - y.scale);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** `part` / `whole` in thousandths, 0–1000, rounded down (for drawing bars; 0 when `whole` is not above 0). */
export function perMille(part, whole) {
  const x = scaled(part);
  const y = scaled(whole);
  if (!x || !y || y.units <= 0n || x.units <= 0n) return 0;
  const scale = Math.max(x.scale, y.scale);
  const l = x.units * 10n ** BigInt(scale - x.scale);
  const r = y.units * 10n ** BigInt(scale - y.scale);
  const v = (l * 1000n) / r;
  return Number(v > 1000n ? 1000n : v);
}

const SYMBOLS = { USD: '$', CNY: '¥', EUR: '€' };

/** An amount as a reader sees it: the currency's sign, thousands grouped, every decimal kept. */
export function formatAmount(text, currency) {
  const d = DECIMAL.exec(String(text ?? '').trim());
  if (!d) return String(text ?? '');
  const grouped = d[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = `${d[1]}${grouped}${d[3] ? `.${d[3]}` : ''}`;
  const sign = SYMBOLS[currency];
  return sign ? (d[1] ? `-${sign}${number.slice(1)}` : `${sign}${number}`) : `${number} ${currency ?? ''}`.trim();
}

/**
 * An amount for a headline: `{ text, exact, rounded }`, `text` rounded to cents and marked "≈" when that
 * changed it, `exact` every decimal the package gave.
 */
export function headline(text, currency) {
  const r = roundTo(text, 2);
  const exact = formatAmount(text, currency);
  if (!r) return { text: exact, exact, rounded: false };
  const shown = formatAmount(r.value, currency);
  return { text: r.rounded ? `≈ ${shown}` : shown, exact, rounded: r.rounded };
}

/** The exact sum of decimal strings (anything else counts as zero). */
export function sum(values) {
  let scale = 0;
  const parts = values.map((v) => scaled(v) ?? { units: 0n, scale: 0 });
  for (const p of parts) scale = Math.max(scale, p.scale);
  let total = 0n;
  for (const p of parts) total += p.units * 10n ** BigInt(scale - p.scale);
  return toText(total, scale);
}

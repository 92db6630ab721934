// Exact decimal arithmetic for the sandbox's sample prices: values are [BigInt digits, scale], never floats.

/** Parses "12.340" into [12340n, 3]; exponent forms such as "1e-10" (how JS prints small numbers) too. */
export function dec(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(String(text).trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const digits = BigInt(m[2] + frac);
  const exponent = Number(m[4] ?? 0);
  const scale = frac.length - exponent;
  const value = scale >= 0 ? [digits, scale] : [digits * 10n ** BigInt(-scale), 0];
  return [m[1] ? -value[0] : value[0], value[1]];
}

const rescale = ([d, s], scale) => (scale >= s ? d * 10n ** BigInt(scale - s) : d / 10n ** BigInt(s - scale));

export const add = (a, b) => {
  const s = Math.max(a[1], b[1]);
  return [rescale(a, s) + rescale(b, s), s];
};
export const sub = (a, b) => add(a, [-b[0], b[1]]);
export const mul = (a, b) => [a[0] * b[0], a[1] + b[1]];
export const cmp = (a, b) => {
  const s = Math.max(a[1], b[1]);
  const x = rescale(a, s);
  const y = rescale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
};
export const sum = (list) => list.reduce(add, [0n, 0]);

/** Rounds half away from zero to `places` decimals. */
export function round([d, s], places) {
  if (s <= places) return [d, s];
  const factor = 10n ** BigInt(s - places);
  const half = factor / 2n;
  const q = d >= 0n ? (d + half) / factor : (d - half) / factor;
  return [q, places];
}

/** Plain text without trailing fractional zeros ("12.5", "0", "0.000001"). */
export function text([d, s]) {
  const negative = d < 0n;
  let digits = (negative ? -d : d).toString().padStart(s + 1, '0');
  let out = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  if (s > 0) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return (negative && out !== '0' ? '-' : '') + out;
}

// The sandbox's own check of AK/SK signatures (shared/spec/SIGNING.md) on node:crypto. It shares no code with
// the package's Rust signer, so the package's tests use it as an independent implementation too.
import { createHash, createHmac } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const encode = (bytes) =>
  [...bytes].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
const decode = (text, plus) => {
  const out = [];
  const bytes = Buffer.from(plus ? text.replaceAll('+', ' ') : text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]);
  }
  return Buffer.from(out);
};

/** The signature that `headers` (all headers sent, Authorization excluded) must carry for this request. */
export function expectedSignature({ method, url, headers, body = '', sk }) {
  const parsed = new URL(url);
  const rawPath = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] || '/';
  let uri = rawPath.split('/').map((s) => encode(decode(s, false))).join('/');
  if (!uri.endsWith('/')) uri += '/';
  const rawQuery = parsed.search.slice(1);
  const query = rawQuery.split('&').filter(Boolean)
    .map((p) => { const i = p.indexOf('='); return i < 0 ? [decode(p, true), Buffer.alloc(0)] : [decode(p.slice(0, i), true), decode(p.slice(i + 1), true)]; })
    .sort((a, b) => Buffer.compare(a[0], b[0]) || Buffer.compare(a[1], b[1]))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = Object.keys(lower).filter((n) => !n.includes('_') && n !== 'authorization').sort();
  const canonicalHeaders = names.map((n) => `${n}:${lower[n].trim()}\n`).join('');
  const payload = lower['x-sdk-content-sha256'] ?? sha256(Buffer.from(body, 'utf8'));
  const canonical = [method.toUpperCase(), uri, query, canonicalHeaders, names.join(';'), payload].join('\n');
  const toSign = `SDK-HMAC-SHA256\n${lower['x-sdk-date']}\n${sha256(canonical)}`;
  return { signedHeaders: names.join(';'), signature: createHmac('sha256', sk).update(toSign).digest('hex') };
}

// Reading what JavaScript passes to hwc-price: done here, in plain JavaScript, so that no value costs a call
// into WebAssembly and no exception thrown by a caller's getter or proxy ever unwinds through it. Every export
// catches what it runs into and reports it in its return value.

/**
 * The JSON text of `value` as `JSON.stringify` writes it, with what that text cannot carry appended after a
 * NUL character (which JSON text never holds raw) as the JSON list `[path, what, path, what, ...]`: NaN and ±Infinity
 * (written as null), undefined, functions and symbols in lists (written as null), and functions and symbols
 * as object members (left out). `undefined` members are taken as absent, as in TypeScript's optional fields.
 * When `JSON.stringify` throws (a cycle, a BigInt, a throwing getter), the result is U+0001 followed by the
 * JSON list `[message, path]`, `path` being where a cycle or a BigInt is ('' when none is found).
 */
export function jsonOf(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    let path = '';
    try {
      path = locate(value);
    } catch {
      // the value cannot even be walked: no path
    }
    return '\u0001' + JSON.stringify([thrownText(error), path]);
  }
  if (text === undefined) return 'null';
  let found = [];
  try {
    found = unsendable(value);
  } catch {
    // a getter that threw on this second reading: JSON.stringify's reading stands
  }
  if (found.some(([, what]) => what === LONE_SURROGATE)) {
    // Such strings are written as null, as NaN is, so that the text can be read and the value named by path.
    try {
      text = JSON.stringify(value, (_, v) => (typeof v === 'string' && !wellFormed(v) ? null : v));
    } catch {
      // read once already: this reading cannot fail but by a getter that changed its mind
    }
  }
  return found.length === 0 ? text : text + '\u0000' + JSON.stringify(found.flat());
}

/** UTF-8 for the text that crosses into WebAssembly. */
const encoder = new TextEncoder();

/**
 * `jsonOf`'s result as UTF-8 bytes: one native encoding and one copy into the module, where passing the
 * string would copy it character by character in JavaScript. The text holds no lone surrogate (JSON.stringify
 * escapes them), so the bytes are exactly those of the string.
 */
export function jsonBytesOf(value) {
  return encoder.encode(jsonOf(value));
}

/**
 * The UTF-8 bytes of a string (empty for anything else), for the same reason; a lone surrogate becomes U+FFFD,
 * as it does when wasm-bindgen passes a string.
 */
export function utf8Of(text) {
  return encoder.encode(typeof text === 'string' ? text : '');
}

/** Whether `text` holds no lone UTF-16 surrogate (which UTF-8, and so a request body, cannot carry). */
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (text) => text.isWellFormed()
  : (text) => !/\p{Cs}/u.test(text);

/** What `unsendable` calls a string with a lone surrogate. */
const LONE_SURROGATE = 'text with a lone UTF-16 surrogate';

/** The index of the first lone UTF-16 surrogate in `text`, or -1. */
export function loneSurrogateAt(text) {
  if (wellFormed(text)) return -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/** Wire-name path of the key stack, as `product_infos[2].usage_value`. */
function pathOf(stack) {
  let out = '';
  for (const key of stack) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

const MAX_DEPTH = 200;

/** Where `value` holds what its JSON text cannot: `[[path, what], ...]`, in document order. */
function unsendable(value) {
  const found = [];
  const stack = [];
  const walk = (v, inList, depth) => {
    switch (typeof v) {
      case 'string':
        if (!wellFormed(v)) found.push([pathOf(stack), LONE_SURROGATE]);
        return;
      case 'number':
        if (!Number.isFinite(v)) found.push([pathOf(stack), String(v)]);
        return;
      case 'undefined':
        if (inList) found.push([pathOf(stack), 'undefined']);
        return;
      case 'function':
        found.push([pathOf(stack), 'a function']);
        return;
      case 'symbol':
        found.push([pathOf(stack), 'a symbol']);
        return;
      case 'object':
        break;
      default:
        return;
    }
    if (v === null || depth > MAX_DEPTH || typeof v.toJSON === 'function') return;
    if (v instanceof Number) {
      if (!Number.isFinite(v.valueOf())) found.push([pathOf(stack), String(v.valueOf())]);
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(i);
        walk(v[i], true, depth + 1);
        stack.pop();
      }
      return;
    }
    for (const key of Object.keys(v)) {
      stack.push(key);
      walk(v[key], false, depth + 1);
      stack.pop();
    }
  };
  walk(value, false, 0);
  return found;
}

/** The path of the first cycle or BigInt in `value`, or ''. */
function locate(value) {
  const stack = [];
  const open = new Set();
  const walk = (v, depth) => {
    if (typeof v === 'bigint') return true;
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) return false;
    if (open.has(v)) return true;
    open.add(v);
    const keys = Array.isArray(v) ? v.keys() : Object.keys(v);
    for (const key of keys) {
      stack.push(key);
      if (walk(v[key], depth + 1)) return true;
      stack.pop();
    }
    open.delete(v);
    return false;
  };
  return walk(value, 0) ? pathOf(stack) : '';
}

/**
 * The body of the request `signFields` read last (a string, else ""), kept so that its hash is of the very
 * value that was checked and marked: a getter is read once, and a body that changes between reads, or throws
 * on a later one, cannot be signed as one value and hashed as another. `forgetBody` lets it go.
 */
let signedBody = '';

/**
 * The small fields of a request to sign, as one JSON list: `[method, url, body, ak, sk, name, value, name,
 * value, ...]`, each the caller's string or null when it is not one; `body` is "" when the body is absent or
 * empty and "1" when it is a non-empty string (the body itself, which may be large, is read here once and kept
 * for its hash: `hostSha256Of` or `bodyBytes`, only when the signature needs it). U+0001
 * then `object` or `headers` when the request or its headers are not an object; U+0002 then what was thrown
 * while reading; U+0003 then the field (`url`, `body`, `headers.<name>`...) whose text holds a lone UTF-16
 * surrogate, which cannot be sent as it was signed (the official SDK refuses it too).
 */
export function signFields(request) {
  signedBody = '';
  try {
    if (request === null || typeof request !== 'object') return '\u0001object';
    let broken;
    const text = (v, field) => {
      if (typeof v !== 'string') return null;
      if (broken === undefined && !wellFormed(v)) broken = field;
      return v;
    };
    const body = request.body;
    if (typeof body === 'string') {
      text(body, 'body');
      signedBody = body;
    }
    const out = [text(request.method, 'method'), text(request.url, 'url'),
      body === undefined || body === '' ? '' : typeof body === 'string' ? '1' : null, text(request.ak, 'ak'),
      text(request.sk, 'sk')];
    const headers = request.headers;
    if (headers !== undefined && headers !== null) {
      if (typeof headers !== 'object' || Array.isArray(headers)) return '\u0001headers';
      for (const name of Object.keys(headers)) {
        const field = `headers.${wellFormed(name) ? name : name.toWellFormed?.() ?? 'a header name'}`;
        out.push(text(name, field), text(headers[name], field));
      }
    }
    if (broken !== undefined) return '\u0003' + broken;
    return JSON.stringify(out);
  } catch (error) {
    return '\u0002' + thrownText(error);
  }
}

/**
 * The host's synchronous SHA-256 of a string's UTF-8 bytes, as lowercase hex, or null when the entry installed
 * none (then the module hashes with its own). The Node entries install `node:crypto`'s when they load; browsers
 * have no synchronous one.
 */
let hostSha256 = null;

/** Installs the host's SHA-256 (`text => lowercase hex`): called once, by an entry, as it loads. */
export function useHostSha256(hash) {
  hostSha256 = hash;
}

/**
 * The lowercase hex SHA-256 of the body `signFields` read, by the host's hash, without copying the body into the
 * module; "" when there is no host hash or it fails (the module then hashes `bodyBytes` itself).
 */
export function hostSha256Of() {
  if (hostSha256 === null) return '';
  try {
    return String(hostSha256(signedBody));
  } catch {
    return '';
  }
}

const utf8 = new TextEncoder();

/**
 * The UTF-8 bytes of the body `signFields` read, for the module's own hash: one native encoding and one copy,
 * rather than a character-by-character copy.
 */
export function bodyBytes() {
  return utf8.encode(signedBody);
}

/** Lets go of the body `signFields` kept (called when the signature is made or refused). */
export function forgetBody() {
  signedBody = '';
}

/** The longest text of a caller's that an error message repeats. */
const MAX_ECHO = 200;

/** What was thrown, in words, whatever it is, cut to `MAX_ECHO` UTF-16 units. */
export function thrownText(error) {
  let text;
  try {
    text = error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an exception that cannot be shown';
  }
  if (text.length <= MAX_ECHO) return text;
  let end = MAX_ECHO;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/** `Object.keys(object)`, or throws what listing them throws (called with `catch`). */
export function keysOf(object) {
  return Object.keys(object);
}

/** 1 when `value` is a list, 0 when it is not, 2 when asking throws (a revoked proxy). */
export function listKind(value) {
  try {
    return Array.isArray(value) ? 1 : 0;
  } catch {
    return 2;
  }
}

/**
 * Whether `value` is a genuine AbortSignal: its `aborted` getter accepts it (`instanceof` alone would accept an
 * object made from AbortSignal.prototype, whose getters then throw). What checking throws means it is not.
 */
export function isAbortSignal(value) {
  try {
    if (typeof AbortSignal !== 'function' || !(value instanceof AbortSignal)) return false;
    const aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;
    if (typeof aborted === 'function') aborted.call(value);
    return true;
  } catch {
    return false;
  }
}

// The package's error classes. Every error the module throws or rejects with is an instance of one of them,
// made by `errorOf` (called from bindings::errors). Each class recognises its instances by a brand stored under
// a registered symbol rather than by prototype, so `instanceof` holds across the package's ES module and
// CommonJS entries (each has its own copy of these classes) and across realms. Nothing here throws.

const BRAND = Symbol.for('hwc-price.error');
/** Each class's name, kept apart from `Function.name`, which a minifier may shorten. */
const KIND = Symbol('kind');

/** The class name an error was made as, or undefined for anything else (a revoked proxy included). */
function brandOf(value) {
  try {
    return value !== null && (typeof value === 'object' || typeof value === 'function') ? value[BRAND] : undefined;
  } catch {
    return undefined;
  }
}

class HwcPriceError extends Error {
  constructor(message, options) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: new.target[KIND] });
  }

  static [Symbol.hasInstance](value) {
    return brandOf(value) === this[KIND];
  }
}

/** Thrown when an inquiry breaks the API's documented rules; `violations` lists every one. */
export class InquiryValidationError extends HwcPriceError {
  static [KIND] = 'InquiryValidationError';
}
/** A price call (or a saved answer) that did not give every price asked for. */
export class PriceApiError extends HwcPriceError {
  static [KIND] = 'PriceApiError';
}
/** Invalid client, call or breakdown options, or a misuse of the client. */
export class PriceClientError extends HwcPriceError {
  static [KIND] = 'PriceClientError';
}
/** Thrown by `signRequest`. */
export class SignRequestError extends HwcPriceError {
  static [KIND] = 'SignRequestError';
}
/** A bug in the package itself (a panic in the module): please report it. */
export class HwcPriceInternalError extends HwcPriceError {
  static [KIND] = 'HwcPriceInternalError';
}

for (const type of [InquiryValidationError, PriceApiError, PriceClientError, SignRequestError, HwcPriceInternalError]) {
  Object.defineProperty(type.prototype, 'name', { value: type[KIND], writable: true, configurable: true });
}

const TYPES = { InquiryValidationError, PriceApiError, PriceClientError, SignRequestError, HwcPriceInternalError };

/** A new error of the class named `name` (a plain Error for any other name, such as "TypeError"). */
export function errorOf(name, message) {
  const type = Object.hasOwn(TYPES, name) ? TYPES[name] : undefined;
  if (type) return new type(message);
  const error = name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}

/** Whether `value` is an InquiryValidationError (from any copy of the package). */
export function isInquiryValidationError(value) {
  return brandOf(value) === 'InquiryValidationError';
}

/** Whether `value` is a PriceApiError (from any copy of the package). */
export function isPriceApiError(value) {
  return brandOf(value) === 'PriceApiError';
}

/** Whether `value` is a PriceClientError (from any copy of the package). */
export function isPriceClientError(value) {
  return brandOf(value) === 'PriceClientError';
}

/** Whether `value` is a SignRequestError (from any copy of the package). */
export function isSignRequestError(value) {
  return brandOf(value) === 'SignRequestError';
}

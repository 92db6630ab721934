//! Declarations of the rating client: its options, the three answers, `Quote`, `PriceClient`, and the errors
//! of a call.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = CLIENT;

// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const CLIENT: &str = r#"
/** Options of a `PriceClient`. */
export interface PriceClientOptions {
  /** "intl" (default: https://bss-intl.myhuaweicloud.com), "cn" (https://bss.myhuaweicloud.com), any http(s)
   *  base URL (it may end in a path prefix), or a path such as "/api/hwc" for a same-origin proxy. */
  endpoint?: "intl" | "cn" | (string & {});
  /** Which site a custom endpoint serves (the currency of blank answers, the language by default). */
  site?: "intl" | "cn";
  /** { token } sends X-Auth-Token; { ak, sk, domainId? } signs every request; none for a proxy that signs. */
  auth?: { token: string } | { ak: string; sk: string; domainId?: string } | null;
  /** X-Language and the language of error messages; the site's by default. */
  language?: "en_US" | "zh_CN";
  /** Longest wait for one answer, 1–600000 ms (default 30000). */
  timeoutMs?: number;
  /** Retries of 408, 429, 500, 502, 503, 504, timeouts and network errors (never 501, 505 or another answer a
   *  retry cannot change): exponential backoff with full jitter. */
  retry?: RetryOptions;
  /** Requests of one batch in flight at once, 1–16 (default 4); the per-second quotas apply anyway. */
  concurrency?: number;
  /** The fetch function to send requests with (a proxy agent, a test double); the global `fetch` by default.
   *  Whatever it does, each call settles: a result that is not a Response is a BAD_RESPONSE error, and
   *  timeoutMs bounds every attempt even if it ignores its AbortSignal. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** When a request of several products is refused with a product-level error (CBC.99006006, CBC.99006050,
   *  CBC.99006055, CBC.99006074), send its halves, and their halves, to find the failing products and price
   *  the rest: at most 2·f·⌈log2 n⌉ extra requests for f failing products among n (14 per product in a request
   *  of 100), never more than 56 per request nor 100 per call. Default true. */
  isolateFailures?: boolean;
  /** Called before the wait of each retry, for logging. If it throws, the call rejects with what it threw. */
  onRetry?: (event: RetryEvent) => void;
}

/** When to retry; each member given replaces the default (in a call's options: the client's). */
export interface RetryOptions {
  /** Attempts in all, 1–10 (default 4). */
  maxAttempts?: number;
  /** Backoff cap of the first retry, 0–60000 ms (default 200); it doubles with each retry. */
  baseDelayMs?: number;
  /** Largest backoff cap, 0–600000 ms (default 10000). */
  maxDelayMs?: number;
  /** Longest Retry-After honoured, 0–600000 ms (default 60000); a longer one ends the retries. */
  maxRetryAfterMs?: number;
}

/** What `onRetry` is told before a request is tried again. */
export interface RetryEvent {
  /** "status": an HTTP answer; "network": no answer; "timeout": no answer within timeoutMs. */
  kind: "status" | "network" | "timeout";
  /** The request's index in the batch (0-based); a request split to find failing products counts as it. */
  request: number;
  /** The attempt that failed (1-based); the next one is attempt + 1. */
  attempt: number;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** "APIG.0308", "HTTP.503", "NETWORK", "TIMEOUT", … */
  code: string;
  /** The HTTP status, null when there was no answer. */
  status: number | null;
}

/** Options of one price call. */
export interface PriceOptions {
  /** Called each time a request is answered (priced, or failed for good once sent): done of total. Requests
   *  not sent (after a cancellation) are not counted. `done` counts up by one and `total` never shrinks: a
   *  request that is to be split to find failing products adds its two halves to `total` before it counts as
   *  done, so `done === total` only when nothing is pending. If it throws, the call rejects with what it threw
   *  and sends nothing more. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the call: it rejects at once, from the abort event itself (in-flight requests are abandoned) with a PriceApiError whose code is
   *  "ABORTED" and whose cause is the signal's reason, or "TIMEOUT" for a signal of AbortSignal.timeout(). */
  signal?: AbortSignal;
  /** This call's onRetry, instead of the client's. */
  onRetry?: (event: RetryEvent) => void;
  /** This call's timeout per answer, 1–600000 ms, instead of the client's. */
  timeoutMs?: number;
  /** This call's retry policy: members given replace the client's. */
  retry?: RetryOptions;
  /** This call's isolateFailures, instead of the client's. */
  isolateFailures?: boolean;
  /** Check each product against this catalogue before anything is sent (violations of rule "catalogue" throw an
   *  InquiryValidationError, as every other rule does). Must be a live Catalogue (from client.catalogue() or
   *  Catalogue.fromJSON), else the call rejects with a PriceClientError INVALID_OPTIONS. */
  catalogue?: Catalogue | null;
}

/** What `JSON.stringify(client)` shows: never a credential. */
export interface PriceClientSummary {
  endpoint: string;
  site: "intl" | "cn";
  language: "en_US" | "zh_CN";
  auth: "none" | "token" | "access-key";
}

/** A discount applied to a pay-per-use line. */
export interface DiscountRatingResult {
  discount_id: string | null;
  /** 605 / 606 contract commercial discount, 607 partner discount; other types are kept as sent. */
  discount_type: number | null;
  amount: Amount;
  measure_id: number | null;
  discount_name: string | null;
}

/** Answer of POST /v2/bills/ratings/on-demand-resources. */
export interface OnDemandRatingResponse {
  amount: Amount;
  discount_amount: Amount;
  official_website_amount: Amount;
  measure_id: number | null;
  currency: string | null;
  product_rating_results: {
    id: string | null;
    product_id: string | null;
    amount: Amount;
    discount_amount: Amount;
    official_website_amount: Amount;
    measure_id: number | null;
    discount_rating_results: DiscountRatingResult[];
  }[];
}

/** List prices of a subscription or a renewal. */
export interface OfficialWebsiteRatingResult {
  official_website_amount: Amount;
  installment_official_website_amount: Amount;
  measure_id: number | null;
  product_rating_results: { id: string | null; product_id: string | null; official_website_amount: Amount; measure_id: number | null }[];
}

/** The whole inquiry priced under one optional discount. */
export interface OptionalDiscountRatingResult {
  discount_id: string | null;
  amount: Amount;
  official_website_amount: Amount;
  discount_amount: Amount;
  measure_id: number | null;
  discount_type: number | null;
  discount_name: string | null;
  /** 1 marks the best offer among commercial and partner discounts. */
  best_offer: number | null;
  product_rating_results: {
    id: string | null;
    product_id: string | null;
    amount: Amount;
    official_website_amount: Amount;
    discount_amount: Amount;
    measure_id: number | null;
  }[];
}

/** Answer of POST /v2/bills/ratings/period-resources/subscribe-rate. */
export interface PeriodRatingResponse {
  official_website_rating_result: OfficialWebsiteRatingResult | null;
  optional_discount_rating_results: OptionalDiscountRatingResult[];
  currency: string | null;
}

/** Answer of POST /v2/bills/ratings/period-resources/renew-rate. */
export interface RenewalRatingResponse {
  currency: string | null;
  renew_inquiry_results: { resource_id: string | null; amount: Amount }[];
  official_website_rating_result: OfficialWebsiteRatingResult | null;
  optional_discount_rating_results: OptionalDiscountRatingResult[];
  /** Resources that could not be priced; never dropped. */
  fail_resource_infos: { resource_id: string | null; error_code: string | null; error_msg: string | null }[];
  error_code: string | null;
  error_msg: string | null;
}

/** The answer of any of the three APIs. */
export type RatingResponse = OnDemandRatingResponse | PeriodRatingResponse | RenewalRatingResponse;

/** The inquiry of each kind, as `build*Inquiry` and the client's price calls take it. */
export interface InquiryInputs {
  "on-demand": OnDemandInquiryInput;
  period: PeriodInquiryInput;
  renewal: RenewalInquiryInput;
}

/** The answer of each kind, as `Quote.response` holds it. */
export interface RatingResponses {
  "on-demand": OnDemandRatingResponse;
  period: PeriodRatingResponse;
  renewal: RenewalRatingResponse;
}

/**
 * A priced inquiry of kind `K`: the answer (merged when the inquiry was split) and how it was obtained, with
 * its breakdown in every output. `kind` narrows: after `if (quote.kind === "period")` the answer is typed as
 * the yearly/monthly one.
 *
 * It lives in WebAssembly memory: `free()` gives that back at once (the finaliser does so only some time
 * after the object is collected), so a loop that prices many inquiries frees each quote when done with it.
 */
export class Quote<K extends InquiryKind = InquiryKind> {
  private constructor();
  /** Gives the quote's memory back now; the quote cannot be used afterwards. */
  free(): void;
  /** `"on-demand"`, `"period"` or `"renewal"`. */
  readonly kind: K;
  /** The answer in the API's wire field names, every amount an exact decimal string, absent values `null`. */
  readonly response: RatingResponses[K];
  /** The currency of the amounts (the site's when the answer left it blank). */
  readonly currency: string;
  /** Whether `currency` is the site's because the answer left it blank. */
  readonly currencyDefaulted: boolean;
  /** Requests sent, each once however many attempts it took: those sent to find the products that failed a
   *  request included, one cut short by an abort too, one never sent not. The same count as
   *  `PriceApiError.requests`. */
  readonly requests: number;
  /** Attempts made, retries included. */
  readonly attempts: number;
  /** The request ids the service gave, in request order. */
  readonly requestIds: string[];
  /** The breakdown: totals, lines, optional discounts, failures and warnings, amounts as exact decimal
   *  strings. Throws a `PriceClientError` for invalid options. */
  breakdown(options?: BreakdownOptions): Breakdown;
  /** The breakdown as an aligned plain-text table. */
  toText(options?: BreakdownOptions): string;
  /** The breakdown as an HTML fragment (a `<table>` and its companions), every server string escaped; style it
   *  with the package's `hwc-price/breakdown.css` or your own. */
  toHtml(options?: BreakdownOptions): string;
  /** The breakdown as CSV (RFC 4180, UTF-8 with a byte order mark), exact amounts. */
  toCsv(options?: BreakdownOptions): string;
  /** The versioned JSON document of the breakdown (`format: "hwc-price.breakdown"`). */
  toJSON(): BreakdownDocument;
}

/**
 * A quote of a saved answer, with no network: `kind` says which API answered, `response` is the answer's JSON
 * text; `options.inquiry` (the inquiry that was sent) tells what each line covers, `options.site` what a blank
 * currency means, `options.language` the breakdown's language.
 */
export function quoteFromResponse<K extends InquiryKind>(kind: K, response: string, options?: SavedQuoteOptions): QuoteOf<K>;

/**
 * Prices inquiries with the three rating APIs: batches of any size split into requests, sent within each API's
 * quota, retried when a retry may succeed, every answer read once. Holds no state between calls but its quota
 * places, so one client per endpoint and credentials is enough.
 */
export class PriceClient {
  /** A client for `options.endpoint` ("intl" by default) with `options.auth` (none by default, for a proxy
   *  that signs). Throws a `PriceClientError` listing every invalid option. */
  constructor(options?: PriceClientOptions);
  /** Gives the client's memory back now; the client cannot be used afterwards. */
  free(): void;
  /** Prices a pay-per-use inquiry (any number of products: more than 100 are sent as several requests). */
  priceOnDemand(input: OnDemandInquiryInput | string, options?: PriceOptions): Promise<Quote<"on-demand">>;
  /** Prices a yearly/monthly inquiry (more than 100 products are sent as several requests). */
  pricePeriod(input: PeriodInquiryInput | string, options?: PriceOptions): Promise<Quote<"period">>;
  /** Prices a renewal (more than 10 resource ids are sent as several requests). */
  priceRenewal(input: RenewalInquiryInput | string, options?: PriceOptions): Promise<Quote<"renewal">>;
  /** The endpoint, site, language and kind of auth; never a credential. */
  toJSON(): PriceClientSummary;
  /** `PriceClient(<endpoint>)`. */
  toString(): string;
}

/** `Quote<K>` for each kind in `K`: a union that `kind` narrows. */
export type QuoteOf<K extends InquiryKind> = K extends InquiryKind ? Quote<K> : never;

/** A quote of any kind; check `kind` to know which. */
export type AnyQuote = QuoteOf<InquiryKind>;

/** One request of an inquiry that failed for good, or one product of a request split to find its failing products. */
export interface PriceFailure {
  /** The items it carried: product ids, or resource ids. */
  items: string[];
  /** Their indexes in the whole inquiry (product_infos or resource_ids), 0-based. */
  indexes: number[];
  code: string;
  status: number | null;
  message: string;
  requestId: string | null;
  attempts: number;
}

/** A price call that failed, in full or in part (the priced part is in `partial`). */
export class PriceApiError extends Error {
  private constructor();
  readonly name: "PriceApiError";
  /** The service's code ("CBC.0154", "APIG.0308", "HTTP.502"), or "TIMEOUT" (timeoutMs, or a signal of
   *  AbortSignal.timeout()), "NETWORK", "ABORTED", "NOT_SENT", "BAD_RESPONSE", "SIGNING_FAILED",
   *  "INCOMPLETE_ANSWER", "INCONSISTENT_ANSWERS". */
  code: string;
  /** What the fetch function threw (NETWORK: Node's TypeError "fetch failed", whose own cause has the system
   *  code such as ECONNREFUSED), or the signal's reason (ABORTED, TIMEOUT); absent otherwise. */
  cause?: unknown;
  /** HTTP status of the answer, null when there was none. */
  status: number | null;
  /** From X-Request-Id or the body. */
  requestId: string | null;
  /** Attempts made for the failed request, retries included. */
  attempts: number;
  /** The inquiry's kind; null for a failed catalogue look-up (see `lookup`). */
  kind: InquiryKind | null;
  /** Requests sent, as `Quote.requests` counts them (those sent to find failing products included). The message
   *  counts items: "1 of 300 items not priced: …". */
  requests: number;
  /** Items not priced, in input order. */
  failedItems: string[];
  failures: PriceFailure[];
  /** What was priced, or null (nothing was; every resource of a renewal failed). Its breakdown's `failures`
   *  lists the items not priced, each with its code and message. */
  partial: AnyQuote | null;
}


/** Thrown for invalid client or call options; lists every problem. */
export class PriceClientError extends Error {
  private constructor();
  readonly name: "PriceClientError";
  /** INVALID_OPTIONS: options of any call (client, price call, inquiry function, breakdown, saved quote) are
   *  invalid, each problem in `violations`; ANSWER_KIND_MISMATCH: `quoteFromResponse` was given the answer of
   *  another API (`answerKind`), or of none; INVALID_DOCUMENT: `diffBreakdowns` was given something that is not
   *  a version 2 breakdown document, or two in different currencies, each problem in `violations`. */
  readonly code: "INVALID_OPTIONS" | "ANSWER_KIND_MISMATCH" | "INVALID_DOCUMENT";
  /** The problems, for INVALID_OPTIONS and INVALID_DOCUMENT (empty otherwise). */
  readonly violations: Violation[];
  /** For ANSWER_KIND_MISMATCH: the kind stated. */
  readonly kind?: InquiryKind;
  /** For ANSWER_KIND_MISMATCH: the kind the answer is of, or null when it is of none. */
  readonly answerKind?: InquiryKind | null;
}
"#;

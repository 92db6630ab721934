//! TypeScript declarations for every input and output shape, emitted into the package's `.d.ts`.
//!
//! Wire-shaped objects keep the API's snake_case names, so a payload copied from the provider's price
//! calculator or API explorer type-checks as it is.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = TYPES;

/// The declarations, kept in a constant so native tests can check them against the Rust enums.
// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const TYPES: &str = r#"
/** A decimal amount: a JS number, or a string such as "0.0000000001" (held exactly either way). */
export type DecimalInput = number | string;

/** Which rating API an inquiry is for. */
export type InquiryKind = "on-demand" | "period" | "renewal";

/** Fields both product-based inquiries share (wire names of `DemandProductInfo` / `PeriodProductInfo`). */
export interface ProductInfoInput {
  /** Your id tying a result to this product: 1–64 characters, unique within the inquiry. */
  id: string;
  /** Cloud service type code, e.g. "hws.service.type.ec2"; at most 400 characters. */
  cloud_service_type: string;
  /** Resource type code, e.g. "hws.resource.type.vm"; at most 400 characters. */
  resource_type: string;
  /** Resource specification, e.g. "c6.large.2.linux", "GPSSD", "5_bgp"; at most 400 characters. */
  resource_spec: string;
  /** Region code, e.g. "ap-southeast-1"; at most 64 characters. */
  region: string;
  /** Availability zone, e.g. "ap-southeast-1a"; at most 64 characters; null or "" means no filter. */
  available_zone?: string | null;
  /** Capacity of a linear product (disk GB, bandwidth Mbit/s): 1–214783647; together with size_measure_id. */
  resource_size?: number | null;
  /** Unit of resource_size: 15 Mbit/s, 17 GB, 14 amount; together with resource_size. */
  size_measure_id?: number | null;
  /** How many: 1–10000. */
  subscription_num: number;
}

/** One product of a pay-per-use inquiry. */
export interface OnDemandProductInput extends ProductInfoInput {
  /** Usage factor code (case-insensitive), e.g. "Duration" or "upflow"; at most 64 characters. */
  usage_factor: string;
  /** Amount of usage, a positive decimal, e.g. 1 (with usage_measure_id 4: one hour). */
  usage_value: DecimalInput;
  /** Unit of usage_value, e.g. 4 hour, 10 GB; 0–9999. */
  usage_measure_id: number;
}

/** Body of POST /v2/bills/ratings/on-demand-resources. */
export interface OnDemandInquiryInput {
  /** Project id of the region priced; 1–64 characters. */
  project_id: string;
  /** 1–100 products, ids unique. */
  product_infos: OnDemandProductInput[];
  /** 0 (default): up to 6 decimals in results; 1: up to 10. */
  inquiry_precision?: 0 | 1 | null;
}

/** One product of a yearly/monthly inquiry. */
export interface PeriodProductInput extends ProductInfoInput {
  /** 0 day, 2 month, 3 year, 4 hour. */
  period_type: 0 | 2 | 3 | 4;
  /** Number of periods: 1–214783647. */
  period_num: number;
}

/** Body of POST /v2/bills/ratings/period-resources/subscribe-rate. */
export interface PeriodInquiryInput {
  /** Project id of the region priced; 1–64 characters. */
  project_id: string;
  /** 1–100 products, ids unique. */
  product_infos: PeriodProductInput[];
  /** Instalment mode sent by newer official SDKs. */
  fee_installment_mode?: "HALF_PAY" | "ZERO_PAY" | "NA" | null;
}

/** Body of POST /v2/bills/ratings/period-resources/renew-rate. */
export interface RenewalInquiryInput {
  /** 1–10 primary resource ids, each non-empty and unique. */
  resource_ids: string[];
  /** 2 month, 3 year. */
  period_type: 2 | 3;
  /** 1–11 months or 1–3 years. */
  period_num: number;
  /** Also price the resources attached to each primary resource (default false). */
  include_relative_resources?: boolean | null;
}

/** A request ready to send. `body` is the exact JSON text to send and sign. */
export interface PreparedRequest {
  method: "POST";
  path:
    | "/v2/bills/ratings/on-demand-resources"
    | "/v2/bills/ratings/period-resources/subscribe-rate"
    | "/v2/bills/ratings/period-resources/renew-rate";
  body: string;
}

/** The kind of rule a value broke. */
export type ViolationRule =
  | "json" | "type" | "required" | "unknown_field" | "blank" | "max_length" | "whole_number"
  | "range" | "one_of" | "decimal" | "count" | "unique" | "together" | "catalogue" | "truncated";

/** One broken rule. */
export interface Violation {
  /** Wire-name path, e.g. "product_infos[2].resource_size" or "resource_ids[1]"; "" for the whole inquiry. */
  path: string;
  /** Which rule. */
  rule: ViolationRule;
  /** The rule and the value seen, e.g. "must be a whole number from 1 to 10000, got 0". */
  message: string;
}

/** What `signRequest` signs. */
export interface SignRequestInput {
  /** HTTP method, e.g. "POST". */
  method: string;
  /** Absolute http(s) URL, e.g. "https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources". */
  url: string;
  /** Headers to send; an "X-Sdk-Date" here is used as is (deterministic signing). */
  headers?: Record<string, string>;
  /** The exact body that will be sent (UTF-8); empty when absent. */
  body?: string;
  /** Access key id. */
  ak: string;
  /** Secret access key; never echoed in errors. */
  sk: string;
}

/** The full header set to send, including Host, X-Sdk-Date and Authorization. */
export interface SignedRequest {
  /** The URL to send the request to: the one given, normalised as `fetch` sends it (which is what was signed). */
  url: string;
  headers: Record<string, string>;
}

/** Thrown by `signRequest`. */
export class SignRequestError extends Error {
  private constructor();
  readonly name: "SignRequestError";
  readonly code: "INVALID_INPUT" | "INVALID_URL" | "DUPLICATE_HEADER" | "INVALID_HEADER" | "MISSING_CREDENTIAL" | "INVALID_CREDENTIAL" | "INVALID_METHOD";
  /** For INVALID_INPUT: each problem of the input (an unknown key, a missing field). */
  readonly violations?: Violation[];
}

/** Thrown by the build functions when an inquiry breaks documented rules; lists every violation. */
export class InquiryValidationError extends Error {
  private constructor();
  readonly name: "InquiryValidationError";
  readonly code: "INVALID_INQUIRY";
  /** "comparison" for the input of `client.compareBillingModes`. */
  readonly kind: InquiryKind | "comparison";
  readonly violations: Violation[];
}

/** An exact decimal amount as the service sent it, e.g. "0.0000000001", "800.0"; null when absent. */
export type Amount = string | null;

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

/** How a breakdown is built and shown. */
export interface BreakdownOptions {
  /** Language of labels, type names and warnings; the client's by default. */
  language?: "en_US" | "zh_CN";
  /** Project pay-per-use prices per hour, month and year (on when hoursPerMonth is given). */
  projections?: boolean;
  /** Hours in a month for projections: more than 0, at most 744 (default 730). */
  hoursPerMonth?: number | string;
  /** Where units get their names ("7200 seconds") and duration units their length in hours for projections;
   *  by default the catalogue the quote's call was checked against, else the built-in table (day, hour,
   *  minute, GB, MB, times, Mbit/s), else the unit's number. Must be a live Catalogue. */
  catalogue?: Catalogue | null;
}

/** Options of `quoteFromResponse`. */
export interface SavedQuoteOptions {
  /** The site that answered: a blank currency means its currency (default "intl": USD). */
  site?: "intl" | "cn";
  /** Language of breakdowns (default: the site's). */
  language?: "en_US" | "zh_CN";
  /** The inquiry that was sent, to say what each line covers. */
  inquiry?: OnDemandInquiryInput | PeriodInquiryInput | RenewalInquiryInput | string;
}

/** List price, discount and final price; null when the answer does not say. */
export interface BreakdownAmounts {
  list: Amount;
  discount: Amount;
  final: Amount;
}

/** A projection of a pay-per-use price (not a price). */
export interface BreakdownProjection {
  perHour: string;
  perMonth: string;
  perYear: string;
  /** False when a value is a rounded quotient (12 significant digits), shown with "≈". */
  exact: boolean;
}

/** One priced item. */
export interface BreakdownLine extends BreakdownAmounts {
  /** The product id, or the resource id. */
  id: string | null;
  productId: string | null;
  /** What was asked, when known: "c6.large.2.linux, ap-southeast-1, 40 GB". */
  description: string | null;
  /** What the price covers: "1 × 730 hours", "2 × 1 year". */
  covers: string | null;
  /** What was asked, field by field, when the inquiry is known. */
  asked: {
    cloudServiceType: string | null;
    resourceType: string | null;
    resourceSpec: string | null;
    region: string | null;
    /** "40 GB", "100 Mbit/s". */
    size: string | null;
    quantity: number | null;
    /** Pay-per-use usage: "730 hours". */
    usage: string | null;
    /** Subscription or renewal period: "1 year". */
    period: string | null;
  } | null;
  /** Discount as a share of the list price, in percent, rounded to 2 decimals. */
  discountPercent: string | null;
  discounts: {
    discountId: string | null;
    /** 605, 606, 607, or another type as sent. */
    typeCode: number | null;
    /** "Partner authorized discount", or "Discount type 999" for a type not known here. */
    typeName: string;
    name: string | null;
    amount: Amount;
  }[];
  projection: BreakdownProjection | null;
}

/** The whole inquiry priced under one optional discount. */
export interface BreakdownOption extends BreakdownAmounts {
  discountId: string | null;
  typeCode: number | null;
  typeName: string;
  name: string | null;
  discountPercent: string | null;
  bestOffer: boolean;
}

/** A breakdown of a quote; every amount an exact decimal string. */
export interface Breakdown {
  kind: InquiryKind;
  currency: string;
  language: "en_US" | "zh_CN";
  /** The inquiry's totals (the best offer's when there are optional discounts). */
  totals: BreakdownAmounts;
  discountPercent: string | null;
  /** No discount results in the answer: discounts may still apply (they need a permission to see). */
  listPriceOnly: boolean;
  lines: BreakdownLine[];
  options: BreakdownOption[];
  /** Items not priced: resources a renewal answer lists as failed, and a partial quote's items its call could not
   *  price, each with its code and message. */
  failures: { id: string | null; code: string | null; message: string | null }[];
  warnings: {
    code: "lines_do_not_add_up" | "currency_defaulted" | "list_price_only" | "no_price" | "discounts_do_not_add_up"
      | "partial_option" | "answer_error" | "repeated_line" | "unasked_line";
    message: string;
  }[];
  projections: { hoursPerMonth: string; assumption: string; total: BreakdownProjection | null } | null;
}

/** What `quote.toJSON()` returns: the breakdown, versioned for other programs. */
export interface BreakdownDocument extends Breakdown {
  format: "hwc-price.breakdown";
  /** 2 since member names are camelCase (1 had snake_case names such as `best_offer`). */
  version: 2;
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

/** Options of `build*Inquiry`. */
export interface InquiryOptions {
  /** Language of the violation messages: "en_US" (default) or "zh_CN". */
  language?: "en_US" | "zh_CN";
  /** Also check each product against this catalogue (rule "catalogue"): its service type, its resource type (one
   *  of that service's), its usage factor (one of that resource type's) and its units (known, of a measure type
   *  that can measure the field). Renewals have none of these. Must be a live Catalogue (from
   *  client.catalogue() or Catalogue.fromJSON), else a PriceClientError INVALID_OPTIONS is thrown. */
  catalogue?: Catalogue | null;
}

/** Options of `validateInquiry`. */
export interface ValidateOptions extends InquiryOptions {
  /** Check the inquiry the way `PriceClient` reads it: up to 10,000 products or 1,000 resource ids. */
  batch?: boolean;
}

/**
 * Checks `input` as an inquiry of `kind` without throwing for violations: returns them all, or an empty array
 * when the inquiry is valid. JSON text is accepted for any kind.
 */
export function validateInquiry(kind: "on-demand", input: OnDemandInquiryInput | string, options?: ValidateOptions): Violation[];
export function validateInquiry(kind: "period", input: PeriodInquiryInput | string, options?: ValidateOptions): Violation[];
export function validateInquiry(kind: "renewal", input: RenewalInquiryInput | string, options?: ValidateOptions): Violation[];
export function validateInquiry<K extends InquiryKind>(kind: K, input: InquiryInputs[K] | string, options?: ValidateOptions): Violation[];

/** A bug in the package itself (a panic inside the module), with its message: please report it. */
export class HwcPriceInternalError extends Error {
  private constructor();
  readonly name: "HwcPriceInternalError";
}

/** Whether `value` is an InquiryValidationError, from this copy of the package or another (ES module or CommonJS). */
export function isInquiryValidationError(value: unknown): value is InquiryValidationError;
/** Whether `value` is a PriceApiError, from this copy of the package or another (ES module or CommonJS). */
export function isPriceApiError(value: unknown): value is PriceApiError;
/** Whether `value` is a PriceClientError, from this copy of the package or another (ES module or CommonJS). */
export function isPriceClientError(value: unknown): value is PriceClientError;
/** Whether `value` is a SignRequestError, from this copy of the package or another (ES module or CommonJS). */
export function isSignRequestError(value: unknown): value is SignRequestError;
// Markdown, budgets and comparisons of breakdowns (declarations merged into `Quote` and `BreakdownDocument`).
export interface Quote<K extends InquiryKind = InquiryKind> {
  /** The breakdown as Markdown (GitHub-flavoured tables), fit for a pull-request comment; server text can
   *  neither break a table nor become markup or a mention. */
  toMarkdown(options?: BreakdownOptions): string;
  /** The final total (the best offer's) compared with `budget`, exactly: a decimal string (`"1500"`,
   *  `"99.95"`) or a number, 0 or more. Throws a `PriceClientError` (`INVALID_OPTIONS`, path `budget`)
   *  otherwise. */
  checkBudget(budget: string | number): BudgetCheck;
}

export interface BreakdownDocument {
  /** The JSON text of the inquiry priced (a string, so every number in it stays exact), in a document of a
   *  quote made by `PriceClient` or by `quoteFromResponse` with `inquiry`: what it takes to price it again. */
  inquiry?: string;
}

/** What `quote.checkBudget(budget)` returns; amounts are exact decimal strings. */
export interface BudgetCheck {
  budget: string;
  /** The final total, or null when the answer gave none (then `over` is false). */
  total: string | null;
  /** Whether the total is above the budget (equal is within). */
  over: boolean;
  /** Total minus budget when over, else null. */
  excess: string | null;
  /** `excess` as a percentage of the budget (2 decimals), null when not over or the budget is 0. */
  excessPercent: string | null;
}

/** Options of `diffBreakdowns`. */
export interface DiffOptions {
  /** Language of the labels: "en_US" (default) or "zh_CN". */
  language?: "en_US" | "zh_CN";
}

/** What happened to a line: only in the new document, only in the old, in both but different, or the same. */
export type LineChangeStatus = "added" | "removed" | "changed" | "unchanged";

/** A line as compared: its amounts as exact decimal strings. */
export interface ComparedLine {
  id: string | null;
  description: string | null;
  covers: string | null;
  list: string | null;
  discount: string | null;
  final: string | null;
}

/** What `diff.toJSON()` returns. */
export interface BreakdownDiffDocument {
  format: "hwc-price.diff";
  version: 1;
  currency: string;
  oldKind: InquiryKind;
  newKind: InquiryKind;
  changed: boolean;
  totals: {
    old: { list: string | null; discount: string | null; final: string | null };
    new: { list: string | null; discount: string | null; final: string | null };
    /** New final total minus old. */
    delta: string | null;
    /** `delta` as a percentage of the old final total (2 decimals), null when that is 0 or unknown. */
    deltaPercent: string | null;
  };
  counts: { added: number; removed: number; changed: number; unchanged: number };
  /** Every line: the new document's in its order, then the removed ones. */
  lines: {
    status: LineChangeStatus;
    id: string | null;
    description: string | null;
    old: ComparedLine | null;
    new: ComparedLine | null;
    /** New final price minus old (a missing side counts as 0). */
    delta: string | null;
    /** `delta` as a percentage of the old final price, null for an added line or an old price of 0. */
    deltaPercent: string | null;
  }[];
}

/** What changed between two breakdowns: lines matched by `id`, exact deltas of the final price. */
export class BreakdownDiff {
  private constructor();
  /** Gives its memory back now. */
  free(): void;
  /** Whether anything differs: a line added, removed or changed, or another total. */
  readonly changed: boolean;
  /** A summary line and an aligned table of what changed, for terminals and logs. */
  toText(): string;
  /** The same as Markdown, fit for a pull-request comment. */
  toMarkdown(): string;
  /** The versioned document (`format: "hwc-price.diff"`), every line included. */
  toJSON(): BreakdownDiffDocument;
}

/**
 * Compares two breakdown documents (`quote.toJSON()`, or its JSON text, e.g. a saved file), old then new.
 * Throws a `PriceClientError` with code `INVALID_DOCUMENT` (`violations` with paths such as `old.version`,
 * `new.lines[2].final`, `new.currency`) for a document that is not a version 2 breakdown, or two in different
 * currencies.
 */
export function diffBreakdowns(oldDocument: string | BreakdownDocument, newDocument: string | BreakdownDocument, options?: DiffOptions): BreakdownDiff;
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_CATALOGUE: &'static str = CATALOGUE_TYPES;

/// The declarations of the product catalogue: the look-ups' entries and options, the `Catalogue` class, and
/// what they add to `PriceClient`, its options and `PriceApiError` (by declaration merging).
#[allow(dead_code)]
pub(crate) const CATALOGUE_TYPES: &str = r#"
/** A cloud service type (GET /v2/products/service-types). */
export interface ServiceType {
  service_type_code: string;
  service_type_name: string;
  abbreviation: string;
}
/** A resource type (GET /v2/products/resource-types). */
export interface ResourceType {
  resource_type_code: string;
  resource_type_name: string;
  resource_type_desc: string;
  /** The service it belongs to. */
  service_type_code: string;
}
/** A resource of a service: the basic_info of GET /v2/products/service-resources. */
export interface ServiceResource {
  resource_type_code: string;
  product_owner_service: string;
  name: string;
  description: string;
}
/** A usage type (GET /v2/products/usage-types): `code` is a usage_factor of its resource type. */
export interface UsageType {
  code: string;
  name: string;
  resource_type_code: string;
  service_type_code: string;
  resource_type_name: string;
  service_type_name: string;
}
/** A measurement unit (GET /v2/bases/measurements): its id is a usage_measure_id or size_measure_id. */
export interface MeasureUnit {
  measure_id: number;
  measure_name: string;
  abbreviation: string;
  /** 1 currency, 2 duration, 3 traffic, 4 quantity, 7 capacity, 16 bandwidth, … */
  measure_type: number;
}
/** 1 measure_id = conversion_ratio ref_measure_id (GET /v2/bases/conversions); the ratio as a decimal string. */
export interface UnitConversion {
  measure_id: number;
  ref_measure_id: number;
  conversion_ratio: string;
  measure_type: number;
}
/** Which look-up failed: the API path's last segment. */
export type CatalogueLookup = "service-types" | "resource-types" | "service-resources" | "usage-types" | "measurements" | "conversions";

/** Options of one look-up. */
export interface LookupOptions {
  /** X-Language, the language of the names (and of errors); the client's by default. */
  language?: "en_US" | "zh_CN";
  /** Cancels the look-up (a PriceApiError with code "ABORTED", or "TIMEOUT" for AbortSignal.timeout()). */
  signal?: AbortSignal;
  /** This call's onRetry, instead of the client's. */
  onRetry?: (event: RetryEvent) => void;
  /** Told when the list changed while its pages were read (then read again) or came short; console.warn by
   *  default. */
  onWarning?: (message: string) => void;
  /** This call's timeout per answer, 1–600000 ms, instead of the client's. */
  timeoutMs?: number;
  /** This call's retry policy: members given replace the client's. */
  retry?: RetryOptions;
}
/** Options of `client.catalogue()`. */
export interface CatalogueOptions extends LookupOptions {
  /** Service type codes to gather (at most 100); every service when absent. */
  services?: string[];
}
/** The versioned document of a catalogue, as `toJSON()` makes it and `Catalogue.fromJSON` reads it. */
export interface CatalogueDocument {
  format: "hwc-price-catalogue";
  version: 1;
  language: "en_US" | "zh_CN";
  serviceTypes: ServiceType[];
  resourceTypes: ResourceType[];
  usageTypes: UsageType[];
  measureUnits: MeasureUnit[];
  conversions: UnitConversion[];
}

/** What pricing needs of the product catalogue, gathered once or read back, consulted offline. */
export class Catalogue {
  private constructor();
  /** Reads a document made by `toJSON()` (its JSON text or the object). Throws a PriceClientError with code
   *  INVALID_CATALOGUE for anything else (another format or version, or entries that do not fit). */
  static fromJSON(document: string | CatalogueDocument): Catalogue;
  /** The versioned document. */
  toJSON(): CatalogueDocument;
  /** Gives the catalogue's memory back now. */
  free(): void;
  serviceTypes(): ServiceType[];
  /** The resource types of a service type code. */
  resourceTypesOf(service: string): ResourceType[];
  /** The usage types of a resource type code. */
  usageTypesOf(resourceType: string): UsageType[];
  /** The unit with this id, or null. */
  unit(id: number): MeasureUnit | null;
  /** `value` in one unit expressed in another, as a decimal string: exact, through the conversion ratios
   *  either way (a quotient that does not terminate is rounded to 12 significant digits). Throws a
   *  PriceClientError: UNKNOWN_UNIT, UNIT_MISMATCH (different measure types), NO_CONVERSION, INVALID_VALUE. */
  convert(value: string | number, fromUnitId: number, toUnitId: number): string;
}

export interface PriceClient {
  /** Every cloud service type, all pages. */
  serviceTypes(options?: LookupOptions): Promise<ServiceType[]>;
  /** Every resource type, all pages. */
  resourceTypes(options?: LookupOptions): Promise<ResourceType[]>;
  /** The resources of one service type, all pages. */
  serviceResources(serviceTypeCode: string, options?: LookupOptions): Promise<ServiceResource[]>;
  /** Usage types, of one resource type when the filter names it, all pages. */
  usageTypes(filter?: { resource_type_code?: string } | null, options?: LookupOptions): Promise<UsageType[]>;
  /** Every measurement unit. */
  measureUnits(options?: LookupOptions): Promise<MeasureUnit[]>;
  /** Unit conversions, of one measure type when the filter names it. */
  unitConversions(filter?: { measure_type?: number } | null, options?: LookupOptions): Promise<UnitConversion[]>;
  /** Gathers a Catalogue: service types (of `services`, else all), their resource and usage types, units and
   *  conversions. */
  catalogue(options?: CatalogueOptions): Promise<Catalogue>;
  /** Forgets every look-up kept. */
  clearCatalogueCache(): void;
}

export interface PriceClientOptions {
  /** How long look-ups are kept, keyed by query and language: 0–604800000 ms (default 3600000, one hour;
   *  0 keeps nothing). Identical look-ups in flight share their requests either way. */
  catalogueTtlMs?: number;
}

export interface PriceApiError {
  /** For a failed catalogue look-up: which one (its kind is null). Its code is the service's, a failure's
   *  (TIMEOUT, NETWORK, ABORTED, BAD_RESPONSE, SIGNING_FAILED) or CATALOGUE_TOO_LARGE (more than 1,000 pages
   *  or 100,000 entries). */
  lookup?: CatalogueLookup;
}
"#;

/// The declarations of billing modes compared (`client.compareBillingModes`).
#[wasm_bindgen(typescript_custom_section)]
const TS_COMPARISON: &'static str = COMPARISON_TYPES;

#[allow(dead_code)]
pub(crate) const COMPARISON_TYPES: &str = r#"
/** One product to compare: the fields both product-based inquiries share, and the pay-per-use usage factor. */
export interface ComparedProductInput extends ProductInfoInput {
  /** The pay-per-use usage factor; "Duration" by default. */
  usage_factor?: string;
}

/** A subscribe-rate period: `period_type` 0 day, 2 month, 3 year, 4 hour; `period_num` how many. */
export interface ComparedPeriod {
  period_type: 0 | 2 | 3 | 4;
  period_num: number;
}

/** What `client.compareBillingModes` compares. */
export interface ComparisonInput {
  project_id: string;
  /** 1–10000 products, ids unique. */
  products: ComparedProductInput[];
  /** Hours of use in a month, greater than 0 and at most 744: 730 by default. */
  hoursPerMonth?: DecimalInput;
  /** 1–8 distinct periods: a month and a year by default. */
  periods?: ComparedPeriod[];
  /** The pay-per-use `inquiry_precision`. */
  inquiry_precision?: 0 | 1;
}

/** One mode's prices for a product or for the total; every amount an exact decimal string. */
export interface ComparisonPriced {
  priced: true;
  /** For the mode's whole period (pay-per-use: the hours priced). */
  list: Amount;
  discount: Amount;
  final: Amount;
  /** The same per month; `exact` is false when a quotient was rounded to 12 significant digits. */
  perMonth: { list: Amount; discount: Amount; final: Amount; exact: boolean };
  /** Pay-per-use's final price per month minus this mode's, and as a percentage of it (subscriptions). */
  saving: { perMonth: string; percent: string | null; exact: boolean } | null;
  /** Hours of use per month above which this subscription costs less than paying per use. */
  breakEven: { hoursPerMonth: string; exact: boolean; withinMonth: boolean } | null;
}

/** A mode that could not price a product: the service's code (or NO_PRICE, OTHER_CURRENCY, …) and why. */
export interface ComparisonFailed {
  priced: false;
  code: string;
  message: string;
}

/** What `comparison.toJSON()` and `comparison.breakdown()` return. */
export interface ComparisonDocument {
  format: "hwc-price.comparison";
  version: 1;
  currency: string;
  language: "en_US" | "zh_CN";
  hoursPerMonth: string;
  /** Pay-per-use first, then each period in input order. */
  modes: {
    mode: "pay-per-use" | "subscription";
    period: ComparedPeriod | null;
    /** "pay-per-use", "1 month", "1 year", … */
    name: string;
    /** The hours its prices cover. */
    hours: string;
    /** Why the whole mode could not be priced. */
    failure: { code: string; message: string } | null;
    /** Optional discounts offered for the whole inquiry in this mode, the best offer marked. */
    options: { discountId: string | null; typeCode: number | null; typeName: string; name: string | null;
      list: Amount; discount: Amount; final: Amount; bestOffer: boolean }[];
    warnings: Breakdown["warnings"];
  }[];
  /** One per product, in input order; `cells` in `modes` order; `cheapest` an index into `modes`. */
  products: { id: string; cheapest: number | null; cells: (ComparisonPriced | ComparisonFailed)[] }[];
  /** Over the products every mode priced (`included`); the others are `leftOut`. */
  totals: { included: string[]; leftOut: string[]; cheapest: number | null; cells: (ComparisonPriced | null)[] };
  /** What the comparison assumes, the optional discounts, and what the totals include, in its language. */
  notes: string[];
}

/** Billing modes compared, in the client's language. */
export class Comparison {
  private constructor();
  /** Gives the comparison's memory back now; it cannot be used afterwards. */
  free(): void;
  /** The comparison as a plain object (the same as `toJSON()`). */
  breakdown(): ComparisonDocument;
  /** Aligned plain-text tables: one per product and one of the totals, then the notes. */
  toText(): string;
  /** An HTML fragment (`hwc-comparison` tables), every server or caller string escaped; styled by
   *  `hwc-price/breakdown.css`. */
  toHtml(): string;
  /** CSV (RFC 4180, UTF-8 with a byte order mark), exact amounts, one row per product and mode, then the totals. */
  toCsv(): string;
  /** The versioned JSON document. */
  toJSON(): ComparisonDocument;
}

export interface PriceClient {
  /** Prices the products pay-per-use for the hours of the longest period and subscribed for each period,
   *  concurrently within every quota, and compares them. Rejects with an `InquiryValidationError` (`kind:
   *  "comparison"`) listing every problem of the input; rejects with a `PriceApiError` when cancelled or when
   *  no mode priced anything; a mode or product that fails keeps its place with the failure. */
  compareBillingModes(input: ComparisonInput | string, options?: Omit<PriceOptions, "catalogue">): Promise<Comparison>;
}
"#;

#[cfg(test)]
mod tests {
    use super::TYPES;
    use crate::validate::Rule;

    #[test]
    fn declares_every_rule_code() {
        let rules = Rule::ALL;
        for rule in rules {
            assert!(
                TYPES.contains(&format!("\"{}\"", rule.code())),
                "{rule:?} missing from the .d.ts"
            );
        }
        let declared = TYPES
            .split("export type ViolationRule =")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        assert_eq!(
            declared.matches('"').count(),
            rules.len() * 2,
            "the .d.ts lists a rule Rust does not have"
        );
    }

    #[test]
    fn declares_every_breakdown_warning() {
        for code in crate::breakdown::WARNING_CODES {
            assert!(TYPES.contains(&format!("\"{code}\"")), "{code}");
        }
    }

    #[test]
    fn declares_every_inquiry_kind_and_path() {
        for kind in crate::InquiryKind::ALL {
            assert!(TYPES.contains(&format!("\"{}\"", kind.code())));
            assert!(TYPES.contains(&format!("\"{}\"", kind.path())));
        }
    }
}

//! Declarations of the inquiries: their inputs, prepared requests, violations, the inquiry functions'
//! options, signing, and the error classes with their guards.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = INQUIRY;

// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const INQUIRY: &str = r#"
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
"#;

//! Declarations of billing modes compared (`client.compareBillingModes` and `Comparison`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = COMPARISON;

// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const COMPARISON: &str = r#"
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
  /** The same per month. `rounded` names the amounts whose quotient did not terminate and was rounded to 12
   *  significant digits (empty when none); `exact` is true when all three are exact (`rounded` empty). */
  perMonth: { list: Amount; discount: Amount; final: Amount; exact: boolean;
    rounded: ("list" | "discount" | "final")[] };
  /** Pay-per-use's final price per month minus this mode's, and as a percentage of it (subscriptions);
   *  `exact` is false when either of the two finals it subtracts was rounded. */
  saving: { perMonth: string; percent: string | null; exact: boolean } | null;
  /** Hours of use per month above which this subscription costs less than paying per use; `withinMonth` false
   *  when that is more than the comparison's `hoursPerMonth`. */
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
    /** The hours of use its prices cover, at `hoursPerMonth` hours of use a month ("1 year" at 730: 8760). */
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
   *  "comparison"`) listing every problem of the input (with `options.catalogue`, each product checked against
   *  it too: rule `catalogue`, at `products[i]`); rejects with a `PriceApiError` when cancelled or when no mode
   *  priced anything; a mode or product that fails keeps its place with the failure. */
  compareBillingModes(input: ComparisonInput | string, options?: PriceOptions): Promise<Comparison>;
}
"#;

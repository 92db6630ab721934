//! Declarations of breakdowns: their options, lines, offers and documents, the budget check and the diff of two
//! breakdown documents.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = BREAKDOWN;

// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const BREAKDOWN: &str = r#"
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

//! Price breakdowns: list price, discounts and final price per line and in total, the optional discounts side
//! by side, failures and warnings, from any of the three answers, in exact decimals. Nothing here does I/O.
//!
//! * [`Breakdown`] and its parts: the model (this file);
//! * [`BreakdownOptions`]: language and projections, read from JavaScript's options object (`options`);
//! * [`Breakdown::of`]: building one from a [`Quote`](crate::quote::Quote) (`build`);
//! * every sentence and label in English and Chinese (`words`);
//! * outputs for people and programs: [`render`] (text, HTML, CSV, JSON, Markdown);
//! * comparing a final total with a budget (`budget`), and two saved breakdown documents (`diff`).

use rust_decimal::Decimal;

use crate::kind::InquiryKind;
use crate::language::Language;

pub mod budget;
mod build;
pub mod diff;
pub mod options;
mod projection;
pub mod render;
mod repeats;
pub mod words;

pub use options::BreakdownOptions;
pub use render::{csv, format, html, markdown, text};
pub use words::{discount_type_name, WARNING_CODES};

/// The version of the JSON document [`Breakdown::to_json`] writes; it changes only with incompatible changes.
/// Version 2 names every member in camelCase (`discountPercent`, `bestOffer`, `perMonth`); version 1 used
/// snake_case for some.
pub const JSON_VERSION: u32 = 2;

/// Amounts of a whole inquiry or of one line. `None` when the answer does not say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Amounts {
    /// List price (`official_website_amount`).
    pub list: Option<Decimal>,
    /// Discount.
    pub discount: Option<Decimal>,
    /// Final price: what is paid.
    pub final_price: Option<Decimal>,
}

/// One discount applied to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineDiscount {
    /// Discount id.
    pub discount_id: Option<String>,
    /// 605, 606, 607 or another type as sent.
    pub type_code: Option<i64>,
    /// The type's name ("Partner authorized discount"), or "Discount type 999" for one we do not know.
    pub type_name: String,
    /// The discount's own name, as sent.
    pub name: Option<String>,
    /// Amount taken off.
    pub amount: Option<Decimal>,
}

/// Projected cost of a pay-per-use line or total, from its final price and the hours it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    /// Per hour.
    pub per_hour: Decimal,
    /// Per month of `hours_per_month` hours.
    pub per_month: Decimal,
    /// Per year of 12 such months.
    pub per_year: Decimal,
    /// False when a value is a rounded quotient (to 12 significant digits), shown with `≈`.
    pub exact: bool,
}

/// What was asked for an item, in words where a unit is involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedSummary {
    /// Cloud service type code (product inquiries).
    pub cloud_service_type: Option<String>,
    /// Resource type code (product inquiries).
    pub resource_type: Option<String>,
    /// Resource specification (product inquiries).
    pub resource_spec: Option<String>,
    /// Region (product inquiries).
    pub region: Option<String>,
    /// Capacity with its unit: "40 GB", "100 Mbit/s".
    pub size: Option<String>,
    /// How many (product inquiries).
    pub quantity: Option<i64>,
    /// Pay-per-use usage: "730 hours", "4 GB".
    pub usage: Option<String>,
    /// Subscription or renewal period: "1 year", "3 months".
    pub period: Option<String>,
}

/// One priced item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The product `id`, or the resource id.
    pub id: Option<String>,
    /// The product priced.
    pub product_id: Option<String>,
    /// What was asked, when known: "c6.large.2.linux, ap-southeast-1".
    pub description: Option<String>,
    /// What the price covers: "1 × 730 hours", "2 × 1 year".
    pub covers: Option<String>,
    /// What was asked, field by field, when known.
    pub asked: Option<AskedSummary>,
    /// The line's amounts.
    pub amounts: Amounts,
    /// Discount as a share of the list price, in percent, rounded to 2 decimals.
    pub discount_percent: Option<Decimal>,
    /// Discounts applied.
    pub discounts: Vec<LineDiscount>,
    /// Projection, when asked for and the usage is measured in time.
    pub projection: Option<Projection>,
}

/// The whole inquiry priced under one optional discount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceOption {
    /// Discount id.
    pub discount_id: Option<String>,
    /// 605, 606, 607 or another type as sent.
    pub type_code: Option<i64>,
    /// The type's name.
    pub type_name: String,
    /// The discount's own name.
    pub name: Option<String>,
    /// The amounts under this discount.
    pub amounts: Amounts,
    /// Discount as a share of the list price, in percent, rounded to 2 decimals.
    pub discount_percent: Option<Decimal>,
    /// Whether the service marked it the best offer.
    pub best_offer: bool,
}

/// An item that was not priced: a resource the renewal answer lists as failed, or an item of a call that
/// failed in part (a partial quote's failures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFailure {
    /// The resource.
    pub id: Option<String>,
    /// The error code.
    pub code: Option<String>,
    /// The server's message.
    pub message: Option<String>,
}

/// Something a careful reader must know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable code: `lines_do_not_add_up`, `currency_defaulted`, `list_price_only`, `no_price`,
    /// `discounts_do_not_add_up`, `partial_option`, `answer_error`, `repeated_line`, `unasked_line`.
    pub code: &'static str,
    /// The warning in words.
    pub message: String,
}

/// Projection settings and totals, when projections were asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projections {
    /// Hours in a month.
    pub hours_per_month: Decimal,
    /// The assumption in words.
    pub assumption: String,
    /// Sum over all lines, when every line could be projected.
    pub total: Option<Projection>,
}

/// A breakdown of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// Which API answered.
    pub kind: InquiryKind,
    /// Currency of every amount.
    pub currency: String,
    /// The language of names and messages.
    pub language: Language,
    /// Totals of the inquiry: the best offer's when there are optional discounts.
    pub totals: Amounts,
    /// Discount of the totals as a share of the list price, in percent, rounded to 2 decimals.
    pub discount_percent: Option<Decimal>,
    /// Whether the answer gave list prices only (no discount details: maybe a permission is missing).
    pub list_price_only: bool,
    /// Per item.
    pub lines: Vec<Line>,
    /// Optional discounts side by side (subscriptions and renewals).
    pub options: Vec<PriceOption>,
    /// Items the service could not price.
    pub failures: Vec<ItemFailure>,
    /// What a careful reader must know.
    pub warnings: Vec<Warning>,
    /// Projections, when asked for (pay-per-use).
    pub projections: Option<Projections>,
}

//! The three answers as typed values, in the API's wire field names. Every amount is an exact [`Decimal`];
//! everything is optional, because the service leaves out what it does not know.

use rust_decimal::Decimal;

/// A business error carried by an answer (`error_code`, `error_msg` or `error_message`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorBody {
    /// E.g. `CBC.30050009`.
    pub error_code: Option<String>,
    /// The server's message.
    pub error_msg: Option<String>,
}

/// One discount applied to a pay-per-use line (`DemandDiscountRatingResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiscountRating {
    /// Discount id.
    pub discount_id: Option<String>,
    /// 605, 606, 607 or another type, kept as sent.
    pub discount_type: Option<i64>,
    /// Amount taken off.
    pub amount: Option<Decimal>,
    /// Unit of the amount (1: currency unit).
    pub measure_id: Option<i64>,
    /// Discount name.
    pub discount_name: Option<String>,
}

/// One priced line of a pay-per-use answer (`DemandProductRatingResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OnDemandLine {
    /// The request's `id`.
    pub id: Option<String>,
    /// The product priced.
    pub product_id: Option<String>,
    /// Final price.
    pub amount: Option<Decimal>,
    /// Discount.
    pub discount_amount: Option<Decimal>,
    /// List price.
    pub official_website_amount: Option<Decimal>,
    /// Unit of the amounts.
    pub measure_id: Option<i64>,
    /// Discounts applied (empty without the discount-view permission).
    pub discount_rating_results: Vec<DiscountRating>,
}

/// The pay-per-use answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OnDemandRating {
    /// Final price of all lines.
    pub amount: Option<Decimal>,
    /// Discount of all lines.
    pub discount_amount: Option<Decimal>,
    /// List price of all lines.
    pub official_website_amount: Option<Decimal>,
    /// Unit of the amounts.
    pub measure_id: Option<i64>,
    /// Currency; blank means the site's currency.
    pub currency: Option<String>,
    /// The priced lines.
    pub product_rating_results: Vec<OnDemandLine>,
}

/// The list price of one yearly/monthly line (`PeriodProductOfficialRatingResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListPriceLine {
    /// The request's `id`.
    pub id: Option<String>,
    /// The product priced.
    pub product_id: Option<String>,
    /// List price.
    pub official_website_amount: Option<Decimal>,
    /// Unit of the amount.
    pub measure_id: Option<i64>,
}

/// List prices (`OfficialWebsiteRatingResult`), of a subscription or of a renewal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListPrice {
    /// Total list price.
    pub official_website_amount: Option<Decimal>,
    /// Instalment list price, when the answer carries one.
    pub installment_official_website_amount: Option<Decimal>,
    /// Unit of the amounts.
    pub measure_id: Option<i64>,
    /// Per line (subscribe-rate only).
    pub product_rating_results: Vec<ListPriceLine>,
}

/// One line priced under an optional discount (`PeriodProductRatingResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiscountedLine {
    /// The request's `id`.
    pub id: Option<String>,
    /// The product priced.
    pub product_id: Option<String>,
    /// Final price.
    pub amount: Option<Decimal>,
    /// List price.
    pub official_website_amount: Option<Decimal>,
    /// Discount.
    pub discount_amount: Option<Decimal>,
    /// Unit of the amounts.
    pub measure_id: Option<i64>,
}

/// The whole inquiry priced under one optional discount (`OptionalDiscountRatingResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OptionalDiscount {
    /// Discount id.
    pub discount_id: Option<String>,
    /// Final price.
    pub amount: Option<Decimal>,
    /// List price.
    pub official_website_amount: Option<Decimal>,
    /// Discount.
    pub discount_amount: Option<Decimal>,
    /// Unit of the amounts.
    pub measure_id: Option<i64>,
    /// 605, 606, 607 or another type, kept as sent.
    pub discount_type: Option<i64>,
    /// Discount name.
    pub discount_name: Option<String>,
    /// 1 for the best offer among commercial and partner discounts.
    pub best_offer: Option<i64>,
    /// Per line (subscribe-rate only).
    pub product_rating_results: Vec<DiscountedLine>,
}

/// The yearly/monthly answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodRating {
    /// List prices (one object, though the reference's table says a list).
    pub official_website_rating_result: Option<ListPrice>,
    /// One result per optional discount (empty without the discount-view permission).
    pub optional_discount_rating_results: Vec<OptionalDiscount>,
    /// Currency; blank means the site's currency.
    pub currency: Option<String>,
}

/// The renewal price of one primary resource (`RenewInquiryResultInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenewalLine {
    /// The resource.
    pub resource_id: Option<String>,
    /// Renewal price, attached resources included.
    pub amount: Option<Decimal>,
}

/// A resource the renewal could not price (`FailResourceInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FailedResource {
    /// The resource.
    pub resource_id: Option<String>,
    /// Why: the error code.
    pub error_code: Option<String>,
    /// Why: the server's message.
    pub error_msg: Option<String>,
}

/// The renewal answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenewalRating {
    /// Currency; blank means the site's currency.
    pub currency: Option<String>,
    /// Per primary resource.
    pub renew_inquiry_results: Vec<RenewalLine>,
    /// List price.
    pub official_website_rating_result: Option<ListPrice>,
    /// One result per optional discount.
    pub optional_discount_rating_results: Vec<OptionalDiscount>,
    /// Resources that could not be priced; never dropped.
    pub fail_resource_infos: Vec<FailedResource>,
    /// A business error sent with HTTP 200 (`CBC.30050007`–`CBC.30050013`); on the wire, top-level
    /// `error_code` and `error_msg`.
    pub error: ErrorBody,
}

//! The answers of the three rating APIs, read exactly: every amount becomes a [`Decimal`] with exactly the
//! digits sent, whether it arrived as a JSON number (on-demand, subscribe-rate) or a string (renew-rate).
//! Unknown fields are ignored and `null` means "not given" everywhere, as NOTES.md asks.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::inquiry::wire::{object_text, ObjectWriter};
use crate::inquiry::InquiryKind;
use crate::validate::Path;
use read::{each, Fields};

pub mod api_error;
mod merge;
mod read;

pub use merge::MergeError;

/// An answer that could not be read, with the wire-name path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable answer at {}: {message}", if path.is_empty() { "the top" } else { path.as_str() })]
pub struct ResponseError {
    /// Wire-name path of the value, e.g. `product_rating_results[1].amount`; empty for the whole answer.
    pub path: String,
    /// What was expected and what was seen.
    pub message: String,
}

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

/// An answer of any of the three APIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rating {
    /// Pay-per-use.
    OnDemand(OnDemandRating),
    /// Yearly/monthly.
    Period(PeriodRating),
    /// Renewal.
    Renewal(RenewalRating),
}

impl Rating {
    /// Reads the answer of `kind`'s API from its JSON text.
    pub fn from_json(kind: InquiryKind, text: &str) -> Result<Rating, ResponseError> {
        Ok(match kind {
            InquiryKind::OnDemand => Rating::OnDemand(OnDemandRating::from_json(text)?),
            InquiryKind::Period => Rating::Period(PeriodRating::from_json(text)?),
            InquiryKind::Renewal => Rating::Renewal(RenewalRating::from_json(text)?),
        })
    }

    /// The kind of inquiry this answers.
    pub fn kind(&self) -> InquiryKind {
        match self {
            Rating::OnDemand(_) => InquiryKind::OnDemand,
            Rating::Period(_) => InquiryKind::Period,
            Rating::Renewal(_) => InquiryKind::Renewal,
        }
    }

    /// The `currency` the answer names, if not blank.
    pub fn currency(&self) -> Option<&str> {
        match self {
            Rating::OnDemand(r) => r.currency.as_deref(),
            Rating::Period(r) => r.currency.as_deref(),
            Rating::Renewal(r) => r.currency.as_deref(),
        }
        .filter(|c| !c.trim().is_empty())
    }

    /// The answer as JSON text in wire names, every amount an exact decimal string, absent values `null`.
    pub fn to_json(&self) -> String {
        object_text(|w| match self {
            Rating::OnDemand(r) => {
                w.amount("amount", r.amount);
                w.amount("discount_amount", r.discount_amount);
                w.amount("official_website_amount", r.official_website_amount);
                w.int_or_null("measure_id", r.measure_id);
                w.text_or_null("currency", r.currency.as_deref());
                w.objects(
                    "product_rating_results",
                    &r.product_rating_results,
                    |w, l| {
                        w.text_or_null("id", l.id.as_deref());
                        w.text_or_null("product_id", l.product_id.as_deref());
                        w.amount("amount", l.amount);
                        w.amount("discount_amount", l.discount_amount);
                        w.amount("official_website_amount", l.official_website_amount);
                        w.int_or_null("measure_id", l.measure_id);
                        w.objects(
                            "discount_rating_results",
                            &l.discount_rating_results,
                            |w, d| {
                                w.text_or_null("discount_id", d.discount_id.as_deref());
                                w.int_or_null("discount_type", d.discount_type);
                                w.amount("amount", d.amount);
                                w.int_or_null("measure_id", d.measure_id);
                                w.text_or_null("discount_name", d.discount_name.as_deref());
                            },
                        );
                    },
                );
            }
            Rating::Period(r) => {
                write_list_price(w, r.official_website_rating_result.as_ref());
                write_options(w, &r.optional_discount_rating_results);
                w.text_or_null("currency", r.currency.as_deref());
            }
            Rating::Renewal(r) => {
                w.text_or_null("currency", r.currency.as_deref());
                w.objects("renew_inquiry_results", &r.renew_inquiry_results, |w, l| {
                    w.text_or_null("resource_id", l.resource_id.as_deref());
                    w.amount("amount", l.amount);
                });
                write_list_price(w, r.official_website_rating_result.as_ref());
                write_options(w, &r.optional_discount_rating_results);
                w.objects("fail_resource_infos", &r.fail_resource_infos, |w, f| {
                    w.text_or_null("resource_id", f.resource_id.as_deref());
                    w.text_or_null("error_code", f.error_code.as_deref());
                    w.text_or_null("error_msg", f.error_msg.as_deref());
                });
                w.text_or_null("error_code", r.error.error_code.as_deref());
                w.text_or_null("error_msg", r.error.error_msg.as_deref());
            }
        })
    }

    /// The answers of the parts of one split inquiry (all of one kind) as one answer.
    pub fn merge(kind: InquiryKind, parts: Vec<Rating>) -> Result<Rating, MergeError> {
        fn take<T>(parts: Vec<Rating>, pick: fn(Rating) -> Option<T>) -> Vec<T> {
            parts.into_iter().filter_map(pick).collect()
        }
        Ok(match kind {
            InquiryKind::OnDemand => {
                Rating::OnDemand(OnDemandRating::merge(take(parts, |r| match r {
                    Rating::OnDemand(r) => Some(r),
                    _ => None,
                }))?)
            }
            InquiryKind::Period => Rating::Period(PeriodRating::merge(take(parts, |r| match r {
                Rating::Period(r) => Some(r),
                _ => None,
            }))?),
            InquiryKind::Renewal => {
                Rating::Renewal(RenewalRating::merge(take(parts, |r| match r {
                    Rating::Renewal(r) => Some(r),
                    _ => None,
                }))?)
            }
        })
    }
}

fn write_list_price(w: &mut ObjectWriter<'_>, list: Option<&ListPrice>) {
    w.object_or_null("official_website_rating_result", list, |w, l| {
        w.amount("official_website_amount", l.official_website_amount);
        w.amount(
            "installment_official_website_amount",
            l.installment_official_website_amount,
        );
        w.int_or_null("measure_id", l.measure_id);
        w.objects(
            "product_rating_results",
            &l.product_rating_results,
            |w, p| {
                w.text_or_null("id", p.id.as_deref());
                w.text_or_null("product_id", p.product_id.as_deref());
                w.amount("official_website_amount", p.official_website_amount);
                w.int_or_null("measure_id", p.measure_id);
            },
        );
    });
}

fn write_options(w: &mut ObjectWriter<'_>, options: &[OptionalDiscount]) {
    w.objects("optional_discount_rating_results", options, |w, o| {
        w.text_or_null("discount_id", o.discount_id.as_deref());
        w.amount("amount", o.amount);
        w.amount("official_website_amount", o.official_website_amount);
        w.amount("discount_amount", o.discount_amount);
        w.int_or_null("measure_id", o.measure_id);
        w.int_or_null("discount_type", o.discount_type);
        w.text_or_null("discount_name", o.discount_name.as_deref());
        w.int_or_null("best_offer", o.best_offer);
        w.objects(
            "product_rating_results",
            &o.product_rating_results,
            |w, p| {
                w.text_or_null("id", p.id.as_deref());
                w.text_or_null("product_id", p.product_id.as_deref());
                w.amount("amount", p.amount);
                w.amount("official_website_amount", p.official_website_amount);
                w.amount("discount_amount", p.discount_amount);
                w.int_or_null("measure_id", p.measure_id);
            },
        );
    });
}

/// Parses JSON text into a value; the top-level must be an object.
fn parse_text(text: &str) -> Result<Value, ResponseError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ResponseError {
        path: String::new(),
        message: format!("not JSON: {e}"),
    })?;
    match value {
        Value::Object(_) => Ok(value),
        other => Err(ResponseError {
            path: String::new(),
            message: format!(
                "expected an object, got {}",
                crate::validate::input::describe(&other)
            ),
        }),
    }
}

/// Reads `error_code` and `error_msg` (or the gateway's `error_message`) of an answer object.
pub fn error_body(text: &str) -> Option<ErrorBody> {
    error_fields(&parse_text(text).ok()?)
}

/// [`error_body`] of an answer already parsed; `None` unless it carries a non-empty `error_code`.
pub(crate) fn error_fields(value: &Value) -> Option<ErrorBody> {
    let root = Path::Root;
    let f = Fields::of(value, &root).ok()?;
    let body = ErrorBody {
        error_code: f
            .text("error_code")
            .ok()
            .flatten()
            .filter(|c| !c.is_empty()),
        error_msg: f
            .text("error_msg")
            .ok()
            .flatten()
            .or_else(|| f.text("error_message").ok().flatten()),
    };
    body.error_code.is_some().then_some(body)
}

fn discount_rating(f: &Fields<'_, '_>) -> Result<DiscountRating, ResponseError> {
    Ok(DiscountRating {
        discount_id: f.text("discount_id")?,
        discount_type: f.int("discount_type")?,
        amount: f.amount("amount")?,
        measure_id: f.int("measure_id")?,
        discount_name: f.text("discount_name")?,
    })
}

impl OnDemandRating {
    /// Reads a pay-per-use answer from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        let value = parse_text(text)?;
        let root = Path::Root;
        let f = Fields::of(&value, &root)?;
        Ok(OnDemandRating {
            amount: f.amount("amount")?,
            discount_amount: f.amount("discount_amount")?,
            official_website_amount: f.amount("official_website_amount")?,
            measure_id: f.int("measure_id")?,
            currency: f.text("currency")?,
            product_rating_results: each(
                f.list("product_rating_results")?,
                &root.key("product_rating_results"),
                |l| {
                    Ok(OnDemandLine {
                        id: l.text("id")?,
                        product_id: l.text("product_id")?,
                        amount: l.amount("amount")?,
                        discount_amount: l.amount("discount_amount")?,
                        official_website_amount: l.amount("official_website_amount")?,
                        measure_id: l.int("measure_id")?,
                        discount_rating_results: each(
                            l.list("discount_rating_results")?,
                            &l.path().key("discount_rating_results"),
                            discount_rating,
                        )?,
                    })
                },
            )?,
        })
    }
}

fn list_price(f: &Fields<'_, '_>) -> Result<ListPrice, ResponseError> {
    Ok(ListPrice {
        official_website_amount: f.amount("official_website_amount")?,
        installment_official_website_amount: f.amount("installment_official_website_amount")?,
        measure_id: f.int("measure_id")?,
        product_rating_results: each(
            f.list("product_rating_results")?,
            &f.path().key("product_rating_results"),
            |l| {
                Ok(ListPriceLine {
                    id: l.text("id")?,
                    product_id: l.text("product_id")?,
                    official_website_amount: l.amount("official_website_amount")?,
                    measure_id: l.int("measure_id")?,
                })
            },
        )?,
    })
}

fn optional_discount(f: &Fields<'_, '_>) -> Result<OptionalDiscount, ResponseError> {
    Ok(OptionalDiscount {
        discount_id: f.text("discount_id")?,
        amount: f.amount("amount")?,
        official_website_amount: f.amount("official_website_amount")?,
        discount_amount: f.amount("discount_amount")?,
        measure_id: f.int("measure_id")?,
        discount_type: f.int("discount_type")?,
        discount_name: f.text("discount_name")?,
        best_offer: f.int("best_offer")?,
        product_rating_results: each(
            f.list("product_rating_results")?,
            &f.path().key("product_rating_results"),
            |l| {
                Ok(DiscountedLine {
                    id: l.text("id")?,
                    product_id: l.text("product_id")?,
                    amount: l.amount("amount")?,
                    official_website_amount: l.amount("official_website_amount")?,
                    discount_amount: l.amount("discount_amount")?,
                    measure_id: l.int("measure_id")?,
                })
            },
        )?,
    })
}

/// Reads the optional `official_website_rating_result` object at `key`.
fn optional_list_price(f: &Fields<'_, '_>, key: &str) -> Result<Option<ListPrice>, ResponseError> {
    let path = f.path().key(key);
    f.object(key)
        .map(|v| list_price(&Fields::of(v, &path)?))
        .transpose()
}

impl PeriodRating {
    /// Reads a yearly/monthly answer from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        let value = parse_text(text)?;
        let root = Path::Root;
        let f = Fields::of(&value, &root)?;
        Ok(PeriodRating {
            official_website_rating_result: optional_list_price(
                &f,
                "official_website_rating_result",
            )?,
            optional_discount_rating_results: each(
                f.list("optional_discount_rating_results")?,
                &root.key("optional_discount_rating_results"),
                optional_discount,
            )?,
            currency: f.text("currency")?,
        })
    }
}

impl RenewalRating {
    /// Reads a renewal answer from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        let value = parse_text(text)?;
        let root = Path::Root;
        let f = Fields::of(&value, &root)?;
        Ok(RenewalRating {
            currency: f.text("currency")?,
            renew_inquiry_results: each(
                f.list("renew_inquiry_results")?,
                &root.key("renew_inquiry_results"),
                |l| {
                    Ok(RenewalLine {
                        resource_id: l.text("resource_id")?,
                        amount: l.amount("amount")?,
                    })
                },
            )?,
            official_website_rating_result: optional_list_price(
                &f,
                "official_website_rating_result",
            )?,
            optional_discount_rating_results: each(
                f.list("optional_discount_rating_results")?,
                &root.key("optional_discount_rating_results"),
                optional_discount,
            )?,
            fail_resource_infos: each(
                f.list("fail_resource_infos")?,
                &root.key("fail_resource_infos"),
                |l| {
                    Ok(FailedResource {
                        resource_id: l.text("resource_id")?,
                        error_code: l.text("error_code")?,
                        error_msg: l.text("error_msg")?.or(l.text("error_message")?),
                    })
                },
            )?,
            error: ErrorBody {
                error_code: f.text("error_code")?,
                error_msg: f.text("error_msg")?.or(f.text("error_message")?),
            },
        })
    }
}

//! Price breakdowns: list price, discounts and final price per line and in total, the optional discounts side
//! by side, failures and warnings, from any of the three answers, in exact decimals. Outputs for people
//! (text, HTML) and programs (CSV, JSON) are in the submodules; nothing here does I/O.

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::client::call::Quote;
use crate::inquiry::wire::{object_text, ObjectWriter};
use crate::inquiry::InquiryKind;
use crate::response::api_error::Language;
use crate::response::{OptionalDiscount, Rating};
use crate::validate::input::Quoted;
use crate::validate::Violations;

pub mod asked;
pub mod csv;
pub mod format;
pub mod html;
pub mod text;

pub use asked::{Asked, Terms};

/// Every warning code a breakdown may carry.
pub const WARNING_CODES: [&str; 7] = [
    "lines_do_not_add_up",
    "currency_defaulted",
    "list_price_only",
    "no_price",
    "discounts_do_not_add_up",
    "partial_option",
    "answer_error",
];

/// The version of the JSON document [`Breakdown::to_json`] writes; it changes only with incompatible changes.
pub const JSON_VERSION: u32 = 1;

/// How to build and show a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownOptions {
    /// Language of labels, names and warnings.
    pub language: Language,
    /// Whether to project pay-per-use prices per hour, month and year.
    pub projections: bool,
    /// Hours in a month for projections (730 by default: 8,760 hours a year over 12 months).
    pub hours_per_month: Decimal,
}

impl BreakdownOptions {
    /// Reads `{ language, projections, hoursPerMonth }` as JavaScript passes them; absent values take the
    /// defaults, with `language` defaulting to `default_language`. Every problem is reported at once.
    pub fn from_value(
        value: &serde_json::Value,
        default_language: Language,
    ) -> Result<Self, Violations> {
        use crate::client::options::{language_option, options_map, unknown};
        use crate::validate::input::{describe, quote};
        use crate::validate::violation::{Collector, Rule};
        let mut options = BreakdownOptions::new(default_language);
        let mut c = Collector::default();
        let empty = serde_json::Map::new();
        let Some(map) = options_map(&mut c, value, &empty, "breakdown options") else {
            return Err(c.finish());
        };
        unknown(
            &mut c,
            map,
            &crate::validate::Path::Root,
            &["language", "projections", "hoursPerMonth"],
            "a breakdown option",
        );
        if let Some(language) = language_option(&mut c, map) {
            options.language = language;
        }
        match map.get("projections") {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Bool(b)) => options.projections = *b,
            Some(other) => c.shape(
                "projections".into(),
                Rule::Type,
                format!("must be true or false, got {}", describe(other)),
            ),
        }
        if let Some(value) = map.get("hoursPerMonth").filter(|v| !v.is_null()) {
            let text = match value {
                serde_json::Value::Number(n) => Some(n.as_str().to_owned()),
                serde_json::Value::String(s) => Some(s.clone()),
                _ => None,
            };
            match text.as_deref().map(crate::money::parse_decimal) {
                Some(Ok(hours)) if hours > Decimal::ZERO && hours <= Decimal::from(744) => {
                    options.hours_per_month = hours;
                    options.projections = options.projections || !map.contains_key("projections");
                }
                Some(Ok(hours)) => c.rule(
                    "hoursPerMonth".into(),
                    Rule::Range,
                    format!("must be greater than 0 and at most 744 (31 days), got {hours}"),
                ),
                _ => c.shape(
                    "hoursPerMonth".into(),
                    Rule::Type,
                    format!(
                        "must be a decimal number of hours, got {}",
                        match value {
                            serde_json::Value::String(s) => quote(s),
                            other => describe(other),
                        }
                    ),
                ),
            }
        }
        if c.is_empty() {
            Ok(options)
        } else {
            Err(c.finish())
        }
    }

    /// The defaults in `language`: no projections, 730 hours a month.
    pub fn new(language: Language) -> Self {
        BreakdownOptions {
            language,
            projections: false,
            hours_per_month: Decimal::from(730),
        }
    }
}

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

/// A resource a renewal could not price.
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
    /// `discounts_do_not_add_up`, `partial_option`, `answer_error`.
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
    pub kind: &'static str,
    /// Currency of every amount.
    pub currency: String,
    /// `en_US` or `zh_CN`: the language of names and messages.
    pub language: &'static str,
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

/// The name of a discount type.
pub fn discount_type_name(code: Option<i64>, language: Language) -> String {
    let en = language == Language::English;
    match code {
        Some(605) if en => "Contract commercial discount (Huawei Cloud)".to_owned(),
        Some(605) => "合同商务折扣（华为云）".to_owned(),
        Some(606) if en => "Contract commercial discount (reseller)".to_owned(),
        Some(606) => "合同商务折扣（经销商）".to_owned(),
        Some(607) if en => "Partner authorized discount".to_owned(),
        Some(607) => "伙伴授权折扣".to_owned(),
        Some(other) if en => format!("Discount type {other}"),
        Some(other) => format!("折扣类型 {other}"),
        None if en => "Discount".to_owned(),
        None => "折扣".to_owned(),
    }
}

/// `part` as a percentage of `whole`, rounded half away from zero to 2 decimals.
fn percent(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    if whole.is_zero() {
        return None;
    }
    let share = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(
        share
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

/// Significant digits kept of a quotient that does not terminate.
const QUOTIENT_DIGITS: u32 = 12;

fn shown_quotient(value: Decimal) -> Decimal {
    value
        .round_sf_with_strategy(QUOTIENT_DIGITS, RoundingStrategy::MidpointNearestEven)
        .unwrap_or(value)
        .normalize()
}

/// `a / b`, and whether it is exact; a quotient that does not terminate is rounded to 12 significant digits.
fn quotient(a: Decimal, b: Decimal) -> Option<(Decimal, bool)> {
    let q = a.checked_div(b)?;
    if q.checked_mul(b) == Some(a) {
        Some((q.normalize(), true))
    } else {
        Some((shown_quotient(q), false))
    }
}

/// The exact sum of `values`, or `None` if any is missing or the sum overflows.
fn total(values: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

struct Builder<'a> {
    options: &'a BreakdownOptions,
    asked: HashMap<&'a str, &'a Asked>,
    warnings: Vec<Warning>,
}

impl<'a> Builder<'a> {
    fn en(&self) -> bool {
        self.options.language == Language::English
    }

    fn warn(&mut self, code: &'static str, en: String, zh: String) {
        debug_assert!(
            WARNING_CODES.contains(&code),
            "undeclared warning code {code}"
        );
        let message = if self.en() { en } else { zh };
        self.warnings.push(Warning { code, message });
    }

    /// Warns when `parts` (all present) do not add up to `whole`.
    fn check_sum(
        &mut self,
        what_en: &str,
        what_zh: &str,
        parts: Vec<Option<Decimal>>,
        whole: Option<Decimal>,
    ) {
        if parts.is_empty() {
            return;
        }
        let (Some(sum), Some(whole)) = (total(parts), whole) else {
            return;
        };
        if sum != whole {
            self.warn(
                "lines_do_not_add_up",
                format!("The lines' {what_en} add up to {sum}, but the answer's total is {whole}; both are shown as the service sent them."),
                format!("各行{what_zh}合计为 {sum}，但应答中的总额为 {whole}；两者均按服务返回的原样显示。"),
            );
        }
    }

    fn describe(&self, id: Option<&str>) -> (Option<String>, Option<String>, Option<AskedSummary>) {
        let Some(asked) = id.and_then(|id| self.asked.get(id)) else {
            return (None, None, None);
        };
        let language = self.options.language;
        let size = asked
            .product
            .as_ref()
            .and_then(|p| p.size)
            .map(|(size, measure)| asked::quantity(Decimal::from(size), measure, language));
        let description = asked.product.as_ref().map(|p| {
            let mut text = format!("{}, {}", p.resource_spec, p.region);
            if let Some(size) = &size {
                text.push_str(&format!(", {size}"));
            }
            text
        });
        let (usage, period) = match &asked.terms {
            Terms::Usage {
                value, measure_id, ..
            } => (Some(asked::quantity(*value, *measure_id, language)), None),
            Terms::Period { period_type, num } => {
                (None, Some(asked::period_text(*period_type, *num, language)))
            }
        };
        let what = usage.clone().or(period.clone()).unwrap_or_default();
        let covers = match &asked.product {
            Some(p) => format!("{} × {what}", p.quantity),
            None => what,
        };
        let product = asked.product.as_ref();
        let summary = AskedSummary {
            cloud_service_type: product.map(|p| p.cloud_service_type.clone()),
            resource_type: product.map(|p| p.resource_type.clone()),
            resource_spec: product.map(|p| p.resource_spec.clone()),
            region: product.map(|p| p.region.clone()),
            size,
            quantity: product.map(|p| p.quantity),
            usage,
            period,
        };
        (description, Some(covers), Some(summary))
    }

    fn line_discounts(
        &self,
        list: impl Iterator<Item = (Option<String>, Option<i64>, Option<String>, Option<Decimal>)>,
    ) -> Vec<LineDiscount> {
        list.map(|(discount_id, type_code, name, amount)| LineDiscount {
            discount_id,
            type_code,
            type_name: discount_type_name(type_code, self.options.language),
            name,
            amount,
        })
        .collect()
    }

    fn projection(&self, id: Option<&str>, final_price: Option<Decimal>) -> Option<Projection> {
        if !self.options.projections {
            return None;
        }
        let asked = self.asked.get(id?)?;
        let Terms::Usage {
            value, measure_id, ..
        } = asked.terms
        else {
            return None;
        };
        let quantity = Decimal::from(asked.product.as_ref().map_or(1, |p| p.quantity));
        let hours = value
            .checked_mul(asked::hours_per_unit(measure_id)?)?
            .checked_mul(quantity)?;
        let amount = final_price?;
        let month = amount.checked_mul(self.options.hours_per_month)?;
        let (per_hour, exact_hour) = quotient(amount, hours)?;
        let (per_month, exact_month) = quotient(month, hours)?;
        let (per_year, exact_year) = quotient(month.checked_mul(Decimal::from(12))?, hours)?;
        Some(Projection {
            per_hour,
            per_month,
            per_year,
            exact: exact_hour && exact_month && exact_year,
        })
    }

    /// The sum of the lines' projections, when every line has one.
    fn projection_total(&self, lines: &[Line]) -> Option<Projection> {
        let all: Vec<&Projection> = lines
            .iter()
            .map(|l| l.projection.as_ref())
            .collect::<Option<_>>()?;
        if all.is_empty() {
            return None;
        }
        let exact = all.iter().all(|p| p.exact);
        let sum = |f: fn(&Projection) -> Decimal| {
            total(all.iter().map(|p| Some(f(p)))).map(|s| {
                if exact {
                    s.normalize()
                } else {
                    shown_quotient(s)
                }
            })
        };
        Some(Projection {
            per_hour: sum(|p| p.per_hour)?,
            per_month: sum(|p| p.per_month)?,
            per_year: sum(|p| p.per_year)?,
            exact,
        })
    }

    fn options_of(&self, list: &[OptionalDiscount]) -> Vec<PriceOption> {
        list.iter()
            .map(|o| PriceOption {
                discount_id: o.discount_id.clone(),
                type_code: o.discount_type,
                type_name: discount_type_name(o.discount_type, self.options.language),
                name: o.discount_name.clone(),
                amounts: Amounts {
                    list: o.official_website_amount,
                    discount: o.discount_amount,
                    final_price: o.amount,
                },
                discount_percent: percent(o.discount_amount, o.official_website_amount),
                best_offer: o.best_offer == Some(1),
            })
            .collect()
    }

    fn list_price_only(&mut self) {
        self.warn(
            "list_price_only",
            "List prices only: the answer carries no discount results. Discounts may still apply; seeing them needs the bs:discount:view permission.".to_owned(),
            "仅有目录价：应答中没有折扣结果。折扣仍可能适用；查看折扣需要 bs:discount:view 权限。".to_owned(),
        );
    }
}

impl Breakdown {
    /// The breakdown of `quote`.
    pub fn of(quote: &Quote, options: &BreakdownOptions) -> Breakdown {
        let mut b = Builder {
            options,
            asked: quote.asked.iter().map(|a| (a.id.as_str(), a)).collect(),
            warnings: Vec::new(),
        };
        if quote.currency_defaulted {
            b.warn(
                "currency_defaulted",
                format!("The answer names no currency; amounts are taken to be in {}, the site's currency.", quote.currency),
                format!("应答未注明币种；金额按站点币种 {} 计。", quote.currency),
            );
        }
        let mut lines = Vec::new();
        let mut price_options = Vec::new();
        let mut failures = Vec::new();
        let mut list_price_only = false;
        let totals: Amounts;
        let mut projection_total = None;
        match &quote.rating {
            Rating::OnDemand(r) => {
                for l in &r.product_rating_results {
                    let (description, covers, asked) = b.describe(l.id.as_deref());
                    let discounts = b.line_discounts(l.discount_rating_results.iter().map(|d| {
                        (
                            d.discount_id.clone(),
                            d.discount_type,
                            d.discount_name.clone(),
                            d.amount,
                        )
                    }));
                    if !discounts.is_empty() {
                        let entries = total(discounts.iter().map(|d| d.amount));
                        if entries.is_some()
                            && l.discount_amount.is_some()
                            && entries != l.discount_amount
                        {
                            let id = l.id.clone().unwrap_or_default();
                            b.warn(
                                "discounts_do_not_add_up",
                                format!("The discounts of line {} add up to {}, but its discount is {}.", Quoted(&id), entries.unwrap_or_default(), l.discount_amount.unwrap_or_default()),
                                format!("行 {} 的各项折扣合计为 {}，但其折扣额为 {}。", Quoted(&id), entries.unwrap_or_default(), l.discount_amount.unwrap_or_default()),
                            );
                        }
                    }
                    lines.push(Line {
                        id: l.id.clone(),
                        product_id: l.product_id.clone(),
                        description,
                        covers,
                        asked,
                        amounts: Amounts {
                            list: l.official_website_amount,
                            discount: l.discount_amount,
                            final_price: l.amount,
                        },
                        discount_percent: percent(l.discount_amount, l.official_website_amount),
                        discounts,
                        projection: b.projection(l.id.as_deref(), l.amount),
                    });
                }
                totals = Amounts {
                    list: r.official_website_amount,
                    discount: r.discount_amount,
                    final_price: r.amount,
                };
                let en_zh = [
                    ("list prices", "目录价"),
                    ("discounts", "折扣"),
                    ("final prices", "最终价格"),
                ];
                let columns: [fn(&Amounts) -> Option<Decimal>; 3] =
                    [|a| a.list, |a| a.discount, |a| a.final_price];
                for ((en, zh), column) in en_zh.into_iter().zip(columns) {
                    let parts = lines.iter().map(|l| column(&l.amounts)).collect();
                    b.check_sum(en, zh, parts, column(&totals));
                }
                if options.projections {
                    projection_total = b.projection_total(&lines);
                }
            }
            Rating::Period(r) => {
                price_options = b.options_of(&r.optional_discount_rating_results);
                let best = r
                    .optional_discount_rating_results
                    .iter()
                    .find(|o| o.best_offer == Some(1));
                let list = r.official_website_rating_result.as_ref();
                for l in list
                    .map(|l| l.product_rating_results.as_slice())
                    .unwrap_or_default()
                {
                    let (description, covers, asked) = b.describe(l.id.as_deref());
                    let offer = best.and_then(|o| {
                        o.product_rating_results
                            .iter()
                            .find(|p| p.id == l.id)
                            .map(|p| (o, p))
                    });
                    let discounts = b.line_discounts(offer.into_iter().map(|(o, p)| {
                        (
                            o.discount_id.clone(),
                            o.discount_type,
                            o.discount_name.clone(),
                            p.discount_amount,
                        )
                    }));
                    let (discount, final_price) =
                        offer.map_or((None, None), |(_, p)| (p.discount_amount, p.amount));
                    lines.push(Line {
                        id: l.id.clone(),
                        product_id: l.product_id.clone(),
                        description,
                        covers,
                        asked,
                        amounts: Amounts {
                            list: l.official_website_amount,
                            discount,
                            final_price,
                        },
                        discount_percent: percent(discount, l.official_website_amount),
                        discounts,
                        projection: None,
                    });
                }
                let list_total = list.and_then(|l| l.official_website_amount);
                b.check_sum(
                    "list prices",
                    "目录价",
                    lines.iter().map(|l| l.amounts.list).collect(),
                    list_total,
                );
                totals = Amounts {
                    list: list_total,
                    discount: best.and_then(|o| o.discount_amount),
                    final_price: best.and_then(|o| o.amount),
                };
                check_options(&mut b, &r.optional_discount_rating_results, lines.len());
                list_price_only = price_options.is_empty();
            }
            Rating::Renewal(r) => {
                price_options = b.options_of(&r.optional_discount_rating_results);
                let best = r
                    .optional_discount_rating_results
                    .iter()
                    .find(|o| o.best_offer == Some(1));
                for l in &r.renew_inquiry_results {
                    let (description, covers, asked) = b.describe(l.resource_id.as_deref());
                    lines.push(Line {
                        id: l.resource_id.clone(),
                        product_id: None,
                        description,
                        covers,
                        asked,
                        amounts: Amounts {
                            list: l.amount,
                            discount: None,
                            final_price: None,
                        },
                        discount_percent: None,
                        discounts: Vec::new(),
                        projection: None,
                    });
                }
                let list_total = r
                    .official_website_rating_result
                    .as_ref()
                    .and_then(|l| l.official_website_amount);
                b.check_sum(
                    "renewal prices",
                    "续费价格",
                    lines.iter().map(|l| l.amounts.list).collect(),
                    list_total,
                );
                totals = Amounts {
                    list: list_total,
                    discount: best.and_then(|o| o.discount_amount),
                    final_price: best.and_then(|o| o.amount),
                };
                failures = r
                    .fail_resource_infos
                    .iter()
                    .map(|f| ItemFailure {
                        id: f.resource_id.clone(),
                        code: f.error_code.clone(),
                        message: f.error_msg.clone(),
                    })
                    .collect();
                if let Some(code) = &r.error.error_code {
                    let msg = r.error.error_msg.clone().unwrap_or_default();
                    b.warn(
                        "answer_error",
                        format!("The answer carries the error {code}: {msg}"),
                        format!("应答包含错误 {code}：{msg}"),
                    );
                }
                list_price_only = price_options.is_empty() && !lines.is_empty();
            }
        }
        for asked in &quote.asked {
            let priced = lines
                .iter()
                .any(|l| l.id.as_deref() == Some(asked.id.as_str()));
            let failed = failures
                .iter()
                .any(|f| f.id.as_deref() == Some(asked.id.as_str()));
            if !priced && !failed {
                let id = &asked.id;
                b.warn(
                    "no_price",
                    format!("The answer has no price for {}.", Quoted(id)),
                    format!("应答中没有 {} 的价格。", Quoted(id)),
                );
            }
        }
        if list_price_only {
            b.list_price_only();
        }
        let projections = (options.projections && quote.kind() == InquiryKind::OnDemand).then(|| Projections {
            hours_per_month: options.hours_per_month,
            assumption: if b.en() {
                format!("Projections, not prices: the final price per hour of use, times {} hours a month and 12 months a year; lines not measured in time are not projected.", options.hours_per_month)
            } else {
                format!("预估值，并非报价：按每使用小时的最终价格，乘以每月 {} 小时、每年 12 个月计算；非按时长计量的行不做预估。", options.hours_per_month)
            },
            total: projection_total,
        });
        Breakdown {
            kind: quote.kind().code(),
            currency: quote.currency.clone(),
            language: options.language.header(),
            discount_percent: percent(totals.discount, totals.list),
            totals,
            list_price_only,
            lines,
            options: price_options,
            failures,
            warnings: b.warnings,
            projections,
        }
    }

    /// The breakdown as JSON, amounts as exact decimal strings.
    pub fn to_plain_json(&self) -> String {
        object_text(|w| self.write(w))
    }

    /// The versioned JSON document: `{ "format": "hwc-price.breakdown", "version": 1, … }`, amounts as exact
    /// decimal strings.
    pub fn to_json(&self) -> String {
        object_text(|w| {
            w.string("format", "hwc-price.breakdown");
            w.int("version", i64::from(JSON_VERSION));
            self.write(w);
        })
    }

    fn write(&self, w: &mut ObjectWriter<'_>) {
        w.string("kind", self.kind);
        w.string("currency", &self.currency);
        w.string("language", self.language);
        w.object_or_null("totals", Some(&self.totals), write_amounts);
        w.amount("discount_percent", self.discount_percent);
        w.boolean("list_price_only", self.list_price_only);
        w.objects("lines", &self.lines, |w, l| {
            w.text_or_null("id", l.id.as_deref());
            w.text_or_null("product_id", l.product_id.as_deref());
            w.text_or_null("description", l.description.as_deref());
            w.text_or_null("covers", l.covers.as_deref());
            w.object_or_null("asked", l.asked.as_ref(), |w, a| {
                w.text_or_null("cloud_service_type", a.cloud_service_type.as_deref());
                w.text_or_null("resource_type", a.resource_type.as_deref());
                w.text_or_null("resource_spec", a.resource_spec.as_deref());
                w.text_or_null("region", a.region.as_deref());
                w.text_or_null("size", a.size.as_deref());
                w.int_or_null("quantity", a.quantity);
                w.text_or_null("usage", a.usage.as_deref());
                w.text_or_null("period", a.period.as_deref());
            });
            write_amounts(w, &l.amounts);
            w.amount("discount_percent", l.discount_percent);
            w.objects("discounts", &l.discounts, |w, d| {
                w.text_or_null("discount_id", d.discount_id.as_deref());
                w.int_or_null("type_code", d.type_code);
                w.string("type_name", &d.type_name);
                w.text_or_null("name", d.name.as_deref());
                w.amount("amount", d.amount);
            });
            w.object_or_null("projection", l.projection.as_ref(), write_projection);
        });
        w.objects("options", &self.options, |w, o| {
            w.text_or_null("discount_id", o.discount_id.as_deref());
            w.int_or_null("type_code", o.type_code);
            w.string("type_name", &o.type_name);
            w.text_or_null("name", o.name.as_deref());
            write_amounts(w, &o.amounts);
            w.amount("discount_percent", o.discount_percent);
            w.boolean("best_offer", o.best_offer);
        });
        w.objects("failures", &self.failures, |w, f| {
            w.text_or_null("id", f.id.as_deref());
            w.text_or_null("code", f.code.as_deref());
            w.text_or_null("message", f.message.as_deref());
        });
        w.objects("warnings", &self.warnings, |w, x| {
            w.string("code", x.code);
            w.string("message", &x.message);
        });
        w.object_or_null("projections", self.projections.as_ref(), |w, p| {
            w.amount("hours_per_month", Some(p.hours_per_month));
            w.string("assumption", &p.assumption);
            w.object_or_null("total", p.total.as_ref(), write_projection);
        });
    }
}

fn write_amounts(w: &mut ObjectWriter<'_>, a: &Amounts) {
    w.amount("list", a.list);
    w.amount("discount", a.discount);
    w.amount("final", a.final_price);
}

fn write_projection(w: &mut ObjectWriter<'_>, p: &Projection) {
    w.amount("per_hour", Some(p.per_hour));
    w.amount("per_month", Some(p.per_month));
    w.amount("per_year", Some(p.per_year));
    w.boolean("exact", p.exact);
}

/// Warns about optional discounts that do not cover every line, and about options whose lines do not add up.
fn check_options(b: &mut Builder<'_>, options: &[OptionalDiscount], lines: usize) {
    for o in options {
        let name = o
            .discount_name
            .clone()
            .or(o.discount_id.clone())
            .unwrap_or_default();
        let covered = o.product_rating_results.len();
        if covered > 0 && covered < lines {
            b.warn(
                "partial_option",
                format!("The option {} covers {covered} of {lines} lines; its totals are for those lines only.", Quoted(&name)),
                format!("选项 {} 仅覆盖 {lines} 行中的 {covered} 行；其总额仅针对这些行。", Quoted(&name)),
            );
        }
        let parts: Vec<_> = o.product_rating_results.iter().map(|p| p.amount).collect();
        b.check_sum(
            &format!("final prices under {}", Quoted(&name)),
            &format!("在 {} 下的最终价格", Quoted(&name)),
            parts,
            o.amount,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn options_from_javascript() {
        let en = Language::English;
        let o = BreakdownOptions::from_value(&serde_json::Value::Null, Language::Chinese).unwrap();
        assert_eq!((o.language, o.projections), (Language::Chinese, false));
        let o = BreakdownOptions::from_value(&json!({"hoursPerMonth": "720.5"}), en).unwrap();
        assert!(o.projections, "giving hoursPerMonth asks for projections");
        assert_eq!(o.hours_per_month.to_string(), "720.5");
        let o = BreakdownOptions::from_value(
            &json!({"hoursPerMonth": 744, "projections": false, "language": "zh_CN"}),
            en,
        )
        .unwrap();
        assert_eq!((o.projections, o.language), (false, Language::Chinese));
        let err = BreakdownOptions::from_value(
            &json!({"language": "fr", "projection": true, "hoursPerMonth": 0}),
            en,
        )
        .unwrap_err();
        let found: Vec<String> = err.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "projection: is not a breakdown option; did you mean projections?",
                "language: must be \"en_US\" or \"zh_CN\", got a string (\"fr\")",
                "hoursPerMonth: must be greater than 0 and at most 744 (31 days), got 0",
            ]
        );
        assert!(BreakdownOptions::from_value(&json!([]), en).is_err());
    }

    #[test]
    fn discount_types_have_names_in_both_languages() {
        assert_eq!(
            discount_type_name(Some(607), Language::English),
            "Partner authorized discount"
        );
        assert_eq!(
            discount_type_name(Some(606), Language::Chinese),
            "合同商务折扣（经销商）"
        );
        assert_eq!(
            discount_type_name(Some(12), Language::English),
            "Discount type 12"
        );
        assert_eq!(
            percent(Some(Decimal::ONE), Some(Decimal::from(3)))
                .unwrap()
                .to_string(),
            "33.33"
        );
        assert_eq!(percent(Some(Decimal::ONE), Some(Decimal::ZERO)), None);
    }
}

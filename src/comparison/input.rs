//! The comparison's input read from JSON text in one pass (`validate::read`), every rule checked at once with
//! the inquiries' own rules and limits, and the inquiries it makes: one pay-per-use inquiry for the hours of
//! the longest period and one yearly/monthly inquiry per period.

use rust_decimal::Decimal;

use super::members::InputMembers;
use super::model::{
    ComparedProduct, Period, DEFAULT_HOURS_PER_MONTH, DEFAULT_USAGE_FACTOR, HOUR_MEASURE_ID,
    MAX_HOURS_PER_MONTH, MAX_PERIODS,
};
use super::words;
use crate::catalogue::model::DURATION;
use crate::catalogue::Catalogue;
use crate::inquiry::check_product_against;
use crate::inquiry::limits::*;
use crate::inquiry::rules::{check_count, check_int, check_text, check_unique, Scope, TextKind};
use crate::inquiry::{
    OnDemandDraft, OnDemandInquiry, PeriodDraft, PeriodInquiry, PeriodTerms, ProductInfo,
    UsageTerms,
};
use crate::language::Language;
use crate::validate::read::{read_object, Cx, Mode};
use crate::validate::text::quote;
use crate::validate::violation::{Collector, Rule};
use crate::validate::{Path, Unsendable, Violations};

/// A checked comparison input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonInput {
    /// The project both inquiries are made in.
    pub project_id: String,
    /// The products, in input order; ids unique.
    pub products: Vec<ComparedProduct>,
    /// Hours of use in a month: 730 unless given.
    pub hours_per_month: Decimal,
    /// The subscription periods: a month and a year unless given.
    pub periods: Vec<Period>,
    /// The pay-per-use `inquiry_precision`, when given.
    pub inquiry_precision: Option<i64>,
}

/// The input breaks one or more rules; all of them are listed, by wire path.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", render(*language, violations))]
pub struct ComparisonError {
    /// Every broken rule, in input order.
    pub violations: Violations,
    /// The language of the messages.
    pub language: Language,
}

fn render(language: Language, violations: &Violations) -> String {
    let mut out = words::invalid(language, violations.len());
    for v in violations {
        out.push_str("\n  ");
        out.push_str(&v.to_string());
    }
    out
}

impl ComparisonInput {
    /// Reads and checks a comparison input from JSON text, with messages in English.
    pub fn from_json(text: &str) -> Result<Self, ComparisonError> {
        Self::read_in(text, Unsendable::default(), Language::English, None)
    }

    /// Reads and checks a comparison input from JSON text in one pass; every problem is listed by wire path,
    /// in `language`. `unsendable` are the values of a JavaScript input that its text could not carry. With a
    /// `catalogue`, each product is also checked against it (rule `catalogue`), as a price call's products
    /// are: its service type, resource type, size unit and the usage factor its pay-per-use line is priced
    /// with (the one given, else `"Duration"`).
    pub fn read_in(
        text: &str,
        unsendable: Unsendable,
        language: Language,
        catalogue: Option<&Catalogue>,
    ) -> Result<Self, ComparisonError> {
        let mut cx = Cx::in_language(Mode::Strict, unsendable, language);
        let mut m = InputMembers::default();
        let read = read_object(text, &mut cx, words::A_COMPARISON, &mut m);
        cx.report_unclaimed();
        let fail = |c: Collector| ComparisonError {
            violations: c.finish(),
            language,
        };
        if !read {
            return Err(fail(cx.c));
        }
        let periods_given = m.periods.is_some();
        let input = ComparisonInput {
            project_id: m.project_id,
            products: m.products.into_iter().map(|p| p.0).collect(),
            hours_per_month: m
                .hours_per_month
                .unwrap_or(Decimal::from(DEFAULT_HOURS_PER_MONTH)),
            periods: match m.periods {
                Some(list) => list.into_iter().map(|p| p.0).collect(),
                None => default_periods(),
            },
            inquiry_precision: m.inquiry_precision,
        };
        let periods_listed = if periods_given {
            m.periods_listed
        } else {
            input.periods.len()
        };
        input.check(&mut cx.c, m.listed, periods_listed);
        if let Some(catalogue) = catalogue {
            input.check_against(&mut cx.c, catalogue);
        }
        if cx.c.is_empty() {
            Ok(input)
        } else {
            Err(fail(cx.c))
        }
    }

    /// Checks a comparison input built in Rust, with messages in English.
    pub fn validate(self) -> Result<Self, ComparisonError> {
        self.validate_with(None)
    }

    /// Checks a comparison input built in Rust, each product also against `catalogue` (rule `catalogue`),
    /// with messages in English.
    pub fn validate_against(self, catalogue: &Catalogue) -> Result<Self, ComparisonError> {
        self.validate_with(Some(catalogue))
    }

    fn validate_with(self, catalogue: Option<&Catalogue>) -> Result<Self, ComparisonError> {
        let mut c = Collector::new(Language::English);
        self.check(&mut c, self.products.len(), self.periods.len());
        if let Some(catalogue) = catalogue {
            self.check_against(&mut c, catalogue);
        }
        if c.is_empty() {
            Ok(self)
        } else {
            Err(ComparisonError {
                violations: c.finish(),
                language: Language::English,
            })
        }
    }

    fn check(&self, c: &mut Collector, listed: usize, periods_listed: usize) {
        let root = Path::Root;
        let language = c.language();
        check_text(
            c,
            &root.key("project_id"),
            &self.project_id,
            PROJECT_ID_MAX_CHARS,
            TextKind::Code,
        );
        let list = root.key("products");
        check_count(
            c,
            &list,
            listed,
            Scope::Batch,
            (MAX_PRODUCTS_PER_BATCH, MAX_PRODUCTS_PER_BATCH),
            crate::inquiry::messages::PRODUCT,
        );
        for (i, p) in self.products.iter().enumerate() {
            check_product(c, &list.index(i), p);
        }
        check_unique(c, &list, "id", self.products.iter().map(|p| p.id.as_str()));
        let hours = self.hours_per_month;
        if hours <= Decimal::ZERO || hours > Decimal::from(MAX_HOURS_PER_MONTH) {
            c.rule(
                root.key("hoursPerMonth").render(),
                Rule::Range,
                words::hours_out_of_range(language, MAX_HOURS_PER_MONTH, &hours),
            );
        }
        let periods = root.key("periods");
        check_count(
            c,
            &periods,
            periods_listed,
            Scope::Request,
            (MAX_PERIODS, MAX_PERIODS),
            words::PERIOD,
        );
        for (i, p) in self.periods.iter().enumerate() {
            let at = periods.index(i);
            check_int(
                c,
                &at.key("period_type"),
                Some(p.period_type),
                &SUBSCRIBE_PERIOD_TYPE,
            );
            check_int(
                c,
                &at.key("period_num"),
                Some(p.period_num),
                &SUBSCRIBE_PERIOD_NUM,
            );
        }
        let keys: Vec<String> = self
            .periods
            .iter()
            .map(|p| format!("{}×{}", p.period_num, p.period_type))
            .collect();
        check_unique(c, &periods, "", keys.iter().map(String::as_str));
        check_int(
            c,
            &root.key("inquiry_precision"),
            self.inquiry_precision,
            &INQUIRY_PRECISION,
        );
    }

    /// Checks each product against `catalogue` (rule `catalogue`, at `products[i]`) with the inquiries' own
    /// check, the pay-per-use usage factor checked being the one that is sent; then that the hour, the unit
    /// pay-per-use is priced in, can measure it ([`check_hours`]).
    fn check_against(&self, c: &mut Collector, catalogue: &Catalogue) {
        let list = Path::Root.key("products");
        for (i, p) in self.products.iter().enumerate() {
            let factor = p.terms.as_deref().unwrap_or(DEFAULT_USAGE_FACTOR);
            let at = list.index(i);
            check_product_against(c, p, Some((factor, None)), &at, catalogue);
            check_hours(c, p, factor, &at, catalogue);
        }
    }

    /// The hours the pay-per-use inquiry prices: those of the longest period.
    pub fn pay_per_use_hours(&self) -> Decimal {
        self.periods
            .iter()
            .filter_map(|p| p.hours(self.hours_per_month))
            .max()
            .unwrap_or(self.hours_per_month)
    }

    /// The pay-per-use inquiry, split into requests: every product for [`Self::pay_per_use_hours`] hours
    /// (`usage_measure_id` 4).
    pub fn pay_per_use(&self) -> Vec<OnDemandInquiry> {
        let hours = self.pay_per_use_hours();
        let draft = OnDemandDraft {
            project_id: self.project_id.clone(),
            product_infos: self
                .products
                .iter()
                .map(|p| with_terms(p, usage(p.terms.as_deref(), hours)))
                .collect(),
            inquiry_precision: self.inquiry_precision,
        };
        OnDemandInquiry::batch(draft).unwrap_or_default()
    }

    /// The yearly/monthly inquiry of `period`, split into requests.
    pub fn subscription(&self, period: Period) -> Vec<PeriodInquiry> {
        let draft = PeriodDraft {
            project_id: self.project_id.clone(),
            product_infos: self
                .products
                .iter()
                .map(|p| {
                    with_terms(
                        p,
                        PeriodTerms {
                            period_type: period.period_type,
                            period_num: period.period_num,
                        },
                    )
                })
                .collect(),
            fee_installment_mode: None,
        };
        PeriodInquiry::batch(draft).unwrap_or_default()
    }
}

/// A month and a year.
pub fn default_periods() -> Vec<Period> {
    vec![
        Period {
            period_type: 2,
            period_num: 1,
        },
        Period {
            period_type: 3,
            period_num: 1,
        },
    ]
}

fn usage(factor: Option<&str>, hours: Decimal) -> UsageTerms {
    UsageTerms::new(
        factor.unwrap_or(DEFAULT_USAGE_FACTOR),
        hours,
        HOUR_MEASURE_ID,
    )
}

fn with_terms<T>(p: &ComparedProduct, terms: T) -> ProductInfo<T> {
    ProductInfo {
        id: p.id.clone(),
        cloud_service_type: p.cloud_service_type.clone(),
        resource_type: p.resource_type.clone(),
        resource_spec: p.resource_spec.clone(),
        region: p.region.clone(),
        available_zone: p.available_zone.clone(),
        resource_size: p.resource_size,
        size_measure_id: p.size_measure_id,
        subscription_num: p.subscription_num,
        terms,
    }
}

fn check_product(c: &mut Collector, path: &Path<'_>, p: &ComparedProduct) {
    crate::inquiry::check_shared(p, c, path);
    if let Some(factor) = &p.terms {
        check_text(
            c,
            &path.key("usage_factor"),
            factor,
            USAGE_FACTOR_MAX_CHARS,
            TextKind::Code,
        );
    }
}

/// The unit rule of the pay-per-use line a comparison sends: its usage is `usage_measure_id` 4, hours, which
/// the caller does not give, so a problem is said at the field that decides what is measured, `usage_factor`
/// (given or defaulted): the catalogue must know unit 4 as a unit of duration, and an hour measures `Duration`
/// only (a traffic factor such as `upflow` would be priced as so many hours). Silent when the catalogue has no
/// units, and about a factor already found not to be a usage type of the resource type.
fn check_hours(
    c: &mut Collector,
    p: &ComparedProduct,
    factor: &str,
    at: &Path<'_>,
    catalogue: &Catalogue,
) {
    if catalogue.units().is_empty() || factor.is_empty() {
        return;
    }
    let language = c.language();
    let message = match catalogue.unit(HOUR_MEASURE_ID) {
        None => words::hour_unknown(language, HOUR_MEASURE_ID),
        Some(unit) if unit.measure_type != DURATION => words::hour_not_a_duration(
            language,
            HOUR_MEASURE_ID,
            &unit.measure_name,
            unit.measure_type,
        ),
        Some(_) if factor.eq_ignore_ascii_case(DEFAULT_USAGE_FACTOR) => return,
        Some(unit) => {
            let known = catalogue.knows_usage_of(&p.resource_type);
            let listed = catalogue
                .usage_types_of(&p.resource_type)
                .iter()
                .any(|u| u.code.eq_ignore_ascii_case(factor));
            if known && !listed {
                return;
            }
            words::not_by_the_hour(
                language,
                HOUR_MEASURE_ID,
                &unit.measure_name,
                &quote(factor),
            )
        }
    };
    c.rule(at.key("usage_factor").render(), Rule::Catalogue, message);
}

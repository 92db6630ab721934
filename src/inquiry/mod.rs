//! The three price-inquiry requests, validated and written as exact JSON bodies. Pure: no I/O.
//!
//! Each inquiry exists in two forms. A *draft* ([`OnDemandDraft`], [`PeriodDraft`], [`RenewalDraft`]) is plain
//! data with public fields in wire names, which a Rust caller fills in. A *validated inquiry*
//! ([`OnDemandInquiry`], [`PeriodInquiry`], [`RenewalInquiry`]) can only be made by checking a draft (or JSON
//! text) against every documented rule; its request body cannot fail to render.

use serde_json::{Map, Value};

use crate::validate::input::{quote, Reader};
use crate::validate::violation::{Collector, Rule};
use crate::validate::{Path, Violations};

pub mod limits;
mod on_demand;
mod period;
mod product;
mod renewal;
pub(crate) mod wire;

pub use on_demand::{OnDemandDraft, OnDemandInquiry, OnDemandProduct, UsageTerms};
pub use period::{PeriodDraft, PeriodInquiry, PeriodProduct, PeriodTerms};
pub use product::ProductInfo;
pub use renewal::{RenewalDraft, RenewalInquiry};

/// Which of the three rating APIs an inquiry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InquiryKind {
    /// Pay-per-use: `POST /v2/bills/ratings/on-demand-resources`.
    OnDemand,
    /// Yearly/monthly subscription: `POST /v2/bills/ratings/period-resources/subscribe-rate`.
    Period,
    /// Renewal of yearly/monthly resources: `POST /v2/bills/ratings/period-resources/renew-rate`.
    Renewal,
}

impl InquiryKind {
    /// All kinds, in the order the API reference documents them.
    pub const ALL: [InquiryKind; 3] = [
        InquiryKind::OnDemand,
        InquiryKind::Period,
        InquiryKind::Renewal,
    ];

    /// The resource path of the rating API.
    pub fn path(self) -> &'static str {
        match self {
            InquiryKind::OnDemand => "/v2/bills/ratings/on-demand-resources",
            InquiryKind::Period => "/v2/bills/ratings/period-resources/subscribe-rate",
            InquiryKind::Renewal => "/v2/bills/ratings/period-resources/renew-rate",
        }
    }

    /// The stable code JavaScript uses for this kind: `on-demand`, `period` or `renewal`.
    pub fn code(self) -> &'static str {
        match self {
            InquiryKind::OnDemand => "on-demand",
            InquiryKind::Period => "period",
            InquiryKind::Renewal => "renewal",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A name for people: `pay-per-use`, `yearly/monthly`, `renewal`.
    pub fn label(self) -> &'static str {
        match self {
            InquiryKind::OnDemand => "pay-per-use",
            InquiryKind::Period => "yearly/monthly",
            InquiryKind::Renewal => "renewal",
        }
    }

    /// Wire names of the fields this kind has at `level`.
    fn fields(self, level: Level) -> &'static [&'static str] {
        match (self, level) {
            (InquiryKind::OnDemand, Level::Top) => on_demand::FIELDS,
            (InquiryKind::Period, Level::Top) => period::FIELDS,
            (InquiryKind::Renewal, Level::Top) => renewal::FIELDS,
            (InquiryKind::OnDemand, Level::Product) => <UsageTerms as product::Terms>::FIELDS,
            (InquiryKind::Period, Level::Product) => <PeriodTerms as product::Terms>::FIELDS,
            (InquiryKind::Renewal, Level::Product) => &[],
        }
    }
}

/// Where in an inquiry a field sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// The inquiry object itself.
    Top,
    /// One element of `product_infos`.
    Product,
}

/// For a field unknown to `kind`, which other inquiries have it (at the same level or at the top).
pub(crate) fn unknown_field_hint(name: &str, kind: InquiryKind, level: Level) -> Option<String> {
    let homes: Vec<&str> = InquiryKind::ALL
        .into_iter()
        .filter(|k| {
            *k != kind && (k.fields(level).contains(&name) || k.fields(Level::Top).contains(&name))
        })
        .map(|k| k.label())
        .collect();
    if homes.is_empty() {
        return None;
    }
    Some(format!(
        "{name} is a field of {} inquiries, not of {} ones",
        homes.join(" and "),
        kind.label()
    ))
}

/// A request ready to send: method, resource path and the exact JSON body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PreparedRequest {
    /// Always `POST` for the rating APIs.
    pub method: &'static str,
    /// The resource path, e.g. `/v2/bills/ratings/on-demand-resources`.
    pub path: &'static str,
    /// The JSON body, byte for byte as it must be sent (and signed).
    pub body: String,
}

/// Why an inquiry could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InquiryError {
    /// The input breaks one or more documented rules; all of them are listed.
    #[error("invalid {} inquiry: {} violation{}: {violations}", kind.label(), violations.len(), if violations.len() == 1 { "" } else { "s" })]
    Invalid {
        /// Which inquiry was being built.
        kind: InquiryKind,
        /// Every broken rule, in input order.
        violations: Violations,
    },
}

impl InquiryError {
    /// The violations, whatever the variant.
    pub fn violations(&self) -> &Violations {
        match self {
            InquiryError::Invalid { violations, .. } => violations,
        }
    }

    /// Which inquiry was being built.
    pub fn kind(&self) -> InquiryKind {
        match self {
            InquiryError::Invalid { kind, .. } => *kind,
        }
    }
}

/// How strictly a string field is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// A caller's own label (`id`): must not be empty.
    Label,
    /// A code the server matches (`region`, `resource_spec`, …): not blank, no whitespace at the ends.
    Code,
    /// An optional code where `""` means "not given" (`available_zone`): no whitespace at the ends.
    OptionalCode,
}

/// Checks a string's emptiness, surrounding whitespace and length (in characters).
pub(crate) fn check_text(
    c: &mut Collector,
    path: &Path<'_>,
    value: &str,
    max: usize,
    kind: TextKind,
) {
    let must_have_content = kind != TextKind::OptionalCode;
    if value.is_empty() {
        if must_have_content {
            c.rule(path.render(), Rule::Blank, "must not be empty".to_owned());
        }
        return;
    }
    if kind != TextKind::Label {
        if value.trim().is_empty() {
            c.rule(
                path.render(),
                Rule::Blank,
                format!("must not be blank, got {}", quote(value)),
            );
            return;
        }
        if value.trim() != value {
            c.rule(
                path.render(),
                Rule::Blank,
                format!(
                    "must not start or end with whitespace, got {}",
                    quote(value)
                ),
            );
        }
    }
    let chars = value.chars().count();
    if chars > max {
        c.rule(
            path.render(),
            Rule::MaxLength,
            format!("must be at most {max} characters, got {chars}"),
        );
    }
}

/// Whether an inquiry must fit one request, or is a batch the client splits into requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One request: the API's own limits on list lengths.
    Request,
    /// A batch: lists may be longer, up to our own batch bounds; every other rule is the same.
    Batch,
}

/// Checks that a list holds from 1 to as many elements as `scope` allows (`per_request` or `per_batch`);
/// `noun` names one element ("product", "resource id").
pub(crate) fn check_count(
    c: &mut Collector,
    list: &Path<'_>,
    count: usize,
    scope: Scope,
    (per_request, per_batch): (usize, usize),
    noun: &str,
) {
    let (max, unit) = match scope {
        Scope::Request => (per_request, "request"),
        Scope::Batch => (per_batch, "batch"),
    };
    if count == 0 {
        c.rule(
            list.render(),
            Rule::Count,
            format!("must hold at least 1 {noun}, got none"),
        );
    } else if count > max {
        c.rule(
            list.render(),
            Rule::Count,
            format!("must hold at most {max} {noun}s per {unit}, got {count}"),
        );
    }
}

/// Reports each repeated value among `values` (elements of `list`, field `key` or the elements themselves
/// when `key` is empty) at the repeat's path, naming the first occurrence. Empty values are left to the
/// emptiness rule.
pub(crate) fn check_unique<'v>(
    c: &mut Collector,
    list: &Path<'_>,
    key: &str,
    values: impl Iterator<Item = &'v str>,
) {
    let mut first_seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, value) in values.enumerate() {
        if value.is_empty() {
            continue;
        }
        match first_seen.get(value) {
            Some(first) => {
                let at = list.index(i);
                let here = if key.is_empty() {
                    at.render()
                } else {
                    at.key(key).render()
                };
                let what = if key.is_empty() { "value" } else { key };
                c.rule(
                    here,
                    Rule::Unique,
                    format!(
                        "must be unique in the inquiry, but {} repeats the {what} of {}",
                        quote(value),
                        list.index(*first)
                    ),
                );
            }
            None => {
                first_seen.insert(value, i);
            }
        }
    }
}

/// The crate-side protocol of a draft: how it is read from JSON, checked and written.
pub(crate) trait DraftRules: Sized {
    /// The inquiry this draft is for.
    const KIND: InquiryKind;
    /// Reads the draft from the inquiry's JSON object, recording shape problems.
    fn read(r: &mut Reader<'_>, map: &Map<String, Value>, root: &Path<'_>) -> Self;
    /// Checks every rule, with list lengths as `scope` allows.
    fn check(&self, c: &mut Collector, root: &Path<'_>, scope: Scope);
    /// Writes the request body.
    fn write_body(&self, out: &mut String);
    /// Splits a checked batch into drafts that each fit one request, in input order.
    fn split(self) -> Vec<Self>;
    /// The ids of the items priced, in order: product `id`s, or the resource ids of a renewal.
    fn item_ids(&self) -> Vec<&str>;
}

/// What the client needs of any validated inquiry to send it.
pub(crate) trait Validated {
    /// The API it is for.
    const KIND: InquiryKind;
    /// The ids of the items it prices, in order.
    fn item_ids(&self) -> Vec<&str>;
    /// The exact JSON body to send.
    fn body(&self) -> String;
}

/// Splits `items` into consecutive runs of at most `size`, in order.
pub(crate) fn chunks<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let mut rest = items.into_iter().peekable();
    let mut out = Vec::new();
    while rest.peek().is_some() {
        out.push(rest.by_ref().take(size.max(1)).collect());
    }
    out
}

/// Checks a draft built in Rust.
pub(crate) fn check_draft<D: DraftRules>(draft: &D, scope: Scope) -> Result<(), InquiryError> {
    let mut c = Collector::default();
    draft.check(&mut c, &Path::Root, scope);
    finish(c, D::KIND)
}

/// Reads and checks a draft from a JSON value.
pub(crate) fn read_draft<D: DraftRules>(value: &Value, scope: Scope) -> Result<D, InquiryError> {
    let mut c = Collector::default();
    let root = Path::Root;
    let what = format!("a {} inquiry", D::KIND.label());
    let Some(map) = Reader::new(&mut c).object(value, &root, &what) else {
        return Err(InquiryError::Invalid {
            kind: D::KIND,
            violations: c.finish(),
        });
    };
    let draft = D::read(&mut Reader::new(&mut c), map, &root);
    draft.check(&mut c, &root, scope);
    finish(c, D::KIND)?;
    Ok(draft)
}

/// Reads and checks a draft from JSON text.
pub(crate) fn parse_draft<D: DraftRules>(text: &str, scope: Scope) -> Result<D, InquiryError> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => read_draft(&value, scope),
        Err(e) => Err(json_error(D::KIND, &e.to_string())),
    }
}

/// The error for JSON text that does not parse.
fn json_error(kind: InquiryKind, detail: &str) -> InquiryError {
    root_error(kind, format!("is not valid JSON: {detail}"))
}

/// The error for a value that cannot be turned into JSON at all (a cycle, a `BigInt`, …).
pub fn unconvertible_error(kind: InquiryKind, detail: &str) -> InquiryError {
    let first_line = detail.lines().next().unwrap_or(detail);
    root_error(kind, format!("cannot be read as JSON: {first_line}"))
}

fn root_error(kind: InquiryKind, message: String) -> InquiryError {
    let mut c = Collector::default();
    c.shape(String::new(), Rule::Json, message);
    InquiryError::Invalid {
        kind,
        violations: c.finish(),
    }
}

fn finish(c: Collector, kind: InquiryKind) -> Result<(), InquiryError> {
    if c.is_empty() {
        Ok(())
    } else {
        Err(InquiryError::Invalid {
            kind,
            violations: c.finish(),
        })
    }
}

/// Defines a validated inquiry type over a draft type.
macro_rules! validated_inquiry {
    ($(#[$doc:meta])* $name:ident, $draft:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            draft: $draft,
        }

        impl $name {
            /// Checks `draft` against every documented rule.
            pub fn new(draft: $draft) -> Result<Self, $crate::inquiry::InquiryError> {
                $crate::inquiry::check_draft(&draft, $crate::inquiry::Scope::Request)?;
                Ok(Self { draft })
            }

            /// Reads and checks an inquiry from JSON text in the API's wire format.
            pub fn from_json(text: &str) -> Result<Self, $crate::inquiry::InquiryError> {
                $crate::inquiry::parse_draft(text, $crate::inquiry::Scope::Request).map(|draft| Self { draft })
            }

            /// Reads and checks an inquiry from a JSON value in the API's wire format.
            pub fn from_value(value: &serde_json::Value) -> Result<Self, $crate::inquiry::InquiryError> {
                $crate::inquiry::read_draft(value, $crate::inquiry::Scope::Request).map(|draft| Self { draft })
            }

            /// Checks `draft` as a batch, which may hold more than one request's worth (ids unique across all
            /// of it), and splits it into inquiries that each fit one request, in input order.
            pub fn batch(draft: $draft) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                $crate::inquiry::check_draft(&draft, $crate::inquiry::Scope::Batch)?;
                Ok(Self::split(draft))
            }

            /// [`Self::batch`] from JSON text in the API's wire format.
            pub fn batch_from_json(text: &str) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                $crate::inquiry::parse_draft(text, $crate::inquiry::Scope::Batch).map(Self::split)
            }

            fn split(draft: $draft) -> Vec<Self> {
                $crate::inquiry::DraftRules::split(draft).into_iter().map(|draft| Self { draft }).collect()
            }

            /// The validated fields.
            pub fn draft(&self) -> &$draft {
                &self.draft
            }

            /// The validated fields, taken back for editing (they must be validated again to be sent).
            pub fn into_draft(self) -> $draft {
                self.draft
            }

            /// The ids of the items this inquiry prices, in order: product `id`s, or resource ids.
            pub fn item_ids(&self) -> Vec<&str> {
                $crate::inquiry::DraftRules::item_ids(&self.draft)
            }

            /// The exact JSON body to send.
            pub fn body(&self) -> String {
                let mut out = String::new();
                $crate::inquiry::DraftRules::write_body(&self.draft, &mut out);
                out
            }

            /// The request to send: method, path and exact body.
            pub fn to_prepared(&self) -> $crate::inquiry::PreparedRequest {
                let kind = <$draft as $crate::inquiry::DraftRules>::KIND;
                $crate::inquiry::PreparedRequest { method: "POST", path: kind.path(), body: self.body() }
            }
        }

        impl $crate::inquiry::Validated for $name {
            const KIND: $crate::inquiry::InquiryKind = <$draft as $crate::inquiry::DraftRules>::KIND;

            fn item_ids(&self) -> Vec<&str> {
                $name::item_ids(self)
            }

            fn body(&self) -> String {
                $name::body(self)
            }
        }
    };
}
pub(crate) use validated_inquiry;

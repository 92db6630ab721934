//! The three price-inquiry requests, validated and written as exact JSON bodies. Pure: no I/O.
//!
//! Each inquiry exists in two forms. A *draft* ([`OnDemandDraft`], [`PeriodDraft`], [`RenewalDraft`]) is plain
//! data with public fields in wire names, which a Rust caller fills in. A *validated inquiry*
//! ([`OnDemandInquiry`], [`PeriodInquiry`], [`RenewalInquiry`]) can only be made by checking a draft (or JSON
//! text) against every documented rule; its request body cannot fail to render. JSON text is read in one pass
//! straight into the draft (`validate::read`), then the rules run on the typed fields.

use crate::catalogue::Catalogue;
use crate::language::Language;
use crate::validate::read::{read_object, Cx, Members, Mode};
use crate::validate::text::cut;
use crate::validate::violation::{Collector, Rule};
use crate::validate::{Path, Unsendable, Violations};

mod against;
mod fields;
pub mod limits;
pub mod messages;
mod on_demand;
mod period;
mod product;
mod renewal;
pub(crate) mod rules;

pub use crate::kind::InquiryKind;
pub(crate) use against::check_product_against;
pub(crate) use fields::product_fields;
#[cfg(test)]
pub(crate) use fields::PRODUCT as PRODUCT_FIELDS;
pub use on_demand::{OnDemandDraft, OnDemandInquiry, OnDemandProduct, UsageTerms};
pub use period::{PeriodDraft, PeriodInquiry, PeriodProduct, PeriodTerms};
pub use product::ProductInfo;
pub(crate) use product::{check_shared, read_shared};
pub use renewal::{RenewalDraft, RenewalInquiry};
pub(crate) use rules::Scope;

/// A request ready to send: method, resource path and the exact JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The input breaks one or more documented rules; all of them are listed. The message is a head line
    /// ("invalid pay-per-use inquiry: 2 problems") and then one indented line per violation.
    #[error("{}", messages::invalid(*language, *kind, violations))]
    Invalid {
        /// Which inquiry was being built.
        kind: InquiryKind,
        /// Every broken rule, in input order.
        violations: Violations,
        /// The language of the messages.
        language: Language,
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

    /// The language of the messages.
    pub fn language(&self) -> Language {
        match self {
            InquiryError::Invalid { language, .. } => *language,
        }
    }
}

/// The crate-side protocol of a draft: how it is read from JSON, checked and written.
pub(crate) trait DraftRules: Sized {
    /// The inquiry this draft is for.
    const KIND: InquiryKind;
    /// The draft as it is read from JSON, with the true length of its list.
    type Members: Members + Default;
    /// The draft read, and how many elements its list held (those past the reading bound included).
    fn from_members(members: Self::Members) -> (Self, usize);
    /// The length of the draft's list (`product_infos` or `resource_ids`).
    fn listed(&self) -> usize;
    /// Checks every rule, with list lengths as `scope` allows; `listed` is the list's true length.
    fn check(&self, c: &mut Collector, root: &Path<'_>, scope: Scope, listed: usize);
    /// Checks the codes and units of its products against `catalogue` (rule `catalogue`); nothing to check
    /// by default.
    fn check_against(&self, _c: &mut Collector, _root: &Path<'_>, _catalogue: &Catalogue) {}
    /// Writes the request body.
    fn write_body(&self, out: &mut String);
    /// Splits a checked batch into drafts that each fit one request, in input order.
    fn split(self) -> Vec<Self>;
    /// The ids of the items priced, in order: product `id`s, or the resource ids of a renewal.
    fn item_ids(&self) -> Vec<&str>;
}

/// What every validated inquiry offers: the one typed dispatch over the three kinds. Implemented by
/// [`OnDemandInquiry`], [`PeriodInquiry`] and [`RenewalInquiry`] only.
pub trait Inquiry: Sized + private::Sealed {
    /// The API it is for.
    const KIND: InquiryKind;
    /// Reads and checks an inquiry from JSON text in the API's wire format.
    fn from_json(text: &str) -> Result<Self, InquiryError>;
    /// Reads and checks a batch (lists longer than one request allows, up to the batch bounds) and splits it
    /// into inquiries that each fit one request, in input order.
    fn batch_from_json(text: &str) -> Result<Vec<Self>, InquiryError>;
    /// [`Inquiry::from_json`] (one request) or [`Inquiry::batch_from_json`] (`batch`), with the messages of
    /// its violations in `language`.
    fn read_in(text: &str, batch: bool, language: Language) -> Result<Vec<Self>, InquiryError> {
        Self::read_js(text, batch, Unsendable::default(), language, None)
    }
    /// [`Inquiry::read_in`], each product also checked against `catalogue`: its service type, resource type,
    /// usage factor and units must be ones the catalogue has for it (rule `catalogue`).
    fn read_against(
        text: &str,
        batch: bool,
        language: Language,
        catalogue: &Catalogue,
    ) -> Result<Vec<Self>, InquiryError> {
        Self::read_js(
            text,
            batch,
            Unsendable::default(),
            language,
            Some(catalogue),
        )
    }
    /// [`Inquiry::read_in`] of a JavaScript value's JSON text, knowing the values that text could not carry,
    /// and checked against `catalogue` when one is given.
    #[doc(hidden)]
    fn read_js(
        text: &str,
        batch: bool,
        unsendable: Unsendable,
        language: Language,
        catalogue: Option<&Catalogue>,
    ) -> Result<Vec<Self>, InquiryError>;
    /// The ids of the items it prices, in order: product `id`s, or resource ids.
    fn item_ids(&self) -> Vec<&str>;
    /// The exact JSON body to send.
    fn body(&self) -> String;
    /// The request to send: method, path and exact body.
    fn to_prepared(&self) -> PreparedRequest {
        PreparedRequest {
            method: "POST",
            path: Self::KIND.path(),
            body: self.body(),
        }
    }
}

mod private {
    /// Only this crate's inquiries are [`super::Inquiry`].
    pub trait Sealed {}
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

/// Checks a draft built in Rust (against `catalogue` too, when one is given), with messages in English.
pub(crate) fn check_draft<D: DraftRules>(
    draft: &D,
    scope: Scope,
    catalogue: Option<&Catalogue>,
) -> Result<(), InquiryError> {
    let mut c = Collector::new(Language::English);
    draft.check(&mut c, &Path::Root, scope, draft.listed());
    if let Some(catalogue) = catalogue {
        draft.check_against(&mut c, &Path::Root, catalogue);
    }
    finish(c, D::KIND)
}

/// Reads a draft from JSON text in one pass and checks it (against `catalogue` too, when one is given), with
/// messages in `language`; `unsendable` are the values of a JavaScript input that its text could not carry.
pub(crate) fn parse_draft<D: DraftRules>(
    text: &str,
    scope: Scope,
    unsendable: Unsendable,
    language: Language,
    catalogue: Option<&Catalogue>,
) -> Result<D, InquiryError> {
    let mut cx = Cx::in_language(Mode::Strict, unsendable, language);
    let mut members = D::Members::default();
    let read = read_object(text, &mut cx, messages::an_inquiry(D::KIND), &mut members);
    cx.report_unclaimed();
    if !read {
        return Err(InquiryError::Invalid {
            kind: D::KIND,
            violations: cx.c.finish(),
            language,
        });
    }
    let (draft, listed) = D::from_members(members);
    draft.check(&mut cx.c, &Path::Root, scope, listed);
    if let Some(catalogue) = catalogue {
        draft.check_against(&mut cx.c, &Path::Root, catalogue);
    }
    finish(cx.c, D::KIND)?;
    Ok(draft)
}

/// The error for a value that cannot be turned into JSON at all (a cycle, a `BigInt`, …); `detail` is what
/// was thrown, of which the first line is kept, cut to 200 characters.
pub fn unconvertible_error(kind: InquiryKind, detail: &str, language: Language) -> InquiryError {
    let first_line = detail.lines().next().unwrap_or(detail);
    InquiryError::Invalid {
        kind,
        violations: Violations::one(
            "",
            Rule::Json,
            messages::unconvertible(language, &cut(first_line, 200)),
        ),
        language,
    }
}

fn finish(c: Collector, kind: InquiryKind) -> Result<(), InquiryError> {
    if c.is_empty() {
        Ok(())
    } else {
        let language = c.language();
        Err(InquiryError::Invalid {
            kind,
            violations: c.finish(),
            language,
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
                $crate::inquiry::check_draft(&draft, $crate::inquiry::Scope::Request, None)?;
                Ok(Self { draft })
            }

            /// Checks `draft` against every documented rule, and each product against `catalogue` (rule
            /// `catalogue`).
            pub fn new_against(
                draft: $draft,
                catalogue: &$crate::catalogue::Catalogue,
            ) -> Result<Self, $crate::inquiry::InquiryError> {
                $crate::inquiry::check_draft(&draft, $crate::inquiry::Scope::Request, Some(catalogue))?;
                Ok(Self { draft })
            }

            /// Reads and checks an inquiry from JSON text in the API's wire format.
            pub fn from_json(text: &str) -> Result<Self, $crate::inquiry::InquiryError> {
                <Self as $crate::inquiry::Inquiry>::from_json(text)
            }

            /// Checks `draft` as a batch, which may hold more than one request's worth (ids unique across all
            /// of it), and splits it into inquiries that each fit one request, in input order.
            pub fn batch(draft: $draft) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                $crate::inquiry::check_draft(&draft, $crate::inquiry::Scope::Batch, None)?;
                Ok(Self::split(draft))
            }

            /// [`Self::batch`] from JSON text in the API's wire format.
            pub fn batch_from_json(text: &str) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                <Self as $crate::inquiry::Inquiry>::batch_from_json(text)
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
                // A body is about as long as the inquiry's own JSON: a guess that spares most regrowing.
                let mut out = String::with_capacity(256 * $crate::inquiry::DraftRules::listed(&self.draft) + 128);
                $crate::inquiry::DraftRules::write_body(&self.draft, &mut out);
                out
            }

            /// The request to send: method, path and exact body.
            pub fn to_prepared(&self) -> $crate::inquiry::PreparedRequest {
                $crate::inquiry::Inquiry::to_prepared(self)
            }
        }

        impl $crate::inquiry::private::Sealed for $name {}

        impl $crate::inquiry::Inquiry for $name {
            const KIND: $crate::inquiry::InquiryKind = <$draft as $crate::inquiry::DraftRules>::KIND;

            fn from_json(text: &str) -> Result<Self, $crate::inquiry::InquiryError> {
                let draft = $crate::inquiry::parse_draft(
                    text,
                    $crate::inquiry::Scope::Request,
                    $crate::validate::Unsendable::default(),
                    $crate::language::Language::English,
                    None,
                )?;
                Ok(Self { draft })
            }

            fn batch_from_json(text: &str) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                Self::read_in(text, true, $crate::language::Language::English)
            }

            fn read_js(
                text: &str,
                batch: bool,
                unsendable: $crate::validate::Unsendable,
                language: $crate::language::Language,
                catalogue: Option<&$crate::catalogue::Catalogue>,
            ) -> Result<Vec<Self>, $crate::inquiry::InquiryError> {
                let scope = if batch {
                    $crate::inquiry::Scope::Batch
                } else {
                    $crate::inquiry::Scope::Request
                };
                let draft = $crate::inquiry::parse_draft(text, scope, unsendable, language, catalogue)?;
                if !batch {
                    return Ok(vec![Self { draft }]);
                }
                Ok(Self::split(draft))
            }

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

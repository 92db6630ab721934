//! Pay-per-use price inquiry: `POST /v2/bills/ratings/on-demand-resources` (§4.2.1).

use rust_decimal::Decimal;

use super::against::check_products_against;
use super::fields::{unknown_field_hint, Level};
use super::limits::{
    INQUIRY_PRECISION, MAX_PRODUCTS_PER_REQUEST, MEASURE_ID, PROJECT_ID_MAX_CHARS,
    USAGE_FACTOR_MAX_CHARS,
};
use super::product::{
    check_products, products, write_products, ProductInfo, ProductMembers, Terms,
};
use super::rules::{check_int, check_text, Scope, TextKind};
use super::{chunks, validated_inquiry, DraftRules};
use crate::catalogue::Catalogue;
use crate::json::ObjectWriter;
use crate::kind::InquiryKind;
use crate::validate::read::{rank, Cx, Members, Nested, Seen};
use crate::validate::scalar::{Need, Place};
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

/// Wire names of the inquiry's own fields, in body order.
pub(crate) const FIELDS: &[&str] = super::fields::ON_DEMAND;

/// What a pay-per-use price covers: an amount of usage, e.g. 2 hours (`Duration`, `2`, `4`) or 4 GB of
/// traffic (`upflow`, `4`, `10`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UsageTerms {
    /// Usage factor code (case-insensitive), e.g. `Duration` or `upflow`; at most 64 characters.
    pub usage_factor: String,
    /// Amount of usage, an exact positive decimal.
    pub usage_value: Decimal,
    /// Unit of `usage_value`, e.g. 4 (hour) or 10 (GB); 0–9999.
    pub usage_measure_id: i64,
}

impl UsageTerms {
    /// Usage of `usage_value` units of `usage_measure_id` for `usage_factor`.
    pub fn new(
        usage_factor: impl Into<String>,
        usage_value: Decimal,
        usage_measure_id: i64,
    ) -> Self {
        UsageTerms {
            usage_factor: usage_factor.into(),
            usage_value,
            usage_measure_id,
        }
    }

    /// `hours` hours of running time (`Duration`, unit 4).
    pub fn hours(hours: Decimal) -> Self {
        Self::new("Duration", hours, 4)
    }
}

impl Terms for UsageTerms {
    const KIND: InquiryKind = InquiryKind::OnDemand;
    const ALL_FIELDS: &'static [&'static str] = super::fields::ON_DEMAND_PRODUCT;

    fn read(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, place: Place<'_, '_>) {
        match index {
            0 => self.usage_factor = cx.text(seen, place).unwrap_or_default(),
            // A placeholder that breaks no rule: the shape problem is already reported.
            1 => self.usage_value = cx.decimal(seen, place).unwrap_or(Decimal::ONE),
            _ => self.usage_measure_id = cx.int(seen, place, &MEASURE_ID).unwrap_or_default(),
        }
    }

    fn check(&self, c: &mut Collector, path: &Path<'_>) {
        check_text(
            c,
            &path.key("usage_factor"),
            &self.usage_factor,
            USAGE_FACTOR_MAX_CHARS,
            TextKind::Code,
        );
        if self.usage_value <= Decimal::ZERO {
            c.rule(
                path.key("usage_value").render(),
                Rule::Range,
                super::messages::not_positive(c.language(), &self.usage_value.to_string()),
            );
        }
        check_int(
            c,
            &path.key("usage_measure_id"),
            Some(self.usage_measure_id),
            &MEASURE_ID,
        );
    }

    fn write(&self, w: &mut ObjectWriter<'_>) {
        w.string("usage_factor", &self.usage_factor);
        w.decimal("usage_value", &self.usage_value);
        w.int("usage_measure_id", self.usage_measure_id);
    }

    fn usage(&self) -> Option<(&str, i64)> {
        Some((&self.usage_factor, self.usage_measure_id))
    }
}

/// One product of a pay-per-use inquiry (`DemandProductInfo`).
pub type OnDemandProduct = ProductInfo<UsageTerms>;

/// The fields of a pay-per-use inquiry, not yet validated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OnDemandDraft {
    /// Project id of the region priced; 1–64 characters.
    pub project_id: String,
    /// The products to price: 1–100 per request, ids unique.
    pub product_infos: Vec<OnDemandProduct>,
    /// 0 (default): results with up to 6 decimals; 1: up to 10 decimals.
    pub inquiry_precision: Option<i64>,
}

impl OnDemandDraft {
    /// A draft for `project_id` with no products yet.
    pub fn new(project_id: impl Into<String>) -> Self {
        OnDemandDraft {
            project_id: project_id.into(),
            ..Self::default()
        }
    }

    /// Adds a product.
    #[must_use]
    pub fn product(mut self, product: OnDemandProduct) -> Self {
        self.product_infos.push(product);
        self
    }

    /// Sets `inquiry_precision`.
    #[must_use]
    pub fn precision(mut self, inquiry_precision: i64) -> Self {
        self.inquiry_precision = Some(inquiry_precision);
        self
    }

    /// Checks every rule and returns the validated inquiry.
    pub fn validate(self) -> Result<OnDemandInquiry, super::InquiryError> {
        OnDemandInquiry::new(self)
    }
}

/// A pay-per-use inquiry being read from JSON.
#[derive(Default)]
pub(crate) struct OnDemandMembers {
    draft: OnDemandDraft,
    products: Vec<ProductMembers<UsageTerms>>,
    listed: usize,
}

impl Members for OnDemandMembers {
    fn fields(&self) -> &'static [&'static str] {
        FIELDS
    }

    fn required(&self, index: usize) -> bool {
        index < 2
    }

    fn hint(&self, key: &str, language: crate::language::Language) -> Option<String> {
        unknown_field_hint(key, InquiryKind::OnDemand, Level::Top, language)
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let here = at.key(FIELDS.get(index).copied().unwrap_or_default());
        let rank = rank(index);
        if index == 0 {
            let place = Place {
                at: &here,
                rank,
                need: Need::Required,
            };
            self.draft.project_id = cx.text(seen, place).unwrap_or_default();
        } else {
            let place = Place {
                at: &here,
                rank,
                need: Need::Optional,
            };
            self.draft.inquiry_precision = cx.int(seen, place, &INQUIRY_PRECISION);
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        (index == 1).then(|| products(&mut self.products, &mut self.listed))
    }
}

impl DraftRules for OnDemandDraft {
    const KIND: InquiryKind = InquiryKind::OnDemand;
    type Members = OnDemandMembers;

    fn from_members(m: OnDemandMembers) -> (Self, usize) {
        let product_infos = m.products.into_iter().map(|p| p.0).collect();
        (
            OnDemandDraft {
                product_infos,
                ..m.draft
            },
            m.listed,
        )
    }

    fn listed(&self) -> usize {
        self.product_infos.len()
    }

    fn check(&self, c: &mut Collector, root: &Path<'_>, scope: Scope, listed: usize) {
        check_text(
            c,
            &root.key("project_id"),
            &self.project_id,
            PROJECT_ID_MAX_CHARS,
            TextKind::Code,
        );
        check_products(c, &self.product_infos, root, scope, listed);
        check_int(
            c,
            &root.key("inquiry_precision"),
            self.inquiry_precision,
            &INQUIRY_PRECISION,
        );
    }

    fn check_against(&self, c: &mut Collector, root: &Path<'_>, catalogue: &Catalogue) {
        check_products_against(c, &self.product_infos, root, catalogue);
    }

    fn write_body(&self, out: &mut String) {
        let mut w = ObjectWriter::open(out);
        w.string("project_id", &self.project_id);
        write_products(&mut w, &self.product_infos);
        w.opt_int("inquiry_precision", self.inquiry_precision);
        w.close();
    }

    fn item_ids(&self) -> Vec<&str> {
        self.product_infos.iter().map(|p| p.id.as_str()).collect()
    }

    fn split(self) -> Vec<Self> {
        let OnDemandDraft {
            project_id,
            product_infos,
            inquiry_precision,
        } = self;
        chunks(product_infos, MAX_PRODUCTS_PER_REQUEST)
            .into_iter()
            .map(|product_infos| OnDemandDraft {
                project_id: project_id.clone(),
                product_infos,
                inquiry_precision,
            })
            .collect()
    }
}

validated_inquiry!(
    /// A pay-per-use inquiry that passed every documented rule, ready to send.
    OnDemandInquiry,
    OnDemandDraft
);

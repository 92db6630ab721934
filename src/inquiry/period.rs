//! Yearly/monthly price inquiry: `POST /v2/bills/ratings/period-resources/subscribe-rate` (§4.2.2).

use super::against::check_products_against;
use super::fields::{unknown_field_hint, Level};
use super::limits::{
    FEE_INSTALLMENT_MODES, MAX_PRODUCTS_PER_REQUEST, PROJECT_ID_MAX_CHARS, SUBSCRIBE_PERIOD_NUM,
    SUBSCRIBE_PERIOD_TYPE,
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
use crate::validate::text::quote;
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

/// Wire names of the inquiry's own fields, in body order.
pub(crate) const FIELDS: &[&str] = super::fields::PERIOD;

/// The subscription period a yearly/monthly price covers, e.g. 1 month (`2`, `1`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodTerms {
    /// 0 day, 2 month, 3 year, 4 hour.
    pub period_type: i64,
    /// How many periods: 1–214783647 (the bound printed in the API reference).
    pub period_num: i64,
}

impl PeriodTerms {
    /// `months` months.
    pub fn months(months: i64) -> Self {
        PeriodTerms {
            period_type: 2,
            period_num: months,
        }
    }

    /// `years` years.
    pub fn years(years: i64) -> Self {
        PeriodTerms {
            period_type: 3,
            period_num: years,
        }
    }
}

impl Terms for PeriodTerms {
    const KIND: InquiryKind = InquiryKind::Period;
    const ALL_FIELDS: &'static [&'static str] = super::fields::PERIOD_PRODUCT;

    fn read(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, place: Place<'_, '_>) {
        if index == 0 {
            self.period_type = cx
                .int(seen, place, &SUBSCRIBE_PERIOD_TYPE)
                .unwrap_or_default();
        } else {
            self.period_num = cx
                .int(seen, place, &SUBSCRIBE_PERIOD_NUM)
                .unwrap_or_default();
        }
    }

    fn check(&self, c: &mut Collector, path: &Path<'_>) {
        check_int(
            c,
            &path.key("period_type"),
            Some(self.period_type),
            &SUBSCRIBE_PERIOD_TYPE,
        );
        check_int(
            c,
            &path.key("period_num"),
            Some(self.period_num),
            &SUBSCRIBE_PERIOD_NUM,
        );
    }

    fn write(&self, w: &mut ObjectWriter<'_>) {
        w.int("period_type", self.period_type);
        w.int("period_num", self.period_num);
    }
}

/// One product of a yearly/monthly inquiry (`PeriodProductInfo`).
pub type PeriodProduct = ProductInfo<PeriodTerms>;

/// The fields of a yearly/monthly inquiry, not yet validated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodDraft {
    /// Project id of the region priced; 1–64 characters.
    pub project_id: String,
    /// The products to price: 1–100 per request, ids unique.
    pub product_infos: Vec<PeriodProduct>,
    /// Instalment mode sent by newer official SDKs: `HALF_PAY`, `ZERO_PAY` or `NA`.
    pub fee_installment_mode: Option<String>,
}

impl PeriodDraft {
    /// A draft for `project_id` with no products yet.
    pub fn new(project_id: impl Into<String>) -> Self {
        PeriodDraft {
            project_id: project_id.into(),
            ..Self::default()
        }
    }

    /// Adds a product.
    #[must_use]
    pub fn product(mut self, product: PeriodProduct) -> Self {
        self.product_infos.push(product);
        self
    }

    /// Checks every rule and returns the validated inquiry.
    pub fn validate(self) -> Result<PeriodInquiry, super::InquiryError> {
        PeriodInquiry::new(self)
    }
}

/// A yearly/monthly inquiry being read from JSON.
#[derive(Default)]
pub(crate) struct PeriodMembers {
    draft: PeriodDraft,
    products: Vec<ProductMembers<PeriodTerms>>,
    listed: usize,
}

impl Members for PeriodMembers {
    fn fields(&self) -> &'static [&'static str] {
        FIELDS
    }

    fn required(&self, index: usize) -> bool {
        index < 2
    }

    fn hint(&self, key: &str, language: crate::language::Language) -> Option<String> {
        unknown_field_hint(key, InquiryKind::Period, Level::Top, language)
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
            self.draft.fee_installment_mode = cx.text(seen, place);
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        (index == 1).then(|| products(&mut self.products, &mut self.listed))
    }
}

impl DraftRules for PeriodDraft {
    const KIND: InquiryKind = InquiryKind::Period;
    type Members = PeriodMembers;

    fn from_members(m: PeriodMembers) -> (Self, usize) {
        let product_infos = m.products.into_iter().map(|p| p.0).collect();
        (
            PeriodDraft {
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
        if let Some(mode) = &self.fee_installment_mode {
            if !FEE_INSTALLMENT_MODES.contains(&mode.as_str()) {
                let message =
                    super::messages::not_a_code(c.language(), FEE_INSTALLMENT_MODES, &quote(mode));
                c.rule(
                    root.key("fee_installment_mode").render(),
                    Rule::OneOf,
                    message,
                );
            }
        }
    }

    fn check_against(&self, c: &mut Collector, root: &Path<'_>, catalogue: &Catalogue) {
        check_products_against(c, &self.product_infos, root, catalogue);
    }

    fn write_body(&self, out: &mut String) {
        let mut w = ObjectWriter::open(out);
        w.string("project_id", &self.project_id);
        write_products(&mut w, &self.product_infos);
        w.opt_string("fee_installment_mode", self.fee_installment_mode.as_deref());
        w.close();
    }

    fn item_ids(&self) -> Vec<&str> {
        self.product_infos.iter().map(|p| p.id.as_str()).collect()
    }

    fn split(self) -> Vec<Self> {
        let PeriodDraft {
            project_id,
            product_infos,
            fee_installment_mode,
        } = self;
        chunks(product_infos, MAX_PRODUCTS_PER_REQUEST)
            .into_iter()
            .map(|product_infos| PeriodDraft {
                project_id: project_id.clone(),
                product_infos,
                fee_installment_mode: fee_installment_mode.clone(),
            })
            .collect()
    }
}

validated_inquiry!(
    /// A yearly/monthly inquiry that passed every documented rule, ready to send.
    PeriodInquiry,
    PeriodDraft
);

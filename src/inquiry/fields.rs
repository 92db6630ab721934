//! The wire names of every inquiry's own fields, in body order, in one place: each kind reads its own, and the
//! hint for an unknown field looks across all of them.

use crate::kind::InquiryKind;
use crate::language::Language;

/// A pay-per-use inquiry's fields.
pub(crate) const ON_DEMAND: &[&str] = &["project_id", "product_infos", "inquiry_precision"];
/// A yearly/monthly inquiry's fields.
pub(crate) const PERIOD: &[&str] = &["project_id", "product_infos", "fee_installment_mode"];
/// A renewal inquiry's fields.
pub(crate) const RENEWAL: &[&str] = &[
    "resource_ids",
    "period_type",
    "period_num",
    "include_relative_resources",
];

/// The fields every product line has, then `$terms`, in the order their problems are listed (in the body, the
/// terms go before `subscription_num`).
macro_rules! product_fields {
    ($($terms:literal),*) => {
        &[
            "id",
            "cloud_service_type",
            "resource_type",
            "resource_spec",
            "region",
            "available_zone",
            "resource_size",
            "size_measure_id",
            "subscription_num",
            $($terms),*
        ]
    };
}

pub(crate) use product_fields;

/// The fields every product line has.
pub(crate) const PRODUCT: &[&str] = product_fields!();
/// A pay-per-use product line's fields: [`PRODUCT`], then its usage terms.
pub(crate) const ON_DEMAND_PRODUCT: &[&str] =
    product_fields!("usage_factor", "usage_value", "usage_measure_id");
/// A yearly/monthly product line's fields: [`PRODUCT`], then its period terms.
pub(crate) const PERIOD_PRODUCT: &[&str] = product_fields!("period_type", "period_num");

/// Where in an inquiry a field sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// The inquiry object itself.
    Top,
    /// One element of `product_infos`.
    Product,
}

/// Wire names of the fields `kind` has at `level`.
fn fields(kind: InquiryKind, level: Level) -> &'static [&'static str] {
    match (kind, level) {
        (InquiryKind::OnDemand, Level::Top) => ON_DEMAND,
        (InquiryKind::Period, Level::Top) => PERIOD,
        (InquiryKind::Renewal, Level::Top) => RENEWAL,
        (InquiryKind::OnDemand, Level::Product) => ON_DEMAND_PRODUCT,
        (InquiryKind::Period, Level::Product) => PERIOD_PRODUCT,
        (InquiryKind::Renewal, Level::Product) => &[],
    }
}

/// For a field unknown to `kind`, which other inquiries have it (at the same level or at the top), in
/// `language`.
pub(crate) fn unknown_field_hint(
    name: &str,
    kind: InquiryKind,
    level: Level,
    language: Language,
) -> Option<String> {
    let homes: Vec<InquiryKind> = InquiryKind::ALL
        .into_iter()
        .filter(|k| {
            *k != kind
                && (fields(*k, level).contains(&name) || fields(*k, Level::Top).contains(&name))
        })
        .collect();
    if homes.is_empty() {
        return None;
    }
    Some(super::messages::field_of_other_kinds(
        language, name, &homes, kind,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_where_a_field_belongs() {
        let hint = |language| {
            unknown_field_hint(
                "period_type",
                InquiryKind::OnDemand,
                Level::Product,
                language,
            )
        };
        assert_eq!(
            hint(Language::English).as_deref(),
            Some("period_type is a field of yearly/monthly and renewal inquiries, not of pay-per-use ones")
        );
        assert_eq!(
            hint(Language::Chinese).as_deref(),
            Some("period_type 是包年/包月和续费询价的字段，不属于按需询价")
        );
        assert_eq!(
            unknown_field_hint("colour", InquiryKind::Period, Level::Top, Language::English),
            None
        );
    }
}

//! What was asked for each item of an inquiry, kept beside its answer so a breakdown can say what each price
//! covers ("c6.large.2.linux in ap-southeast-1, 1 × 730 hours").

use rust_decimal::Decimal;

use crate::inquiry::{Inquiry, OnDemandInquiry, PeriodInquiry, ProductInfo, RenewalInquiry};

/// What a price covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Terms {
    /// Pay-per-use: `value` units of `measure_id` of the usage factor.
    Usage {
        /// Usage factor code, e.g. `Duration`.
        factor: String,
        /// Amount of usage.
        value: Decimal,
        /// Unit of `value` (4 hour, 10 GB, …).
        measure_id: i64,
    },
    /// A subscription or a renewal of `num` periods of `period_type` (0 day, 2 month, 3 year, 4 hour).
    Period {
        /// Period type.
        period_type: i64,
        /// Number of periods.
        num: i64,
    },
}

/// The product asked for (pay-per-use and yearly/monthly inquiries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// Cloud service type code.
    pub cloud_service_type: String,
    /// Resource type code.
    pub resource_type: String,
    /// Resource specification.
    pub resource_spec: String,
    /// Region code.
    pub region: String,
    /// Capacity, with its unit.
    pub size: Option<(i64, i64)>,
    /// How many.
    pub quantity: i64,
}

/// One item of an inquiry: a product, or a resource to renew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The product `id`, or the resource id.
    pub id: String,
    /// The product, for product inquiries.
    pub product: Option<Product>,
    /// What the price covers.
    pub terms: Terms,
}

fn product<T>(p: &ProductInfo<T>, terms: Terms) -> Asked {
    Asked {
        id: p.id.clone(),
        product: Some(Product {
            cloud_service_type: p.cloud_service_type.clone(),
            resource_type: p.resource_type.clone(),
            resource_spec: p.resource_spec.clone(),
            region: p.region.clone(),
            size: p.resource_size.zip(p.size_measure_id),
            quantity: p.subscription_num,
        }),
        terms,
    }
}

/// An inquiry whose items can be described: the three validated inquiries.
pub trait Described: Inquiry {
    /// What was asked for each item of `parts` (the requests of one batch), in order.
    fn asked(parts: &[Self]) -> Vec<Asked>;
}

impl Described for OnDemandInquiry {
    fn asked(parts: &[Self]) -> Vec<Asked> {
        on_demand(parts)
    }
}

impl Described for PeriodInquiry {
    fn asked(parts: &[Self]) -> Vec<Asked> {
        period(parts)
    }
}

impl Described for RenewalInquiry {
    fn asked(parts: &[Self]) -> Vec<Asked> {
        renewal(parts)
    }
}

/// The items of pay-per-use inquiries, in order.
pub fn on_demand(parts: &[OnDemandInquiry]) -> Vec<Asked> {
    parts
        .iter()
        .flat_map(|part| part.draft().product_infos.iter())
        .map(|p| {
            product(
                p,
                Terms::Usage {
                    factor: p.terms.usage_factor.clone(),
                    value: p.terms.usage_value,
                    measure_id: p.terms.usage_measure_id,
                },
            )
        })
        .collect()
}

/// The items of yearly/monthly inquiries, in order.
pub fn period(parts: &[PeriodInquiry]) -> Vec<Asked> {
    parts
        .iter()
        .flat_map(|part| part.draft().product_infos.iter())
        .map(|p| {
            product(
                p,
                Terms::Period {
                    period_type: p.terms.period_type,
                    num: p.terms.period_num,
                },
            )
        })
        .collect()
}

/// The resources of renewal inquiries, in order.
pub fn renewal(parts: &[RenewalInquiry]) -> Vec<Asked> {
    parts
        .iter()
        .flat_map(|part| {
            let d = part.draft();
            d.resource_ids.iter().map(|id| Asked {
                id: id.clone(),
                product: None,
                terms: Terms::Period {
                    period_type: d.period_type,
                    num: d.period_num,
                },
            })
        })
        .collect()
}

//! What was asked for each item of an inquiry, kept beside its answer so a breakdown can say what each price
//! covers ("c6.large.2.linux in ap-southeast-1, 1 × 730 hours").

use rust_decimal::Decimal;

use crate::inquiry::{OnDemandInquiry, PeriodInquiry, ProductInfo, RenewalInquiry};
use crate::response::api_error::Language;

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

/// `value` units of measure `measure_id`, for people: "730 hours", "1 hour", "40 GB", "100 Mbit/s".
pub fn quantity(value: Decimal, measure_id: i64, language: Language) -> String {
    let value = value.normalize();
    let one = value == Decimal::ONE;
    let en = language == Language::English;
    let unit = match measure_id {
        0 if en => if one { "day" } else { "days" }.to_owned(),
        0 => "天".to_owned(),
        4 if en => if one { "hour" } else { "hours" }.to_owned(),
        4 => "小时".to_owned(),
        10 | 17 => "GB".to_owned(),
        14 if en => if one { "time" } else { "times" }.to_owned(),
        14 => "次".to_owned(),
        15 => "Mbit/s".to_owned(),
        1 if en => "currency units".to_owned(),
        1 => "货币单位".to_owned(),
        other if en => format!("units (measure {other})"),
        other => format!("单位（度量 {other}）"),
    };
    if en || matches!(measure_id, 10 | 15 | 17) {
        format!("{value} {unit}")
    } else {
        format!("{value}{unit}")
    }
}

/// A period for people: "1 year", "3 months", "2天".
pub fn period_text(period_type: i64, num: i64, language: Language) -> String {
    let one = num == 1;
    let unit = match (period_type, language) {
        (0, Language::English) => {
            if one {
                "day"
            } else {
                "days"
            }
        }
        (2, Language::English) => {
            if one {
                "month"
            } else {
                "months"
            }
        }
        (3, Language::English) => {
            if one {
                "year"
            } else {
                "years"
            }
        }
        (4, Language::English) => {
            if one {
                "hour"
            } else {
                "hours"
            }
        }
        (0, Language::Chinese) => "天",
        (2, Language::Chinese) => "个月",
        (3, Language::Chinese) => "年",
        (4, Language::Chinese) => "小时",
        (_, Language::English) => "periods",
        (_, Language::Chinese) => "个周期",
    };
    match language {
        Language::English => format!("{num} {unit}"),
        Language::Chinese => format!("{num}{unit}"),
    }
}

/// How many hours one unit of a time measure is: day 24, hour 1; `None` for other measures.
pub fn hours_per_unit(measure_id: i64) -> Option<Decimal> {
    match measure_id {
        0 => Some(Decimal::from(24)),
        4 => Some(Decimal::ONE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_and_periods_read_naturally() {
        let en = Language::English;
        let zh = Language::Chinese;
        assert_eq!(quantity(Decimal::new(7300, 1), 4, en), "730 hours");
        assert_eq!(quantity(Decimal::ONE, 4, en), "1 hour");
        assert_eq!(quantity(Decimal::new(5, 1), 4, zh), "0.5小时");
        assert_eq!(quantity(Decimal::from(40), 17, zh), "40 GB");
        assert_eq!(quantity(Decimal::from(3), 99, en), "3 units (measure 99)");
        assert_eq!(period_text(3, 1, en), "1 year");
        assert_eq!(period_text(2, 3, en), "3 months");
        assert_eq!(period_text(2, 3, zh), "3个月");
        assert_eq!(hours_per_unit(0), Some(Decimal::from(24)));
        assert_eq!(hours_per_unit(10), None);
    }
}

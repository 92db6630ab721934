//! What a comparison compares: its products and periods, and the defaults and bounds of its input.

use rust_decimal::Decimal;

use crate::inquiry::ProductInfo;

/// Hours in a month when the input does not say.
pub const DEFAULT_HOURS_PER_MONTH: i64 = 730;
/// The most hours a month may have: 31 days.
pub const MAX_HOURS_PER_MONTH: i64 = 744;
/// The most periods one comparison compares.
pub const MAX_PERIODS: usize = 8;
/// The usage factor of a pay-per-use line when the input does not say.
pub const DEFAULT_USAGE_FACTOR: &str = "Duration";
/// The measure of the pay-per-use usage: hours.
pub const HOUR_MEASURE_ID: i64 = 4;

/// One product to compare: the fields both product-based inquiries share, and the pay-per-use usage factor
/// (`"Duration"` unless given).
pub type ComparedProduct = ProductInfo<Option<String>>;

/// A subscription period: `period_type` 0 day, 2 month, 3 year, 4 hour, and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    /// 0 day, 2 month, 3 year, 4 hour.
    pub period_type: i64,
    /// How many of them.
    pub period_num: i64,
}

impl Period {
    /// How many hours the period is, with `hours_per_month` hours in a month; `None` past the exact range.
    pub fn hours(self, hours_per_month: Decimal) -> Option<Decimal> {
        let unit = match self.period_type {
            0 => Decimal::from(24),
            2 => hours_per_month,
            3 => hours_per_month.checked_mul(Decimal::from(12))?,
            _ => Decimal::ONE,
        };
        unit.checked_mul(Decimal::from(self.period_num))
    }
}

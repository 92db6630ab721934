//! Billing modes compared: one input of products priced pay-per-use (for the hours of the longest period) and
//! subscribed for each period, and the [`Comparison`] of their prices — per product and in total, whole and
//! per month, the saving against pay-per-use, the cheapest mode and the break-even hours. Pure: the client
//! prices the inquiries [`ComparisonInput`] makes; [`Comparison::of`] reads the quotes.

mod compare;
mod input;
mod members;
mod model;
mod pricing;
pub mod render;
mod words;

pub use compare::{
    Billing, BreakEven, Cell, Comparison, Failure, ModePricing, ModeSummary, PerMonth, Priced,
    ProductRow, Rounded, Saving, Totals,
};
pub use input::{default_periods, ComparisonError, ComparisonInput};
pub use model::{
    ComparedProduct, Period, DEFAULT_HOURS_PER_MONTH, DEFAULT_USAGE_FACTOR, HOUR_MEASURE_ID,
    MAX_HOURS_PER_MONTH, MAX_PERIODS,
};
pub use pricing::price_comparison;

#[cfg(test)]
mod against_tests;
#[cfg(test)]
mod pricing_tests;
#[cfg(test)]
mod render_tests;
#[cfg(test)]
mod tests;

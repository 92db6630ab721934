//! Every sentence of the comparison, in English and Chinese.

use rust_decimal::Decimal;

use crate::language::{Language, Words};

/// What the input is, for messages about its JSON.
pub(crate) const A_COMPARISON: Words = ("a billing-mode comparison", "计费模式比较");
/// What a member of the input is not.
pub(crate) const NOT_A_FIELD: Words = ("a field of a comparison", "比较的字段");
/// One element of `periods`.
pub(crate) const A_PERIOD: Words = ("a period", "周期");
/// One period, counted.
pub(crate) const PERIOD: Words = ("period", "周期");

/// The head line of an invalid comparison.
pub(crate) fn invalid(language: Language, count: usize) -> String {
    language.pick_with(
        || {
            let s = if count == 1 { "" } else { "s" };
            format!("invalid billing-mode comparison: {count} problem{s}")
        },
        || format!("计费模式比较无效：{count} 个问题"),
    )
}

/// `hoursPerMonth` outside (0, `max`].
pub(crate) fn hours_out_of_range(language: Language, max: i64, got: &Decimal) -> String {
    language.pick_with(
        || format!("must be greater than 0 and at most {max} (31 days), got {got}"),
        || format!("应大于 0 且不超过 {max}（31 天），实际为 {got}"),
    )
}

/// A whole mode could not be priced: its answer is in another currency than pay-per-use's.
pub(crate) fn other_currency(language: Language, currency: &str, expected: &str) -> String {
    language.pick_with(
        || format!("priced in {currency}, not in {expected} like the other modes"),
        || format!("以 {currency} 计价，而非与其他模式相同的 {expected}"),
    )
}

/// A product the answer of a mode did not price, with no reason given.
pub(crate) fn no_price(language: Language) -> String {
    language
        .pick("the answer gives no price for it", "应答中没有它的价格")
        .to_owned()
}

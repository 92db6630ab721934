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

/// The catalogue has no unit `id`, the hour pay-per-use is compared by.
pub(crate) fn hour_unknown(language: Language, id: i64) -> String {
    language.pick_with(
        || format!("pay-per-use is compared by the hour (unit {id}), which is not a unit of the catalogue"),
        || format!("按需按小时比较（单位 {id}），但目录中没有该单位"),
    )
}

/// The catalogue's unit `id`, the hour pay-per-use is compared by, is not a unit of duration.
pub(crate) fn hour_not_a_duration(
    language: Language,
    id: i64,
    name: &str,
    measure_type: i64,
) -> String {
    language.pick_with(
        || format!("pay-per-use is compared by the hour (unit {id}), but the catalogue's unit {id} is {name}, of measure type {measure_type}, not a unit of duration"),
        || format!("按需按小时比较（单位 {id}），但目录中的单位 {id} 是 {name}（度量类型 {measure_type}），不是时长单位"),
    )
}

/// A usage factor (`factor`, quoted) that hours cannot measure.
pub(crate) fn not_by_the_hour(language: Language, id: i64, name: &str, factor: &str) -> String {
    language.pick_with(
        || format!("pay-per-use is compared by the hour (unit {id}, {name}), which measures only \"Duration\", got {factor}"),
        || format!("按需按小时比较（单位 {id}，{name}），小时只能计量 \"Duration\"，实际为 {factor}"),
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

/// A mode's name: `pay-per-use`, `1 month`, `3 years`.
pub(crate) fn mode_name(language: Language, billing: &super::Billing) -> String {
    match billing {
        super::Billing::PayPerUse { .. } => language.pick("pay-per-use", "按需").to_owned(),
        super::Billing::Subscription(p) => {
            let n = p.period_num;
            let (one, many, zh) = match p.period_type {
                0 => ("day", "days", "天"),
                2 => ("month", "months", "个月"),
                3 => ("year", "years", "年"),
                _ => ("hour", "hours", "小时"),
            };
            language.pick_with(
                || format!("{n} {}", if n == 1 { one } else { many }),
                || format!("{n} {zh}"),
            )
        }
    }
}

/// Column headings of a comparison table, in order.
pub(crate) fn columns(language: Language) -> [&'static str; 9] {
    if language.is_english() {
        [
            "Mode",
            "Final (whole period)",
            "List / month",
            "Discount / month",
            "Final / month",
            "Saving / month",
            "Saving %",
            "Break-even h / month",
            "Cheapest",
        ]
    } else {
        [
            "计费模式",
            "最终价（整个周期）",
            "目录价 / 月",
            "折扣 / 月",
            "最终价 / 月",
            "每月节省",
            "节省 %",
            "盈亏平衡小时 / 月",
            "最便宜",
        ]
    }
}

/// The heading of a product's table, and of the totals'.
pub(crate) fn product_heading(language: Language, id: &str) -> String {
    language.pick_with(|| format!("Product {id}"), || format!("产品 {id}"))
}

/// The heading of the totals.
pub(crate) const TOTAL: Words = ("Total", "合计");
/// The mark of the cheapest mode.
pub(crate) const CHEAPEST: Words = ("cheapest", "最便宜");
/// A cell a mode could not price.
pub(crate) const NOT_PRICED: Words = ("not priced", "未能询价");
/// Beside a break-even above the hours of use a month the comparison assumes (`hoursPerMonth`, which need not be
/// a whole month's): the subscription does not pay off within them.
pub(crate) fn beyond_hours(language: Language, hours_per_month: &Decimal) -> String {
    language.pick_with(
        || format!("above the {hours_per_month} h compared"),
        || format!("超出所比较的 {hours_per_month} 小时"),
    )
}

/// What the totals add up.
pub(crate) fn totals_include(
    language: Language,
    included: &[String],
    left_out: &[String],
) -> String {
    let list = |ids: &[String]| ids.join(", ");
    let mut out = language.pick_with(
        || {
            format!(
                "Totals include the products every mode priced: {}.",
                list(included)
            )
        },
        || format!("合计包含每种模式都已询价的产品：{}。", list(included)),
    );
    if included.is_empty() {
        out = language
            .pick(
                "No product was priced in every mode: there are no totals.",
                "没有产品在每种模式下都已询价：无合计。",
            )
            .to_owned();
    }
    if !left_out.is_empty() {
        // Chinese sentences follow each other with no space.
        out.push_str(language.pick(" ", ""));
        out.push_str(&language.pick_with(
            || format!("Left out: {}.", list(left_out)),
            || format!("未计入：{}。", list(left_out)),
        ));
    }
    out
}

/// How the comparison was made, said once under it.
pub(crate) fn assumptions(
    language: Language,
    hours: &Decimal,
    hours_per_month: &Decimal,
) -> [String; 3] {
    [
        language.pick_with(
            || format!("Pay-per-use is priced for {hours} hours of use: the longest period, at {hours_per_month} hours of use a month."),
            || format!("按需按 {hours} 小时使用量询价：最长周期，每月使用 {hours_per_month} 小时。"),
        ),
        language.pick_with(
            || "Break-even: the hours of use per month above which the subscription costs less than paying per use at pay-per-use's price per hour.".to_owned(),
            || "盈亏平衡：每月使用超过该小时数时，包年/包月比按需（按其每小时价格）更省。".to_owned(),
        ),
        language.pick_with(
            || "Subscriptions are priced with each product's best offer, as the breakdown does, or at list price when the answer offers none; ≈ marks a value rounded to 12 significant digits.".to_owned(),
            || "包年/包月按每个产品的最优惠方案计价（与明细相同），应答无优惠时按目录价；≈ 表示已四舍五入到 12 位有效数字。".to_owned(),
        ),
    ]
}

/// One optional discount offered for a whole mode.
pub(crate) fn offer(language: Language, mode: &str, name: &str, best: bool) -> String {
    let best_en = if best { " (best offer)" } else { "" };
    let best_zh = if best { "（最优惠）" } else { "" };
    language.pick_with(
        || format!("{mode}: optional discount {name}{best_en}"),
        || format!("{mode}：可选折扣 {name}{best_zh}"),
    )
}

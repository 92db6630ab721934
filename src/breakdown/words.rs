//! Every sentence and label a breakdown shows, in English and Chinese: table labels, quantities and periods
//! in words, discount type names, the projections' assumption and the warnings. Nothing else in the
//! breakdown layer holds text for people.

use rust_decimal::Decimal;

use crate::catalogue::Catalogue;
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::validate::text::{quoted_list, Quoted};

/// Labels of the tables.
pub(crate) struct Labels {
    pub title: &'static str,
    pub item: &'static str,
    pub covers: &'static str,
    pub list: &'static str,
    pub discount: &'static str,
    pub share: &'static str,
    pub final_price: &'static str,
    pub total: &'static str,
    pub options: &'static str,
    pub best: &'static str,
    pub failures: &'static str,
    pub notes: &'static str,
    pub projections: &'static str,
    pub per_hour: &'static str,
    pub per_month: &'static str,
    pub per_year: &'static str,
    pub approx: &'static str,
    pub list_only: &'static str,
}

/// The labels for a breakdown of `kind` in `language`.
pub(crate) fn labels(kind: InquiryKind, language: Language) -> Labels {
    let t = |en, zh| language.pick(en, zh);
    Labels {
        title: match kind {
            InquiryKind::OnDemand => t("Pay-per-use price", "按需价格"),
            InquiryKind::Period => t("Yearly/monthly price", "包年/包月价格"),
            InquiryKind::Renewal => t("Renewal price", "续费价格"),
        },
        item: t("Item", "项目"),
        covers: t("Covers", "计费范围"),
        list: t("List price", "目录价"),
        discount: t("Discount", "折扣"),
        share: t("Share", "折扣率"),
        final_price: t("Final price", "最终价格"),
        total: t("Total", "合计"),
        options: t("Optional discounts", "可选折扣"),
        best: t("best offer", "最优"),
        failures: t("Not priced", "询价失败"),
        notes: t("Notes", "注意"),
        projections: t("Projections (not prices)", "预估（非报价）"),
        per_hour: t("Per hour", "每小时"),
        per_month: t("Per month", "每月"),
        per_year: t("Per year", "每年"),
        approx: "≈",
        list_only: t("list price only", "仅目录价"),
    }
}

/// A unit of the built-in table, the units the API reference names: English singular and plural, Chinese.
struct Named {
    one: &'static str,
    many: &'static str,
    zh: &'static str,
}

/// The units the API reference names (§4.1.5, §4.1.6 and the inquiries' examples): day, currency, hour,
/// minute, GB and MB of traffic, times, Mbit/s, GB of capacity.
fn built_in(measure_id: i64) -> Option<Named> {
    let named = |one, many, zh| Some(Named { one, many, zh });
    match measure_id {
        0 => named("day", "days", "天"),
        1 => named("currency unit", "currency units", "货币单位"),
        4 => named("hour", "hours", "小时"),
        5 => named("minute", "minutes", "分钟"),
        10 | 17 => named("GB", "GB", "GB"),
        11 => named("MB", "MB", "MB"),
        14 => named("time", "times", "次"),
        15 => named("Mbit/s", "Mbit/s", "Mbit/s"),
        _ => None,
    }
}

/// A catalogue's unit name for people: a capitalised word ("Hour", "Times") lowercased and, in English, in
/// the plural when `one` is false; any other name ("GB", "Mbit/s", "小时") as it is.
fn catalogue_word(name: &str, one: bool, language: Language) -> String {
    let mut chars = name.chars();
    let word = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase());
    if !word {
        return name.to_owned();
    }
    let lower = name.to_ascii_lowercase();
    match (language, one) {
        (Language::English, false) if !lower.ends_with('s') => format!("{lower}s"),
        (Language::English, true) if lower == "times" => "time".to_owned(),
        _ => lower,
    }
}

/// `value` units of measure `measure_id`, for people: "730 hours", "1 hour", "40 GB", "100 Mbit/s", "2 分钟".
///
/// The unit's name comes from `catalogue` when it has the unit in `language`, else from the built-in table of
/// the units the API reference names, else from the catalogue in its other language, else by number.
pub fn quantity(
    value: Decimal,
    measure_id: i64,
    language: Language,
    catalogue: Option<&Catalogue>,
) -> String {
    let value = value.normalize();
    let one = value == Decimal::ONE;
    let en = language.is_english();
    let from_catalogue = |same: bool| {
        catalogue
            .filter(|c| (c.language() == language) == same)
            .and_then(|c| Some((c.unit(measure_id)?, c.language())))
            .filter(|(u, _)| !u.measure_name.trim().is_empty())
            // Said in the catalogue's language: its own plural.
            .map(|(u, said)| catalogue_word(u.measure_name.trim(), one, said))
    };
    let unit = from_catalogue(true)
        .or_else(|| {
            built_in(measure_id).map(|n| {
                language
                    .pick(if one { n.one } else { n.many }, n.zh)
                    .to_owned()
            })
        })
        .or_else(|| from_catalogue(false));
    let Some(unit) = unit else {
        return language.pick(
            format!("{value} units (measure {measure_id})"),
            format!("{value} 单位（度量 {measure_id}）"),
        );
    };
    // Chinese words follow the number directly; Latin names ("GB") are spaced, as in English.
    if en || unit.starts_with(|c: char| c.is_ascii()) {
        format!("{value} {unit}")
    } else {
        format!("{value}{unit}")
    }
}

/// A period for people: "1 year", "3 months", "2天".
pub fn period_text(period_type: i64, num: i64, language: Language) -> String {
    let one = num == 1;
    let plural = |single: &'static str, many: &'static str| if one { single } else { many };
    let unit = match period_type {
        0 => language.pick(plural("day", "days"), "天"),
        2 => language.pick(plural("month", "months"), "个月"),
        3 => language.pick(plural("year", "years"), "年"),
        4 => language.pick(plural("hour", "hours"), "小时"),
        _ => language.pick("periods", "个周期"),
    };
    match language {
        Language::English => format!("{num} {unit}"),
        Language::Chinese => format!("{num}{unit}"),
    }
}

/// The name of a discount type.
pub fn discount_type_name(code: Option<i64>, language: Language) -> String {
    match code {
        Some(605) => language
            .pick(
                "Contract commercial discount (Huawei Cloud)",
                "合同商务折扣（华为云）",
            )
            .to_owned(),
        Some(606) => language
            .pick(
                "Contract commercial discount (reseller)",
                "合同商务折扣（经销商）",
            )
            .to_owned(),
        Some(607) => language
            .pick("Partner authorized discount", "伙伴授权折扣")
            .to_owned(),
        Some(other) => language.pick(
            format!("Discount type {other}"),
            format!("折扣类型 {other}"),
        ),
        None => language.pick("Discount", "折扣").to_owned(),
    }
}

/// What the projections assume.
pub(crate) fn assumption(hours_per_month: Decimal, language: Language) -> String {
    language.pick(
        format!("Projections, not prices: the final price per hour of use, times {hours_per_month} hours a month and 12 months a year; lines not measured in time are not projected."),
        format!("预估值，并非报价：按每使用小时的最终价格，乘以每月 {hours_per_month} 小时、每年 12 个月计算；非按时长计量的行不做预估。"),
    )
}

/// A column of amounts that the lines of an answer should add up to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Column {
    /// List prices.
    List,
    /// Discounts.
    Discount,
    /// Final prices.
    Final,
    /// Renewal prices.
    Renewal,
}

impl Column {
    fn name(self, language: Language) -> &'static str {
        match self {
            Column::List => language.pick("list prices", "目录价"),
            Column::Discount => language.pick("discounts", "折扣"),
            Column::Final => language.pick("final prices", "最终价格"),
            Column::Renewal => language.pick("renewal prices", "续费价格"),
        }
    }
}

/// Something a careful reader of a breakdown must know.
pub(crate) enum Note<'a> {
    /// The lines' `column` add up to `sum`, but the answer's total is `whole`.
    LinesDoNotAddUp {
        column: Column,
        sum: Decimal,
        whole: Decimal,
    },
    /// The lines under the optional discount `option` add up to `sum`, but its total is `whole`.
    OptionDoesNotAddUp {
        option: &'a str,
        sum: Decimal,
        whole: Decimal,
    },
    /// The answer names no currency; `currency` is the site's.
    CurrencyDefaulted { currency: &'a str },
    /// The answer has no discount results.
    ListPriceOnly,
    /// The answer has no price for the item `id`.
    NoPrice { id: &'a str },
    /// The discounts of line `id` add up to `sum`, but its discount is `discount`.
    DiscountsDoNotAddUp {
        id: &'a str,
        sum: Decimal,
        discount: Decimal,
    },
    /// The optional discount `option` covers `covered` of `lines` lines.
    PartialOption {
        option: &'a str,
        covered: usize,
        lines: usize,
    },
    /// The answer carries an error.
    AnswerError { code: &'a str, message: &'a str },
    /// The lines' `column` add up to more than an exact decimal holds; the answer's total is `whole`.
    SumTooLarge { column: Column, whole: Decimal },
    /// The answer prices each of `ids` more than once.
    RepeatedLines { ids: &'a [String] },
    /// The answer prices `ids`, which the inquiry did not ask for.
    UnaskedLines { ids: &'a [String] },
}

impl Note<'_> {
    /// The warning's stable code.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Note::LinesDoNotAddUp { .. } | Note::OptionDoesNotAddUp { .. } => "lines_do_not_add_up",
            Note::CurrencyDefaulted { .. } => "currency_defaulted",
            Note::ListPriceOnly => "list_price_only",
            Note::NoPrice { .. } => "no_price",
            Note::DiscountsDoNotAddUp { .. } => "discounts_do_not_add_up",
            Note::PartialOption { .. } => "partial_option",
            Note::AnswerError { .. } => "answer_error",
            Note::SumTooLarge { .. } => "lines_do_not_add_up",
            Note::RepeatedLines { .. } => "repeated_line",
            Note::UnaskedLines { .. } => "unasked_line",
        }
    }

    /// The warning in words.
    pub(crate) fn text(&self, language: Language) -> String {
        match *self {
            Note::LinesDoNotAddUp { column, sum, whole } => language.pick(
                format!("The lines' {} add up to {sum}, but the answer's total is {whole}; both are shown as the service sent them.", column.name(language)),
                format!("各行{}合计为 {sum}，但应答中的总额为 {whole}；两者均按服务返回的原样显示。", column.name(language)),
            ),
            Note::OptionDoesNotAddUp { option, sum, whole } => language.pick(
                format!("The lines' final prices under {} add up to {sum}, but the answer's total is {whole}; both are shown as the service sent them.", Quoted(option)),
                format!("各行在 {} 下的最终价格合计为 {sum}，但应答中的总额为 {whole}；两者均按服务返回的原样显示。", Quoted(option)),
            ),
            Note::CurrencyDefaulted { currency } => language.pick(
                format!("The answer names no currency; amounts are taken to be in {currency}, the site's currency."),
                format!("应答未注明币种；金额按站点币种 {currency} 计。"),
            ),
            Note::ListPriceOnly => language.pick(
                "List prices only: the answer carries no discount results. Discounts may still apply; seeing them needs the bs:discount:view permission.",
                "仅有目录价：应答中没有折扣结果。折扣仍可能适用；查看折扣需要 bs:discount:view 权限。",
            ).to_owned(),
            Note::NoPrice { id } => language.pick(
                format!("The answer has no price for {}.", Quoted(id)),
                format!("应答中没有 {} 的价格。", Quoted(id)),
            ),
            Note::DiscountsDoNotAddUp { id, sum, discount } => language.pick(
                format!("The discounts of line {} add up to {sum}, but its discount is {discount}.", Quoted(id)),
                format!("行 {} 的各项折扣合计为 {sum}，但其折扣额为 {discount}。", Quoted(id)),
            ),
            Note::PartialOption { option, covered, lines } => language.pick(
                format!("The option {} covers {covered} of {lines} lines; its totals are for those lines only.", Quoted(option)),
                format!("选项 {} 仅覆盖 {lines} 行中的 {covered} 行；其总额仅针对这些行。", Quoted(option)),
            ),
            Note::AnswerError { code, message } => language.pick(
                format!("The answer carries the error {code}: {message}"),
                format!("应答包含错误 {code}：{message}"),
            ),
            Note::SumTooLarge { column, whole } => language.pick(
                format!("The lines' {} add up to more than an exact decimal holds, but the answer's total is {whole}; both are shown as the service sent them.", column.name(language)),
                format!("各行{}之和超出精确小数的范围，但应答中的总额为 {whole}；两者均按服务返回的原样显示。", column.name(language)),
            ),
            Note::RepeatedLines { ids } => language.pick(
                format!("The answer prices {} more than once; only the first line of each is shown.", quoted_list(ids, language)),
                format!("应答对 {} 多次计价；每项仅显示第一行。", quoted_list(ids, language)),
            ),
            Note::UnaskedLines { ids } => language.pick(
                format!("The answer prices {}, which the inquiry did not ask for; shown as the service sent them.", quoted_list(ids, language)),
                format!("应答对询价中未包含的 {} 计价；按服务返回的原样显示。", quoted_list(ids, language)),
            ),
        }
    }
}

/// Every warning code a breakdown may carry.
pub const WARNING_CODES: [&str; 9] = [
    "lines_do_not_add_up",
    "currency_defaulted",
    "list_price_only",
    "no_price",
    "discounts_do_not_add_up",
    "partial_option",
    "answer_error",
    "repeated_line",
    "unasked_line",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_and_periods_read_naturally() {
        let en = Language::English;
        let zh = Language::Chinese;
        assert_eq!(quantity(Decimal::new(7300, 1), 4, en, None), "730 hours");
        assert_eq!(quantity(Decimal::ONE, 4, en, None), "1 hour");
        assert_eq!(quantity(Decimal::ONE, 0, en, None), "1 day");
        assert_eq!(quantity(Decimal::new(5, 1), 4, zh, None), "0.5小时");
        assert_eq!(quantity(Decimal::from(40), 17, zh, None), "40 GB");
        assert_eq!(quantity(Decimal::from(90), 5, en, None), "90 minutes");
        assert_eq!(quantity(Decimal::from(2), 14, zh, None), "2次");
        assert_eq!(
            quantity(Decimal::from(3), 99, en, None),
            "3 units (measure 99)"
        );
        assert_eq!(
            quantity(Decimal::from(3), 99, zh, None),
            "3 单位（度量 99）"
        );
        assert_eq!(period_text(3, 1, en), "1 year");
        assert_eq!(period_text(2, 3, en), "3 months");
        assert_eq!(period_text(2, 3, zh), "3个月");
    }

    /// A catalogue of these units (id, name, measure type), its names in `language`.
    fn catalogue(language: &str, units: &[(i64, &str, i64)]) -> Catalogue {
        let units: Vec<String> = units
            .iter()
            .map(|(id, name, t)| {
                format!(r#"{{"measure_id":{id},"measure_name":"{name}","abbreviation":"","measure_type":{t}}}"#)
            })
            .collect();
        Catalogue::from_json(&format!(
            r#"{{"format":"hwc-price-catalogue","version":1,"language":"{language}","serviceTypes":[],
            "resourceTypes":[],"usageTypes":[],"measureUnits":[{}],"conversions":[]}}"#,
            units.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn unit_names_come_from_the_catalogue_first() {
        let (en, zh) = (Language::English, Language::Chinese);
        let english = catalogue(
            "en_US",
            &[
                (4, "Hour", 2),
                (6, "Second", 2),
                (16, "Gbit/s", 16),
                (14, "Times", 4),
            ],
        );
        let chinese = catalogue("zh_CN", &[(4, "小时", 2), (6, "秒", 2), (16, "Gbit/s", 16)]);
        let cases = [
            (730, 4, en, &english, "730 hours"),
            (1, 6, en, &english, "1 second"),
            (30, 6, en, &english, "30 seconds"),
            (2, 16, en, &english, "2 Gbit/s"),
            (1, 14, en, &english, "1 time"),
            (3, 14, en, &english, "3 times"),
            (30, 6, zh, &chinese, "30秒"),
            (2, 16, zh, &chinese, "2 Gbit/s"),
            // Another language's catalogue: the built-in table first, then its name.
            (730, 4, zh, &english, "730小时"),
            (30, 6, zh, &english, "30 seconds"),
            (5, 4, en, &chinese, "5 hours"),
            (5, 6, en, &chinese, "5 秒"),
            (5, 99, en, &english, "5 units (measure 99)"),
        ];
        for (value, id, language, catalogue, expected) in cases {
            assert_eq!(
                quantity(Decimal::from(value), id, language, Some(catalogue)),
                expected
            );
        }
    }

    #[test]
    fn discount_types_have_names_in_both_languages() {
        assert_eq!(
            discount_type_name(Some(607), Language::English),
            "Partner authorized discount"
        );
        assert_eq!(
            discount_type_name(Some(606), Language::Chinese),
            "合同商务折扣（经销商）"
        );
        assert_eq!(
            discount_type_name(Some(12), Language::English),
            "Discount type 12"
        );
    }

    #[test]
    fn every_note_has_a_declared_code_and_both_languages() {
        let notes = [
            Note::ListPriceOnly,
            Note::NoPrice { id: "x" },
            Note::CurrencyDefaulted { currency: "USD" },
            Note::AnswerError {
                code: "C",
                message: "m",
            },
            Note::PartialOption {
                option: "o",
                covered: 1,
                lines: 2,
            },
            Note::DiscountsDoNotAddUp {
                id: "x",
                sum: Decimal::ONE,
                discount: Decimal::TWO,
            },
            Note::LinesDoNotAddUp {
                column: Column::List,
                sum: Decimal::ONE,
                whole: Decimal::TWO,
            },
            Note::OptionDoesNotAddUp {
                option: "o",
                sum: Decimal::ONE,
                whole: Decimal::TWO,
            },
        ];
        for note in notes {
            assert!(WARNING_CODES.contains(&note.code()));
            assert_ne!(note.text(Language::English), note.text(Language::Chinese));
        }
    }
}

//! Every sentence of the inquiry rules, in English and Chinese: text fields, counts, uniqueness, fields that go
//! together, where an unknown field belongs, and the head line of an invalid inquiry. The machinery's own
//! sentences (types, missing fields, JSON) are in `validate::messages`.

use crate::kind::InquiryKind;
use crate::language::{Language, Words};
use crate::validate::Violations;

/// An empty string where one is required.
pub(crate) const NOT_EMPTY: Words = ("must not be empty", "不能为空");
/// What one product of a list is, for messages.
pub(crate) const A_PRODUCT: Words = ("a product", "产品");
/// One element of `product_infos`, counted.
pub(crate) const PRODUCT: Words = ("product", "产品");
/// One element of `resource_ids`, counted.
pub(crate) const RESOURCE_ID: Words = ("resource id", "资源 ID");
/// What the whole inquiry is, for messages.
pub(crate) fn an_inquiry(kind: InquiryKind) -> Words {
    match kind {
        InquiryKind::OnDemand => ("a pay-per-use inquiry", "按需询价"),
        InquiryKind::Period => ("a yearly/monthly inquiry", "包年/包月询价"),
        InquiryKind::Renewal => ("a renewal inquiry", "续费询价"),
    }
}

/// A blank string; `quoted` is the value, quoted.
pub(crate) fn blank(language: Language, quoted: &str) -> String {
    language.pick_with(
        || format!("must not be blank, got {quoted}"),
        || format!("不能为空白，实际为 {quoted}"),
    )
}

/// An empty string given as whitespace only; `quoted` is the value, quoted.
pub(crate) fn empty_but_spaces(language: Language, quoted: &str) -> String {
    language.pick_with(
        || format!("must not be empty, got {quoted}"),
        || format!("不能为空，实际为 {quoted}"),
    )
}

/// A string with whitespace at either end; `quoted` is the value, quoted.
pub(crate) fn padded(language: Language, quoted: &str) -> String {
    language.pick_with(
        || format!("must not start or end with whitespace, got {quoted}"),
        || format!("首尾不能有空白字符，实际为 {quoted}"),
    )
}

/// A string longer than `max` characters.
pub(crate) fn too_long(language: Language, max: usize, chars: usize) -> String {
    language.pick_with(
        || format!("must be at most {max} characters, got {chars}"),
        || format!("长度不能超过 {max} 个字符，实际为 {chars} 个"),
    )
}

/// An empty list of `noun`s.
pub(crate) fn none_listed(language: Language, noun: Words) -> String {
    language.pick_with(
        || format!("must hold at least 1 {}, got none", noun.0),
        || format!("至少要有 1 个{}，实际为空", noun.1),
    )
}

/// A list of `count` `noun`s, more than `max` per request (or per batch when `batch`).
pub(crate) fn too_many(
    language: Language,
    noun: Words,
    (max, batch): (usize, bool),
    count: usize,
) -> String {
    let unit = language.say(if batch {
        ("batch", "批次")
    } else {
        ("request", "请求")
    });
    language.pick_with(
        || {
            format!(
                "must hold at most {max} {}s per {unit}, got {count}",
                noun.0
            )
        },
        || format!("每个{unit}最多 {max} 个{}，实际为 {count} 个", noun.1),
    )
}

/// A repeated value (`quoted`) of field `key` (empty: the element itself), first seen at `first`.
pub(crate) fn repeated(language: Language, quoted: &str, key: &str, first: &str) -> String {
    match (language, key.is_empty()) {
        (Language::English, true) => {
            format!("must be unique in the inquiry, but {quoted} repeats the value of {first}")
        }
        (Language::English, false) => {
            format!("must be unique in the inquiry, but {quoted} repeats the {key} of {first}")
        }
        (Language::Chinese, true) => format!("在询价中必须唯一，但 {quoted} 与 {first} 重复"),
        (Language::Chinese, false) => {
            format!("在询价中必须唯一，但 {quoted} 与 {first} 的 {key} 重复")
        }
    }
}

/// A field missing while `other`, which goes with it, is set to `value`.
pub(crate) fn together(language: Language, other: &str, value: i64) -> String {
    language.pick_with(
        || format!("is required when {other} is set ({other} is {value}); give both or neither"),
        || format!("设置了 {other}（值为 {value}）时必填；两者应同时给出或同时省略"),
    )
}

/// A decimal that must be positive.
pub(crate) fn not_positive(language: Language, value: &str) -> String {
    language.pick_with(
        || format!("must be a decimal greater than 0, got {value}"),
        || format!("应为大于 0 的十进制数，实际为 {value}"),
    )
}

/// A code that is not one of `codes`; `quoted` is the value, quoted.
pub(crate) fn not_a_code(language: Language, codes: &[&str], quoted: &str) -> String {
    language.pick_with(
        || format!("must be one of {}, got {quoted}", codes.join(", ")),
        || format!("应为 {} 之一，实际为 {quoted}", codes.join("、")),
    )
}

/// A field of `homes` (other kinds of inquiry) given in a `kind` inquiry.
pub(crate) fn field_of_other_kinds(
    language: Language,
    name: &str,
    homes: &[InquiryKind],
    kind: InquiryKind,
) -> String {
    let names: Vec<&str> = homes.iter().map(|k| k.label_in(language)).collect();
    let label = kind.label_in(language);
    language.pick_with(
        || {
            format!(
                "{name} is a field of {} inquiries, not of {label} ones",
                names.join(" and ")
            )
        },
        || format!("{name} 是{}询价的字段，不属于{label}询价", names.join("和")),
    )
}

/// A value that cannot be turned into JSON at all; `detail` is what was thrown.
pub(crate) fn unconvertible(language: Language, detail: &str) -> String {
    language.pick_with(
        || format!("cannot be read as JSON: {detail}"),
        || format!("无法转换为 JSON：{detail}"),
    )
}

/// Text holding a lone UTF-16 surrogate at UTF-16 index `at`.
pub fn lone_surrogate(language: Language, at: i32) -> String {
    language.pick_with(
        || format!("the text holds a lone UTF-16 surrogate (half of a character) at index {at}, which UTF-8 cannot carry"),
        || format!("文本在索引 {at} 处含有孤立的 UTF-16 代理项（半个字符），UTF-8 无法表示"),
    )
}

/// A value that `JSON.stringify` could not write, with nothing more known.
pub const NOT_SERIALIZABLE: Words = ("the value could not be serialized", "该值无法序列化");

/// Where in the input something could not be written as JSON: `detail (at path)`.
pub fn at_path(language: Language, detail: &str, path: &str) -> String {
    language.pick_with(
        || format!("{detail} (at {path})"),
        || format!("{detail}（位于 {path}）"),
    )
}

/// The message of an invalid inquiry: a head line, then one line per violation, indented.
pub(crate) fn invalid(language: Language, kind: InquiryKind, violations: &Violations) -> String {
    let n = violations.len();
    let label = kind.label_in(language);
    let head = match language {
        Language::English => format!(
            "invalid {label} inquiry: {n} problem{}",
            if n == 1 { "" } else { "s" }
        ),
        Language::Chinese => format!("{label}询价无效：{n} 个问题"),
    };
    crate::validate::messages::listed(head, violations)
}

/// "; did you mean `meant`?" when there is a near code, else nothing.
fn did_you_mean(language: Language, meant: Option<&str>) -> String {
    meant.map_or_else(String::new, |meant| {
        language.pick(
            format!("; did you mean {meant}?"),
            format!("；是否应为 {meant}？"),
        )
    })
}

/// A `cloud_service_type` the catalogue does not have; `quoted` is the value, quoted.
pub(crate) fn unknown_service(language: Language, quoted: &str, meant: Option<&str>) -> String {
    let advice = did_you_mean(language, meant);
    language.pick_with(
        || format!("is not a service type of the catalogue, got {quoted}{advice}"),
        || format!("不是目录中的云服务类型，实际为 {quoted}{advice}"),
    )
}

/// A `resource_type` that is not one of `service`'s (a code and its name); `owner` is the service it belongs
/// to, when the catalogue knows it.
pub(crate) fn not_of_service(
    language: Language,
    quoted: &str,
    service: &str,
    owner: Option<&str>,
    meant: Option<&str>,
) -> String {
    let advice = did_you_mean(language, meant);
    match owner {
        Some(owner) => language.pick_with(
            || format!("is not a resource type of {service}, got {quoted}, which belongs to {owner}{advice}"),
            || format!("不是 {service} 的资源类型，实际为 {quoted}，它属于 {owner}{advice}"),
        ),
        None => language.pick_with(
            || format!("is not a resource type of {service}, got {quoted}{advice}"),
            || format!("不是 {service} 的资源类型，实际为 {quoted}{advice}"),
        ),
    }
}

/// A `usage_factor` that is not a usage type of `resource`; `valid` lists them all when there are few.
pub(crate) fn not_a_usage_type(
    language: Language,
    quoted: &str,
    resource: &str,
    valid: Option<&[&str]>,
    meant: Option<&str>,
) -> String {
    let advice = match valid {
        Some(codes) => language.pick(
            format!("; must be one of {}", codes.join(", ")),
            format!("；应为 {} 之一", codes.join("、")),
        ),
        None => did_you_mean(language, meant),
    };
    language.pick_with(
        || format!("is not a usage type of {resource}, got {quoted}{advice}"),
        || format!("不是 {resource} 的使用量类型，实际为 {quoted}{advice}"),
    )
}

/// A unit id the catalogue does not have.
pub(crate) fn unknown_unit(language: Language, id: i64) -> String {
    language.pick_with(
        || format!("is not a unit of the catalogue, got {id}"),
        || format!("不是目录中的度量单位，实际为 {id}"),
    )
}

/// What a unit field must measure.
pub(crate) const OF_DURATION: Words = (
    "a unit of duration (usage_factor Duration)",
    "时长单位（usage_factor 为 Duration）",
);
/// What `usage_measure_id` must not be.
pub(crate) const OF_USAGE: Words = (
    "a unit of usage, not of money",
    "使用量单位，不能是货币单位",
);
/// What `size_measure_id` must be.
pub(crate) const OF_SIZE: Words = (
    "a unit of size (capacity, bandwidth or quantity), not of time, traffic or money",
    "规格大小单位（容量、带宽或数量），不能是时间、流量或货币单位",
);

/// A unit whose measure type cannot measure the field: `unit` is its id and name, `measure_type` its type.
pub(crate) fn cannot_measure(
    language: Language,
    what: Words,
    (id, name): (i64, &str),
    measure_type: i64,
) -> String {
    language.pick_with(
        || {
            format!(
                "must be {}, got {id} ({name}, measure type {measure_type})",
                what.0
            )
        },
        || {
            format!(
                "应为{}，实际为 {id}（{name}，度量类型 {measure_type}）",
                what.1
            )
        },
    )
}

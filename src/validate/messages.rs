//! Every sentence of the validation machinery, in English and Chinese: how a value looks, what was expected,
//! and the messages of the readers of JSON text and of options objects. Nothing else in this layer holds text
//! for people. A message states the rule and the value seen; paths and rule codes are the same in both
//! languages.

use crate::language::{Language, Words};

/// `text` after the Chinese `prefix`, with the space Chinese typesetting puts before Latin letters, digits
/// and quotes.
fn zh_then(prefix: &str, text: &str) -> String {
    if text.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '"' | '-' | '…')) {
        format!("{prefix} {text}")
    } else {
        format!("{prefix}{text}")
    }
}

/// `must be <expected>, got <seen>`: the one shape of a message about a value of the wrong kind.
pub(crate) fn must_be(language: Language, expected: &str, seen: &str) -> String {
    language.pick_with(
        || format!("must be {expected}, got {seen}"),
        || format!("{}，{}", zh_then("应为", expected), zh_then("实际为", seen)),
    )
}

/// A phrase given in both languages, said in `language`: `must be <expected>, got <seen>`.
pub(crate) fn must_be_words(language: Language, expected: Words, seen: &str) -> String {
    must_be(language, language.say(expected), seen)
}

/// `null`, `a number (2.5)`, `a string ("abc")`, … in `language`.
pub(crate) fn a_number(language: Language, text: &str) -> String {
    language.pick(format!("a number ({text})"), format!("数字 {text}"))
}

/// `a string ("abc")`; `quoted` is already quoted and cut.
pub(crate) fn a_string(language: Language, quoted: &str) -> String {
    language.pick(format!("a string ({quoted})"), format!("字符串 {quoted}"))
}

/// An array.
pub(crate) const AN_ARRAY: Words = ("an array", "数组");
/// An object.
pub(crate) const AN_OBJECT: Words = ("an object", "对象");
/// A function.
pub(crate) const A_FUNCTION: Words = ("a function", "函数");

/// How JavaScript values that JSON cannot carry, or kinds of values, are named (as `input.js` and the options
/// readers name them in English), in Chinese; a name not listed is shown as it is.
const VALUE_NAMES: &[Words] = &[
    ("a function", "函数"),
    ("a symbol", "符号值"),
    ("a bigint", "BigInt 值"),
    ("an array", "数组"),
    ("an object", "对象"),
    ("a boolean", "布尔值"),
    ("a number", "数字"),
    ("a string", "字符串"),
    ("a value of an unknown kind", "未知类型的值"),
    ("a value that could not be read", "无法读取的值"),
    ("a revoked proxy", "已撤销的代理对象"),
    (
        "text with a lone UTF-16 surrogate",
        "含孤立 UTF-16 代理项的文本",
    ),
];

/// The name of a kind of value (`a function`, `an array`, `NaN`) in `language`.
pub(crate) fn value_name(language: Language, english: &str) -> String {
    match language {
        Language::English => english.to_owned(),
        Language::Chinese => VALUE_NAMES
            .iter()
            .find(|(en, _)| *en == english)
            .map_or_else(|| english.to_owned(), |(_, zh)| (*zh).to_owned()),
    }
}

/// A JavaScript value that JSON cannot carry (`NaN`, `a function`), described.
pub(crate) fn unsendable(language: Language, what: &str) -> String {
    language.pick_with(
        || format!("{what}, which JSON cannot carry"),
        || format!("{}（JSON 无法表示）", value_name(Language::Chinese, what)),
    )
}

/// A value that threw when read; `thrown` is what was thrown, in words.
pub(crate) fn unreadable_value(language: Language, thrown: &str) -> String {
    language.pick_with(
        || format!("a value that could not be read ({thrown})"),
        || format!("无法读取的值（{thrown}）"),
    )
}

/// A required member given as `null`.
pub(crate) const REQUIRED_NULL: Words = ("is required, got null", "必填，不能为 null");
/// A required member that is missing.
pub(crate) const REQUIRED: Words = ("is required", "必填");
/// A member name given twice in one object.
pub(crate) const GIVEN_TWICE: Words = (
    "is given twice; each member of an object must appear once",
    "重复出现；对象的每个成员只能出现一次",
);

/// What a string member must be.
pub(crate) const A_STRING: Words = ("a string", "字符串");
/// What a decimal member must be, when it is neither a number nor a string.
pub(crate) const A_DECIMAL_VALUE: Words = (
    "a decimal number (a number, or a string such as \"0.5\")",
    "十进制数（数字，或 \"0.5\" 这样的字符串）",
);
/// What a decimal member must be, when its text is not a number.
pub(crate) const A_DECIMAL_TEXT: Words = (
    "a decimal number such as 2 or 0.5",
    "2 或 0.5 这样的十进制数",
);
/// What a boolean member of an inquiry must be.
pub(crate) const A_BOOLEAN_MEMBER: Words = (
    "true or false (leave it out for false)",
    "true 或 false（false 可省略）",
);
/// What a value JSON cannot carry should have been.
pub(crate) const A_JSON_VALUE: Words = ("a JSON value", "JSON 值");
/// What a list member must be.
pub(crate) const A_LIST: Words = ("a list (a JSON array)", "列表（JSON 数组）");

/// A decimal with more digits than an exact decimal holds; `text` is the number, cut.
pub(crate) fn too_precise(language: Language, text: &str) -> String {
    language.pick_with(
        || format!("must fit an exact decimal (at most 28 significant digits, no rounding), got {text}"),
        || format!("超出精确小数的范围（最多 28 位有效数字，不做舍入），实际为 {text}"),
    )
}

/// What an object must be: `a product (a JSON object)`.
pub(crate) fn an_object_of(language: Language, what: Words) -> String {
    language.pick_with(
        || format!("{} (a JSON object)", what.0),
        || format!("{}（JSON 对象）", what.1),
    )
}

/// A whole number from `min` to `max`, followed by `note` (said in `language`, may be empty).
pub(crate) fn whole_number_from(language: Language, min: i64, max: i64, note: Words) -> String {
    language.pick_with(
        || format!("a whole number from {min} to {max}{}", note.0),
        || format!("{min} 到 {max} 之间的整数{}", note.1),
    )
}

/// One of the listed values, each with its meaning: `one of 2 (month), 3 (year)`.
pub(crate) fn one_of_values(language: Language, choices: &[(i64, Words)]) -> String {
    let listed: Vec<String> = choices
        .iter()
        .map(|(v, meaning)| match language {
            Language::English => format!("{v} ({})", meaning.0),
            Language::Chinese => format!("{v}（{}）", meaning.1),
        })
        .collect();
    language.pick_with(
        || format!("one of {}", listed.join(", ")),
        || format!("以下值之一：{}", listed.join("、")),
    )
}

/// Alternatives for a message: `"a", "b" or "c"` (`"a"、"b" 或 "c"`); each is already quoted.
pub(crate) fn alternatives(language: Language, quoted: &[String]) -> String {
    let (comma, or) = language.pick((", ", " or "), ("、", " 或 "));
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(comma)),
    }
}

/// A member name that the object does not have, as `noun` says (`a field of this inquiry`), with advice:
/// the name meant, or a hint.
pub(crate) fn not_a_member(
    language: Language,
    noun: Words,
    meant: Option<&str>,
    hint: Option<String>,
) -> String {
    let advice = match (meant, hint) {
        (Some(meant), _) => language.pick(
            format!("; did you mean {meant}?"),
            format!("；是否应为 {meant}？"),
        ),
        (None, Some(hint)) => language.pick(format!("; {hint}"), format!("；{hint}")),
        (None, None) => String::new(),
    };
    language.pick_with(
        || format!("is not {}{advice}", noun.0),
        || format!("不是{}{advice}", noun.1),
    )
}

/// An option name that the options object does not have: the name meant, or every option it has.
pub(crate) fn not_an_option(language: Language, meant: Option<&str>, known: &[&str]) -> String {
    match (meant, language) {
        (Some(meant), Language::English) => format!("is not a known option; did you mean {meant}?"),
        (Some(meant), Language::Chinese) => format!("不是已知的选项；是否应为 {meant}？"),
        (None, Language::English) => {
            format!(
                "is not a known option; the options are {}",
                known.join(", ")
            )
        }
        (None, Language::Chinese) => format!("不是已知的选项；可用的选项为 {}", known.join("、")),
    }
}

/// Text that is not JSON; `error` is the parser's account (English), `line` and `column` where it failed.
pub(crate) fn not_json(language: Language, error: &str, line: usize, column: usize) -> String {
    language.pick_with(
        || format!("is not valid JSON: {error}"),
        || format!("不是有效的 JSON：第 {line} 行第 {column} 列有误"),
    )
}

/// The last entry of a list cut short: `omitted` more, `listed` listed inside lists.
pub(crate) fn truncated(language: Language, omitted: usize, listed: usize) -> String {
    language.pick_with(
        || {
            format!(
                "{omitted} more violations are not listed (the first {listed} inside lists are)"
            )
        },
        || format!("另有 {omitted} 个问题未列出（列表内只列出前 {listed} 个）"),
    )
}

/// An options object (or property) that could not be read; `thrown` is quoted.
pub(crate) fn could_not_read(language: Language, thrown: &str) -> String {
    language.pick_with(
        || format!("could not be read: {thrown}"),
        || format!("无法读取：{thrown}"),
    )
}

/// Options that are not an object; `what` names them in English (`client options`), `kind` is the kind of
/// value seen.
pub(crate) fn options_not_object(language: Language, what: &str, kind: &str) -> String {
    language.pick_with(
        || format!("{what} must be an object, got {kind}"),
        || zh_then("选项应为对象，实际为", kind),
    )
}

/// What a boolean option must be.
/// What the `catalogue` option must be.
pub(crate) const A_CATALOGUE: Words = (
    "must be a Catalogue (from client.catalogue() or Catalogue.fromJSON)",
    "应为 Catalogue（来自 client.catalogue() 或 Catalogue.fromJSON）",
);
/// A `catalogue` option whose `Catalogue` was freed.
pub(crate) const A_FREED_CATALOGUE: Words = (
    "is a Catalogue that was freed (free() was called): use one that is not",
    "是已释放的 Catalogue（已调用 free()），请使用未释放的",
);
pub(crate) const TRUE_OR_FALSE: Words = ("true or false", "true 或 false");
/// What a decimal option must be.
pub(crate) const A_DECIMAL: Words = ("a decimal number", "十进制数");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_spacing_and_lists() {
        let zh = Language::Chinese;
        assert_eq!(must_be(zh, "字符串", "数字 5"), "应为字符串，实际为数字 5");
        assert_eq!(
            must_be(zh, "1 到 3 之间的整数", "null"),
            "应为 1 到 3 之间的整数，实际为 null"
        );
        assert_eq!(
            must_be(Language::English, "a string", "null"),
            "must be a string, got null"
        );
        let quoted = ["\"a\"".to_owned(), "\"b\"".to_owned(), "\"c\"".to_owned()];
        assert_eq!(alternatives(zh, &quoted), "\"a\"、\"b\" 或 \"c\"");
        assert_eq!(
            alternatives(Language::English, &quoted[1..]),
            "\"b\" or \"c\""
        );
        assert_eq!(unsendable(zh, "a function"), "函数（JSON 无法表示）");
        assert_eq!(unsendable(zh, "NaN"), "NaN（JSON 无法表示）");
    }
}

/// What each options object is called in its error's head line.
pub mod bags {
    use crate::language::Words;

    /// `new PriceClient(options)`.
    pub const CLIENT: Words = ("client options", "客户端选项");
    /// The options of one price call.
    pub const PRICE: Words = ("price options", "询价调用选项");
    /// The options of the inquiry functions (`build*Inquiry`, `validateInquiry`).
    pub const INQUIRY: Words = ("inquiry options", "询价选项");
    /// The options of a breakdown and its renderings.
    pub const BREAKDOWN: Words = ("breakdown options", "明细选项");
    /// The options of a saved answer.
    pub const SAVED: Words = ("saved answer options", "已保存应答选项");
    /// A request to sign.
    pub const SIGN: Words = ("request to sign", "待签名请求");
    /// The options of a comparison of two breakdown documents.
    pub const DIFF: Words = ("diff options", "比较选项");
    /// A budget to check a total against.
    pub const BUDGET: Words = ("budget", "预算");
    /// The options of a catalogue look-up.
    pub const LOOKUP: Words = ("look-up options", "查询选项");
    /// The filter of a catalogue look-up.
    pub const FILTER: Words = ("filter", "筛选条件");
}

/// A head line, then one indented line per problem: how every list of problems is said.
pub(crate) fn listed<T: std::fmt::Display>(
    head: String,
    problems: impl IntoIterator<Item = T>,
) -> String {
    let mut out = head;
    for problem in problems {
        out.push_str("\n  ");
        out.push_str(&problem.to_string());
    }
    out
}

/// "invalid client options: 2 problems", then one line per problem.
pub(crate) fn invalid_options<T: std::fmt::Display>(
    language: Language,
    what: Words,
    problems: impl ExactSizeIterator<Item = T>,
) -> String {
    let n = problems.len();
    let head = match language {
        Language::English => format!(
            "invalid {}: {n} problem{}",
            what.0,
            if n == 1 { "" } else { "s" }
        ),
        Language::Chinese => format!("{}无效：{n} 个问题", what.1),
    };
    listed(head, problems)
}

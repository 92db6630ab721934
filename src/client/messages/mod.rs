//! The client's sentences for people, in English and Chinese: what a failed request means, and the story of a
//! call that could not price everything.

use super::error::{CallError, Failure};
use super::runtime::TransportError;
use crate::language::Language;
use crate::response::MergeError;
use crate::site::Site;
use crate::validate::text::{quoted_list, Quoted};

impl Failure {
    /// What happened, in plain words, with the server's own text when there was one.
    pub fn message(&self, language: Language, site: Site) -> String {
        failure(self, language, site)
    }
}

impl super::lookup::LookupError {
    /// What happened, in plain words: the look-up, then the failure.
    pub fn message(&self, language: Language, site: Site) -> String {
        match self {
            super::lookup::LookupError::Failed {
                lookup, failure, ..
            } => {
                let what = failure.message(language, site);
                let what = match failure {
                    Failure::Aborted | Failure::Deadline => what.replace(
                        language.pick("price inquiry", "询价"),
                        language.pick("look-up", "查询"),
                    ),
                    _ => what,
                };
                language.pick(
                    format!("The {} look-up failed: {what}", lookup.name()),
                    format!("{} 查询失败：{what}", lookup.name()),
                )
            }
            super::lookup::LookupError::TooLarge { lookup, cause } => {
                cause.message(lookup.name(), language)
            }
        }
    }
}

impl CallError {
    /// The whole story in plain words: which items were not priced, then the headline's message.
    pub fn message(&self, language: Language, site: Site) -> String {
        call(self, language, site)
    }
}

/// What happened to one request, in plain words, with the server's own text when there was one.
fn failure(failure: &Failure, language: Language, site: Site) -> String {
    match failure {
        Failure::Api(error) => error.message(language, Some(&site.other().describe(language))),
        Failure::Timeout { timeout_ms } => language.pick(
            format!("No answer within {timeout_ms} ms (the timeoutMs option)."),
            format!("{timeout_ms} 毫秒内没有应答（timeoutMs 选项）。"),
        ),
        Failure::Network { url, cause } => {
            let detail = match cause {
                TransportError::Network { detail, .. } => detail.clone(),
                other => other.to_string(),
            };
            language.pick(
                format!("Could not reach {url}: {detail}"),
                format!("无法访问 {url}：{detail}"),
            )
        }
        Failure::Aborted => language
            .pick("The price inquiry was cancelled.", "询价已取消。")
            .to_owned(),
        Failure::Deadline => language
            .pick(
                "The price inquiry was cancelled: the caller's signal ran out of time.",
                "询价已取消：调用方信号的时限已到。",
            )
            .to_owned(),
        Failure::NotSent => language
            .pick(
                "Not sent: an earlier request of this inquiry failed in a way every request would.",
                "未发送：本次询价中较早的请求已失败，其余请求也会同样失败。",
            )
            .to_owned(),
        Failure::Unreadable(e) => language.pick(
            format!("The answer could not be read: {e}"),
            format!("无法解析应答：{e}"),
        ),
        Failure::Sign(e) => language.pick(
            format!("The request could not be signed: {e}"),
            format!("无法签名请求：{e}"),
        ),
        Failure::Unanswered => language
            .pick(
                "The answer gives no price for these items.",
                "应答中没有这些项目的价格。",
            )
            .to_owned(),
        Failure::Inconsistent(MergeError::CurrencyMismatch { first, other }) => language.pick(
            format!(
                "This part was priced in {}, the rest of the inquiry in {}; amounts in two currencies are not added up.",
                Quoted(other),
                Quoted(first)
            ),
            format!(
                "此部分以 {} 计价，询价的其余部分以 {} 计价；两种币种的金额不能相加。",
                Quoted(other),
                Quoted(first)
            ),
        ),
        Failure::Inconsistent(_) => language
            .pick(
                "The amounts of the answers add up to more than an exact decimal holds.",
                "各应答金额之和超出了精确小数的范围。",
            )
            .to_owned(),
    }
}

/// The whole story of a call in plain words: which items were not priced, then the headline's message.
fn call(error: &CallError, language: Language, site: Site) -> String {
    let Some(head) = error.headline() else {
        return String::new();
    };
    let message = head.failure.message(language, site);
    // One failure of the whole inquiry is told by its message alone; a failure that concerns some items only
    // says which, even for a single request.
    let about_items = matches!(head.failure, Failure::Unanswered | Failure::Inconsistent(_));
    let failed_items = error.failed_items();
    let whole = error.failed.len() == 1 && failed_items.len() >= error.items;
    if whole && !about_items {
        return message;
    }
    let list = quoted_list(&failed_items, language);
    let (failed, items) = (failed_items.len(), error.items.max(failed_items.len()));
    language.pick(
        format!("{failed} of {items} items not priced: {list}. {message}"),
        format!("{items} 项中有 {failed} 项未询价：{list}。{message}"),
    )
}

/// Why a URL cannot be sent (`client::url`) or an endpoint cannot be used (`client::endpoint`).
pub(crate) mod url;

/// The client options' own sentences (the option readers say the rest).
pub(crate) mod options {
    use crate::language::{Language, Words};

    /// An endpoint refused for `reason`; `shown` is the value given, quoted (and redacted).
    pub(crate) fn endpoint_refused(language: Language, reason: Words, shown: &str) -> String {
        language.pick(
            format!("{}, got {shown}", reason.0),
            format!("{}，实际为 {shown}", reason.1),
        )
    }

    pub(crate) const PRICE_OPTIONS_OBJECT: Words = (
        "an object: { signal?, onProgress?, onRetry?, timeoutMs?, retry?, isolateFailures?, catalogue? }",
        "对象：{ signal?, onProgress?, onRetry?, timeoutMs?, retry?, isolateFailures?, catalogue? }",
    );

    pub(crate) const NOT_BLANK: Words = ("must not be blank", "不能为空");
    pub(crate) const VISIBLE_ASCII: Words = (
        "must hold only visible ASCII characters (no spaces or line breaks)",
        "只能包含可见的 ASCII 字符（不能有空格或换行）",
    );
    pub(crate) const A_STRING: Words = ("must be a string", "应为字符串");
    pub(crate) const ABORT_SIGNAL: Words = ("must be an AbortSignal", "应为 AbortSignal");
    pub(crate) const SERVICE_CODES: Words = (
        "must be an array of service type codes",
        "应为服务类型编码的数组",
    );
    pub(crate) const AUTH_OBJECT: Words = (
        "must be an object: { token } or { ak, sk, domainId? }",
        "应为对象：{ token } 或 { ak, sk, domainId? }",
    );
    pub(crate) const TOKEN_OR_KEYS: Words = (
        "give either token or ak and sk (with an optional domainId), not both",
        "token 与 ak/sk（可另加 domainId）只能给出其一",
    );
    pub(crate) const DOMAIN_WITH_KEYS: Words = ("goes with ak and sk", "须与 ak 和 sk 一起给出");
    pub(crate) const KEYS_TOGETHER: Words = (
        "is required: ak and sk go together",
        "必填：ak 与 sk 须同时给出",
    );
    pub(crate) const KEYS_NEED_URL: Words = (
        "AK/SK signing needs a full http(s) endpoint URL; a page calls a same-origin proxy that signs, with no auth",
        "AK/SK 签名需要完整的 http(s) 端点 URL；网页应调用负责签名的同源代理，且不设 auth",
    );
}

#[cfg(test)]
mod tests {
    use super::options::PRICE_OPTIONS_OBJECT;
    use crate::language::Language;
    use crate::validate::messages::must_be_words;

    #[test]
    fn price_options_that_are_not_an_object_in_both_languages() {
        assert_eq!(
            must_be_words(Language::English, PRICE_OPTIONS_OBJECT, "a number"),
            "must be an object: { signal?, onProgress?, onRetry?, timeoutMs?, retry?, isolateFailures?, catalogue? }, got a number"
        );
        assert_eq!(
            must_be_words(Language::Chinese, PRICE_OPTIONS_OBJECT, "数字"),
            "应为对象：{ signal?, onProgress?, onRetry?, timeoutMs?, retry?, isolateFailures?, catalogue? }，实际为数字"
        );
    }
}

//! Deciding whether an answer is an error, and saying what it means in plain words (English or Chinese),
//! keeping the server's own text beside it. Pure: status, request id and body in, a decision out.

use serde_json::Value;

use super::error_fields;

/// The language of plain messages: `en_US` or `zh_CN`, as the `X-Language` header names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English (`en_US`).
    #[default]
    English,
    /// Simplified Chinese (`zh_CN`).
    Chinese,
}

impl Language {
    /// The `X-Language` value: `en_US` or `zh_CN`.
    pub fn header(self) -> &'static str {
        match self {
            Language::English => "en_US",
            Language::Chinese => "zh_CN",
        }
    }

    /// The language for an `X-Language` value; anything but `zh_CN` is English.
    pub fn from_header(value: &str) -> Self {
        if value.eq_ignore_ascii_case("zh_CN") || value.eq_ignore_ascii_case("zh-CN") {
            Language::Chinese
        } else {
            Language::English
        }
    }
}

/// An error answer of the rating service or of the gateway in front of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status (200 for renew-rate's business errors).
    pub status: u16,
    /// The service's or gateway's code (`CBC.0154`, `APIG.0308`), or `HTTP.<status>` when the body had none.
    pub code: String,
    /// The server's own message, when it sent one.
    pub server_message: Option<String>,
    /// From the `X-Request-Id` header, else from the body's `request_id`.
    pub request_id: Option<String>,
}

impl ApiError {
    /// The plain message: what the code means and what to do, then the server's own text.
    pub fn message(&self, language: Language, other_site: Option<&str>) -> String {
        let plain = plain_message(&self.code, language, other_site);
        match (&plain, &self.server_message) {
            (Some(plain), Some(server)) => format!("{plain} ({}: {server})", self.code),
            (Some(plain), None) => format!("{plain} ({})", self.code),
            (None, Some(server)) => format!("{}: {server}", self.code),
            (None, None) => format!("{} (HTTP {})", self.code, self.status),
        }
    }
}

/// Decides whether an answer is an error. `request_id` is the `X-Request-Id` header.
///
/// A 2xx answer is an error only when its body carries an `error_code` (renew-rate reports business failures
/// that way); any other status is an error, whatever its body (JSON with `error_msg` or `error_message`, an
/// HTML page from a proxy, nothing at all).
pub fn classify(status: u16, request_id: Option<&str>, body: &str) -> Result<(), ApiError> {
    let success = (200..=299).contains(&status);
    if success && !body.contains("\"error_code\"") {
        // The common case: a success without an error code needs no parsing here (the answer is read once,
        // by its reader).
        return Ok(());
    }
    let value = serde_json::from_str::<Value>(body).ok();
    let parsed = value.as_ref().and_then(error_fields);
    if success && parsed.is_none() {
        return Ok(());
    }
    let body_request_id = value
        .as_ref()
        .and_then(|v| v.get("request_id"))
        .and_then(|r| r.as_str().map(str::to_owned));
    let (code, server_message) = match parsed {
        Some(b) => (b.error_code.unwrap_or_default(), b.error_msg),
        None => (format!("HTTP.{status}"), non_json_summary(body)),
    };
    Err(ApiError {
        status,
        code,
        server_message,
        request_id: request_id
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .or(body_request_id),
    })
}

/// A short description of a body that is not a JSON error: its first line of text, tags removed.
fn non_json_summary(body: &str) -> Option<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in body.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let line: String = words.join(" ").chars().take(200).collect();
    (!line.is_empty()).then_some(line)
}

/// The plain meaning of a documented code, and what to do about it. `other_site` names the site to use
/// instead when the account belongs to the other one (for `CBC.0156`).
pub fn plain_message(code: &str, language: Language, other_site: Option<&str>) -> Option<String> {
    let english = language == Language::English;
    let text = |en: &str, zh: &str| Some(if english { en } else { zh }.to_owned());
    match code {
        "CBC.0100" => text(
            "The rating service rejected a parameter of the request.",
            "计价服务拒绝了请求中的某个参数。",
        ),
        "CBC.0150" | "CBC.0151" | "CBC.0155" => text(
            "Access denied: the account or IAM user lacks permission for price inquiries.",
            "访问被拒绝：该账号或 IAM 用户没有询价权限。",
        ),
        "CBC.0154" => text(
            "The token is invalid or has expired (tokens last 24 hours); get a new one.",
            "Token 无效或已过期（有效期 24 小时），请重新获取。",
        ),
        "CBC.0156" => {
            let site = other_site.unwrap_or(if english { "the other site" } else { "另一个站点" });
            if english {
                Some(format!("This account does not belong to this site; use {site} instead."))
            } else {
                Some(format!("该账号不属于当前站点，请改用{site}。"))
            }
        }
        "CBC.99006006" => text(
            "Product not found: cloud_service_type, resource_type, resource_spec and region must together name a product sold in that region (check the region and the flavour's .linux/.win suffix).",
            "未找到产品：cloud_service_type、resource_type、resource_spec 与 region 必须共同对应该区域在售的产品（请检查区域及规格的 .linux/.win 后缀）。",
        ),
        "CBC.99006050" => text(
            "Incorrect usage unit: usage_measure_id (or size_measure_id) does not fit this product's usage factor.",
            "使用量单位错误：usage_measure_id（或 size_measure_id）与该产品的使用量因子不匹配。",
        ),
        "CBC.99006055" => text(
            "The amount asked for exceeds the upper limit; ask for less usage or fewer subscriptions.",
            "询价数量超过上限，请减少使用量或订购数量。",
        ),
        "CBC.99006074" => text("The billing item does not exist for this product.", "该产品的计费项不存在。"),
        "CBC.99006024" | "CBC.99006066" => text(
            "The rating service could not read the product or fee information; try again later.",
            "计价服务暂时无法查询产品或费用信息，请稍后重试。",
        ),
        "CBC.0250" | "APIG.0308" => text(
            "Too many requests per second for this API; slow down and retry.",
            "该接口每秒请求过多，请降低频率后重试。",
        ),
        "APIG.0301" => text(
            "The AK/SK signature was refused: check the access key, the secret key and the machine's clock.",
            "AK/SK 签名校验失败：请检查 AK、SK 以及本机时间。",
        ),
        "CBC.0999" => text("The rating service failed; try again later.", "计价服务内部错误，请稍后重试。"),
        "CBC.30050007" => text(
            "Only primary resources can be priced for renewal; use the primary resource's id.",
            "只能对主资源询续费价格，请使用主资源 ID。",
        ),
        "CBC.30050008" => text(
            "This period type or number of periods does not exist for the resource.",
            "该资源不支持此周期类型或周期数。",
        ),
        "CBC.30050009" => text(
            "The resource has expired and been deleted, or does not exist.",
            "资源已过期被删除或不存在。",
        ),
        "CBC.30050010" => text(
            "The resource is in an order waiting for payment; pay or cancel that order first.",
            "资源存在待支付订单，请先支付或取消该订单。",
        ),
        "CBC.30050011" => text(
            "The resource is being unsubscribed or changed.",
            "资源正在退订或变更中。",
        ),
        "CBC.30050012" => text("The request lists a resource id twice.", "请求中存在重复的资源 ID。"),
        "CBC.30050013" => text("Renewal is not supported for this resource.", "该资源不支持续费。"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::retry::AttemptOutcome;

    #[test]
    fn successes_and_errors() {
        assert_eq!(classify(200, Some("r1"), r#"{"amount": 1}"#), Ok(()));
        let renew = classify(
            200,
            Some("r2"),
            r#"{"error_code": "CBC.30050009", "error_msg": "gone"}"#,
        )
        .unwrap_err();
        assert_eq!(
            (
                renew.status,
                renew.code.as_str(),
                renew.request_id.as_deref()
            ),
            (200, "CBC.30050009", Some("r2"))
        );
        let gateway = classify(
            429,
            None,
            r#"{"status_code":429,"request_id":"7e6c1","error_code":"APIG.0308","error_message":"The throttling threshold has been reached"}"#,
        )
        .unwrap_err();
        assert_eq!(
            gateway.request_id.as_deref(),
            Some("7e6c1"),
            "request id from the body"
        );
        assert_eq!(
            gateway.server_message.as_deref(),
            Some("The throttling threshold has been reached")
        );
        assert!(AttemptOutcome::Status(gateway.status).is_retryable());
        let html = classify(
            502,
            Some("r3"),
            "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>",
        )
        .unwrap_err();
        assert_eq!(
            (html.code.as_str(), html.server_message.as_deref()),
            ("HTTP.502", Some("502 Bad Gateway nginx"))
        );
        let empty = classify(503, Some(""), "").unwrap_err();
        assert_eq!(
            (empty.code.as_str(), empty.server_message, empty.request_id),
            ("HTTP.503", None, None)
        );
        let denied = classify(
            403,
            None,
            r#"{"error_code": "CBC.0151", "error_msg": "Access denied."}"#,
        )
        .unwrap_err();
        assert!(!AttemptOutcome::Status(denied.status).is_retryable());
    }

    #[test]
    fn plain_messages_in_both_languages_keep_the_server_text() {
        let token = classify(
            401,
            None,
            r#"{"error_code": "CBC.0154", "error_msg": "Invalid or expired token."}"#,
        )
        .unwrap_err();
        assert_eq!(
            token.message(Language::English, None),
            "The token is invalid or has expired (tokens last 24 hours); get a new one. (CBC.0154: Invalid or expired token.)"
        );
        assert!(token
            .message(Language::Chinese, None)
            .starts_with("Token 无效或已过期"));
        let site = ApiError {
            status: 403,
            code: "CBC.0156".into(),
            server_message: None,
            request_id: None,
        };
        assert_eq!(
            site.message(Language::English, Some("the China site (\"cn\", bss.myhuaweicloud.com)")),
            "This account does not belong to this site; use the China site (\"cn\", bss.myhuaweicloud.com) instead. (CBC.0156)"
        );
        let unknown = ApiError {
            status: 400,
            code: "CBC.12345".into(),
            server_message: Some("odd".into()),
            request_id: None,
        };
        assert_eq!(unknown.message(Language::Chinese, None), "CBC.12345: odd");
        let bare = ApiError {
            status: 500,
            code: "HTTP.500".into(),
            server_message: None,
            request_id: None,
        };
        assert_eq!(bare.message(Language::English, None), "HTTP.500 (HTTP 500)");
        for code in [
            "CBC.0100",
            "CBC.0151",
            "CBC.99006006",
            "CBC.99006050",
            "CBC.99006055",
            "APIG.0308",
            "CBC.30050007",
            "CBC.30050013",
        ] {
            for language in [Language::English, Language::Chinese] {
                assert!(plain_message(code, language, None).is_some(), "{code}");
            }
        }
        assert_eq!(Language::from_header("zh_CN"), Language::Chinese);
        assert_eq!(Language::from_header("en_US"), Language::English);
    }
}

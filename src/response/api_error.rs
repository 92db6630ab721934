//! Deciding whether an answer is an error, from its status, its `X-Request-Id` header and its body, read once.
//! Pure: no I/O. What the codes mean is in [`super::messages`].

use super::messages::plain_message;
use super::read::{envelope, Envelope};
use super::recognise::KindMismatch;
use super::{Rating, ResponseError};
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::validate::text::cut;

/// An error answer of the rating service or of the gateway in front of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the service answered {code} (HTTP {status}){}", server_message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
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
    /// The plain message: what the code means and what to do, then the server's own text. `other_site` names
    /// the site to use instead when the account belongs to the other one (for `CBC.0156`).
    pub fn message(&self, language: Language, other_site: Option<&str>) -> String {
        let plain = plain_message(&self.code, language, other_site);
        // The server's own text, as long as a message should repeat it.
        let server = self.server_message.as_deref().map(|m| cut(m, 200));
        match (&plain, &server) {
            (Some(plain), Some(server)) => format!("{plain} ({}: {server})", self.code),
            (Some(plain), None) => format!("{plain} ({})", self.code),
            (None, Some(server)) => format!("{}: {server}", self.code),
            (None, None) => format!("{} (HTTP {})", self.code, self.status),
        }
    }

    fn new(status: u16, request_id: Option<&str>, body: &str, envelope: Option<&Envelope>) -> Self {
        let (code, server_message) = match envelope.and_then(Envelope::error) {
            Some(error) => (
                error.error_code.clone().unwrap_or_default(),
                error.error_msg.clone(),
            ),
            None => (format!("HTTP.{status}"), non_json_summary(body)),
        };
        ApiError {
            status,
            code,
            server_message,
            request_id: request_id
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .or_else(|| envelope.and_then(|e| e.request_id.clone())),
        }
    }
}

/// What one HTTP answer of a rating API turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered {
    /// A price.
    Rated(Rating),
    /// An error; a renewal answer that reports one with HTTP 200 may still price some resources and list the
    /// ones it could not (`rating`).
    Failed {
        /// The error.
        error: ApiError,
        /// What a 2xx renewal answer priced and listed as failed despite the error.
        rating: Option<Rating>,
    },
    /// A 2xx answer that is not an answer of this API.
    Unreadable(ResponseError),
}

/// Reads one answer of `kind`'s API: the body is parsed once, whatever it holds.
///
/// A 2xx answer is an error only when its body carries an `error_code` (renew-rate reports business failures
/// that way); any other status is an error, whatever its body (JSON with `error_msg` or `error_message`, an
/// HTML page from a proxy, nothing at all). `request_id` is the `X-Request-Id` header.
pub fn read_answer(
    kind: InquiryKind,
    status: u16,
    request_id: Option<&str>,
    body: &str,
) -> Answered {
    read_noting_members(kind, status, request_id, body).0
}

/// Reads a saved answer said to be of `kind`'s API, as a 2xx answer, and checks that it is one: an answer of
/// another API (or of none, such as `{}`) is refused with what its members say it is. An error answer stays
/// an error, and an unreadable one unreadable; a renewal answer may hold only its business error.
pub fn read_saved(kind: InquiryKind, body: &str) -> Result<Answered, KindMismatch> {
    let (answered, members) = read_noting_members(kind, 200, None, body);
    match &answered {
        Answered::Rated(_) => KindMismatch::check(kind, &members, false)?,
        Answered::Failed {
            rating: Some(_), ..
        } => KindMismatch::check(kind, &members, true)?,
        Answered::Failed { rating: None, .. } | Answered::Unreadable(_) => {}
    }
    Ok(answered)
}

/// [`read_answer`], with the top-level result members of the answer when it could be read as `kind`'s.
fn read_noting_members(
    kind: InquiryKind,
    status: u16,
    request_id: Option<&str>,
    body: &str,
) -> (Answered, Vec<&'static str>) {
    if !(200..=299).contains(&status) {
        let error = ApiError::new(status, request_id, body, envelope(body).as_ref());
        return (
            Answered::Failed {
                error,
                rating: None,
            },
            Vec::new(),
        );
    }
    match Rating::read(kind, body) {
        Ok((rating, mut envelope)) => {
            let members = std::mem::take(&mut envelope.members);
            let answered = match envelope.error() {
                None => Answered::Rated(rating),
                Some(_) => Answered::Failed {
                    error: ApiError::new(status, request_id, body, Some(&envelope)),
                    rating: (kind == InquiryKind::Renewal).then_some(rating),
                },
            };
            (answered, members)
        }
        // Not an answer of this API; it may still be an error body whose other fields do not fit.
        Err(unreadable) => {
            let answered = match envelope(body).filter(|e| e.error().is_some()) {
                Some(envelope) => Answered::Failed {
                    error: ApiError::new(status, request_id, body, Some(&envelope)),
                    rating: None,
                },
                None => Answered::Unreadable(unreadable),
            };
            (answered, Vec::new())
        }
    }
}

/// Decides whether an answer is an error, without reading its data: `Ok` for a 2xx answer with no
/// `error_code`, else the error. `request_id` is the `X-Request-Id` header.
pub fn classify(status: u16, request_id: Option<&str>, body: &str) -> Result<(), ApiError> {
    let envelope = envelope(body);
    let success = (200..=299).contains(&status);
    if success && envelope.as_ref().and_then(Envelope::error).is_none() {
        return Ok(());
    }
    Err(ApiError::new(status, request_id, body, envelope.as_ref()))
}

/// A short description of a body that is not a JSON error: its first 200 characters of text, tags removed.
fn non_json_summary(body: &str) -> Option<String> {
    let mut text = String::new();
    let mut in_tag = false;
    // Only the start of a long page matters: 4 KiB of it is more than 200 characters of text.
    for ch in body.chars().take(4096) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(gateway.status, 429);
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
        assert_eq!(denied.code, "CBC.0151");
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
                assert!(
                    crate::response::messages::plain_message(code, language, None).is_some(),
                    "{code}"
                );
            }
        }
    }

    #[test]
    fn answers_are_read_once_into_a_price_or_an_error() {
        let rated = read_answer(
            InquiryKind::OnDemand,
            200,
            Some("r"),
            r#"{"amount": 1, "currency": "USD"}"#,
        );
        assert!(matches!(rated, Answered::Rated(Rating::OnDemand(_))));
        let renewal = read_answer(
            InquiryKind::Renewal,
            200,
            None,
            r#"{"error_code": "CBC.30050009", "error_msg": "gone", "fail_resource_infos": [{"resource_id": "r1"}]}"#,
        );
        let Answered::Failed {
            error,
            rating: Some(Rating::Renewal(r)),
        } = renewal
        else {
            unreachable!("{renewal:?}")
        };
        assert_eq!(
            (error.code.as_str(), r.fail_resource_infos.len()),
            ("CBC.30050009", 1)
        );
        let odd = read_answer(InquiryKind::OnDemand, 200, None, r#"{"amount": [1]}"#);
        assert!(
            matches!(odd, Answered::Unreadable(ResponseError { ref path, .. }) if path == "amount")
        );
        let odd_error = read_answer(
            InquiryKind::OnDemand,
            200,
            None,
            r#"{"error_code": "X.1", "amount": [1]}"#,
        );
        assert!(matches!(odd_error, Answered::Failed { ref error, .. } if error.code == "X.1"));
        let gateway = read_answer(InquiryKind::Period, 502, None, "<h1>Bad Gateway</h1>");
        assert!(
            matches!(gateway, Answered::Failed { ref error, rating: None } if error.code == "HTTP.502")
        );
    }
}

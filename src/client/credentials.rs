//! Secrets (a secret access key, a token) held so that they cannot leak by accident, and kept out of what a
//! caller's `fetch` function says when it fails.

use std::fmt;

use super::runtime::HttpRequest;
use crate::validate::text::cut;

/// A secret string: its `Debug` prints `***`, it has no `Display` and no `Serialize`, and its value is read
/// only through [`Secret::expose`], at the few places that must use it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value itself. Each caller marks its use with an `// EXPOSE:` comment saying why.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// The credentials a request carries: the token, the `Authorization` header and its signature.
pub(crate) fn credentials_of(request: &HttpRequest) -> Vec<String> {
    let mut secrets = Vec::new();
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("x-auth-token") || name.eq_ignore_ascii_case("authorization") {
            secrets.push(value.clone());
            if let Some((_, signature)) = value.rsplit_once("Signature=") {
                secrets.push(signature.to_owned());
            }
        }
    }
    // A value this short is no credential in practice, and would be found inside ordinary words.
    secrets.retain(|s| s.len() >= 6);
    secrets
}

/// `detail` with every credential replaced by `***`, cut to 200 characters.
pub(crate) fn scrub(detail: &str, secrets: &[String]) -> String {
    let mut text = detail.to_owned();
    for secret in secrets {
        if text.contains(secret.as_str()) {
            text = text.replace(secret.as_str(), "***");
        }
    }
    cut(&text, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("SecretKey-do-not-print");
        assert_eq!(format!("{secret:?}"), "***");
        assert_eq!(format!("{:?}", Some(secret.clone())), "Some(***)");
        assert_eq!(secret.expose(), "SecretKey-do-not-print");
    }

    #[test]
    fn what_a_fetch_function_says_is_shown_without_credentials() {
        let request = HttpRequest {
            method: "POST",
            url: "https://h/x".into(),
            headers: vec![
                ("X-Auth-Token".into(), "token-1234567".into()),
                (
                    "Authorization".into(),
                    "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abcdef0123".into(),
                ),
                ("X-Short".into(), "abc".into()),
            ],
            body: "{}".into(),
            timeout_ms: 1,
        };
        let secrets = credentials_of(&request);
        let said = "sent token-1234567 and signature abcdef0123 with abc";
        assert_eq!(scrub(said, &secrets), "sent *** and signature *** with abc");
        assert_eq!(scrub(&"x".repeat(300), &secrets).chars().count(), 201);
    }
}

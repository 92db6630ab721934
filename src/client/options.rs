//! The client's options as JavaScript passes them (`{ endpoint, site, auth, language, timeoutMs, retry,
//! concurrency }`), read into a [`ClientConfig`] with every problem reported at once, by option path.
//! Secret values are never echoed in a message.

use serde_json::{Map, Value};

use super::call::{Auth, ClientConfig};
use super::endpoint::{Endpoint, Site};
use super::retry::RetryPolicy;
use super::Secret;
use crate::response::api_error::Language;
use crate::validate::input::{describe, quote, IntRule, Reader};
use crate::validate::violation::{Collector, Rule};
use crate::validate::{Path, Violations};

const OPTIONS: &[&str] = &[
    "endpoint",
    "site",
    "auth",
    "language",
    "timeoutMs",
    "retry",
    "concurrency",
];
const AUTH: &[&str] = &["token", "ak", "sk", "domainId"];
const RETRY: &[&str] = &[
    "maxAttempts",
    "baseDelayMs",
    "maxDelayMs",
    "maxRetryAfterMs",
];

/// Longest per-request timeout: 10 minutes.
pub const MAX_TIMEOUT_MS: i64 = 600_000;
/// Most attempts per request.
pub const MAX_ATTEMPTS: i64 = 10;
/// Most requests of one batch in flight at once.
pub const MAX_CONCURRENCY: i64 = 16;

/// Reads client options; `null` or absent options mean all defaults (`intl`, no auth).
pub fn parse_options(value: &Value) -> Result<ClientConfig, Violations> {
    let mut c = Collector::default();
    let empty = Map::new();
    let root = Path::Root;
    let Some(map) = options_map(&mut c, value, &empty, "client options") else {
        return Err(c.finish());
    };
    unknown(&mut c, map, &root, OPTIONS, "a client option");
    let site = site_option(&mut c, map);
    let endpoint_text = Reader::new(&mut c)
        .optional_string(map, "endpoint", &root)
        .unwrap_or_else(|| "intl".to_owned());
    let language = language_option(&mut c, map);
    let timeout = number(&mut c, map, &root, "timeoutMs", (1, MAX_TIMEOUT_MS));
    let concurrency = number(&mut c, map, &root, "concurrency", (1, MAX_CONCURRENCY));
    let mut retry = RetryPolicy::default();
    if let Some(value) = Reader::optional(map, "retry") {
        let path = root.key("retry");
        if let Some(retry_map) = Reader::new(&mut c).object(value, &path, "the retry policy") {
            unknown(&mut c, retry_map, &path, RETRY, "a client option");
            let mut read = |key, range| number(&mut c, retry_map, &path, key, range);
            let attempts = read("maxAttempts", (1, MAX_ATTEMPTS));
            let base = read("baseDelayMs", (0, 60_000));
            let max = read("maxDelayMs", (0, MAX_TIMEOUT_MS));
            let after = read("maxRetryAfterMs", (0, MAX_TIMEOUT_MS));
            retry = RetryPolicy {
                max_attempts: attempts.map_or(retry.max_attempts, |v| v as u32),
                base_delay_ms: base.map_or(retry.base_delay_ms, |v| v as u64),
                max_delay_ms: max.map_or(retry.max_delay_ms, |v| v as u64),
                max_retry_after_ms: after.map_or(retry.max_retry_after_ms, |v| v as u64),
            };
        }
    }

    let endpoint = match Endpoint::parse(&endpoint_text, site) {
        Ok(endpoint) => Some(endpoint),
        Err(e) => {
            c.rule(
                "endpoint".into(),
                Rule::OneOf,
                format!("{}, got {}", e.reason, quote(&endpoint_text)),
            );
            None
        }
    };
    let auth = auth(&mut c, Reader::optional(map, "auth"), endpoint.as_ref());

    match (c.is_empty(), endpoint) {
        (true, Some(endpoint)) => {
            let mut config = ClientConfig::new(endpoint, auth);
            if let Some(language) = language {
                config.language = language;
            }
            if let Some(ms) = timeout {
                config.timeout_ms = ms as u64;
            }
            if let Some(n) = concurrency {
                config.concurrency = n as usize;
            }
            config.retry = retry;
            Ok(config)
        }
        _ => Err(c.finish()),
    }
}

/// Reads the options of a saved answer, `{ site, language, inquiry }` (the inquiry is read by the caller):
/// the site whose currency a blank `currency` means (`intl` by default), and the language of breakdowns
/// (the site's by default).
pub fn parse_saved_options(value: &Value) -> Result<(Site, Language), Violations> {
    let mut c = Collector::default();
    let empty = Map::new();
    let Some(map) = options_map(&mut c, value, &empty, "options") else {
        return Err(c.finish());
    };
    unknown(
        &mut c,
        map,
        &Path::Root,
        &["site", "language", "inquiry"],
        "an option",
    );
    let site = site_option(&mut c, map).unwrap_or(Site::International);
    let language = language_option(&mut c, map).unwrap_or(site.language());
    if c.is_empty() {
        Ok((site, language))
    } else {
        Err(c.finish())
    }
}

/// An options object: the empty map for `null` (all defaults), or `None` after recording that `value` is
/// not an object. `what` names the options in the message ("client options").
pub(crate) fn options_map<'v>(
    c: &mut Collector,
    value: &'v Value,
    empty: &'v Map<String, Value>,
    what: &str,
) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Null => Some(empty),
        Value::Object(map) => Some(map),
        other => {
            c.shape(
                String::new(),
                Rule::Type,
                format!("{what} must be an object, got {}", describe(other)),
            );
            None
        }
    }
}

/// The `language` option: `en_US` or `zh_CN`; `None` when absent, null or refused (and then recorded).
pub(crate) fn language_option(c: &mut Collector, map: &Map<String, Value>) -> Option<Language> {
    match Reader::optional(map, "language")? {
        Value::String(l) if l == "en_US" || l == "zh_CN" => Some(Language::from_header(l)),
        other => {
            c.rule(
                "language".into(),
                Rule::OneOf,
                format!("must be \"en_US\" or \"zh_CN\", got {}", describe(other)),
            );
            None
        }
    }
}

/// The `site` option: `intl` or `cn`; `None` when absent, null or refused (and then recorded).
fn site_option(c: &mut Collector, map: &Map<String, Value>) -> Option<Site> {
    let value = Reader::optional(map, "site")?;
    let site = value.as_str().and_then(Site::from_code);
    if site.is_none() {
        c.rule(
            "site".into(),
            Rule::OneOf,
            format!("must be \"intl\" or \"cn\", got {}", describe(value)),
        );
    }
    site
}

/// An optional whole-number option within `min..=max` (both small and non-negative, so the casts of the
/// result are exact).
fn number(
    c: &mut Collector,
    map: &Map<String, Value>,
    parent: &Path<'_>,
    key: &str,
    (min, max): (i64, i64),
) -> Option<i64> {
    let rule = IntRule::Range { min, max, note: "" };
    let path = parent.key(key);
    let value = Reader::new(c).optional_int(map, key, parent, &rule)?;
    if rule.allows(value) {
        return Some(value);
    }
    c.rule(
        path.render(),
        rule.rule(),
        format!("must be {}, got {value}", rule.expectation()),
    );
    None
}

/// Reports each key of `map` not in `known` as not being `what` ("a client option"), suggesting the closest
/// known name or listing them all.
pub(crate) fn unknown(
    c: &mut Collector,
    map: &Map<String, Value>,
    path: &Path<'_>,
    known: &[&str],
    what: &str,
) {
    Reader::new(c).unknown_fields(map, path, known, what, |_| {
        Some(format!("the options are {}", known.join(", ")))
    });
}

/// A credential string: present, a string, not blank, sendable in a header. The value is never echoed.
fn credential(c: &mut Collector, auth: &Map<String, Value>, key: &str) -> Option<String> {
    let path = format!("auth.{key}");
    match auth.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => {
            c.rule(path, Rule::Blank, "must not be blank".into());
            None
        }
        Some(Value::String(s)) if !s.chars().all(|ch| ch.is_ascii_graphic()) => {
            c.rule(
                path,
                Rule::Type,
                "must hold only visible ASCII characters (no spaces or line breaks)".into(),
            );
            None
        }
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            c.shape(path, Rule::Type, "must be a string".into());
            None
        }
    }
}

fn auth(c: &mut Collector, value: Option<&Value>, endpoint: Option<&Endpoint>) -> Auth {
    let Some(value) = value else {
        return Auth::None;
    };
    let Value::Object(map) = value else {
        c.shape(
            "auth".into(),
            Rule::Type,
            "must be an object: { token } or { ak, sk, domainId? }".into(),
        );
        return Auth::None;
    };
    unknown(c, map, &Path::Root.key("auth"), AUTH, "a client option");
    let given = |key: &str| map.get(key).is_some_and(|v| !v.is_null());
    let (token, ak, sk, domain) = (
        credential(c, map, "token"),
        credential(c, map, "ak"),
        credential(c, map, "sk"),
        credential(c, map, "domainId"),
    );
    if given("token") && (given("ak") || given("sk") || given("domainId")) {
        c.rule(
            "auth".into(),
            Rule::Together,
            "give either token or ak and sk (with an optional domainId), not both".into(),
        );
        return Auth::None;
    }
    if given("token") {
        return token.map_or(Auth::None, |t| Auth::Token(Secret::new(t)));
    }
    match (given("ak"), given("sk")) {
        (false, false) if given("domainId") => {
            c.rule(
                "auth.domainId".into(),
                Rule::Together,
                "goes with ak and sk".into(),
            );
            Auth::None
        }
        (false, false) => Auth::None,
        (true, false) | (false, true) => {
            let missing = if given("ak") { "sk" } else { "ak" };
            c.rule(
                format!("auth.{missing}"),
                Rule::Together,
                "is required: ak and sk go together".into(),
            );
            Auth::None
        }
        (true, true) => {
            if endpoint.is_some_and(Endpoint::is_relative) {
                c.rule(
                    "auth".into(),
                    Rule::Together,
                    "AK/SK signing needs a full http(s) endpoint URL; a page calls a same-origin proxy that signs, with no auth".into(),
                );
            }
            match (ak, sk) {
                (Some(ak), Some(sk)) => Auth::AccessKey {
                    ak,
                    sk: Secret::new(sk),
                    domain_id: domain,
                },
                _ => Auth::None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn violations(value: Value) -> Vec<(String, &'static str, String)> {
        parse_options(&value)
            .unwrap_err()
            .iter()
            .map(|v| (v.path.clone(), v.rule.code(), v.message.clone()))
            .collect()
    }

    #[test]
    fn defaults_and_full_options() {
        let config = parse_options(&Value::Null).unwrap();
        assert_eq!(config.endpoint.site(), Site::International);
        assert_eq!(
            (config.auth, config.language),
            (Auth::None, Language::English)
        );
        assert_eq!((config.timeout_ms, config.concurrency), (30_000, 4));
        assert_eq!(config.retry, RetryPolicy::default());

        let config = parse_options(&json!({
            "endpoint": "cn", "auth": {"token": "t-1"}, "timeoutMs": 5000, "concurrency": 2,
            "retry": {"maxAttempts": 1, "baseDelayMs": 10, "maxDelayMs": 20, "maxRetryAfterMs": 30}
        }))
        .unwrap();
        assert_eq!(config.language, Language::Chinese, "the site's language");
        assert_eq!(config.auth, Auth::Token(Secret::new("t-1")));
        assert_eq!((config.timeout_ms, config.concurrency), (5_000, 2));
        assert_eq!(
            config.retry,
            RetryPolicy {
                max_attempts: 1,
                base_delay_ms: 10,
                max_delay_ms: 20,
                max_retry_after_ms: 30
            }
        );
        let config = parse_options(&json!({
            "endpoint": "http://127.0.0.1:1/p", "site": "cn", "language": "en_US",
            "auth": {"ak": "AK", "sk": "SK", "domainId": "d"}
        }))
        .unwrap();
        assert_eq!(config.endpoint.site(), Site::China);
        assert_eq!(config.language, Language::English);
        assert!(matches!(
            config.auth,
            Auth::AccessKey {
                domain_id: Some(_),
                ..
            }
        ));
    }

    #[test]
    fn every_problem_at_once_by_option_path() {
        let found = violations(json!({
            "endpoint": "ftp://x", "site": "eu", "language": "fr", "timeoutMs": 0, "concurency": 2,
            "retry": {"maxAttempts": 11, "baseDelayMs": 1.5, "jitter": true}
        }));
        let mut paths: Vec<_> = found.iter().map(|(p, r, _)| format!("{p} {r}")).collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                "concurency unknown_field",
                "endpoint one_of",
                "language one_of",
                "retry.baseDelayMs whole_number",
                "retry.jitter unknown_field",
                "retry.maxAttempts range",
                "site one_of",
                "timeoutMs range",
            ]
        );
        assert!(
            found[0].2.ends_with("did you mean concurrency?"),
            "{:?}",
            found[0]
        );
        assert!(found
            .iter()
            .any(|(p, _, m)| p == "timeoutMs"
                && m == "must be a whole number from 1 to 600000, got 0"));
        assert_eq!(
            violations(json!("intl")),
            [(
                String::new(),
                "type",
                "client options must be an object, got a string (\"intl\")".into()
            )]
        );
    }

    #[test]
    fn credentials_are_checked_and_never_echoed() {
        let secret = "s3cr3t value\n";
        let found = violations(json!({"auth": {"ak": "AK", "sk": secret}}));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "auth.sk");
        assert!(!found[0].2.contains("s3cr3t"));
        for (auth, path, rule) in [
            (json!({"ak": "AK"}), "auth.sk", "together"),
            (json!({"sk": "x"}), "auth.ak", "together"),
            (
                json!({"token": "t", "ak": "a", "sk": "s"}),
                "auth",
                "together",
            ),
            (json!({"token": ""}), "auth.token", "blank"),
            (json!({"token": 5}), "auth.token", "type"),
            (json!({"domainId": "d"}), "auth.domainId", "together"),
            (json!({"tokn": "t"}), "auth.tokn", "unknown_field"),
            (json!("t"), "auth", "type"),
        ] {
            let found = violations(json!({ "auth": auth }));
            assert!(
                found.iter().any(|(p, r, _)| p == path && *r == rule),
                "{auth}: {found:?}"
            );
        }
        let relative = violations(json!({"endpoint": "/api/hwc", "auth": {"ak": "a", "sk": "s"}}));
        assert_eq!(relative[0].0, "auth");
        assert!(relative[0].2.contains("same-origin proxy"));
    }
}

//! The client's options as JavaScript passes them (`{ endpoint, site, auth, language, timeoutMs, retry,
//! concurrency, isolateFailures, fetch, onRetry, catalogueTtlMs }`), read into a [`ClientConfig`] with every problem reported at
//! once, by option path, and a call's (`{ signal, onProgress, onRetry, timeoutMs, retry, isolateFailures }`)
//! into [`CallOptions`]. Secret values are never echoed in a message.

use super::call::CallOptions;
use super::config::{Auth, ClientConfig};
use super::endpoint::Endpoint;
use super::messages::options as words;
use super::retry::RetryPolicy;
use super::Secret;
use crate::language::Language;
use crate::site::Site;
use crate::validate::options::{OptionReader, OptionSource, OptionValue};
use crate::validate::text::quote;
use crate::validate::{bags, InvalidOptions, Path, Rule, Violations};

const OPTIONS: &[&str] = &[
    "endpoint",
    "site",
    "auth",
    "language",
    "timeoutMs",
    "retry",
    "concurrency",
    "isolateFailures",
    "fetch",
    "onRetry",
    "catalogueTtlMs",
];
/// The options of one call. `signal` is read by the bindings, which hold the JavaScript value.
pub const CALL_OPTIONS: &[&str] = &[
    "signal",
    "onProgress",
    "onRetry",
    "timeoutMs",
    "retry",
    "isolateFailures",
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
/// Longest time look-ups are kept: a week.
pub const MAX_CATALOGUE_TTL_MS: i64 = 7 * 24 * 3_600_000;
/// Most requests of one batch in flight at once.
pub const MAX_CONCURRENCY: i64 = 16;

const SITES: [(&str, Site); 2] = [("intl", Site::International), ("cn", Site::China)];

/// Reads client options; absent or `null` options mean all defaults (`intl`, no auth).
pub fn read_options(value: OptionValue) -> Result<ClientConfig, InvalidOptions> {
    let mut r = OptionReader::new();
    let root = Path::Root;
    let object = r.root(value, "client options");
    let Some(o) = object.as_deref() else {
        return r
            .finish(bags::CLIENT)
            .map(|()| ClientConfig::new(Endpoint::of_site(Site::International), Auth::None));
    };
    // First, so that every later problem is said in the language asked for.
    let language = r.read_language(o, &root);
    r.only(o, &root, OPTIONS);
    let site = language_or_site(&mut r, o, "site", &SITES);
    let endpoint_text = r.string(o, &root, "endpoint");
    let timeout = r.whole(o, &root, "timeoutMs", (1, MAX_TIMEOUT_MS));
    let concurrency = r.whole(o, &root, "concurrency", (1, MAX_CONCURRENCY));
    let ttl = r.whole(o, &root, "catalogueTtlMs", (0, MAX_CATALOGUE_TTL_MS));
    // The function itself is the bindings' to keep: the core sends nothing.
    r.function(o, &root, "fetch");
    r.function(o, &root, "onRetry");
    let isolate = r.boolean(o, &root, "isolateFailures");
    let retry = retry_policy(&mut r, o, RetryPolicy::default());
    let endpoint_text = endpoint_text.unwrap_or_else(|| "intl".to_owned());
    let endpoint = match Endpoint::parse(&endpoint_text, site) {
        Ok(endpoint) => Some(endpoint),
        Err(e) => {
            r.fail(
                &root.key("endpoint"),
                Rule::OneOf,
                words::endpoint_refused(r.language(), e.reason, &quote(&e.shown())),
            );
            None
        }
    };
    let auth = auth(&mut r, o, endpoint.as_ref());
    let language_of_messages = r.language();
    r.finish(bags::CLIENT)?;
    let Some(endpoint) = endpoint else {
        return Err(InvalidOptions {
            violations: Violations::default(),
            language: language_of_messages,
            what: bags::CLIENT,
        });
    };
    let mut config = ClientConfig::new(endpoint, auth);
    if let Some(language) = language {
        config.language = language;
    }
    if let Some(ms) = timeout.and_then(|v| u64::try_from(v).ok()) {
        config.timeout_ms = ms;
    }
    if let Some(n) = concurrency.and_then(|v| usize::try_from(v).ok()) {
        config.concurrency = n;
    }
    if let Some(ms) = ttl.and_then(|v| u64::try_from(v).ok()) {
        config.catalogue_ttl_ms = ms;
    }
    config.retry = retry.unwrap_or_default();
    if let Some(isolate) = isolate {
        config.isolate_failures = isolate;
    }
    Ok(config)
}

/// The `retry` option: each member given replaces `base`'s. `None` when absent or invalid.
fn retry_policy(
    r: &mut OptionReader,
    o: &dyn OptionSource,
    base: RetryPolicy,
) -> Option<RetryPolicy> {
    let root = Path::Root;
    let policy = r.object(o, &root, "retry")?;
    let p = policy.as_ref();
    let at = root.key("retry");
    r.only(p, &at, RETRY);
    let mut read = |key, range| r.whole(p, &at, key, range);
    let attempts = read("maxAttempts", (1, MAX_ATTEMPTS));
    let base_delay = read("baseDelayMs", (0, 60_000));
    let max = read("maxDelayMs", (0, MAX_TIMEOUT_MS));
    let after = read("maxRetryAfterMs", (0, MAX_TIMEOUT_MS));
    // Each value is within a small non-negative range, so the conversions are exact.
    let ms =
        |v: Option<i64>, default: u64| v.map_or(default, |v| u64::try_from(v).unwrap_or(default));
    Some(RetryPolicy {
        max_attempts: attempts.map_or(base.max_attempts, |v| u32::try_from(v).unwrap_or(1)),
        base_delay_ms: ms(base_delay, base.base_delay_ms),
        max_delay_ms: ms(max, base.max_delay_ms),
        max_retry_after_ms: ms(after, base.max_retry_after_ms),
    })
}

/// What a call's options change for that call, read after their keys were checked against [`CALL_OPTIONS`]:
/// `timeoutMs` and `retry` (members given replace the client's `retry`), with the bounds of the client's
/// options, and `isolateFailures`; the hooks are checked to be functions. Returns the options and whether
/// `onProgress` and `onRetry` are given.
pub fn read_call_options(
    r: &mut OptionReader,
    o: &dyn OptionSource,
    client: &ClientConfig,
) -> (CallOptions, bool, bool) {
    let root = Path::Root;
    let progress = r.function(o, &root, "onProgress");
    let on_retry = r.function(o, &root, "onRetry");
    let timeout = r.whole(o, &root, "timeoutMs", (1, MAX_TIMEOUT_MS));
    let options = CallOptions {
        timeout_ms: timeout.and_then(|v| u64::try_from(v).ok()),
        retry: retry_policy(r, o, client.retry),
        isolate_failures: r.boolean(o, &root, "isolateFailures"),
    };
    (options, progress, on_retry)
}

/// Reads the options of a saved answer, `{ site, language, inquiry }` (the inquiry is read by the caller):
/// the site whose currency a blank `currency` means (`intl` by default), and the language of breakdowns
/// (the site's by default).
pub fn read_saved_options(value: OptionValue) -> Result<(Site, Language), InvalidOptions> {
    let mut r = OptionReader::new();
    let Some(o) = r.root(value, "options") else {
        return r
            .finish(bags::SAVED)
            .map(|()| (Site::International, Site::International.language()));
    };
    let o = o.as_ref();
    let language = r.read_language(o, &Path::Root);
    r.only(o, &Path::Root, &["site", "language", "inquiry"]);
    let site = language_or_site(&mut r, o, "site", &SITES).unwrap_or(Site::International);
    r.finish(bags::SAVED)
        .map(|()| (site, language.unwrap_or(site.language())))
}

/// The `site` or `language` option: one of `choices`.
fn language_or_site<T: Copy>(
    r: &mut OptionReader,
    o: &dyn OptionSource,
    key: &str,
    choices: &[(&str, T)],
) -> Option<T> {
    r.choice(o, &Path::Root, key, choices)
}

/// A credential string: present, a string, not blank, sendable in a header. The value is never echoed.
fn credential(r: &mut OptionReader, auth: &dyn OptionSource, key: &str) -> Option<String> {
    let at = Path::Root.key("auth");
    let here = at.key(key);
    match auth.get(key) {
        OptionValue::Absent | OptionValue::Null => None,
        OptionValue::Str(s) if s.trim().is_empty() => {
            r.fail(
                &here,
                Rule::Blank,
                r.language().say(words::NOT_BLANK).into(),
            );
            None
        }
        OptionValue::Str(s) if !s.chars().all(|ch| ch.is_ascii_graphic()) => {
            r.fail(
                &here,
                Rule::Type,
                r.language().say(words::VISIBLE_ASCII).into(),
            );
            None
        }
        OptionValue::Str(s) => Some(s),
        _ => {
            r.fail(&here, Rule::Type, r.language().say(words::A_STRING).into());
            None
        }
    }
}

fn auth(r: &mut OptionReader, o: &dyn OptionSource, endpoint: Option<&Endpoint>) -> Auth {
    let at = Path::Root.key("auth");
    let map = match o.get("auth") {
        OptionValue::Absent | OptionValue::Null => return Auth::None,
        OptionValue::Object(map) => map,
        _ => {
            r.fail(&at, Rule::Type, r.language().say(words::AUTH_OBJECT).into());
            return Auth::None;
        }
    };
    let map = map.as_ref();
    r.only(map, &at, AUTH);
    let given = |key: &str| !matches!(map.get(key), OptionValue::Absent | OptionValue::Null);
    let (token, ak, sk, domain) = (
        credential(r, map, "token"),
        credential(r, map, "ak"),
        credential(r, map, "sk"),
        credential(r, map, "domainId"),
    );
    if given("token") && (given("ak") || given("sk") || given("domainId")) {
        r.fail(
            &at,
            Rule::Together,
            r.language().say(words::TOKEN_OR_KEYS).into(),
        );
        return Auth::None;
    }
    if given("token") {
        return token.map_or(Auth::None, |t| Auth::Token(Secret::new(t)));
    }
    match (given("ak"), given("sk")) {
        (false, false) if given("domainId") => {
            r.fail(
                &at.key("domainId"),
                Rule::Together,
                r.language().say(words::DOMAIN_WITH_KEYS).into(),
            );
            Auth::None
        }
        (false, false) => Auth::None,
        (true, false) | (false, true) => {
            let missing = if given("ak") { "sk" } else { "ak" };
            r.fail(
                &at.key(missing),
                Rule::Together,
                r.language().say(words::KEYS_TOGETHER).into(),
            );
            Auth::None
        }
        (true, true) => {
            if endpoint.is_some_and(Endpoint::is_relative) {
                r.fail(
                    &at,
                    Rule::Together,
                    r.language().say(words::KEYS_NEED_URL).into(),
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
    use crate::validate::options::js_like;
    use serde_json::{json, Value};

    fn parse_options(value: &Value) -> Result<ClientConfig, InvalidOptions> {
        read_options(js_like(value))
    }

    fn violations(value: Value) -> Vec<(String, &'static str, String)> {
        parse_options(&value)
            .unwrap_err()
            .violations
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
        // The language comes first (the rest is said in it), then the options in their order.
        assert_eq!(found[0].0, "language");
        assert!(
            found[1].2.ends_with("did you mean concurrency?"),
            "{:?}",
            found[1]
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
                "client options must be an object, got a string".into()
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

    #[test]
    fn endpoint_reasons_in_both_languages() {
        let said = |endpoint: &str, language: &str| {
            let found = violations(json!({ "endpoint": endpoint, "language": language }));
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!((found[0].0.as_str(), found[0].1), ("endpoint", "one_of"));
            found[0].2.clone()
        };
        for (endpoint, en, zh) in [
            (
                " intl",
                r#"must be "intl", "cn" or a URL without surrounding spaces, got " intl""#,
                r#"应为 "intl"、"cn" 或前后没有空格的 URL，实际为 " intl""#,
            ),
            (
                "https://h/x?y=1",
                r#"must not carry a query or a fragment, got "https://h/x?y=1""#,
                r#"不能带查询字符串或片段，实际为 "https://h/x?y=1""#,
            ),
            (
                "international",
                r#"must be "intl", "cn", an http(s):// URL or a path starting with /, got "international""#,
                r#"应为 "intl"、"cn"、http(s):// URL 或以 / 开头的路径，实际为 "international""#,
            ),
            (
                "https://",
                r#"it has no host, got "https://""#,
                r#"没有主机名，实际为 "https://""#,
            ),
            (
                "http://h:99999/x",
                r#"its port is larger than 65535, got "http://h:99999/x""#,
                r#"端口大于 65535，实际为 "http://h:99999/x""#,
            ),
            (
                "https://u:secret@h/x",
                r#"it carries a user name or password; give credentials in the auth option, got "https://***@h/x""#,
                r#"含有用户名或密码；凭据请在 auth 选项中给出，实际为 "https://***@h/x""#,
            ),
        ] {
            assert_eq!(said(endpoint, "en_US"), en);
            assert_eq!(said(endpoint, "zh_CN"), zh);
        }
    }
}

//! Absolute `http(s)` URLs, normalised once the way a browser's or Node's `fetch` will send them (the WHATWG
//! URL rules that matter here), so that what is signed is what is sent: the scheme and host lower-cased, a
//! port without leading zeros and without the scheme's default, `\` read as `/`, `.` and `..` segments
//! resolved, the fragment dropped. A user name or password in the URL is refused, and never shown: messages
//! show a URL through [`redact`].

use super::messages::url as words;
use crate::language::Words;
use crate::validate::text::cut;

/// An absolute `http` or `https` URL, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    scheme: &'static str,
    host: String,
    port: Option<u16>,
    path: String,
    query: Option<String>,
}

impl HttpUrl {
    /// Parses and normalises `text`; the error says what is wrong with it, in English and Chinese.
    pub fn parse(text: &str) -> Result<HttpUrl, Words> {
        let (scheme, rest) = text.split_once("://").ok_or(words::NOT_ABSOLUTE)?;
        let (scheme, default_port) = if scheme.eq_ignore_ascii_case("https") {
            ("https", 443)
        } else if scheme.eq_ignore_ascii_case("http") {
            ("http", 80)
        } else {
            return Err(words::NOT_HTTP);
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let authority_end = rest.find(['/', '\\', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(words::USER_INFO);
        }
        let (host, port) = split_port(authority)?;
        if host.is_empty() {
            return Err(words::NO_HOST);
        }
        let host_ok = |b: u8| b.is_ascii_alphanumeric() || b"-._".contains(&b);
        let bracketed = host.starts_with('[') && host.ends_with(']');
        if !bracketed && !host.bytes().all(host_ok) {
            return Err(words::BAD_HOST);
        }
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (rest, None),
        };
        Ok(HttpUrl {
            scheme,
            host: host.to_ascii_lowercase(),
            port: port.filter(|p| *p != default_port),
            path: resolve_dots(&path.replace('\\', "/")),
            query,
        })
    }

    /// `host` or `host:port`, as the `Host` header carries it.
    pub fn authority(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// The path, starting with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query, without its `?`; empty when there is none.
    pub fn query(&self) -> &str {
        self.query.as_deref().unwrap_or_default()
    }

    /// The whole URL, as it is sent.
    pub fn as_string(&self) -> String {
        let mut out = format!("{}://{}{}", self.scheme, self.authority(), self.path);
        if let Some(query) = &self.query {
            out.push('?');
            out.push_str(query);
        }
        out
    }
}

/// The host and the port of an authority; a port's leading zeros do not count, an empty port is none.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), Words> {
    // An IPv6 literal holds colons of its own.
    let port_at = match authority.rfind(']') {
        Some(close) => authority
            .get(close..)
            .and_then(|tail| tail.find(':'))
            .map(|at| close + at),
        None => authority.rfind(':'),
    };
    let Some(at) = port_at else {
        return Ok((authority, None));
    };
    let host = authority.get(..at).unwrap_or_default();
    let digits = authority.get(at + 1..).unwrap_or_default();
    if digits.is_empty() {
        return Ok((host, None));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(words::PORT_NOT_NUMBER);
    }
    let port = digits
        .trim_start_matches('0')
        .parse::<u16>()
        .or_else(|_| {
            if digits.bytes().all(|b| b == b'0') {
                Ok(0)
            } else {
                Err(())
            }
        })
        .map_err(|()| words::PORT_TOO_LARGE)?;
    Ok((host, Some(port)))
}

/// The path with `.` and `..` segments (also written `%2e`) resolved, as URL parsers do; `/` when empty.
fn resolve_dots(path: &str) -> String {
    let is_dot = |s: &str| s == "." || s.eq_ignore_ascii_case("%2e");
    let is_dot_dot = |s: &str| {
        matches!(
            s.to_ascii_lowercase().as_str(),
            ".." | ".%2e" | "%2e." | "%2e%2e"
        )
    };
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        if is_dot_dot(segment) {
            out.pop();
            if i == last {
                out.push("");
            }
        } else if is_dot(segment) {
            if i == last {
                out.push("");
            }
        } else {
            out.push(segment);
        }
    }
    let mut resolved = String::with_capacity(path.len() + 1);
    for segment in &out {
        resolved.push('/');
        resolved.push_str(segment);
    }
    if resolved.is_empty() {
        resolved.push('/');
    }
    resolved
}

/// `url` as a message may show it: a user name and password before `@` replaced by `***`, cut after 200
/// characters.
pub fn redact(url: &str) -> String {
    let shown = match url.split_once("://") {
        Some((scheme, rest)) => {
            let authority_end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
            let (authority, tail) = rest.split_at(authority_end);
            match authority.rsplit_once('@') {
                Some((_, host)) => format!("{scheme}://***@{host}{tail}"),
                None => url.to_owned(),
            }
        }
        None => url.to_owned(),
    };
    cut(&shown, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_as_fetch_sends() {
        // Each expectation is what Node's `new URL(input).href` gives (checked again in pkg-tests).
        for (input, sent, host) in [
            (
                "http://LOCALHOST:18788/v2/x",
                "http://localhost:18788/v2/x",
                "localhost:18788",
            ),
            (
                "http://127.0.0.1:018788/v2/x",
                "http://127.0.0.1:18788/v2/x",
                "127.0.0.1:18788",
            ),
            ("https://host:443/v2/x", "https://host/v2/x", "host"),
            ("http://host:80", "http://host/", "host"),
            (
                "HTTPS://Bss-Intl.MyHuaweiCloud.com/v2/a/../b/./c?x=1#f",
                "https://bss-intl.myhuaweicloud.com/v2/b/c?x=1",
                "bss-intl.myhuaweicloud.com",
            ),
            ("http://h/a/b/..", "http://h/a/", "h"),
            ("http://h/a/%2e%2E/b", "http://h/b", "h"),
            ("http://h\\a\\b", "http://h/a/b", "h"),
            ("http://h:/x?", "http://h/x?", "h"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x", "[::1]:8080"),
        ] {
            let url = HttpUrl::parse(input).unwrap();
            assert_eq!(url.as_string(), sent, "{input}");
            assert_eq!(url.authority(), host, "{input}");
        }
    }

    #[test]
    fn refuses_and_never_shows_credentials() {
        for bad in [
            "/v2/x",
            "ftp://h/x",
            "https:///x",
            "https://user:pass@h/x",
            "https://h h/x",
            "http://h:99999/x",
            "http://h:8o/x",
            "http://hö/x",
        ] {
            assert!(HttpUrl::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            redact("https://u:secret@h:1/x?a=b@c"),
            "https://***@h:1/x?a=b@c"
        );
        assert_eq!(redact(&"x".repeat(300)).chars().count(), 201);
    }
}

//! Where requests go: one of Huawei Cloud's two sites, or any base URL (a same-origin proxy, a sandbox).

use super::messages::url as words;
use super::url::{redact, HttpUrl};
use crate::kind::InquiryKind;
use crate::language::Words;
pub use crate::site::Site;

/// A base URL and the site it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
    site: Site,
}

/// Why an endpoint was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("endpoint {} {}", crate::validate::text::Quoted(&self.shown()), self.reason.0)]
pub struct EndpointError {
    /// The value given.
    pub endpoint: String,
    /// What is wrong with it, in English and Chinese.
    pub reason: Words,
}

impl EndpointError {
    /// The value given, as a message may show it: a user name and password before `@` replaced by `***`,
    /// cut after 200 characters.
    pub fn shown(&self) -> String {
        redact(&self.endpoint)
    }
}

impl Endpoint {
    /// The endpoint of `site`.
    pub fn of_site(site: Site) -> Endpoint {
        Endpoint {
            base: site.base_url().to_owned(),
            site,
        }
    }

    /// `intl`, `cn`, an `http(s)://` base URL (which may end in a path prefix), or a path starting with `/`
    /// (a same-origin proxy, for pages). `site` says which site a custom URL serves; it defaults to the site of
    /// a known host, else the international one.
    pub fn parse(endpoint: &str, site: Option<Site>) -> Result<Endpoint, EndpointError> {
        let fail = |reason| EndpointError {
            endpoint: endpoint.to_owned(),
            reason,
        };
        if let Some(known) = Site::from_code(endpoint) {
            return Ok(Endpoint {
                base: known.base_url().to_owned(),
                site: site.unwrap_or(known),
            });
        }
        if endpoint.trim() != endpoint || endpoint.is_empty() {
            return Err(fail(words::SURROUNDING_SPACES));
        }
        if endpoint.contains(['?', '#']) {
            return Err(fail(words::QUERY_OR_FRAGMENT));
        }
        let lower = endpoint.to_ascii_lowercase();
        let (base, host) = if lower.starts_with("https://") || lower.starts_with("http://") {
            // Normalised once, as fetch sends it, so that what is signed is what is sent.
            let url = HttpUrl::parse(endpoint).map_err(fail)?;
            let base = url.as_string().trim_end_matches('/').to_owned();
            (base, Some(url.authority()))
        } else if endpoint.starts_with('/') && !endpoint.starts_with("//") {
            (endpoint.trim_end_matches('/').to_owned(), None)
        } else {
            return Err(fail(words::NOT_AN_ENDPOINT));
        };
        let known = [Site::International, Site::China].into_iter().find(|s| {
            host.as_deref()
                .is_some_and(|h| s.base_url().ends_with(&format!("//{h}")))
        });
        Ok(Endpoint {
            base,
            site: site.or(known).unwrap_or(Site::International),
        })
    }

    /// The base URL, without a trailing slash (empty for a proxy at the origin's root).
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The site this endpoint serves.
    pub fn site(&self) -> Site {
        self.site
    }

    /// Whether the base is a path on the page's own origin rather than a full URL.
    pub fn is_relative(&self) -> bool {
        !self.base.contains("://")
    }

    /// The URL of `kind`'s API.
    pub fn url(&self, kind: InquiryKind) -> String {
        format!("{}{}", self.base, kind.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn sites_and_urls() {
        let intl = Endpoint::parse("intl", None).unwrap();
        assert_eq!(
            intl.url(InquiryKind::OnDemand),
            "https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources"
        );
        assert_eq!(intl.site().currency(), "USD");
        let cn = Endpoint::parse("cn", None).unwrap();
        assert_eq!(cn.site(), Site::China);
        assert_eq!(cn.site().language(), Language::Chinese);
        assert_eq!(
            Endpoint::parse("https://bss.myhuaweicloud.com/", None)
                .unwrap()
                .site(),
            Site::China
        );
        let proxy = Endpoint::parse("/api/hwc/", Some(Site::China)).unwrap();
        assert!(proxy.is_relative());
        assert_eq!(
            proxy.url(InquiryKind::Renewal),
            "/api/hwc/v2/bills/ratings/period-resources/renew-rate"
        );
        assert_eq!(proxy.site(), Site::China);
        let local = Endpoint::parse("http://127.0.0.1:8787/prefix", None).unwrap();
        assert_eq!(
            local.url(InquiryKind::Period),
            "http://127.0.0.1:8787/prefix/v2/bills/ratings/period-resources/subscribe-rate"
        );
        assert_eq!(local.site(), Site::International);
        assert!(!local.is_relative());
    }

    #[test]
    fn refuses_what_is_not_a_base_url() {
        for bad in [
            "",
            " intl",
            "international",
            "ftp://x",
            "https://",
            "//evil.example",
            "https://h/x?y=1",
            "h#x",
            "https://user:pass@bss.example.com",
        ] {
            let err = Endpoint::parse(bad, None).unwrap_err();
            assert!(err.to_string().starts_with("endpoint"), "{bad}: {err}");
            assert!(!err.to_string().contains("user:pass"), "{err}");
        }
        let normalised = Endpoint::parse("HTTP://LocalHost:08787/p/../q/", None).unwrap();
        assert_eq!(normalised.base(), "http://localhost:8787/q");
    }
}

//! Where requests go: one of Huawei Cloud's two sites, or any base URL (a same-origin proxy, a sandbox).

use crate::inquiry::InquiryKind;
use crate::response::api_error::Language;

/// A Huawei Cloud site. An account belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// The international site: USD, English.
    International,
    /// The China site: CNY, Chinese.
    China,
}

impl Site {
    /// The short name used in options: `intl` or `cn`.
    pub fn code(self) -> &'static str {
        match self {
            Site::International => "intl",
            Site::China => "cn",
        }
    }

    /// The site for `intl` or `cn`.
    pub fn from_code(code: &str) -> Option<Site> {
        match code {
            "intl" => Some(Site::International),
            "cn" => Some(Site::China),
            _ => None,
        }
    }

    /// The BSS endpoint of the site.
    pub fn base_url(self) -> &'static str {
        match self {
            Site::International => "https://bss-intl.myhuaweicloud.com",
            Site::China => "https://bss.myhuaweicloud.com",
        }
    }

    /// The currency an answer means when its `currency` is blank.
    pub fn currency(self) -> &'static str {
        match self {
            Site::International => "USD",
            Site::China => "CNY",
        }
    }

    /// The site's own language.
    pub fn language(self) -> Language {
        match self {
            Site::International => Language::English,
            Site::China => Language::Chinese,
        }
    }

    /// The other site, for an account that belongs there.
    pub fn other(self) -> Site {
        match self {
            Site::International => Site::China,
            Site::China => Site::International,
        }
    }

    /// How a message names the site to switch to, with its endpoint option.
    pub fn describe(self, language: Language) -> String {
        let name = match (self, language) {
            (Site::International, Language::English) => "the international site",
            (Site::China, Language::English) => "the China site",
            (Site::International, Language::Chinese) => "国际站",
            (Site::China, Language::Chinese) => "中国站",
        };
        format!("{name} (endpoint \"{}\", {})", self.code(), self.base_url())
    }
}

/// A base URL and the site it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
    site: Site,
}

/// Why an endpoint was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("endpoint {} {reason}", crate::validate::input::Quoted(endpoint))]
pub struct EndpointError {
    /// The value given.
    pub endpoint: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Endpoint {
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
            return Err(fail(
                "must be \"intl\", \"cn\" or a URL without surrounding spaces",
            ));
        }
        if endpoint.contains(['?', '#']) {
            return Err(fail("must not carry a query or a fragment"));
        }
        let base = endpoint.trim_end_matches('/');
        let host = if let Some(rest) = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"))
        {
            let host = rest.split('/').next().unwrap_or_default();
            if host.is_empty() {
                return Err(fail("has no host"));
            }
            Some(host)
        } else if endpoint.starts_with('/') && !endpoint.starts_with("//") {
            None
        } else {
            return Err(fail(
                "must be \"intl\", \"cn\", an http(s):// URL or a path starting with /",
            ));
        };
        let known = [Site::International, Site::China]
            .into_iter()
            .find(|s| host.is_some_and(|h| s.base_url().ends_with(&format!("//{h}"))));
        Ok(Endpoint {
            base: base.to_owned(),
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
        ] {
            let err = Endpoint::parse(bad, None).unwrap_err();
            assert!(err.to_string().starts_with("endpoint"), "{bad}: {err}");
        }
    }

    #[test]
    fn names_the_other_site() {
        assert_eq!(
            Site::International.other().describe(Language::English),
            "the China site (endpoint \"cn\", https://bss.myhuaweicloud.com)"
        );
        assert!(Site::China
            .other()
            .describe(Language::Chinese)
            .starts_with("国际站"));
    }
}

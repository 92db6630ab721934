//! Huawei Cloud's two sites: an account belongs to exactly one, which sets the endpoint, the currency a blank
//! `currency` means, and the default language.

use crate::language::Language;

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

#[cfg(test)]
mod tests {
    use super::*;

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

//! The two languages the package speaks, English and Simplified Chinese, and the one way text in both is
//! written: [`Language::pick`] between an English and a Chinese version. Each layer keeps its own sentences in
//! one module (`validate::messages`, `inquiry::messages`, `response::messages`, `client::messages`,
//! `breakdown::words`); this is only the switch they share.

/// A fixed phrase in both languages: English, then Simplified Chinese.
pub type Words = (&'static str, &'static str);

/// The language of plain messages and breakdowns: `en_US` or `zh_CN`, as the `X-Language` header names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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

    /// The language for an `X-Language` value; anything but `zh_CN` (or `zh-CN`) is English.
    pub fn from_header(value: &str) -> Self {
        if value.eq_ignore_ascii_case("zh_CN") || value.eq_ignore_ascii_case("zh-CN") {
            Language::Chinese
        } else {
            Language::English
        }
    }

    /// The language of an option value: exactly `en_US` or `zh_CN`.
    pub fn from_option(value: &str) -> Option<Self> {
        match value {
            "en_US" => Some(Language::English),
            "zh_CN" => Some(Language::Chinese),
            _ => None,
        }
    }

    /// Whether this is English.
    pub fn is_english(self) -> bool {
        self == Language::English
    }

    /// `en` in English, `zh` in Chinese.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Language::English => en,
            Language::Chinese => zh,
        }
    }

    /// What `en` makes in English, what `zh` makes in Chinese: for sentences that take some work to write.
    pub fn pick_with<T>(self, en: impl FnOnce() -> T, zh: impl FnOnce() -> T) -> T {
        match self {
            Language::English => en(),
            Language::Chinese => zh(),
        }
    }

    /// The phrase `words` in this language.
    pub fn say(self, (en, zh): Words) -> &'static str {
        self.pick(en, zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_options() {
        assert_eq!(Language::from_header("zh_CN"), Language::Chinese);
        assert_eq!(Language::from_header("ZH-cn"), Language::Chinese);
        assert_eq!(Language::from_header("en_US"), Language::English);
        assert_eq!(Language::from_header("fr"), Language::English);
        assert_eq!(Language::from_option("zh_CN"), Some(Language::Chinese));
        assert_eq!(Language::from_option("zh-CN"), None);
        assert_eq!(Language::Chinese.header(), "zh_CN");
        assert_eq!(Language::Chinese.pick("a", "b"), "b");
        assert_eq!(Language::English.say(("a", "b")), "a");
    }
}

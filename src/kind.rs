//! Which of the three rating APIs: the one enum every layer names them by, so that inquiries and answers,
//! which sit side by side, need not import each other to say which API they belong to.

use crate::language::Language;

/// Which of the three rating APIs an inquiry, an answer or a quote is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InquiryKind {
    /// Pay-per-use: `POST /v2/bills/ratings/on-demand-resources`.
    OnDemand,
    /// Yearly/monthly subscription: `POST /v2/bills/ratings/period-resources/subscribe-rate`.
    Period,
    /// Renewal of yearly/monthly resources: `POST /v2/bills/ratings/period-resources/renew-rate`.
    Renewal,
}

impl InquiryKind {
    /// All kinds, in the order the API reference documents them.
    pub const ALL: [InquiryKind; 3] = [
        InquiryKind::OnDemand,
        InquiryKind::Period,
        InquiryKind::Renewal,
    ];

    /// The resource path of the rating API.
    pub fn path(self) -> &'static str {
        match self {
            InquiryKind::OnDemand => "/v2/bills/ratings/on-demand-resources",
            InquiryKind::Period => "/v2/bills/ratings/period-resources/subscribe-rate",
            InquiryKind::Renewal => "/v2/bills/ratings/period-resources/renew-rate",
        }
    }

    /// The stable code JavaScript uses for this kind: `on-demand`, `period` or `renewal`.
    pub fn code(self) -> &'static str {
        match self {
            InquiryKind::OnDemand => "on-demand",
            InquiryKind::Period => "period",
            InquiryKind::Renewal => "renewal",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A name for people, in English: `pay-per-use`, `yearly/monthly`, `renewal`.
    pub fn label(self) -> &'static str {
        self.label_in(Language::English)
    }

    /// A name for people in `language`.
    pub fn label_in(self, language: Language) -> &'static str {
        match self {
            InquiryKind::OnDemand => language.pick("pay-per-use", "按需"),
            InquiryKind::Period => language.pick("yearly/monthly", "包年/包月"),
            InquiryKind::Renewal => language.pick("renewal", "续费"),
        }
    }

    /// The position of this kind in [`InquiryKind::ALL`], for per-kind tables.
    pub fn index(self) -> usize {
        match self {
            InquiryKind::OnDemand => 0,
            InquiryKind::Period => 1,
            InquiryKind::Renewal => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_paths_and_positions() {
        for (i, kind) in InquiryKind::ALL.into_iter().enumerate() {
            assert_eq!(InquiryKind::from_code(kind.code()), Some(kind));
            assert_eq!(kind.index(), i);
            assert!(kind.path().starts_with("/v2/bills/ratings/"));
        }
        assert_eq!(InquiryKind::from_code("ondemand"), None);
        assert_eq!(InquiryKind::Period.label_in(Language::Chinese), "包年/包月");
    }
}

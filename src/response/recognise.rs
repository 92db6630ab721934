//! Which API an answer comes from, told by the names of its top-level result members (whatever their values),
//! so that an answer given as another API's is refused instead of read as an empty one.
//!
//! * Pay-per-use answers alone carry `amount`, `discount_amount`, `official_website_amount`, `measure_id` and
//!   `product_rating_results` at their top.
//! * Renewal answers alone carry `renew_inquiry_results` and `fail_resource_infos`.
//! * Yearly/monthly and renewal answers both carry `official_website_rating_result` and
//!   `optional_discount_rating_results`: with no renewal member beside them, they make a yearly/monthly answer.
//!
//! An answer with none of these (`{}`, or only a `currency`) is no answer of any API, except a renewal answer
//! that carries a business error: renew-rate reports those with HTTP 200, and the error is what it says.

use crate::kind::InquiryKind;
use crate::language::Language;

/// Result members only pay-per-use answers carry at their top.
const ON_DEMAND: [&str; 5] = [
    "amount",
    "discount_amount",
    "official_website_amount",
    "measure_id",
    "product_rating_results",
];

/// Result members of yearly/monthly answers, which renewal answers carry too.
const SUBSCRIPTION: [&str; 2] = [
    "official_website_rating_result",
    "optional_discount_rating_results",
];

/// Result members only renewal answers carry.
const RENEWAL: [&str; 2] = ["renew_inquiry_results", "fail_resource_infos"];

/// Whether `name` is a top-level result member of any of the three answers (`currency` is not: every answer
/// has one).
pub(crate) fn is_result_member(name: &str) -> bool {
    ON_DEMAND.contains(&name) || SUBSCRIPTION.contains(&name) || RENEWAL.contains(&name)
}

/// What an answer's result members say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    /// An answer of this API.
    Kind(InquiryKind),
    /// No result member of any API.
    Nothing,
    /// Result members of pay-per-use answers beside those of subscription or renewal answers.
    Mixed,
}

impl Recognised {
    /// The API the answer comes from, when one is recognised.
    pub fn kind(self) -> Option<InquiryKind> {
        match self {
            Recognised::Kind(kind) => Some(kind),
            Recognised::Nothing | Recognised::Mixed => None,
        }
    }
}

/// What the top-level member names `members` say an answer is.
pub fn recognise(members: &[&str]) -> Recognised {
    let has = |names: &[&str]| members.iter().any(|m| names.contains(m));
    let (on_demand, subscription, renewal) = (has(&ON_DEMAND), has(&SUBSCRIPTION), has(&RENEWAL));
    match (on_demand, subscription || renewal) {
        (true, true) => Recognised::Mixed,
        (true, false) => Recognised::Kind(InquiryKind::OnDemand),
        (false, true) if renewal => Recognised::Kind(InquiryKind::Renewal),
        (false, true) => Recognised::Kind(InquiryKind::Period),
        (false, false) => Recognised::Nothing,
    }
}

/// A saved answer said to be of one API that is not an answer of that API.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Language::English))]
pub struct KindMismatch {
    /// The API the answer was said to come from.
    pub stated: InquiryKind,
    /// What its members say it is.
    pub recognised: Recognised,
    /// Its top-level result members, in the answer's order.
    pub members: Vec<&'static str>,
}

impl KindMismatch {
    /// Checks that an answer with the top-level result members `members` is one of `stated`'s API;
    /// `error_alone` says it carries a business error, which is all a renewal answer need hold.
    pub fn check(
        stated: InquiryKind,
        members: &[&'static str],
        error_alone: bool,
    ) -> Result<(), KindMismatch> {
        match recognise(members) {
            Recognised::Kind(kind) if kind == stated => Ok(()),
            Recognised::Nothing if error_alone && stated == InquiryKind::Renewal => Ok(()),
            recognised => Err(KindMismatch {
                stated,
                recognised,
                members: members.to_vec(),
            }),
        }
    }

    /// The mismatch in words, in `language`.
    pub fn message(&self, language: Language) -> String {
        let stated = self.stated.label_in(language);
        let members = self.members.join(", ");
        match self.recognised {
            Recognised::Kind(kind) => language.pick(
                format!(
                    "the answer is not a {stated} answer but a {} answer: it has {members}",
                    kind.label_in(language)
                ),
                format!(
                    "该应答不是{stated}询价的应答，而是{}询价的应答：它含有 {members}",
                    kind.label_in(language)
                ),
            ),
            Recognised::Mixed => language.pick(
                format!(
                    "the answer is not a {stated} answer: it has members of answers of more than one API ({members})"
                ),
                format!("该应答不是{stated}询价的应答：它含有多种询价应答的字段（{members}）"),
            ),
            Recognised::Nothing => language.pick(
                format!("the answer is not a {stated} answer: it has no result member of any rating API"),
                format!("该应答不是{stated}询价的应答：它不含任何询价结果字段"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InquiryKind::{OnDemand, Period, Renewal};

    #[test]
    fn answers_are_told_apart_by_their_result_members() {
        let cases: [(&[&str], Recognised); 8] = [
            (
                &["amount", "product_rating_results"],
                Recognised::Kind(OnDemand),
            ),
            (&["measure_id"], Recognised::Kind(OnDemand)),
            (
                &["official_website_rating_result"],
                Recognised::Kind(Period),
            ),
            (
                &["optional_discount_rating_results"],
                Recognised::Kind(Period),
            ),
            (
                &["renew_inquiry_results", "official_website_rating_result"],
                Recognised::Kind(Renewal),
            ),
            (&["fail_resource_infos"], Recognised::Kind(Renewal)),
            (&["amount", "renew_inquiry_results"], Recognised::Mixed),
            (&[], Recognised::Nothing),
        ];
        for (members, expected) in cases {
            assert_eq!(recognise(members), expected, "{members:?}");
        }
        assert!(is_result_member("fail_resource_infos") && !is_result_member("currency"));
    }

    #[test]
    fn an_answer_of_another_api_is_refused_and_named() {
        assert_eq!(
            KindMismatch::check(Renewal, &["renew_inquiry_results"], false),
            Ok(())
        );
        let err = KindMismatch::check(
            OnDemand,
            &["renew_inquiry_results", "fail_resource_infos"],
            false,
        )
        .unwrap_err();
        assert_eq!(err.recognised.kind(), Some(Renewal));
        assert_eq!(
            err.to_string(),
            "the answer is not a pay-per-use answer but a renewal answer: it has renew_inquiry_results, fail_resource_infos"
        );
        assert_eq!(
            err.message(Language::Chinese),
            "该应答不是按需询价的应答，而是续费询价的应答：它含有 renew_inquiry_results, fail_resource_infos"
        );
        let period = KindMismatch::check(Renewal, &["official_website_rating_result"], false);
        assert_eq!(period.unwrap_err().recognised, Recognised::Kind(Period));
        let mixed =
            KindMismatch::check(Period, &["amount", "official_website_rating_result"], false);
        assert_eq!(
            mixed.unwrap_err().to_string(),
            "the answer is not a yearly/monthly answer: it has members of answers of more than one API (amount, official_website_rating_result)"
        );
    }

    #[test]
    fn an_empty_answer_is_no_answer_unless_it_is_a_renewal_error() {
        for kind in InquiryKind::ALL {
            let err = KindMismatch::check(kind, &[], false).unwrap_err();
            assert_eq!(err.recognised, Recognised::Nothing);
        }
        assert_eq!(
            KindMismatch::check(OnDemand, &[], false)
                .unwrap_err()
                .to_string(),
            "the answer is not a pay-per-use answer: it has no result member of any rating API"
        );
        assert_eq!(KindMismatch::check(Renewal, &[], true), Ok(()));
        assert!(KindMismatch::check(Period, &[], true).is_err());
        assert!(KindMismatch::check(Renewal, &["amount"], true).is_err());
    }
}

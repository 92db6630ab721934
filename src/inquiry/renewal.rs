//! Renewal price inquiry: `POST /v2/bills/ratings/period-resources/renew-rate` (§4.2.3).

use super::fields::{unknown_field_hint, Level};
use super::limits::{
    MAX_RESOURCE_IDS_PER_BATCH, MAX_RESOURCE_IDS_PER_REQUEST, RENEW_MONTHS, RENEW_PERIOD_NUM,
    RENEW_PERIOD_TYPE, RENEW_YEARS,
};
use super::rules::{check_count, check_int, check_unique, Scope};
use super::{chunks, validated_inquiry, DraftRules};
use crate::json::{write_string, ObjectWriter};
use crate::kind::InquiryKind;
use crate::validate::read::{rank, Cx, Members, Nested, ScalarList, Seen};
use crate::validate::scalar::{Need, Place};
use crate::validate::text::quote;
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

/// Wire names of the inquiry's fields, in body order.
pub(crate) const FIELDS: &[&str] = super::fields::RENEWAL;

/// The fields of a renewal inquiry, not yet validated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenewalDraft {
    /// Ids of the primary resources to renew: 1–10 per request, each non-empty and unique.
    pub resource_ids: Vec<String>,
    /// 2 month, 3 year.
    pub period_type: i64,
    /// How many periods: 1–11 months or 1–3 years.
    pub period_num: i64,
    /// Whether to price the resources attached to each primary resource too (the API's default is false).
    pub include_relative_resources: Option<bool>,
}

impl RenewalDraft {
    /// Renewal of `resource_ids` for `months` months.
    pub fn months(resource_ids: impl IntoIterator<Item = impl Into<String>>, months: i64) -> Self {
        Self::with_period(resource_ids, 2, months)
    }

    /// Renewal of `resource_ids` for `years` years.
    pub fn years(resource_ids: impl IntoIterator<Item = impl Into<String>>, years: i64) -> Self {
        Self::with_period(resource_ids, 3, years)
    }

    fn with_period(
        resource_ids: impl IntoIterator<Item = impl Into<String>>,
        period_type: i64,
        period_num: i64,
    ) -> Self {
        RenewalDraft {
            resource_ids: resource_ids.into_iter().map(Into::into).collect(),
            period_type,
            period_num,
            include_relative_resources: None,
        }
    }

    /// Sets `include_relative_resources`.
    #[must_use]
    pub fn include_relative_resources(mut self, include: bool) -> Self {
        self.include_relative_resources = Some(include);
        self
    }

    /// Checks every rule and returns the validated inquiry.
    pub fn validate(self) -> Result<RenewalInquiry, super::InquiryError> {
        RenewalInquiry::new(self)
    }
}

/// `resource_ids` being read: strings (anything else reported, read as `""`), at most
/// [`MAX_RESOURCE_IDS_PER_BATCH`], the rest only counted.
#[derive(Default)]
struct ResourceIds {
    items: Vec<String>,
    len: usize,
}

impl ScalarList for ResourceIds {
    fn max(&self) -> usize {
        MAX_RESOURCE_IDS_PER_BATCH
    }

    fn push(&mut self, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let place = Place {
            at,
            rank: 0,
            need: Need::Element,
        };
        self.items.push(cx.text(seen, place).unwrap_or_default());
    }

    fn set_len(&mut self, len: usize) {
        self.len = len;
    }
}

/// A renewal inquiry being read from JSON.
#[derive(Default)]
pub(crate) struct RenewalMembers {
    draft: RenewalDraft,
    ids: ResourceIds,
}

impl Members for RenewalMembers {
    fn fields(&self) -> &'static [&'static str] {
        FIELDS
    }

    fn required(&self, index: usize) -> bool {
        index < 3
    }

    fn hint(&self, key: &str, language: crate::language::Language) -> Option<String> {
        unknown_field_hint(key, InquiryKind::Renewal, Level::Top, language)
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let here = at.key(FIELDS.get(index).copied().unwrap_or_default());
        let required = Place {
            at: &here,
            rank: rank(index),
            need: Need::Required,
        };
        let d = &mut self.draft;
        match index {
            1 => {
                d.period_type = cx
                    .int(seen, required, &RENEW_PERIOD_TYPE)
                    .unwrap_or_default()
            }
            2 => {
                d.period_num = cx
                    .int(seen, required, &RENEW_PERIOD_NUM)
                    .unwrap_or_default()
            }
            _ => {
                let place = Place {
                    need: Need::Optional,
                    ..required
                };
                d.include_relative_resources = cx.boolean(seen, place);
            }
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        (index == 0).then(|| Nested::Scalars(&mut self.ids))
    }
}

impl DraftRules for RenewalDraft {
    const KIND: InquiryKind = InquiryKind::Renewal;
    type Members = RenewalMembers;

    fn from_members(m: RenewalMembers) -> (Self, usize) {
        let draft = RenewalDraft {
            resource_ids: m.ids.items,
            ..m.draft
        };
        (draft, m.ids.len)
    }

    fn listed(&self) -> usize {
        self.resource_ids.len()
    }

    fn check(&self, c: &mut Collector, root: &Path<'_>, scope: Scope, listed: usize) {
        let list = root.key("resource_ids");
        check_count(
            c,
            &list,
            listed,
            scope,
            (MAX_RESOURCE_IDS_PER_REQUEST, MAX_RESOURCE_IDS_PER_BATCH),
            super::messages::RESOURCE_ID,
        );
        let language = c.language();
        for (i, id) in self.resource_ids.iter().enumerate() {
            let path = list.index(i);
            if id.trim().is_empty() {
                let message = if id.is_empty() {
                    language.say(super::messages::NOT_EMPTY).to_owned()
                } else {
                    super::messages::empty_but_spaces(language, &quote(id))
                };
                c.rule(path.render(), Rule::Blank, message);
            } else if id.trim() != id {
                c.rule(
                    path.render(),
                    Rule::Blank,
                    super::messages::padded(language, &quote(id)),
                );
            }
        }
        check_unique(c, &list, "", self.resource_ids.iter().map(String::as_str));
        check_int(
            c,
            &root.key("period_type"),
            Some(self.period_type),
            &RENEW_PERIOD_TYPE,
        );
        let months_or_years = match self.period_type {
            2 => RENEW_MONTHS,
            3 => RENEW_YEARS,
            _ => RENEW_PERIOD_NUM,
        };
        check_int(
            c,
            &root.key("period_num"),
            Some(self.period_num),
            &months_or_years,
        );
    }

    fn write_body(&self, out: &mut String) {
        let mut w = ObjectWriter::open(out);
        w.array("resource_ids", &self.resource_ids, |o, id| {
            write_string(o, id)
        });
        w.int("period_type", self.period_type);
        w.int("period_num", self.period_num);
        if let Some(include) = self.include_relative_resources {
            w.boolean("include_relative_resources", include);
        }
        w.close();
    }

    fn item_ids(&self) -> Vec<&str> {
        self.resource_ids.iter().map(String::as_str).collect()
    }

    fn split(self) -> Vec<Self> {
        let RenewalDraft {
            resource_ids,
            period_type,
            period_num,
            include_relative_resources,
        } = self;
        chunks(resource_ids, MAX_RESOURCE_IDS_PER_REQUEST)
            .into_iter()
            .map(|resource_ids| RenewalDraft {
                resource_ids,
                period_type,
                period_num,
                include_relative_resources,
            })
            .collect()
    }
}

validated_inquiry!(
    /// A renewal inquiry that passed every documented rule, ready to send.
    RenewalInquiry,
    RenewalDraft
);

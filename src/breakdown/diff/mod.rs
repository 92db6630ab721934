//! What changed between two saved breakdown documents (`quote.toJSON()`: `format: "hwc-price.breakdown"`,
//! version 2): lines added, removed and changed, matched by their `id`, with per-line and total deltas of the
//! final price in money and percent, exact. Nothing here does I/O; `render` writes it as text, Markdown or JSON.
//!
//! A document is read once, straight into the few members a comparison needs (serde's derive, no value
//! tree); every other member is ignored, so a document that gains members stays comparable.

use std::collections::{HashMap, VecDeque};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::breakdown::{Amounts, JSON_VERSION};
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::money::{parse_decimal, percent};
use crate::validate::{
    bags, InvalidOptions, OptionReader, OptionValue, Path, Rule, Violation, Violations,
};

pub mod render;

/// What happened to one line between the old document and the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Only in the new document.
    Added,
    /// Only in the old document.
    Removed,
    /// In both, with another amount, description or coverage.
    Changed,
    /// In both, the same.
    Unchanged,
}

impl Status {
    /// The stable code JavaScript sees: `added`, `removed`, `changed`, `unchanged`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
            Status::Unchanged => "unchanged",
        }
    }
}

/// One line of a breakdown as a comparison needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedLine {
    /// The product `id` or resource id.
    pub id: Option<String>,
    /// What was asked, in words.
    pub description: Option<String>,
    /// What the price covers.
    pub covers: Option<String>,
    /// The line's amounts.
    pub amounts: Amounts,
}

/// The members of a breakdown document that a comparison reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedBreakdown {
    /// Which API priced it.
    pub kind: InquiryKind,
    /// The currency of every amount.
    pub currency: String,
    /// The totals.
    pub totals: Amounts,
    /// The lines, in document order.
    pub lines: Vec<SavedLine>,
    /// The JSON text of the inquiry priced, when the document carries it.
    pub inquiry: Option<String>,
}

/// One line's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    /// What happened to it.
    pub status: Status,
    /// The line's `id`.
    pub id: Option<String>,
    /// The new description, or the old one for a removed line.
    pub description: Option<String>,
    /// The old line, unless it was added.
    pub old: Option<SavedLine>,
    /// The new line, unless it was removed.
    pub new: Option<SavedLine>,
    /// New final price minus old (a missing side counts as 0); `None` when a price present is unknown.
    pub delta: Option<Decimal>,
    /// `delta` as a percentage of the old final price, rounded half away from zero to 2 decimals; `None` for
    /// an added line or an old price of 0.
    pub delta_percent: Option<Decimal>,
}

/// What changed between two breakdowns of one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownDiff {
    /// The currency of both.
    pub currency: String,
    /// The language of the labels.
    pub language: Language,
    /// The old document's kind.
    pub old_kind: InquiryKind,
    /// The new document's kind.
    pub new_kind: InquiryKind,
    /// The old totals.
    pub old_totals: Amounts,
    /// The new totals.
    pub new_totals: Amounts,
    /// New final total minus old.
    pub delta: Option<Decimal>,
    /// `delta` as a percentage of the old final total (2 decimals), `None` when that is 0 or unknown.
    pub delta_percent: Option<Decimal>,
    /// Every line: the new document's in its order, then the removed ones in the old document's order.
    pub lines: Vec<LineChange>,
}

#[derive(Deserialize)]
struct DocAmounts {
    list: Option<String>,
    discount: Option<String>,
    #[serde(rename = "final")]
    final_price: Option<String>,
}

#[derive(Deserialize)]
struct DocLine {
    id: Option<String>,
    description: Option<String>,
    covers: Option<String>,
    list: Option<String>,
    discount: Option<String>,
    #[serde(rename = "final")]
    final_price: Option<String>,
}

#[derive(Deserialize)]
struct Document {
    format: Option<String>,
    version: Option<serde_json::Number>,
    kind: Option<String>,
    currency: Option<String>,
    totals: Option<DocAmounts>,
    lines: Option<Vec<DocLine>>,
    inquiry: Option<String>,
}

/// Reads the amounts of one object, each an exact decimal string or `null`; `at` is the object's path.
fn amounts(
    [list, discount, final_price]: [Option<String>; 3],
    at: &str,
    language: Language,
    problems: &mut Vec<Violation>,
) -> Amounts {
    let mut read = |name: &str, value: Option<String>| {
        let text = value?;
        match parse_decimal(&text) {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(Violation {
                    path: format!("{at}.{name}"),
                    rule: Rule::Decimal,
                    message: language
                        .pick(
                            "must be an exact decimal string, got ",
                            "应为精确的十进制字符串，实际为 ",
                        )
                        .to_owned()
                        + &crate::validate::text::quote(&text),
                });
                None
            }
        }
    };
    Amounts {
        list: read("list", list),
        discount: read("discount", discount),
        final_price: read("final", final_price),
    }
}

impl SavedBreakdown {
    /// Reads a breakdown document's JSON text; `name` (`old`, `new`) starts every violation's path. A text that
    /// is not such a document, of another version, or with an amount that is not an exact decimal, is refused
    /// with every problem found.
    pub fn read(text: &str, name: &str, language: Language) -> Result<Self, Violations> {
        let doc: Document = serde_json::from_str(text).map_err(|e| {
            let message = format!(
                "{} ({e})",
                language.pick(
                    "is not a breakdown document's JSON",
                    "不是询价明细文档的 JSON"
                )
            );
            Violations::one(name, Rule::Json, message)
        })?;
        let mut problems = Vec::new();
        let mut fail = |path: String, rule: Rule, message: String| {
            problems.push(Violation {
                path,
                rule,
                message,
            });
        };
        if doc.format.as_deref() != Some("hwc-price.breakdown") {
            let message = language.pick(
                "must be \"hwc-price.breakdown\" (a document written by quote.toJSON())",
                "应为 \"hwc-price.breakdown\"（由 quote.toJSON() 写出的文档）",
            );
            fail(format!("{name}.format"), Rule::OneOf, message.to_owned());
        }
        let version = doc.version.as_ref().map(ToString::to_string);
        if version.as_deref() != Some(&JSON_VERSION.to_string()) {
            let seen = version.unwrap_or_else(|| language.pick("none", "无").to_owned());
            let message = format!(
                "{} {JSON_VERSION}, {} {seen}",
                language.pick("must be", "应为"),
                language.pick("got", "实际为")
            );
            fail(format!("{name}.version"), Rule::OneOf, message);
        }
        let kind = doc.kind.as_deref().and_then(InquiryKind::from_code);
        if kind.is_none() {
            let message = language.pick(
                "must be \"on-demand\", \"period\" or \"renewal\"",
                "应为 \"on-demand\"、\"period\" 或 \"renewal\"",
            );
            fail(format!("{name}.kind"), Rule::OneOf, message.to_owned());
        }
        let currency = doc.currency.unwrap_or_default();
        let mut problems_amounts = Vec::new();
        let totals = doc.totals.map_or_else(Amounts::default, |t| {
            let at = format!("{name}.totals");
            amounts(
                [t.list, t.discount, t.final_price],
                &at,
                language,
                &mut problems_amounts,
            )
        });
        let lines = doc
            .lines
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, l)| SavedLine {
                amounts: amounts(
                    [l.list, l.discount, l.final_price],
                    &format!("{name}.lines[{i}]"),
                    language,
                    &mut problems_amounts,
                ),
                id: l.id,
                description: l.description,
                covers: l.covers,
            })
            .collect();
        problems.extend(problems_amounts);
        match kind {
            Some(kind) if problems.is_empty() => Ok(SavedBreakdown {
                kind,
                currency,
                totals,
                lines,
                inquiry: doc.inquiry,
            }),
            _ => Err(Violations::from_vec(problems)),
        }
    }
}

/// Reads the options of a comparison as JavaScript passes them: `{ language?: "en_US" | "zh_CN" }` (English
/// by default); every problem reported at once.
pub fn read_options(value: OptionValue) -> Result<Language, InvalidOptions> {
    let mut language = Language::English;
    let mut r = OptionReader::new();
    if let Some(object) = r.root(value, "diff options") {
        let o = object.as_ref();
        if let Some(chosen) = r.read_language(o, &Path::Root) {
            language = chosen;
        }
        r.only(o, &Path::Root, &["language"]);
    }
    r.finish(bags::DIFF).map(|()| language)
}

/// `new - old`, a missing side counting as 0; `None` when an amount present is unknown or the sum overflows.
fn delta(old: Option<&SavedLine>, new: Option<&SavedLine>) -> Option<Decimal> {
    let side = |l: Option<&SavedLine>| match l {
        None => Some(Decimal::ZERO),
        Some(l) => l.amounts.final_price,
    };
    side(new)?.checked_sub(side(old)?)
}

fn same(a: &SavedLine, b: &SavedLine) -> bool {
    a.amounts == b.amounts && a.description == b.description && a.covers == b.covers
}

impl BreakdownDiff {
    /// Compares two breakdowns. Lines are matched by `id` (lines with the same `id`, or with none, in their
    /// order); the breakdowns must be in one currency, else the new one's `currency` is the violation.
    pub fn of(
        old: SavedBreakdown,
        new: SavedBreakdown,
        language: Language,
    ) -> Result<Self, Violations> {
        if old.currency != new.currency {
            let message = format!(
                "{} {}, {} {}",
                language.pick("is", "为"),
                crate::validate::text::quote(&new.currency),
                language.pick("but the old document's is", "而旧文档为"),
                crate::validate::text::quote(&old.currency)
            ) + language.pick(
                ": breakdowns in different currencies cannot be compared",
                "：不同币种的明细无法比较",
            );
            return Err(Violations::one("new.currency", Rule::OneOf, message));
        }
        let mut waiting: HashMap<Option<String>, VecDeque<SavedLine>> = HashMap::new();
        let mut order: Vec<Option<String>> = Vec::new();
        for line in old.lines {
            let queue = waiting.entry(line.id.clone()).or_default();
            if queue.is_empty() {
                order.push(line.id.clone());
            }
            queue.push_back(line);
        }
        let mut lines = Vec::new();
        for line in new.lines {
            let matched = waiting.get_mut(&line.id).and_then(VecDeque::pop_front);
            let status = match &matched {
                None => Status::Added,
                Some(o) if same(o, &line) => Status::Unchanged,
                Some(_) => Status::Changed,
            };
            lines.push(change(status, matched, Some(line)));
        }
        for id in order {
            for line in waiting.remove(&id).unwrap_or_default() {
                lines.push(change(Status::Removed, Some(line), None));
            }
        }
        let delta = match (old.totals.final_price, new.totals.final_price) {
            (Some(o), Some(n)) => n.checked_sub(o),
            _ => None,
        };
        Ok(BreakdownDiff {
            currency: new.currency,
            language,
            old_kind: old.kind,
            new_kind: new.kind,
            delta_percent: percent(delta, old.totals.final_price),
            old_totals: old.totals,
            new_totals: new.totals,
            delta,
            lines,
        })
    }

    /// Reads and compares two breakdown documents' JSON texts; every problem of both is reported at once.
    pub fn of_documents(old: &str, new: &str, language: Language) -> Result<Self, Violations> {
        let old = SavedBreakdown::read(old, "old", language);
        let new = SavedBreakdown::read(new, "new", language);
        match (old, new) {
            (Ok(old), Ok(new)) => BreakdownDiff::of(old, new, language),
            (Err(a), Err(b)) => {
                let mut all: Vec<Violation> = a.iter().cloned().collect();
                all.extend(b.iter().cloned());
                Err(Violations::from_vec(all))
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }

    /// How many lines have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.lines.iter().filter(|l| l.status == status).count()
    }

    /// Whether anything differs: a line added, removed or changed, or another total.
    pub fn is_changed(&self) -> bool {
        self.old_totals != self.new_totals
            || self.lines.iter().any(|l| l.status != Status::Unchanged)
    }
}

fn change(status: Status, old: Option<SavedLine>, new: Option<SavedLine>) -> LineChange {
    let delta = delta(old.as_ref(), new.as_ref());
    let old_final = old.as_ref().and_then(|o| o.amounts.final_price);
    LineChange {
        status,
        id: new.as_ref().or(old.as_ref()).and_then(|l| l.id.clone()),
        description: new
            .as_ref()
            .or(old.as_ref())
            .and_then(|l| l.description.clone()),
        delta_percent: if old.is_some() {
            percent(delta, old_final)
        } else {
            None
        },
        delta,
        old,
        new,
    }
}

#[cfg(test)]
mod tests;

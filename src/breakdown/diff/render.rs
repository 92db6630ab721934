//! A [`BreakdownDiff`] for people (an aligned text table, Markdown for a pull-request comment) and programs
//! (a versioned JSON document); pure functions. Unchanged lines are counted in the text outputs and listed in
//! the JSON.

use rust_decimal::Decimal;

use super::{BreakdownDiff, LineChange, SavedLine, Status};
use crate::breakdown::render::format::{money, percent, plain, width};
use crate::breakdown::render::markdown::{escape, escape_cell};
use crate::breakdown::Amounts;
use crate::json::{object_text, ObjectWriter};
use crate::language::Language;

/// The version of the diff document; it changes only with incompatible changes.
pub const DIFF_JSON_VERSION: u32 = 1;

struct Words {
    title: &'static str,
    status: &'static str,
    item: &'static str,
    old: &'static str,
    new: &'static str,
    change: &'static str,
    total: &'static str,
    no_change: &'static str,
}

fn words(language: Language) -> Words {
    let t = |en, zh| language.pick(en, zh);
    Words {
        title: t("Price change", "价格变化"),
        status: t("Status", "状态"),
        item: t("Item", "项目"),
        old: t("Old final price", "原最终价格"),
        new: t("New final price", "新最终价格"),
        change: t("Change", "变化"),
        total: t("Total", "合计"),
        no_change: t("No change.", "没有变化。"),
    }
}

fn status_word(status: Status, language: Language) -> &'static str {
    match status {
        Status::Added => language.pick("added", "新增"),
        Status::Removed => language.pick("removed", "删除"),
        Status::Changed => language.pick("changed", "变更"),
        Status::Unchanged => language.pick("unchanged", "未变"),
    }
}

/// A signed amount: `+$1.50`, `-$2.00`, `$0.00`.
fn signed(value: Option<Decimal>, currency: &str) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) if v > Decimal::ZERO => format!("+{}", money(v, currency)),
        Some(v) => money(v, currency),
    }
}

/// A signed percentage: `+12.5%`, `-100%`, or nothing.
fn signed_percent(value: Option<Decimal>) -> String {
    match value {
        None => String::new(),
        Some(v) if v > Decimal::ZERO => format!("+{}", percent(v)),
        Some(v) => percent(v),
    }
}

fn final_of(line: Option<&SavedLine>, currency: &str) -> String {
    match line.and_then(|l| l.amounts.final_price) {
        Some(v) => money(v, currency),
        None => "—".to_owned(),
    }
}

fn item(line: &LineChange, clean: impl Fn(&str) -> String) -> String {
    let mut item = clean(line.id.as_deref().unwrap_or("—"));
    if let Some(d) = &line.description {
        item.push_str(&format!(" ({})", clean(d)));
    }
    item
}

/// The summary line: `Price change (USD): $10.00 → $12.00, +$2.00 (+20%)`, and the counts.
fn summary(d: &BreakdownDiff, w: &Words) -> String {
    let cur = &d.currency;
    let pct = signed_percent(d.delta_percent);
    let mut out = format!(
        "{} → {}, {}",
        final_of_totals(&d.old_totals, cur),
        final_of_totals(&d.new_totals, cur),
        signed(d.delta, cur)
    );
    if !pct.is_empty() {
        out.push_str(&format!(" ({pct})"));
    }
    let l = d.language;
    let counts: Vec<String> = [
        Status::Added,
        Status::Removed,
        Status::Changed,
        Status::Unchanged,
    ]
    .into_iter()
    .map(|s| format!("{} {}", d.count(s), status_word(s, l)))
    .collect();
    let mut out = format!("{out}; {}", counts.join(", "));
    if !d.is_changed() {
        out.push_str(language_stop(l));
        out.push_str(w.no_change);
    }
    out
}

/// What ends a sentence before another: ". " in English, "。" in Chinese.
fn language_stop(language: Language) -> &'static str {
    language.pick(". ", "。")
}

fn final_of_totals(a: &Amounts, currency: &str) -> String {
    a.final_price
        .map_or_else(|| "—".to_owned(), |v| money(v, currency))
}

/// Rows of the changed, added and removed lines, then the total: status, item, old, new, change, percent.
fn rows(d: &BreakdownDiff, w: &Words, clean: impl Fn(&str) -> String) -> Vec<[String; 6]> {
    let cur = &d.currency;
    let mut rows: Vec<[String; 6]> = d
        .lines
        .iter()
        .filter(|l| l.status != Status::Unchanged)
        .map(|l| {
            [
                status_word(l.status, d.language).to_owned(),
                item(l, &clean),
                final_of(l.old.as_ref(), cur),
                final_of(l.new.as_ref(), cur),
                signed(l.delta, cur),
                signed_percent(l.delta_percent),
            ]
        })
        .collect();
    rows.push([
        String::new(),
        w.total.to_owned(),
        final_of_totals(&d.old_totals, cur),
        final_of_totals(&d.new_totals, cur),
        signed(d.delta, cur),
        signed_percent(d.delta_percent),
    ]);
    rows
}

/// The diff as text: the summary, then a table of what changed (left-aligned status and item, right-aligned
/// amounts), for terminals and logs.
pub fn text(d: &BreakdownDiff) -> String {
    let w = words(d.language);
    let mut out = format!("{} ({}): {}\n", w.title, plain(&d.currency), summary(d, &w));
    let header = [w.status, w.item, w.old, w.new, w.change, "%"].map(str::to_owned);
    let mut table = vec![header];
    table.extend(rows(d, &w, plain));
    let mut widths = [0usize; 6];
    for row in &table {
        for (max, cell) in widths.iter_mut().zip(row) {
            *max = (*max).max(width(cell));
        }
    }
    for row in &table {
        let mut line = String::new();
        for (c, (cell, max)) in row.iter().zip(widths).enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let room = " ".repeat(max.saturating_sub(width(cell)));
            if c < 2 {
                line.push_str(cell);
                line.push_str(&room);
            } else {
                line.push_str(&room);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The diff as Markdown for a pull-request comment: a heading with the summary, then a table of what changed.
pub fn markdown(d: &BreakdownDiff) -> String {
    let w = words(d.language);
    let mut out = format!(
        "### {} ({})\n\n{}\n\n",
        escape(w.title),
        escape(&d.currency),
        escape(&summary(d, &w))
    );
    let header = [w.status, w.item, w.old, w.new, w.change, "%"];
    out.push_str(&format!("| {} |\n", header.map(escape_cell).join(" | ")));
    out.push_str("| --- | --- | ---: | ---: | ---: | ---: |\n");
    let all = rows(d, &w, escape_cell);
    let last = all.len().saturating_sub(1);
    for (i, row) in all.into_iter().enumerate() {
        let cells: Vec<String> = row
            .into_iter()
            .enumerate()
            .map(|(c, cell)| match c {
                _ if cell.is_empty() => cell,
                0 | 1 if i == last => format!("**{cell}**"),
                0 | 1 => cell,
                _ if i == last => format!("**{}**", escape_cell(&cell)),
                _ => escape_cell(&cell),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn write_amounts(w: &mut ObjectWriter<'_>, a: &Amounts) {
    w.amount("list", a.list);
    w.amount("discount", a.discount);
    w.amount("final", a.final_price);
}

fn write_line(w: &mut ObjectWriter<'_>, l: &SavedLine) {
    w.text_or_null("id", l.id.as_deref());
    w.text_or_null("description", l.description.as_deref());
    w.text_or_null("covers", l.covers.as_deref());
    write_amounts(w, &l.amounts);
}

/// The diff as a versioned JSON document (`format: "hwc-price.diff"`, version 1), camelCase, amounts as exact
/// decimal strings; every line, unchanged ones included.
pub fn json(d: &BreakdownDiff) -> String {
    object_text(|w| {
        w.string("format", "hwc-price.diff");
        w.int("version", i64::from(DIFF_JSON_VERSION));
        w.string("currency", &d.currency);
        w.string("oldKind", d.old_kind.code());
        w.string("newKind", d.new_kind.code());
        w.boolean("changed", d.is_changed());
        w.object_or_null("totals", Some(d), |w, d| {
            w.object_or_null("old", Some(&d.old_totals), write_amounts);
            w.object_or_null("new", Some(&d.new_totals), write_amounts);
            w.amount("delta", d.delta);
            w.amount("deltaPercent", d.delta_percent);
        });
        w.object_or_null("counts", Some(d), |w, d| {
            for s in [
                Status::Added,
                Status::Removed,
                Status::Changed,
                Status::Unchanged,
            ] {
                w.int(s.code(), i64::try_from(d.count(s)).unwrap_or(i64::MAX));
            }
        });
        w.objects("lines", &d.lines, |w, l| {
            w.string("status", l.status.code());
            w.text_or_null("id", l.id.as_deref());
            w.text_or_null("description", l.description.as_deref());
            w.object_or_null("old", l.old.as_ref(), write_line);
            w.object_or_null("new", l.new.as_ref(), write_line);
            w.amount("delta", l.delta);
            w.amount("deltaPercent", l.delta_percent);
        });
    })
}

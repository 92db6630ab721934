//! The comparison for people and programs: plain text, an HTML fragment (`hwc-*` classes, every caller's or
//! server's string escaped), CSV (the breakdown's formula guard) and the versioned JSON document.

use rust_decimal::Decimal;

use super::words;
use super::{Billing, Cell, Comparison, Failure, Priced};
use crate::breakdown::format::{money, percent, plain, width};
use crate::breakdown::html::escape;
use crate::json::ObjectWriter;

/// The version of the JSON document; a change of its shape raises it.
pub const JSON_VERSION: u32 = 1;

/// One mode's cell as the renderers see it.
enum View<'a> {
    Priced(&'a Priced),
    Failed(Option<&'a Failure>),
}

/// The tables: each product's, then the totals', with their headings and cheapest mode.
fn tables(c: &Comparison) -> Vec<(String, Vec<View<'_>>, Option<usize>)> {
    let mut out: Vec<(String, Vec<View<'_>>, Option<usize>)> = c
        .products
        .iter()
        .map(|p| {
            let cells = p
                .cells
                .iter()
                .map(|cell| match cell {
                    Cell::Priced(p) => View::Priced(p),
                    Cell::Failed(f) => View::Failed(Some(f)),
                })
                .collect();
            (words::product_heading(c.language, &p.id), cells, p.cheapest)
        })
        .collect();
    if !c.totals.included.is_empty() {
        let cells = c
            .totals
            .cells
            .iter()
            .map(|t| t.as_ref().map_or(View::Failed(None), View::Priced))
            .collect();
        out.push((
            c.language.say(words::TOTAL).to_owned(),
            cells,
            c.totals.cheapest,
        ));
    }
    out
}

fn approx(exact: bool) -> &'static str {
    if exact {
        ""
    } else {
        "≈"
    }
}

fn shown(value: Option<Decimal>, exact: bool, currency: &str) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| format!("{}{}", approx(exact), money(v, currency)),
    )
}

/// The nine display cells of one mode's row.
fn row(c: &Comparison, mode: usize, view: &View<'_>, cheapest: Option<usize>) -> [String; 9] {
    let name = c
        .modes
        .get(mode)
        .map(|m| words::mode_name(c.language, &m.billing))
        .unwrap_or_default();
    let cur = c.currency.as_str();
    match view {
        View::Failed(f) => {
            // The message names the code already when it is the service's; ours stand alone.
            let why = f.map_or_else(String::new, |f| {
                let said = if f.message.is_empty() {
                    &f.code
                } else {
                    &f.message
                };
                format!(" ({said})")
            });
            let mut r: [String; 9] = Default::default();
            r[0] = name;
            r[1] = format!("{}{}", c.language.say(words::NOT_PRICED), plain(&why));
            r
        }
        View::Priced(p) => {
            let m = &p.per_month;
            let saving = p.saving.as_ref();
            let be = p.break_even.as_ref();
            [
                name,
                shown(p.whole.final_price, true, cur),
                shown(m.amounts.list, !m.rounded.list, cur),
                shown(m.amounts.discount, !m.rounded.discount, cur),
                shown(m.amounts.final_price, !m.rounded.final_price, cur),
                saving.map_or_else(String::new, |s| shown(Some(s.per_month), s.exact, cur)),
                saving
                    .and_then(|s| s.percent)
                    .map_or_else(String::new, percent),
                be.map_or_else(String::new, |b| {
                    let past = if b.within_month {
                        String::new()
                    } else {
                        format!(" ({})", words::beyond_hours(c.language, &c.hours_per_month))
                    };
                    format!("{}{}{past}", approx(b.exact), b.hours_per_month)
                }),
                if cheapest == Some(mode) {
                    c.language.say(words::CHEAPEST).to_owned()
                } else {
                    String::new()
                },
            ]
        }
    }
}

/// The sentences under the tables: assumptions, optional discounts, totals, warnings.
fn notes(c: &Comparison) -> Vec<String> {
    let hours = c.modes.first().map_or(c.hours_per_month, |m| m.hours);
    let mut out: Vec<String> = words::assumptions(c.language, &hours, &c.hours_per_month).into();
    for m in &c.modes {
        let name = words::mode_name(c.language, &m.billing);
        for o in &m.options {
            let label = o.name.clone().unwrap_or_else(|| o.type_name.clone());
            out.push(words::offer(c.language, &name, &label, o.best_offer));
        }
        for w in &m.warnings {
            out.push(format!("{name}: {}", w.message));
        }
    }
    out.push(words::totals_include(
        c.language,
        &c.totals.included,
        &c.totals.left_out,
    ));
    out
}

/// Aligned plain text: one table per product and one of the totals, then the notes.
pub fn text(c: &Comparison) -> String {
    let head = words::columns(c.language).map(str::to_owned);
    let mut out = String::new();
    for (heading, cells, cheapest) in tables(c) {
        // A failed row is its mode and its reason, outside the columns.
        let rows: Vec<([String; 9], bool)> = std::iter::once((head.clone(), false))
            .chain(
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (row(c, i, v, cheapest), matches!(v, View::Failed(_)))),
            )
            .collect();
        let widths: Vec<usize> = (0..9)
            .map(|k| {
                rows.iter()
                    .filter(|(_, failed)| !failed || k == 0)
                    .map(|(r, _)| r.get(k).map_or(0, |s| width(s)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        out.push_str(&plain(&heading));
        out.push('\n');
        for (r, failed) in &rows {
            let mut line = String::new();
            for (k, cell) in r.iter().enumerate() {
                let column = widths.get(k).copied().unwrap_or(0);
                let pad = " ".repeat(column.saturating_sub(width(cell)));
                if k == 0 {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else if *failed {
                    line.push_str("  ");
                    line.push_str(cell);
                } else {
                    line.push_str("  ");
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    for n in notes(c) {
        out.push_str(&plain(&n));
        out.push('\n');
    }
    out
}

/// An HTML fragment: one `<table class="hwc-comparison">` per product and for the totals, then the notes.
pub fn html(c: &Comparison) -> String {
    let head = words::columns(c.language);
    let mut out = String::from("<div class=\"hwc-comparison\">\n");
    for (heading, cells, cheapest) in tables(c) {
        out.push_str(&format!(
            "<table class=\"hwc-comparison-table\">\n<caption><bdi>{}</bdi></caption>\n<thead><tr>",
            escape(&heading)
        ));
        for h in head {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (i, v) in cells.iter().enumerate() {
            let r = row(c, i, v, cheapest);
            let class = match (v, cheapest == Some(i)) {
                (View::Failed(_), _) => " class=\"hwc-failed\"",
                (View::Priced(_), true) => " class=\"hwc-cheapest\"",
                _ => "",
            };
            out.push_str(&format!(
                "<tr{class}><th scope=\"row\">{}</th>",
                escape(&r[0])
            ));
            if matches!(v, View::Failed(_)) {
                out.push_str(&format!(
                    "<td colspan=\"8\" class=\"hwc-failure\"><bdi>{}</bdi></td>",
                    escape(&r[1])
                ));
            } else {
                for cell in &r[1..] {
                    out.push_str(&format!("<td class=\"hwc-amount\">{}</td>", escape(cell)));
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("<ul class=\"hwc-notes\">\n");
    for n in notes(c) {
        out.push_str(&format!("<li><bdi>{}</bdi></li>\n", escape(&n)));
    }
    out.push_str("</ul>\n</div>\n");
    out
}

const CSV_HEADER: [&str; 18] = [
    "record",
    "id",
    "mode",
    "period_type",
    "period_num",
    "currency",
    "list_price",
    "discount",
    "final_price",
    "list_per_month",
    "discount_per_month",
    "final_per_month",
    "exact",
    "rounded",
    "saving_per_month",
    "saving_percent",
    "break_even_hours_per_month",
    "note",
];

/// The columns of a priced row whose value was rounded to 12 significant digits, by their header names, in
/// column order.
fn rounded_columns(p: &Priced) -> Vec<&'static str> {
    let m = p.per_month.rounded;
    [
        (m.list, "list_per_month"),
        (m.discount, "discount_per_month"),
        (m.final_price, "final_per_month"),
        (
            p.saving.as_ref().is_some_and(|s| !s.exact),
            "saving_per_month",
        ),
        (
            p.break_even.as_ref().is_some_and(|b| !b.exact),
            "break_even_hours_per_month",
        ),
    ]
    .into_iter()
    .filter_map(|(rounded, name)| rounded.then_some(name))
    .collect()
}

/// CSV (RFC 4180, UTF-8 with a byte order mark, CRLF): one row per product and mode, then per mode of the
/// totals; exact amounts, no formatting (`exact` false when a value of the row was rounded, `rounded` naming
/// those columns, space-separated); text cells guarded against formulas as the breakdown's are.
pub fn csv(c: &Comparison) -> String {
    let cell = crate::breakdown::render::csv::text;
    let amount = |v: Option<Decimal>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    let mut write =
        |record: &str, id: &str, mode: usize, view: View<'_>, cheapest: Option<usize>| {
            let Some(m) = c.modes.get(mode) else { return };
            let (mode_code, period) = match &m.billing {
                Billing::PayPerUse { .. } => ("pay-per-use", (String::new(), String::new())),
                Billing::Subscription(p) => (
                    "subscription",
                    (p.period_type.to_string(), p.period_num.to_string()),
                ),
            };
            let mut cells: Vec<String> = vec![
                record.to_owned(),
                cell(id),
                mode_code.to_owned(),
                period.0,
                period.1,
                cell(&c.currency),
            ];
            match view {
                View::Priced(p) => {
                    let s = p.saving.as_ref();
                    let note = if cheapest == Some(mode) {
                        "cheapest"
                    } else {
                        ""
                    };
                    let rounded = rounded_columns(p);
                    cells.extend([
                        amount(p.whole.list),
                        amount(p.whole.discount),
                        amount(p.whole.final_price),
                        amount(p.per_month.amounts.list),
                        amount(p.per_month.amounts.discount),
                        amount(p.per_month.amounts.final_price),
                        rounded.is_empty().to_string(),
                        rounded.join(" "),
                        amount(s.map(|s| s.per_month)),
                        amount(s.and_then(|s| s.percent)),
                        amount(p.break_even.as_ref().map(|b| b.hours_per_month)),
                        note.to_owned(),
                    ]);
                }
                View::Failed(f) => {
                    cells.extend(std::iter::repeat_n(String::new(), 11));
                    cells.push(cell(&f.map_or_else(String::new, |f| {
                        format!("{}: {}", f.code, f.message)
                    })));
                }
            }
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        };
    for p in &c.products {
        for (i, v) in p.cells.iter().enumerate() {
            let view = match v {
                Cell::Priced(p) => View::Priced(p),
                Cell::Failed(f) => View::Failed(Some(f)),
            };
            write("product", &p.id, i, view, p.cheapest);
        }
    }
    for (i, t) in c.totals.cells.iter().enumerate() {
        if let Some(t) = t {
            write("total", "", i, View::Priced(t), c.totals.cheapest);
        }
    }
    out
}

fn write_priced(w: &mut ObjectWriter<'_>, p: &Priced) {
    w.boolean("priced", true);
    w.amount("list", p.whole.list);
    w.amount("discount", p.whole.discount);
    w.amount("final", p.whole.final_price);
    w.object_or_null("perMonth", Some(&p.per_month), |w, m| {
        w.amount("list", m.amounts.list);
        w.amount("discount", m.amounts.discount);
        w.amount("final", m.amounts.final_price);
        w.boolean("exact", m.exact());
        w.array("rounded", &m.rounded.names(), |out, name| {
            crate::json::write_string(out, name)
        });
    });
    w.object_or_null("saving", p.saving.as_ref(), |w, s| {
        w.amount("perMonth", Some(s.per_month));
        w.amount("percent", s.percent);
        w.boolean("exact", s.exact);
    });
    w.object_or_null("breakEven", p.break_even.as_ref(), |w, b| {
        w.amount("hoursPerMonth", Some(b.hours_per_month));
        w.boolean("exact", b.exact);
        w.boolean("withinMonth", b.within_month);
    });
}

fn write_failed(w: &mut ObjectWriter<'_>, f: &Failure) {
    w.boolean("priced", false);
    w.string("code", &f.code);
    w.string("message", &f.message);
}

fn index(value: Option<usize>) -> Option<i64> {
    value.and_then(|i| i64::try_from(i).ok())
}

/// The versioned JSON document: every amount an exact decimal string, camelCase members.
pub fn json(c: &Comparison) -> String {
    crate::json::object_text(|w| {
        w.string("format", "hwc-price.comparison");
        w.int("version", i64::from(JSON_VERSION));
        w.string("currency", &c.currency);
        w.string("language", c.language.header());
        w.amount("hoursPerMonth", Some(c.hours_per_month));
        w.objects("modes", &c.modes, |w, m| {
            match &m.billing {
                Billing::PayPerUse { .. } => {
                    w.string("mode", "pay-per-use");
                    w.key("period").push_str("null");
                }
                Billing::Subscription(p) => {
                    w.string("mode", "subscription");
                    w.object_or_null("period", Some(p), |w, p| {
                        w.int("period_type", p.period_type);
                        w.int("period_num", p.period_num);
                    });
                }
            }
            w.string("name", &words::mode_name(c.language, &m.billing));
            w.amount("hours", Some(m.hours));
            w.object_or_null("failure", m.failure.as_ref(), |w, f| {
                w.string("code", &f.code);
                w.string("message", &f.message);
            });
            w.objects("options", &m.options, |w, o| {
                w.text_or_null("discountId", o.discount_id.as_deref());
                w.int_or_null("typeCode", o.type_code);
                w.string("typeName", &o.type_name);
                w.text_or_null("name", o.name.as_deref());
                w.amount("list", o.amounts.list);
                w.amount("discount", o.amounts.discount);
                w.amount("final", o.amounts.final_price);
                w.boolean("bestOffer", o.best_offer);
            });
            w.objects("warnings", &m.warnings, |w, x| {
                w.string("code", x.code);
                w.string("message", &x.message);
            });
        });
        w.objects("products", &c.products, |w, p| {
            w.string("id", &p.id);
            w.int_or_null("cheapest", index(p.cheapest));
            w.objects("cells", &p.cells, |w, cell| match cell {
                Cell::Priced(p) => write_priced(w, p),
                Cell::Failed(f) => write_failed(w, f),
            });
        });
        w.object_or_null("totals", Some(&c.totals), |w, t| {
            w.array("included", &t.included, |out, id| {
                crate::json::write_string(out, id)
            });
            w.array("leftOut", &t.left_out, |out, id| {
                crate::json::write_string(out, id)
            });
            w.int_or_null("cheapest", index(t.cheapest));
            w.array("cells", &t.cells, |out, cell| match cell {
                Some(p) => {
                    let mut w = ObjectWriter::open(out);
                    write_priced(&mut w, p);
                    w.close();
                }
                None => out.push_str("null"),
            });
        });
        w.array("notes", &notes(c), |out, n| {
            crate::json::write_string(out, n)
        });
    })
}

//! The breakdown as an aligned plain-text table, for terminals and logs.

use rust_decimal::Decimal;

use super::format::{money, percent, plain, width, write_money};
use crate::breakdown::words::labels;
use crate::breakdown::{Amounts, Breakdown, Projection};

/// An amount for display, or a dash.
pub(crate) fn shown(value: Option<Decimal>, currency: &str) -> String {
    value.map_or_else(|| "—".to_owned(), |v| money(v, currency))
}

/// A row of a table: cells, or a note under a line whose label spans the first `span` columns and whose
/// value is aligned in the column after them.
enum Row {
    Cells(Vec<String>),
    Sub {
        label: String,
        span: usize,
        value: String,
    },
}

/// A table; the first `left` columns are aligned left, the rest right. Notes do not widen columns.
struct Table {
    left: usize,
    rows: Vec<Row>,
}

impl Table {
    fn new(left: usize, header: Vec<String>) -> Self {
        Table {
            left,
            rows: vec![Row::Cells(header)],
        }
    }

    fn push(&mut self, cells: Vec<String>) {
        self.rows.push(Row::Cells(cells));
    }

    fn render(&self, out: &mut String) {
        // Each cell's width is measured once.
        let mut widths: Vec<usize> = Vec::new();
        let mut cell_widths: Vec<Vec<usize>> = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let measured: Vec<usize> = match row {
                Row::Cells(cells) => cells.iter().map(|c| width(c)).collect(),
                Row::Sub { .. } => Vec::new(),
            };
            for (c, w) in measured.iter().enumerate() {
                match widths.get_mut(c) {
                    Some(max) => *max = (*max).max(*w),
                    None => widths.push(*w),
                }
            }
            cell_widths.push(measured);
        }
        let pad = |line: &mut String, n: usize| line.extend(std::iter::repeat_n(' ', n));
        let mut line = String::new();
        for (row, measured) in self.rows.iter().zip(&cell_widths) {
            line.clear();
            match row {
                Row::Cells(row) => {
                    for (c, ((cell, w), own)) in row.iter().zip(&widths).zip(measured).enumerate() {
                        if c > 0 {
                            line.push_str("  ");
                        }
                        let room = w.saturating_sub(*own);
                        if c < self.left {
                            line.push_str(cell);
                            pad(&mut line, room);
                        } else {
                            pad(&mut line, room);
                            line.push_str(cell);
                        }
                    }
                }
                Row::Sub { label, span, value } => {
                    let spanned: usize = widths.iter().take(*span).map(|w| w + 2).sum();
                    let column = widths.get(*span).copied().unwrap_or(0);
                    let room = (spanned + column).saturating_sub(width(label) + width(value));
                    line.push_str(label);
                    pad(&mut line, room.max(2));
                    line.push_str(value);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

fn amount_cells(a: &Amounts, share: Option<Decimal>, currency: &str) -> [String; 4] {
    [
        shown(a.list, currency),
        shown(a.discount, currency),
        share.map(percent).unwrap_or_default(),
        shown(a.final_price, currency),
    ]
}

fn projection_cells(p: &Projection, currency: &str, approx: &str) -> [String; 3] {
    let mark = if p.exact { "" } else { approx };
    let cell = |value: Decimal| {
        let mut out = String::with_capacity(mark.len() + 16);
        out.push_str(mark);
        write_money(&mut out, value, currency);
        out
    };
    [cell(p.per_hour), cell(p.per_month), cell(p.per_year)]
}

/// The breakdown as text: a title, the lines with their discounts, the total, the optional discounts, the
/// failures and the notes.
pub fn render(b: &Breakdown) -> String {
    let l = labels(b.kind, b.language);
    let cur = b.currency.as_str();
    let mut out = format!("{} ({})\n", l.title, plain(cur));
    let mut table = Table::new(
        2,
        vec![
            l.item.to_owned(),
            l.covers.to_owned(),
            l.list.to_owned(),
            l.discount.to_owned(),
            l.share.to_owned(),
            l.final_price.to_owned(),
        ],
    );
    for line in &b.lines {
        let mut item = plain(line.id.as_deref().unwrap_or("—"));
        if let Some(d) = &line.description {
            item.push_str(" (");
            item.push_str(&plain(d));
            item.push(')');
        }
        let mut row = vec![item, line.covers.clone().unwrap_or_default()];
        row.extend(amount_cells(&line.amounts, line.discount_percent, cur));
        table.push(row);
        for d in &line.discounts {
            let mut name = String::with_capacity(32);
            name.push_str("  - ");
            name.push_str(&d.type_name);
            if let Some(n) = &d.name {
                name.push_str(": ");
                name.push_str(&plain(n));
            }
            table.rows.push(Row::Sub {
                label: name,
                span: 3,
                value: shown(d.amount, cur),
            });
        }
    }
    let mut total = vec![l.total.to_owned(), String::new()];
    total.extend(amount_cells(&b.totals, b.discount_percent, cur));
    if b.list_price_only {
        if let Some(last) = total.last_mut() {
            *last = format!("({})", l.list_only);
        }
    }
    table.push(total);
    table.render(&mut out);

    if !b.options.is_empty() {
        out.push_str(&format!("\n{}\n", l.options));
        let mut options = Table::new(
            1,
            vec![
                String::new(),
                l.list.to_owned(),
                l.discount.to_owned(),
                l.share.to_owned(),
                l.final_price.to_owned(),
            ],
        );
        for o in &b.options {
            let mut name = o.type_name.clone();
            if let Some(n) = &o.name {
                name.push_str(": ");
                name.push_str(&plain(n));
            }
            if o.best_offer {
                name.push_str(&format!(" [{}]", l.best));
            }
            let mut row = vec![name];
            row.extend(amount_cells(&o.amounts, o.discount_percent, cur));
            options.push(row);
        }
        options.render(&mut out);
    }

    if let Some(p) = &b.projections {
        out.push_str(&format!("\n{}\n", l.projections));
        let mut table = Table::new(
            1,
            vec![
                String::new(),
                l.per_hour.to_owned(),
                l.per_month.to_owned(),
                l.per_year.to_owned(),
            ],
        );
        for line in &b.lines {
            if let Some(proj) = &line.projection {
                let mut row = vec![plain(line.id.as_deref().unwrap_or("—"))];
                row.extend(projection_cells(proj, cur, l.approx));
                table.push(row);
            }
        }
        if let Some(proj) = &p.total {
            let mut row = vec![l.total.to_owned()];
            row.extend(projection_cells(proj, cur, l.approx));
            table.push(row);
        }
        table.render(&mut out);
        out.push_str(&format!("{}\n", p.assumption));
    }

    if !b.failures.is_empty() {
        out.push_str(&format!("\n{}\n", l.failures));
        for f in &b.failures {
            out.push_str(&format!(
                "- {}: {} {}\n",
                plain(f.id.as_deref().unwrap_or("—")),
                plain(f.code.as_deref().unwrap_or("")),
                plain(f.message.as_deref().unwrap_or(""))
            ));
        }
    }
    if !b.warnings.is_empty() {
        out.push_str(&format!("\n{}\n", l.notes));
        for w in &b.warnings {
            out.push_str(&format!("- {}\n", plain(&w.message)));
        }
    }
    out
}

//! The breakdown as CSV (RFC 4180, UTF-8 with a byte order mark, CRLF line ends): one row per line, per
//! discount of a line, per optional discount, per failure, and the total; exact amounts, no formatting.

use rust_decimal::Decimal;

use crate::breakdown::{Amounts, Breakdown};
use crate::validate::text::is_hidden_char;

const HEADER: [&str; 13] = [
    "record",
    "id",
    "product_id",
    "description",
    "covers",
    "discount_type",
    "discount_name",
    "best_offer",
    "currency",
    "list_price",
    "discount",
    "final_price",
    "note",
];

/// A text cell: quoted when it holds a comma, a quote or a line break. A cell that a spreadsheet could take
/// for a formula is prefixed with `'` so that it shows the text: one whose first visible character is `=`, `+`,
/// `-` or `@` (spreadsheets skip leading spaces, line breaks and invisible characters), or that starts with a
/// tab, carriage return or line feed.
pub(crate) fn text(value: &str) -> String {
    let visible = value.trim_start_matches(|c: char| c.is_whitespace() || is_hidden_char(c));
    let formula =
        visible.starts_with(['=', '+', '-', '@']) || value.starts_with(['\t', '\r', '\n']);
    let guarded = if formula {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn amount(value: Option<Decimal>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[derive(Default)]
struct Row {
    record: &'static str,
    id: Option<String>,
    product_id: Option<String>,
    description: Option<String>,
    covers: Option<String>,
    discount_type: Option<i64>,
    discount_name: Option<String>,
    best_offer: Option<bool>,
    amounts: Amounts,
    note: Option<String>,
}

impl Row {
    fn write(self, currency: &str, out: &mut String) {
        let cells = [
            self.record.to_owned(),
            text(self.id.as_deref().unwrap_or("")),
            text(self.product_id.as_deref().unwrap_or("")),
            text(self.description.as_deref().unwrap_or("")),
            text(self.covers.as_deref().unwrap_or("")),
            self.discount_type
                .map(|t| t.to_string())
                .unwrap_or_default(),
            text(self.discount_name.as_deref().unwrap_or("")),
            self.best_offer.map(|b| b.to_string()).unwrap_or_default(),
            text(currency),
            amount(self.amounts.list),
            amount(self.amounts.discount),
            amount(self.amounts.final_price),
            text(self.note.as_deref().unwrap_or("")),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
}

/// The breakdown as CSV text, starting with a byte order mark.
pub fn render(b: &Breakdown) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    let cur = b.currency.as_str();
    for line in &b.lines {
        Row {
            record: "line",
            id: line.id.clone(),
            product_id: line.product_id.clone(),
            description: line.description.clone(),
            covers: line.covers.clone(),
            amounts: line.amounts.clone(),
            ..Row::default()
        }
        .write(cur, &mut out);
        for d in &line.discounts {
            Row {
                record: "discount",
                id: line.id.clone(),
                product_id: line.product_id.clone(),
                discount_type: d.type_code,
                discount_name: Some(match &d.name {
                    Some(name) => format!("{}: {name}", d.type_name),
                    None => d.type_name.clone(),
                }),
                amounts: Amounts {
                    list: None,
                    discount: d.amount,
                    final_price: None,
                },
                ..Row::default()
            }
            .write(cur, &mut out);
        }
    }
    for o in &b.options {
        Row {
            record: "option",
            id: o.discount_id.clone(),
            discount_type: o.type_code,
            discount_name: Some(match &o.name {
                Some(name) => format!("{}: {name}", o.type_name),
                None => o.type_name.clone(),
            }),
            best_offer: Some(o.best_offer),
            amounts: o.amounts.clone(),
            ..Row::default()
        }
        .write(cur, &mut out);
    }
    for f in &b.failures {
        let note = [f.code.as_deref(), f.message.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(": ");
        Row {
            record: "failure",
            id: f.id.clone(),
            note: Some(note),
            ..Row::default()
        }
        .write(cur, &mut out);
    }
    Row {
        record: "total",
        amounts: b.totals.clone(),
        note: b.list_price_only.then(|| "list price only".to_owned()),
        ..Row::default()
    }
    .write(cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn cells_are_quoted_and_formulas_neutralized() {
        assert_eq!(text("plain"), "plain");
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("two\nlines"), "\"two\nlines\"");
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\u{202E}evil"), "\u{202E}evil");
        // Formulas behind spaces, line breaks and invisible characters.
        assert_eq!(text(" =1+1"), "' =1+1");
        assert_eq!(text("\n=1+1"), "\"'\n=1+1\"");
        assert_eq!(text("\u{200B}\u{FEFF}@x"), "'\u{200B}\u{FEFF}@x");
        assert_eq!(text("\u{3000}-2"), "'\u{3000}-2");
        assert_eq!(text("a=b"), "a=b");
    }
}

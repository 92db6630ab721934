//! The breakdown as Markdown (GitHub-flavoured tables), fit for a pull-request comment: a heading, the lines
//! with their discounts, the total in bold, the optional discounts, projections, failures and notes. Text from
//! the server or the caller can neither break a table nor become markup, a link or a mention.

use rust_decimal::Decimal;

use super::format::{money, percent, plain};
use super::text::shown;
use crate::breakdown::words::labels;
use crate::breakdown::{Amounts, Breakdown, Projection};

/// Text for a Markdown table cell or list item: control and bidirectional characters made visible (as in the
/// text output); the characters that make inline markup, links, HTML or a cell boundary backslash-escaped;
/// what would start a block (a heading, a list, a quote) escaped at the start; and `@` written as the
/// full-width `＠`, since GitHub makes a mention of `@name` whether or not it is escaped.
pub fn escape(text: &str) -> String {
    escaped(text, true)
}

/// [`escape`] for a table cell, where nothing starts a block: the same but for the start of the text.
pub fn escape_cell(text: &str) -> String {
    escaped(text, false)
}

fn escaped(text: &str, block: bool) -> String {
    let shown = plain(text);
    let mut out = String::with_capacity(shown.len() + 8);
    let digits = shown.chars().take_while(char::is_ascii_digit).count();
    for (i, ch) in shown.chars().enumerate() {
        let block_start = block
            && ((i == 0 && matches!(ch, '#' | '+' | '-' | '=' | '>'))
                || (i == digits && digits > 0 && matches!(ch, '.' | ')')));
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '@' => out.push('＠'),
            c if block_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// One table row: `| a | b |`.
fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// The header and the alignment row: the first `left` columns aligned left, the rest right.
fn header(out: &mut String, cells: &[&str], left: usize) {
    row(
        out,
        &cells.iter().map(|c| escape_cell(c)).collect::<Vec<_>>(),
    );
    let align: Vec<String> = (0..cells.len())
        .map(|i| if i < left { "---" } else { "---:" }.to_owned())
        .collect();
    row(out, &align);
}

fn amount_cells(a: &Amounts, share: Option<Decimal>, currency: &str) -> [String; 4] {
    [
        escape_cell(&shown(a.list, currency)),
        escape_cell(&shown(a.discount, currency)),
        share.map(|p| escape_cell(&percent(p))).unwrap_or_default(),
        escape_cell(&shown(a.final_price, currency)),
    ]
}

fn bold(cell: &str) -> String {
    if cell.is_empty() {
        String::new()
    } else {
        format!("**{cell}**")
    }
}

fn projection_cells(p: &Projection, currency: &str, approx: &str) -> [String; 3] {
    let mark = if p.exact { "" } else { approx };
    [p.per_hour, p.per_month, p.per_year]
        .map(|v| escape_cell(&format!("{mark}{}", money(v, currency))))
}

/// The breakdown as Markdown.
pub fn render(b: &Breakdown) -> String {
    let l = labels(b.kind, b.language);
    let cur = b.currency.as_str();
    let mut out = format!("### {} ({})\n\n", escape(l.title), escape(cur));
    let columns = [l.item, l.covers, l.list, l.discount, l.share, l.final_price];
    header(&mut out, &columns, 2);
    for line in &b.lines {
        let mut item = escape_cell(line.id.as_deref().unwrap_or("—"));
        if let Some(d) = &line.description {
            item.push_str(&format!(" ({})", escape_cell(d)));
        }
        let mut cells = vec![item, escape_cell(line.covers.as_deref().unwrap_or(""))];
        cells.extend(amount_cells(&line.amounts, line.discount_percent, cur));
        row(&mut out, &cells);
        for d in &line.discounts {
            let mut name = format!("↳ {}", escape_cell(&d.type_name));
            if let Some(n) = &d.name {
                name.push_str(&format!(": {}", escape_cell(n)));
            }
            let amount = escape_cell(&shown(d.amount, cur));
            row(
                &mut out,
                &[
                    name,
                    String::new(),
                    String::new(),
                    amount,
                    String::new(),
                    String::new(),
                ],
            );
        }
    }
    let mut total = vec![bold(&escape_cell(l.total)), String::new()];
    total.extend(
        amount_cells(&b.totals, b.discount_percent, cur)
            .iter()
            .map(|c| bold(c)),
    );
    if b.list_price_only {
        if let Some(last) = total.last_mut() {
            *last = format!("({})", escape_cell(l.list_only));
        }
    }
    row(&mut out, &total);

    if !b.options.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", escape_cell(l.options)));
        header(
            &mut out,
            &["", l.list, l.discount, l.share, l.final_price],
            1,
        );
        for o in &b.options {
            let mut name = escape_cell(&o.type_name);
            if let Some(n) = &o.name {
                name.push_str(&format!(": {}", escape_cell(n)));
            }
            if o.best_offer {
                name.push_str(&format!(" **{}**", escape_cell(&format!("[{}]", l.best))));
            }
            let mut cells = vec![name];
            cells.extend(amount_cells(&o.amounts, o.discount_percent, cur));
            row(&mut out, &cells);
        }
    }

    if let Some(p) = &b.projections {
        out.push_str(&format!("\n**{}**\n\n", escape_cell(l.projections)));
        header(&mut out, &["", l.per_hour, l.per_month, l.per_year], 1);
        for line in &b.lines {
            if let Some(proj) = &line.projection {
                let mut cells = vec![escape_cell(line.id.as_deref().unwrap_or("—"))];
                cells.extend(projection_cells(proj, cur, l.approx));
                row(&mut out, &cells);
            }
        }
        if let Some(proj) = &p.total {
            let mut cells = vec![bold(&escape_cell(l.total))];
            cells.extend(projection_cells(proj, cur, l.approx));
            row(&mut out, &cells);
        }
        out.push_str(&format!("\n{}\n", escape(&p.assumption)));
    }

    if !b.failures.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", escape(l.failures)));
        for f in &b.failures {
            out.push_str(&format!(
                "- {}: {} {}\n",
                escape(f.id.as_deref().unwrap_or("—")),
                escape_cell(f.code.as_deref().unwrap_or("")),
                escape_cell(f.message.as_deref().unwrap_or(""))
            ));
        }
    }
    if !b.warnings.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", escape(l.notes)));
        for w in &b.warnings {
            out.push_str(&format!("- {}\n", escape(&w.message)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_cannot_become_markup_split_a_cell_or_mention() {
        let cases = [
            ("c6.large.2.linux", "c6.large.2.linux"),
            ("a|b", "a\\|b"),
            ("[x](javascript:y)", "\\[x\\](javascript:y)"),
            ("<img src=x>", "\\<img src=x\\>"),
            ("# heading", "\\# heading"),
            ("- item", "\\- item"),
            ("12. item", "12\\. item"),
            ("ap-southeast-1", "ap-southeast-1"),
            (
                "**bold** _it_ `code`",
                "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`",
            ),
            ("ping @team", "ping ＠team"),
            ("line\nbreak", "line\\<U+000A\\>break"),
            ("\u{202E}rev", "\\<U+202E\\>rev"),
            ("包年/包月", "包年/包月"),
            ("$1,315.26", "$1,315.26"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }
}

#[cfg(test)]
mod rendered {
    use super::render;
    use crate::breakdown::{Breakdown, BreakdownOptions};
    use crate::inquiry::PeriodInquiry;
    use crate::language::Language;
    use crate::quote::{asked, Quote};
    use crate::site::Site;
    use crate::InquiryKind;

    #[test]
    fn a_breakdown_with_discounts_and_options_as_markdown() {
        let answer = include_str!("../../../tests/fixtures/breakdown/period-options.json");
        let request = include_str!("../../../tests/fixtures/breakdown/period-options.request.json");
        let mut quote =
            Quote::from_response(InquiryKind::Period, answer, Site::International).unwrap();
        quote.asked = asked::period(&PeriodInquiry::batch_from_json(request).unwrap());
        let md = render(&Breakdown::of(
            &quote,
            &BreakdownOptions::new(Language::English),
        ));
        assert_eq!(md, EXPECTED);
    }

    const EXPECTED: &str = r#"### Yearly/monthly price (USD)

| Item | Covers | List price | Discount | Share | Final price |
| --- | --- | ---: | ---: | ---: | ---: |
| vm (c6.large.2.linux, ap-southeast-1) | 1 × 1 year | $1,000.00 | $120.00 | 12% | $880.00 |
| ↳ Partner authorized discount: Partner |  |  | $120.00 |  |  |
| disk (SSD, ap-southeast-1, 100 GB) | 2 × 12 months | $200.00 | $24.00 | 12% | $176.00 |
| ↳ Partner authorized discount: Partner |  |  | $24.00 |  |  |
| **Total** |  | **$1,200.00** | **$144.00** | **12%** | **$1,056.00** |

**Optional discounts**

|  | List price | Discount | Share | Final price |
| --- | ---: | ---: | ---: | ---: |
| Contract commercial discount (Huawei Cloud): Contract | $1,200.00 | $120.00 | 10% | $1,080.00 |
| Partner authorized discount: Partner **\[best offer\]** | $1,200.00 | $144.00 | 12% | $1,056.00 |
| Discount type 700: Promotion | $1,200.00 | $0.0000000001 | 0% | $1,199.9999999999 |

**Notes**

- The answer names no currency; amounts are taken to be in USD, the site's currency.
"#;
}

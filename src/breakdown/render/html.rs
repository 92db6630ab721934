//! The breakdown as an HTML fragment: a semantic `<table>` (caption, header cells with `scope`, totals in
//! `<tfoot>`, classes for styling, exact values in `data-value`), then the optional discounts, the failures
//! and the notes. Every string that came from the server or the caller is escaped and isolated in `<bdi>`.

use rust_decimal::Decimal;

use super::format::{money, percent};
use crate::breakdown::words::labels;
use crate::breakdown::{Amounts, Breakdown};

/// Text escaped for HTML content and attribute values; control characters that HTML cannot carry become
/// U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Server or caller text: escaped, and isolated so that its direction cannot reorder what surrounds it.
fn foreign(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape(text))
}

fn amount_cell(class: &str, value: Option<Decimal>, currency: &str) -> String {
    match value {
        Some(v) => format!(
            "<td class=\"hwc-amount hwc-{class}\" data-value=\"{v}\">{}</td>",
            escape(&money(v, currency))
        ),
        None => format!("<td class=\"hwc-amount hwc-{class} hwc-missing\">—</td>"),
    }
}

fn amount_cells(a: &Amounts, share: Option<Decimal>, currency: &str) -> String {
    let share = match share {
        Some(p) => format!(
            "<td class=\"hwc-share\" data-value=\"{p}\">{}</td>",
            percent(p)
        ),
        None => "<td class=\"hwc-share\"></td>".to_owned(),
    };
    format!(
        "{}{}{share}{}",
        amount_cell("list", a.list, currency),
        amount_cell("discount", a.discount, currency),
        amount_cell("final", a.final_price, currency)
    )
}

/// The breakdown as an HTML fragment.
pub fn render(b: &Breakdown) -> String {
    let l = labels(b.kind, b.language);
    let cur = b.currency.as_str();
    let mut out = format!(
        "<table class=\"hwc-breakdown hwc-{kind}\">\n<caption>{} ({})</caption>\n",
        l.title,
        escape(cur),
        kind = b.kind.code()
    );
    out.push_str(&format!(
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-share\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th></tr></thead>\n<tbody>\n",
        l.item, l.covers, l.list, l.discount, l.share, l.final_price
    ));
    for line in &b.lines {
        let mut item = foreign(line.id.as_deref().unwrap_or("—"));
        if let Some(d) = &line.description {
            item.push_str(&format!(" <span class=\"hwc-spec\">{}</span>", foreign(d)));
        }
        out.push_str(&format!(
            "<tr class=\"hwc-line\"><th scope=\"row\">{item}</th><td class=\"hwc-covers\">{}</td>{}</tr>\n",
            escape(line.covers.as_deref().unwrap_or("")),
            amount_cells(&line.amounts, line.discount_percent, cur)
        ));
        for d in &line.discounts {
            let mut name = escape(&d.type_name);
            if let Some(n) = &d.name {
                name.push_str(&format!(": {}", foreign(n)));
            }
            let code = d
                .type_code
                .map(|c| format!(" data-type=\"{c}\""))
                .unwrap_or_default();
            out.push_str(&format!(
                "<tr class=\"hwc-line-discount\"{code}><th scope=\"row\" colspan=\"3\">{name}</th>{}<td class=\"hwc-share\"></td><td class=\"hwc-amount hwc-final\"></td></tr>\n",
                amount_cell("discount", d.amount, cur)
            ));
        }
    }
    out.push_str("</tbody>\n");
    let final_cell = if b.list_price_only {
        format!(
            "{}{}<td class=\"hwc-share\"></td><td class=\"hwc-amount hwc-final hwc-list-only\">{}</td>",
            amount_cell("list", b.totals.list, cur),
            amount_cell("discount", b.totals.discount, cur),
            escape(l.list_only)
        )
    } else {
        amount_cells(&b.totals, b.discount_percent, cur)
    };
    out.push_str(&format!(
        "<tfoot><tr class=\"hwc-total\"><th scope=\"row\" colspan=\"2\">{}</th>{final_cell}</tr></tfoot>\n</table>\n",
        l.total
    ));

    if !b.options.is_empty() {
        out.push_str(&format!(
            "<table class=\"hwc-options\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-share\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th></tr></thead>\n<tbody>\n",
            l.options, l.list, l.discount, l.share, l.final_price
        ));
        for o in &b.options {
            let mut name = escape(&o.type_name);
            if let Some(n) = &o.name {
                name.push_str(&format!(": {}", foreign(n)));
            }
            let (class, mark) = if o.best_offer {
                (
                    " hwc-best",
                    format!(" <strong class=\"hwc-best-mark\">{}</strong>", l.best),
                )
            } else {
                ("", String::new())
            };
            let code = o
                .type_code
                .map(|c| format!(" data-type=\"{c}\""))
                .unwrap_or_default();
            out.push_str(&format!(
                "<tr class=\"hwc-option{class}\"{code}><th scope=\"row\">{name}{mark}</th>{}</tr>\n",
                amount_cells(&o.amounts, o.discount_percent, cur)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }

    if let Some(p) = &b.projections {
        out.push_str(&format!(
            "<table class=\"hwc-projections\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th><th scope=\"col\" class=\"hwc-amount\">{}</th></tr></thead>\n<tbody>\n",
            l.projections, l.per_hour, l.per_month, l.per_year
        ));
        let rows = b
            .lines
            .iter()
            .filter_map(|line| {
                Some((
                    foreign(line.id.as_deref().unwrap_or("—")),
                    line.projection.as_ref()?,
                ))
            })
            .chain(p.total.as_ref().map(|t| (l.total.to_owned(), t)));
        for (name, proj) in rows {
            let mark = if proj.exact { "" } else { l.approx };
            let cell = |v: Decimal| {
                format!(
                    "<td class=\"hwc-amount\" data-value=\"{v}\">{mark}{}</td>",
                    escape(&money(v, cur))
                )
            };
            out.push_str(&format!(
                "<tr><th scope=\"row\">{name}</th>{}{}{}</tr>\n",
                cell(proj.per_hour),
                cell(proj.per_month),
                cell(proj.per_year)
            ));
        }
        out.push_str(&format!(
            "</tbody>\n</table>\n<p class=\"hwc-assumption\">{}</p>\n",
            escape(&p.assumption)
        ));
    }

    if !b.failures.is_empty() {
        out.push_str(&format!(
            "<h3 class=\"hwc-heading\">{}</h3>\n<ul class=\"hwc-failures\">\n",
            l.failures
        ));
        for f in &b.failures {
            out.push_str(&format!(
                "<li>{}: <code>{}</code> {}</li>\n",
                foreign(f.id.as_deref().unwrap_or("—")),
                escape(f.code.as_deref().unwrap_or("")),
                foreign(f.message.as_deref().unwrap_or(""))
            ));
        }
        out.push_str("</ul>\n");
    }
    if !b.warnings.is_empty() {
        out.push_str(&format!(
            "<h3 class=\"hwc-heading\">{}</h3>\n<ul class=\"hwc-warnings\">\n",
            l.notes
        ));
        for w in &b.warnings {
            out.push_str(&format!(
                "<li data-code=\"{}\">{}</li>\n",
                w.code,
                escape(&w.message)
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

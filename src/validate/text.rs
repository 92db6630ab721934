//! Untrusted text inside our own messages: quoted unambiguously, cut when long, with characters that could
//! hide or reorder what surrounds them made visible.

use std::fmt;

use crate::language::Language;

/// Characters of a quoted or cut string kept in a message.
pub const SHOWN_CHARS: usize = 40;

/// Whether a character hides or reorders text: bidirectional controls, direction marks, line and paragraph
/// separators, zero-width characters and the byte order mark.
pub fn is_hidden_char(ch: char) -> bool {
    matches!(
        ch,
        '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` cut after `max` characters, with `…` when something was cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// Sorts names for messages.
pub(crate) fn sort_names(names: &mut [&str]) {
    super::sort::sort(names);
}

/// A string quoted for a message, cut after [`SHOWN_CHARS`] characters.
pub fn quote(text: &str) -> String {
    Quoted(&cut(text, SHOWN_CHARS)).to_string()
}

/// A string in double quotes, with `"`, `\` and control characters escaped (`\n`, `\u{202e}`), so that what a
/// message shows is unambiguous and cannot reorder or break the text around it. Whole, unlike [`quote`].
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use std::fmt::Write as _;
        f.write_char('"')?;
        for ch in self.0.chars() {
            match ch {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() || is_hidden_char(c) => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Items named in a list at most; the rest are counted.
const LISTED_ITEMS: usize = 5;

/// `"a", "b", "c", "d", "e" and 3 more` (in Chinese `… 等 8 项`): item ids for a message, quoted.
pub(crate) fn quoted_list<S: AsRef<str>>(items: &[S], language: Language) -> String {
    let mut list = items
        .iter()
        .take(LISTED_ITEMS)
        .map(|i| Quoted(i.as_ref()).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > LISTED_ITEMS {
        list.push_str(&language.pick(
            format!(" and {} more", items.len() - LISTED_ITEMS),
            format!(" 等 {} 项", items.len()),
        ));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_cut_and_reveal() {
        assert_eq!(quote("a\"b\n\u{202E}c"), r#""a\"b\n\u{202e}c""#);
        assert_eq!(quote(&"x".repeat(50)), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(cut("abc", 2), "ab…");
        assert_eq!(cut("abc", 3), "abc");
        for hidden in ['\u{200B}', '\u{2028}', '\u{FEFF}', '\u{202E}', '\u{2067}'] {
            assert!(is_hidden_char(hidden), "{hidden:?}");
        }
        assert!(!is_hidden_char('é'));
    }
}

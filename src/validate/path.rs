//! Where a value sits in an inquiry, in wire names: `product_infos[2].resource_size`.
//!
//! A `Path` is a borrowed chain from the value up to the root, so walking an input costs no allocation;
//! the text form is rendered only when a violation is recorded. A key longer than [`KEY_SHOWN_CHARS`]
//! characters (only an unknown field's name can be) is cut, so a huge name is never echoed whole.

use std::fmt;

/// Characters of a field name kept in a rendered path.
pub const KEY_SHOWN_CHARS: usize = 64;

/// A location inside an inquiry, built while walking it.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The inquiry itself.
    Root,
    /// A field of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An element of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of field `key` below this one.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of element `index` below this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The wire-name text of this path; the root renders as the empty string.
    pub fn render(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => write_key(f, key),
            Path::Key(parent, key) => {
                write!(f, "{parent}.")?;
                write_key(f, key)
            }
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

fn write_key(f: &mut fmt::Formatter<'_>, key: &str) -> fmt::Result {
    match key.char_indices().nth(KEY_SHOWN_CHARS) {
        Some((at, _)) => write!(f, "{}…", key.get(..at).unwrap_or(key)),
        None => f.write_str(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_wire_paths() {
        let root = Path::Root;
        let infos = root.key("product_infos");
        let second = infos.index(2);
        assert_eq!(
            second.key("resource_size").render(),
            "product_infos[2].resource_size"
        );
        assert_eq!(root.key("project_id").render(), "project_id");
        assert_eq!(
            root.key("resource_ids").index(1).render(),
            "resource_ids[1]"
        );
        assert_eq!(root.render(), "");
        let long = "k".repeat(10_000);
        assert_eq!(
            root.key(&long).render(),
            format!("{}…", "k".repeat(KEY_SHOWN_CHARS))
        );
    }
}

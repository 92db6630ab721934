//! Machinery for checking untrusted input, independent of any one API: wire-name paths, violations collected
//! all at once, one-pass readers over JSON text, readers of options objects, and name suggestions.

pub(crate) mod messages;
pub mod options;
pub mod path;
pub(crate) mod read;
pub(crate) mod scalar;
pub(crate) mod sort;
pub mod suggest;
pub mod text;
pub mod violation;

pub use messages::bags;
pub use options::{InvalidOptions, OptionMap, OptionReader, OptionSource, OptionValue};
pub use path::Path;
pub use read::Unsendable;
pub use scalar::IntRule;
pub use violation::{Rule, Violation, Violations, MAX_LISTED};

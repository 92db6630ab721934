//! Machinery for checking untrusted input, independent of any one API: paths in wire names, violations
//! collected all at once, readers over JSON values, and name suggestions.

pub mod input;
pub mod path;
pub mod suggest;
pub mod violation;

pub use input::IntRule;
pub use path::Path;
pub use violation::{Rule, Violation, Violations};

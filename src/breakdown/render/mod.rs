//! A breakdown for people (text, HTML, Markdown for pull-request comments) and programs (CSV, JSON); pure
//! functions of a [`Breakdown`].
//!
//! [`Breakdown`]: super::Breakdown

pub mod csv;
pub mod format;
pub mod html;
mod json;
pub mod markdown;
pub mod text;

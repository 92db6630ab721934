//! The catalogue layer's sentences, in English and Chinese: what a gathered list warns of, and why a unit
//! conversion or a document is refused.

use super::paging::{PagingError, PagingWarning};
use super::value::{ConvertError, DocumentError};
use crate::language::Language;

impl PagingWarning {
    /// The warning for people, naming the look-up (`service-types`).
    pub fn message(&self, lookup: &str, language: Language) -> String {
        match self {
            PagingWarning::TotalChanged { from, to } => language.pick(
                format!("{lookup}: the service's total changed from {from} to {to} while its pages were read; the list was read again from the start."),
                format!("{lookup}：读取分页期间服务报告的总数从 {from} 变为 {to}；已从头重新读取。"),
            ),
            PagingWarning::StillChanging { passes } => language.pick(
                format!("{lookup}: the list kept changing through {passes} readings; every entry seen is kept once, and some may no longer exist."),
                format!("{lookup}：列表在 {passes} 次读取中一直在变化；已保留见到的每个条目（各一次），其中一些可能已不存在。"),
            ),
            PagingWarning::Short { reported, received } => language.pick(
                format!("{lookup}: the service reported {reported} entries but gave {received}."),
                format!("{lookup}：服务报告共有 {reported} 个条目，但只返回了 {received} 个。"),
            ),
        }
    }
}

impl PagingError {
    /// Why gathering stopped, for people.
    pub fn message(&self, lookup: &str, language: Language) -> String {
        match self {
            PagingError::TooManyPages(n) => language.pick(
                format!("{lookup}: stopped after {n} pages, the most one look-up reads."),
                format!("{lookup}：已读取 {n} 页（单次查询的上限），停止读取。"),
            ),
            PagingError::TooManyEntries(n) => language.pick(
                format!("{lookup}: stopped at {n} entries, the most one look-up gathers."),
                format!("{lookup}：已达到 {n} 个条目（单次查询的上限），停止读取。"),
            ),
        }
    }
}

impl ConvertError {
    /// Why the conversion is refused, for people.
    pub fn message(&self, language: Language) -> String {
        match self {
            ConvertError::UnknownUnit(id) => language.pick(
                format!("Unit {id} is not in the catalogue."),
                format!("目录中没有计量单位 {id}。"),
            ),
            ConvertError::DifferentTypes { from, from_type, to, to_type } => language.pick(
                format!("Unit {from} (measure type {from_type}) cannot be converted to unit {to} (measure type {to_type}): they measure different things."),
                format!("计量单位 {from}（度量类型 {from_type}）不能换算为计量单位 {to}（度量类型 {to_type}）：二者度量的不是同一种量。"),
            ),
            ConvertError::NoPath { from, to } => language.pick(
                format!("No conversion of the catalogue leads from unit {from} to unit {to}."),
                format!("目录中没有从计量单位 {from} 到 {to} 的换算关系。"),
            ),
            ConvertError::Overflow => language
                .pick("The converted value does not fit an exact decimal.", "换算结果超出了精确小数的范围。")
                .to_owned(),
        }
    }
}

impl DocumentError {
    /// Why the document is refused, for people.
    pub fn message(&self, language: Language) -> String {
        match self {
            DocumentError::Invalid(detail) => language.pick(
                format!("Not a catalogue document: {detail}"),
                format!("不是目录文档：{detail}"),
            ),
            DocumentError::Version(found) => language.pick(
                format!("A catalogue document has format \"hwc-price-catalogue\" and version 1; this one has {found}."),
                format!("目录文档的 format 应为 \"hwc-price-catalogue\"、version 应为 1；此文档为 {found}。"),
            ),
            DocumentError::TooLarge(what) => language.pick(
                format!("The catalogue document is larger than this package reads ({what})."),
                format!("目录文档超出了本包可读取的大小（{what}）。"),
            ),
        }
    }
}

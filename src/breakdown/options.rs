//! How to build and show a breakdown, and reading those options as JavaScript passes them.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::catalogue::Catalogue;
use crate::language::Language;
use crate::validate::options::{OptionReader, OptionValue};
use crate::validate::{bags, InvalidOptions, Path, Rule};

/// The most hours a month may have for projections: 31 days.
const MAX_HOURS_PER_MONTH: i64 = 744;

/// Reads option `catalogue` of the options being read, reporting a bad one on the reader.
pub type CatalogueReader<'a> = &'a mut dyn FnMut(&mut OptionReader) -> Option<Rc<Catalogue>>;

/// How to build and show a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownOptions {
    /// Where units get their names and durations their length in hours, beside the built-in table.
    pub catalogue: Option<Rc<Catalogue>>,
    /// Language of labels, names and warnings.
    pub language: Language,
    /// Whether to project pay-per-use prices per hour, month and year.
    pub projections: bool,
    /// Hours in a month for projections (730 by default: 8,760 hours a year over 12 months).
    pub hours_per_month: Decimal,
}

impl BreakdownOptions {
    /// The defaults in `language`: no projections, 730 hours a month.
    pub fn new(language: Language) -> Self {
        BreakdownOptions {
            catalogue: None,
            language,
            projections: false,
            hours_per_month: Decimal::from(730),
        }
    }

    /// Reads `{ language, projections, hoursPerMonth }` as JavaScript passes them; absent values take the
    /// defaults, with `language` defaulting to `default_language`. Giving `hoursPerMonth` asks for projections
    /// unless `projections` says otherwise. Every problem is reported at once.
    pub fn read(value: OptionValue, default_language: Language) -> Result<Self, InvalidOptions> {
        Self::read_with(value, default_language, None)
    }

    /// [`BreakdownOptions::read`], with option `catalogue` too when `catalogue` reads it (the caller knows what
    /// a catalogue is where the options come from; it reports a bad one on the reader it is given).
    pub fn read_with(
        value: OptionValue,
        default_language: Language,
        catalogue: Option<CatalogueReader<'_>>,
    ) -> Result<Self, InvalidOptions> {
        let mut options = BreakdownOptions::new(default_language);
        let mut r = OptionReader::in_language(default_language);
        let Some(object) = r.root(value, "breakdown options") else {
            return r.finish(bags::BREAKDOWN).map(|()| options);
        };
        let o = object.as_ref();
        let root = Path::Root;
        if let Some(language) = r.read_language(o, &root) {
            options.language = language;
        }
        let known: &[&str] = if catalogue.is_some() {
            &["language", "projections", "hoursPerMonth", "catalogue"]
        } else {
            &["language", "projections", "hoursPerMonth"]
        };
        r.only(o, &root, known);
        if let Some(read) = catalogue {
            options.catalogue = read(&mut r);
        }
        let projections = r.boolean(o, &root, "projections");
        if let Some(p) = projections {
            options.projections = p;
        }
        if let Some(hours) = r.decimal(o, &root, "hoursPerMonth") {
            if hours > Decimal::ZERO && hours <= Decimal::from(MAX_HOURS_PER_MONTH) {
                options.hours_per_month = hours;
                options.projections = projections.unwrap_or(true);
            } else {
                r.fail(
                    &root.key("hoursPerMonth"),
                    Rule::Range,
                    format!("must be greater than 0 and at most {MAX_HOURS_PER_MONTH} (31 days), got {hours}"),
                );
            }
        }
        r.finish(bags::BREAKDOWN).map(|()| options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::OptionMap;

    fn object(map: OptionMap) -> OptionValue {
        OptionValue::Object(Box::new(map))
    }

    #[test]
    fn options_from_javascript() {
        let en = Language::English;
        let o = BreakdownOptions::read(OptionValue::Null, Language::Chinese).unwrap();
        assert_eq!((o.language, o.projections), (Language::Chinese, false));
        let o = BreakdownOptions::read(
            object(OptionMap::new().with("hoursPerMonth", OptionValue::Str("720.5".into()))),
            en,
        )
        .unwrap();
        assert!(o.projections, "giving hoursPerMonth asks for projections");
        assert_eq!(o.hours_per_month.to_string(), "720.5");
        let o = BreakdownOptions::read(
            object(
                OptionMap::new()
                    .with("hoursPerMonth", OptionValue::Number("744".into()))
                    .with("projections", OptionValue::Bool(false))
                    .with("language", OptionValue::Str("zh_CN".into())),
            ),
            en,
        )
        .unwrap();
        assert_eq!((o.projections, o.language), (false, Language::Chinese));
        let err = BreakdownOptions::read(
            object(
                OptionMap::new()
                    .with("language", OptionValue::Str("fr".into()))
                    .with("projection", OptionValue::Bool(true))
                    .with("hoursPerMonth", OptionValue::Number("0".into())),
            ),
            en,
        )
        .unwrap_err();
        let found: Vec<String> = err.violations.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "language: must be \"en_US\" or \"zh_CN\", got a string (\"fr\")",
                "projection: is not a known option; did you mean projections?",
                "hoursPerMonth: must be greater than 0 and at most 744 (31 days), got 0",
            ]
        );
        assert!(BreakdownOptions::read(OptionValue::Other("an array"), en).is_err());
        let bad_hours = BreakdownOptions::read(
            object(OptionMap::new().with("hoursPerMonth", OptionValue::Str("lots".into()))),
            en,
        )
        .unwrap_err();
        assert_eq!(
            bad_hours.violations.as_slice()[0].to_string(),
            "hoursPerMonth: must be a decimal number, got a string (\"lots\")"
        );
    }
}

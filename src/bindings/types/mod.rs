//! TypeScript declarations for every input and output shape, emitted into the package's `.d.ts`, one file per
//! area (each its own custom section; TypeScript merges the declarations that several areas extend).
//!
//! Wire-shaped objects keep the API's snake_case names, so a payload copied from the provider's price
//! calculator or API explorer type-checks as it is.

mod breakdown;
mod catalogue;
mod client;
mod comparison;
mod inquiry;

/// Every area's declarations, for native tests that check them against the Rust enums.
#[cfg(test)]
fn all() -> String {
    [
        inquiry::INQUIRY,
        client::CLIENT,
        breakdown::BREAKDOWN,
        catalogue::CATALOGUE,
        comparison::COMPARISON,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::all;
    use crate::validate::Rule;

    #[test]
    fn declares_every_rule_code() {
        let types = all();
        let rules = Rule::ALL;
        for rule in rules {
            assert!(
                types.contains(&format!("\"{}\"", rule.code())),
                "{rule:?} missing from the .d.ts"
            );
        }
        let declared = types
            .split("export type ViolationRule =")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        assert_eq!(
            declared.matches('"').count(),
            rules.len() * 2,
            "the .d.ts lists a rule Rust does not have"
        );
    }

    #[test]
    fn declares_every_breakdown_warning() {
        let types = all();
        for code in crate::breakdown::WARNING_CODES {
            assert!(types.contains(&format!("\"{code}\"")), "{code}");
        }
    }

    #[test]
    fn declares_every_inquiry_kind_and_path() {
        let types = all();
        for kind in crate::InquiryKind::ALL {
            assert!(types.contains(&format!("\"{}\"", kind.code())));
            assert!(types.contains(&format!("\"{}\"", kind.path())));
        }
    }
}

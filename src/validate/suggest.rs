//! "Did you mean …?" for unknown field names.

/// Misspellings that a plain edit distance would not catch, each with the wire name meant.
///
/// The API reference's parameter tables print `size_measurement_id`, while its examples and every official
/// SDK send `size_measure_id` (see `shared/spec/NOTES.md`), so the printed name is a likely paste.
const ALIASES: &[(&str, &str)] = &[("sizemeasurementid", "size_measure_id")];

/// Longest unknown name compared with the known ones (wire names have at most a few dozen characters).
const MAX_NAME_BYTES: usize = 64;

/// The known name that `unknown` most likely meant, if one is close enough.
///
/// Names are compared without case, `_` and `-` (so `usageValue` finds `usage_value`), then by edit distance
/// (Levenshtein with adjacent transpositions as one edit: strsim's optimal string alignment) of at most 2 (at
/// most 1 for short names).
pub fn closest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    // No wire name is near this long: a longer name is no misspelling, and comparing it would cost time in
    // proportion to its length times every known name's.
    if unknown.len() > MAX_NAME_BYTES {
        return None;
    }
    let wanted = normalize(unknown);
    if let Some((_, meant)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        if let Some(k) = known.iter().find(|k| *k == meant) {
            return Some(k);
        }
    }
    let limit = if wanted.chars().count() <= 5 { 1 } else { 2 };
    known
        .iter()
        .map(|k| (strsim::osa_distance(&wanted, &normalize(k)), *k))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "id",
        "region",
        "resource_size",
        "size_measure_id",
        "usage_value",
        "usage_measure_id",
        "product_infos",
        "project_id",
    ];

    #[test]
    fn suggests_the_meant_field() {
        let cases = [
            ("size_measurement_id", Some("size_measure_id")),
            ("sizeMeasurementId", Some("size_measure_id")),
            ("usageValue", Some("usage_value")),
            ("usageMeasureID", Some("usage_measure_id")),
            ("product_info", Some("product_infos")),
            ("projectid", Some("project_id")),
            ("regoin", Some("region")),
            ("resource_sise", Some("resource_size")),
            ("ID", Some("id")),
            ("colour", None),
            ("usage", None),
            ("period_type", None),
        ];
        for (unknown, expected) in cases {
            assert_eq!(closest(unknown, KNOWN), expected, "unknown {unknown}");
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        let edit_distance = strsim::osa_distance;
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn names_far_longer_than_any_wire_name_are_not_compared() {
        assert_eq!(
            closest(&format!("usage_value{}", "x".repeat(60)), KNOWN),
            None
        );
        assert_eq!(closest("usage_valeu", KNOWN), Some("usage_value"));
    }
}

//! "Did you mean …?" for unknown field names.

/// Misspellings that a plain edit distance would not catch, each with the wire name meant.
///
/// The API reference's parameter tables print `size_measurement_id`, while its examples and every official
/// SDK send `size_measure_id` (see `shared/spec/NOTES.md`), so the printed name is a likely paste.
const ALIASES: &[(&str, &str)] = &[("sizemeasurementid", "size_measure_id")];

/// The known name that `unknown` most likely meant, if one is close enough.
///
/// Names are compared without case, `_` and `-` (so `usageValue` finds `usage_value`), then by edit distance
/// of at most 2 (at most 1 for short names).
pub fn closest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let wanted = normalize(unknown);
    if let Some((_, meant)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        if let Some(k) = known.iter().find(|k| *k == meant) {
            return Some(k);
        }
    }
    let limit = if wanted.chars().count() <= 5 { 1 } else { 2 };
    known
        .iter()
        .map(|k| (edit_distance(&wanted, &normalize(k)), *k))
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

/// Levenshtein distance with adjacent transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rolling rows: two back (for transpositions), previous, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let substitute = previous.get(j).map_or(usize::MAX, |d| d + cost);
            let delete = previous.get(j + 1).map_or(usize::MAX, |d| d + 1);
            let insert = current.get(j).map_or(usize::MAX, |d| d + 1);
            let mut best = substitute.min(delete).min(insert);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca);
            if swapped {
                best = best.min(before.get(j - 1).map_or(usize::MAX, |d| d + 1));
            }
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = best;
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
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
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}

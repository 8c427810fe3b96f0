//! "Did you mean …?": the closest of a set of names to a misspelled one.

/// The candidate closest to `name`, when it is close enough to be what was meant: the same
/// name in another case, or at most one edit (an insertion, a deletion, a substitution or a
/// swap of two neighbours) per three characters, as rustc suggests names.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != name)
        .map(|candidate| {
            let distance = if candidate.eq_ignore_ascii_case(name) {
                0
            } else {
                distance(name, candidate)
            };
            (distance, candidate)
        })
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// The optimal string alignment distance between `a` and `b`: the fewest insertions,
/// deletions, substitutions and swaps of neighbours that turn one into the other.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two rows back (for swaps), the previous one, this one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, distance};

    #[test]
    fn distances() {
        assert_eq!(distance("message", "message"), 0);
        assert_eq!(distance("mesage", "message"), 1);
        assert_eq!(distance("mesasge", "message"), 1);
        assert_eq!(distance("stauts", "status"), 1);
        assert_eq!(distance("", "fix"), 3);
        assert_eq!(distance("colour", "cause"), 5);
    }

    #[test]
    fn suggestions() {
        let keys = [
            "status",
            "message",
            "error_type",
            "docs_url",
            "cause",
            "fix",
        ];
        assert_eq!(closest("mesage", keys), Some("message"));
        assert_eq!(closest("Status", keys), Some("status"));
        assert_eq!(closest("errortype", keys), Some("error_type"));
        assert_eq!(closest("docs_uri", keys), Some("docs_url"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("status", keys), None);
        assert_eq!(closest("feild", ["field", "secret"]), Some("field"));
    }
}

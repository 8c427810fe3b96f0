//! Composed catalogs, at compile time: the concatenation of a catalog's own entries and the
//! catalogs it wraps, the check that no `error_type` comes twice, and the entry of a named
//! variant for subsets. Every function is `const`, so that the derive's output evaluates
//! them into `static`s and reports a duplicate as a compile error.

use crate::model::ErrorInfo;

/// The longest message a failed check writes; a longer one is cut.
const MESSAGE_LEN: usize = 320;

/// `own` followed by each of `wrapped`, as one array of `N` entries (`N` being their total
/// length, which the caller computes the same way). When the composing enum is
/// `non_exhaustive`, so is each wrapped entry in it: the composed catalog may gain errors of
/// any status, whatever the wrapped catalog promises.
///
/// # Panics
///
/// At compile time, when `N` is not the total length.
#[must_use]
pub const fn compose<const N: usize>(
    own: &[ErrorInfo],
    wrapped: &[&'static [ErrorInfo]],
    non_exhaustive: bool,
) -> [ErrorInfo; N] {
    let filler = ErrorInfo::new("", "", 500, "", "", "");
    let mut out = [filler; N];
    let mut at = 0;
    let mut i = 0;
    while i < own.len() {
        out[at] = own[i];
        at += 1;
        i += 1;
    }
    let mut part = 0;
    while part < wrapped.len() {
        let entries = wrapped[part];
        let mut i = 0;
        while i < entries.len() {
            out[at] = entries[i];
            out[at].non_exhaustive |= non_exhaustive;
            at += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(
        at == N,
        "the composed catalog's length is not the sum of its parts"
    );
    out
}

/// The total length of `own` and `wrapped`: the `N` of [`compose`].
#[must_use]
pub const fn composed_len(own: usize, wrapped: &[&'static [ErrorInfo]]) -> usize {
    let mut len = own;
    let mut part = 0;
    while part < wrapped.len() {
        len += wrapped[part].len();
        part += 1;
    }
    len
}

/// Checks that no two entries of `catalog`, the composed catalog of `name` whose first
/// `own` entries are its own, share an `error_type`.
///
/// # Panics
///
/// At compile time, naming the `error_type` and the two variants that give it.
pub const fn assert_unique<const N: usize>(catalog: &[ErrorInfo; N], own: usize, name: &str) {
    if let Some((first, again)) = first_duplicate(catalog) {
        let mut message = Message::new();
        message.push("duplicate error_type `");
        message.push(catalog[first].error_type);
        message.push("` in the composed catalog of `");
        message.push(name);
        message.push("`: ");
        let mut index = first;
        loop {
            if index < own {
                message.push("its own `");
                message.push(name);
                message.push("::");
            } else {
                message.push("a wrapped catalog's `");
            }
            message.push(catalog[index].variant);
            message.push("`");
            if index == again {
                break;
            }
            message.push(" and ");
            index = again;
        }
        message.push(" both give it; rename one with `error_type = \"…\"`, or wrap only one catalog that has it");
        panic!("{}", message.as_str());
    }
}

/// The indices of the first two entries of `catalog` with the same `error_type`: each
/// entry is chained into one of `N` buckets by the hash of its type, and compared with
/// the entries of its bucket only, so that a catalog of thousands stays quick to check
/// (const evaluation is slow, and warns when it runs long).
#[must_use]
pub const fn first_duplicate<const N: usize>(catalog: &[ErrorInfo; N]) -> Option<(usize, usize)> {
    const NONE: usize = usize::MAX;
    let mut heads = [NONE; N];
    let mut next = [NONE; N];
    let mut again = 0;
    while again < N {
        let error_type = catalog[again].error_type;
        #[allow(clippy::cast_possible_truncation)] // the remainder is below `N`
        let bucket = (fnv1a(error_type.as_bytes()) % (N as u64)) as usize;
        let mut first = heads[bucket];
        while first != NONE {
            if same(catalog[first].error_type, error_type) {
                return Some((first, again));
            }
            first = next[first];
        }
        next[again] = heads[bucket];
        heads[bucket] = again;
        again += 1;
    }
    None
}

/// FNV-1a: a hash that const evaluation computes quickly, for the duplicate check only.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The entry of the variant named `variant` in `catalog`: for a subset, whose variants
/// are named after those of its catalog. A catalog's own entries come before the ones it
/// wraps, so its own variant is found first.
///
/// A name the catalog lacks gives an empty entry rather than a failed evaluation: the
/// derive's output also names `Catalog::Name`, which the compiler reports at the name,
/// with a suggestion.
#[must_use]
pub const fn entry_named(catalog: &[ErrorInfo], variant: &str) -> ErrorInfo {
    let mut i = 0;
    while i < catalog.len() {
        if same(catalog[i].variant, variant) {
            return catalog[i];
        }
        i += 1;
    }
    ErrorInfo::new("", "", 500, "", "", "")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A message built at compile time, where there is no `format!`.
struct Message {
    bytes: [u8; MESSAGE_LEN],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Self {
            bytes: [0; MESSAGE_LEN],
            len: 0,
        }
    }

    /// Appends `text`, whole characters only, as far as there is room.
    const fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < MESSAGE_LEN {
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        // Back off to a character boundary if the text was cut.
        while self.len > 0 && i < bytes.len() && (self.bytes[self.len - 1] & 0xC0) == 0x80 {
            self.len -= 1;
        }
    }

    const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "duplicate error_type in a composed catalog",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{compose, composed_len, entry_named, first_duplicate};
    use crate::ErrorInfo;

    const fn info(variant: &'static str, error_type: &'static str) -> ErrorInfo {
        ErrorInfo::new(
            variant,
            error_type,
            400,
            "m",
            "https://e.com",
            "https://e.com/400",
        )
    }

    static OWN: [ErrorInfo; 2] = [info("A", "a"), info("B", "b")];
    static INNER: [ErrorInfo; 1] = [info("C", "c")];

    #[test]
    fn composes_in_order() {
        const LEN: usize = composed_len(2, &[&INNER, &INNER]);
        let all: [ErrorInfo; LEN] = compose(&OWN, &[&INNER, &INNER], false);
        let types: Vec<&str> = all.iter().map(|info| info.error_type).collect();
        assert_eq!(types, ["a", "b", "c", "c"]);
        assert_eq!(first_duplicate(&all), Some((2, 3)));
        let first_three: [ErrorInfo; 3] = compose(&OWN, &[&INNER], false);
        assert_eq!(first_duplicate(&first_three), None);
        assert_eq!(first_duplicate::<0>(&[]), None);
        assert_eq!(entry_named(&all, "C").error_type, "c");
    }
}

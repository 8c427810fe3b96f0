//! The `error_type` → catalog index lookup: the run-time half of the perfect hash that
//! `#[derive(ApiError)]` builds at compile time.
//!
//! The derive hashes every `error_type` with a seed, gives each bucket (the hash's high
//! half) a pilot that sends its keys to free slots, and emits the pilots and the slots as a
//! static [`Lookup`]. A lookup hashes the string once, reads one pilot and one slot, and
//! compares one string: constant time whatever the catalog's size.
//!
//! The hash is `stytch_errors_shared::hash`, the one definition the derive's search uses too.

use stytch_errors_shared::hash::{bucket, hash, slot};

use crate::model::ErrorInfo;

/// A perfect-hash table from `error_type` to catalog index, built by the derive.
///
/// `pilots` (one per bucket) and `slots` (a catalog index or `u16::MAX` each) hold two bytes
/// a number, little-endian, a power of two of numbers each: byte strings keep the generated
/// code to one token per table.
#[doc(hidden)]
#[derive(Debug)]
pub struct Lookup {
    /// The seed of the hash.
    pub seed: u64,
    /// The pilot of each bucket.
    pub pilots: &'static [u8],
    /// The catalog index in each slot.
    pub slots: &'static [u8],
}

/// The `index`th little-endian `u16` of `bytes`, whose count of numbers is a power of two:
/// `index` is masked to it.
#[inline]
fn number(bytes: &[u8], index: usize) -> Option<u16> {
    let at = 2 * (index & (bytes.len() / 2).wrapping_sub(1));
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

impl Lookup {
    /// The index in `catalog` of the entry whose `error_type` is `error_type`.
    ///
    #[inline]
    #[must_use]
    pub fn index_of(&self, error_type: &str, catalog: &[ErrorInfo]) -> Option<usize> {
        let index = self.candidate(error_type)?;
        let info = catalog.get(index)?;
        same(info.error_type.as_bytes(), error_type.as_bytes()).then_some(index)
    }

    /// The index in `keys` of `key`, for a table built over a plain list of strings (as
    /// `StytchErrorType`'s is).
    #[inline]
    #[must_use]
    pub fn index_in(&self, key: &str, keys: &[&str]) -> Option<usize> {
        let index = self.candidate(key)?;
        same(keys.get(index)?.as_bytes(), key.as_bytes()).then_some(index)
    }

    /// The only index `key` can have: the one in its slot, still to be compared.
    #[inline]
    fn candidate(&self, key: &str) -> Option<usize> {
        let h = hash(self.seed, key.as_bytes());
        let pilot = number(self.pilots, bucket(h, self.pilots.len() / 2))?;
        #[allow(clippy::cast_possible_truncation)] // masked to the table's size
        Some(usize::from(number(self.slots, slot(h, pilot) as usize)?))
    }
}

/// `a == b`, without a call to `memcmp` for strings as short as `error_type`s: sixteen
/// bytes at a time, the last sixteen overlapping (or two overlapping eight-byte words).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if let (Some(a_last), Some(b_last)) = (a.last_chunk::<16>(), b.last_chunk::<16>()) {
        let (mut a_rest, mut b_rest) = (a, b);
        while let (Some(a_chunk), Some(b_chunk)) =
            (a_rest.first_chunk::<16>(), b_rest.first_chunk::<16>())
        {
            if a_chunk != b_chunk {
                return false;
            }
            (a_rest, b_rest) = (&a_rest[16..], &b_rest[16..]);
        }
        return a_last == b_last;
    }
    if let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) = (
        a.first_chunk::<8>(),
        a.last_chunk::<8>(),
        b.first_chunk::<8>(),
        b.last_chunk::<8>(),
    ) {
        return a_first == b_first && a_last == b_last;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn same_is_equality() {
        let base = b"invalid_organization_slug_for_the_project_in_question";
        for len in 0..base.len() {
            let a = &base[..len];
            assert!(same(a, a));
            assert!(!same(a, &base[..=len]));
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same(a, &b), "{len} {at}");
            }
        }
    }
}

//! The `error_type` → catalog index lookup: the run-time half of the perfect hash that
//! `#[derive(ApiError)]` builds at compile time.
//!
//! The derive hashes every `error_type` with a seed, gives each bucket (the hash's high
//! half) a pilot that sends its keys to free slots, and emits the pilots and the slots as a
//! static [`Lookup`]. A lookup hashes the string once, reads one pilot and one slot, and
//! compares one string: constant time whatever the catalog's size.
//!
//! [`hash`] and [`slot`] are written a second time in the derive crate (which cannot depend
//! on this one); both test the same known answers, and an integration test looks up every
//! `error_type` of a 1,000-variant enum.

use crate::error_info::ErrorInfo;

const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xbf58_476d_1ce4_e5b9;
const K2: u64 = 0x94d0_49bb_1331_11eb;

/// The high and low halves of the 128-bit product, folded together.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    #[allow(clippy::cast_possible_truncation)] // the two halves, on purpose
    let (low, high) = (product as u64, (product >> 64) as u64);
    low ^ high
}

/// Eight bytes from `at`, little-endian.
#[inline]
fn read8(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The hash of `key` under `seed`: every byte and the length counted, in one 64×64→128-bit
/// multiplication up to 16 bytes, two independent ones up to 32 (`error_type`s are mostly
/// 10 to 32 bytes long), one per 16 bytes beyond.
#[inline]
#[must_use]
pub fn hash(seed: u64, key: &[u8]) -> u64 {
    let len = key.len();
    let seed = seed ^ (len as u64).wrapping_mul(K0);
    if len <= 16 {
        let (a, b) = if len >= 8 {
            (read8(key, 0), read8(key, len - 8))
        } else {
            let mut word = [0; 8];
            word[..len].copy_from_slice(key);
            (u64::from_le_bytes(word), 0)
        };
        fold(a ^ K1, b ^ seed)
    } else if len <= 32 {
        fold(read8(key, 0) ^ K1, read8(key, 8) ^ seed)
            ^ fold(read8(key, len - 16) ^ K2, read8(key, len - 8) ^ seed)
    } else {
        let mut h = seed;
        let mut at = 0;
        while len - at > 16 {
            h = fold(read8(key, at) ^ K1, read8(key, at + 8) ^ h);
            at += 16;
        }
        fold(read8(key, len - 16) ^ K2, read8(key, len - 8) ^ h)
    }
}

/// Where a key with hash `h` lands in a bucket whose pilot is `pilot`, before masking to
/// the table's size: the pilot moves all of a bucket's keys at once.
#[inline]
#[must_use]
pub fn slot(h: u64, pilot: u16) -> u64 {
    h ^ u64::from(pilot)
}

/// A perfect-hash table from `error_type` to catalog index, built by the derive.
///
/// `pilots` (one per bucket) and `slots` (a catalog index or `u16::MAX` each) hold two bytes
/// a number, little-endian, a power of two of numbers each: byte strings keep the generated
/// code to one token per table.
#[doc(hidden)]
#[derive(Debug)]
pub struct Lookup {
    /// The seed of [`hash`].
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
        #[allow(clippy::cast_possible_truncation)] // masked to the table's size
        let pilot = number(self.pilots, (h >> 32) as usize)?;
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
    use super::{hash, same, slot};

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

    /// The same answers are checked in `stytch-errors-derive/src/lookup.rs`: the two copies
    /// of the hash must agree.
    #[test]
    fn known_answers() {
        assert_eq!(hash(5, b""), 0xbcb9_6521_9078_7c9e);
        assert_eq!(hash(1, b"a"), 0x4992_74c5_b65f_b7dc);
        assert_eq!(hash(7, b"use_https"), 0x65a8_fb0c_3857_ac8d);
        assert_eq!(hash(7, b"too_many_requests"), 0x046c_6645_0136_8a19);
        assert_eq!(
            hash(
                u64::MAX,
                b"unable_to_auth_magic_link_because_of_a_long_name"
            ),
            0xa4fa_4719_4b9a_1e3a
        );
        assert_eq!(slot(0x0123_4567_89ab_cdef, 0), 0x0123_4567_89ab_cdef);
        assert_eq!(slot(0x0123_4567_89ab_cdef, 513), 0x0123_4567_89ab_cfee);
    }
}

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

/// The hash of `key` under `seed`: sixteen bytes per multiplication, every byte and the
/// length counted.
#[inline]
#[must_use]
pub fn hash(seed: u64, key: &[u8]) -> u64 {
    let len = key.len();
    let mut h = seed ^ (len as u64).wrapping_mul(K0);
    let (a, b) = if len > 16 {
        let mut at = 0;
        while len - at > 16 {
            h = fold(read8(key, at) ^ K1, read8(key, at + 8) ^ h);
            at += 16;
        }
        (read8(key, len - 16), read8(key, len - 8))
    } else if len >= 8 {
        (read8(key, 0), read8(key, len - 8))
    } else {
        let mut word = [0; 8];
        word[..len].copy_from_slice(key);
        (u64::from_le_bytes(word), 0)
    };
    fold(a ^ K1, b ^ h ^ K2)
}

/// Where a key with hash `h` lands in a bucket whose pilot is `pilot`, before masking.
#[inline]
#[must_use]
pub fn slot(h: u64, pilot: u16) -> u64 {
    fold(h ^ u64::from(pilot).wrapping_mul(K0), K2)
}

/// A perfect-hash table from `error_type` to catalog index, built by the derive.
///
/// `P` and `S` are the byte lengths of the pilots (one per bucket) and of the slots (a
/// catalog index or `u16::MAX` each): two bytes a number, little-endian, a power of two of
/// numbers each. Byte strings keep the generated code to one token per table.
#[doc(hidden)]
#[derive(Debug)]
pub struct Lookup<const P: usize, const S: usize> {
    /// The seed of [`hash`].
    pub seed: u64,
    /// The pilot of each bucket.
    pub pilots: &'static [u8; P],
    /// The catalog index in each slot.
    pub slots: &'static [u8; S],
}

/// The `index`th little-endian `u16` of `bytes`, where the count of numbers is a power of
/// two: `index` is masked to it.
#[inline]
fn number<const N: usize>(bytes: &[u8; N], index: usize) -> Option<u16> {
    let at = 2 * (index & (N / 2).wrapping_sub(1));
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

impl<const P: usize, const S: usize> Lookup<P, S> {
    /// The index in `catalog` of the entry whose `error_type` is `error_type`.
    #[inline]
    #[must_use]
    pub fn index_of(&self, error_type: &str, catalog: &[ErrorInfo]) -> Option<usize> {
        let h = hash(self.seed, error_type.as_bytes());
        #[allow(clippy::cast_possible_truncation)] // masked to the table's size
        let pilot = number(self.pilots, (h >> 32) as usize)?;
        #[allow(clippy::cast_possible_truncation)] // masked to the table's size
        let index = usize::from(number(self.slots, slot(h, pilot) as usize)?);
        let info = catalog.get(index)?;
        (info.error_type == error_type).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::{hash, slot};

    /// The same answers are checked in `stytch-errors-derive/src/lookup.rs`: the two copies
    /// of the hash must agree.
    #[test]
    fn known_answers() {
        assert_eq!(hash(0, b""), 0x2dee_5c35_7147_7a81);
        assert_eq!(hash(1, b"a"), 0x8be6_66cb_df65_6da6);
        assert_eq!(hash(7, b"use_https"), 0x00a9_37e7_8d9c_9b50);
        assert_eq!(hash(7, b"too_many_requests"), 0xbd5d_5367_eb9b_374a);
        assert_eq!(
            hash(
                u64::MAX,
                b"unable_to_auth_magic_link_because_of_a_long_name"
            ),
            0xcf28_d014_3bc2_5902
        );
        assert_eq!(slot(0x0123_4567_89ab_cdef, 0), 0x67c7_15f3_d27a_d4e1);
        assert_eq!(slot(0x0123_4567_89ab_cdef, 513), 0xfce7_e197_7429_98be);
    }
}

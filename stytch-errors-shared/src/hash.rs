//! The hash of the `error_type` lookup table: the derive searches, with it, a seed and a
//! pilot per bucket that give every `error_type` of a catalog its own slot; the runtime
//! hashes a string once with the same function to find its slot.
//!
//! A table is `pilots` (one per bucket, picked by the hash's high half) and `slots` (a
//! catalog index or [`EMPTY`] each), both a power of two long: a key with hash `h` in a
//! bucket whose pilot is `p` is at `slot(h, p) & (slots - 1)`.

/// The first of three odd constants with well-mixed bits (from the golden ratio and
/// SplitMix64): the length's multiplier.
pub const K0: u64 = 0x9e37_79b9_7f4a_7c15;
/// The second: mixed into the first word of each multiplication.
pub const K1: u64 = 0xbf58_476d_1ce4_e5b9;
/// The third: mixed into the last words.
pub const K2: u64 = 0x94d0_49bb_1331_11eb;

/// A slot that holds no catalog index.
pub const EMPTY: u16 = u16::MAX;

/// The high and low halves of the 128-bit product of `a` and `b`, folded together.
///
/// ```
/// assert_eq!(stytch_errors_shared::hash::fold(1 << 63, 4), 2);
/// ```
#[inline]
#[must_use]
pub const fn fold(a: u64, b: u64) -> u64 {
    let product = (a as u128) * (b as u128);
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
///
/// ```
/// use stytch_errors_shared::hash::hash;
///
/// assert_eq!(hash(7, b"too_many_requests"), hash(7, b"too_many_requests"));
/// assert_ne!(hash(7, b"too_many_requests"), hash(7, b"too_many_request"));
/// ```
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
///
/// ```
/// assert_eq!(stytch_errors_shared::hash::slot(0x0123_4567_89ab_cdef, 513), 0x0123_4567_89ab_cfee);
/// ```
#[inline]
#[must_use]
pub const fn slot(h: u64, pilot: u16) -> u64 {
    h ^ pilot as u64
}

/// The bucket of hash `h` in a table of `buckets` buckets (a power of two).
///
/// ```
/// assert_eq!(stytch_errors_shared::hash::bucket(0x0000_0005_0000_0000, 4), 1);
/// ```
#[inline]
#[must_use]
pub const fn bucket(h: u64, buckets: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)] // masked to the table's size
    let high = (h >> 32) as usize;
    high & buckets.wrapping_sub(1)
}

#[cfg(test)]
mod tests {
    use super::{hash, slot};

    /// Answers that a change of the hash must change on purpose: the tables of every
    /// compiled catalog depend on them.
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

    #[test]
    fn every_byte_and_the_length_count() {
        let key = b"unauthorized_credentials_for_the_organization";
        let h = hash(3, key);
        for i in 0..key.len() {
            let mut changed = key.to_vec();
            changed[i] ^= 1;
            assert_ne!(hash(3, &changed), h, "byte {i}");
            assert_ne!(hash(3, &key[..i]), h, "prefix {i}");
        }
        assert_ne!(hash(4, key), h);
        assert_ne!(hash(3, b"ab\0"), hash(3, b"ab"));
    }
}

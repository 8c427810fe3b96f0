//! The `error_type` → catalog index table, built at compile time: a perfect hash.
//!
//! Every key is hashed with a seed; the hash's high half picks a bucket, and each bucket
//! has a pilot, searched here, that sends all of its keys to free slots of a power-of-two
//! table. At run time `stytch_errors::__private::Lookup` hashes the string once, reads one
//! pilot and one slot, and compares one string: constant time whatever the catalog's size.
//!
//! The hash, the slot and the bucket of a key are computed by `stytch_errors_shared::hash`,
//! the one definition that this search and the runtime's lookup both use.
//!
//! A pilot is a `u16` that moves (by exclusive or) the slots of its bucket, so a table has
//! at most 65,536 slots (32,768 variants). The search is bounded: when no seed works within
//! [`BUDGET`] slot probes (or the catalog is larger than that), [`build`] returns `None` and
//! the expansion falls back to a `match` on the string, slower but always correct.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use stytch_errors_shared::hash::{EMPTY, K1, K2, bucket, fold, hash, slot};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{LitStr, Token};

use crate::errors::Errors;

const SEEDS: u64 = 64;

pub const BUDGET: usize = 1 << 22;

/// A perfect-hash table over a set of distinct keys.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    pub seed: u64,
    /// One per bucket; a power-of-two count.
    pub pilots: Vec<u16>,
    /// The catalog index in each slot, or [`EMPTY`]; a power-of-two count.
    pub slots: Vec<u16>,
}

impl Table {
    /// The bucket of hash `h`.
    fn bucket(&self, h: u64) -> usize {
        bucket(h, self.pilots.len())
    }

    /// The index of `key`, as the run-time lookup finds it (with the keys for the final
    /// string comparison).
    #[cfg(test)]
    pub fn index_of(&self, keys: &[&str], key: &str) -> Option<usize> {
        let h = hash(self.seed, key.as_bytes());
        let pilot = self.pilots[self.bucket(h)];
        #[allow(clippy::cast_possible_truncation)]
        let position = slot(h, pilot) as usize & (self.slots.len() - 1);
        let index = usize::from(self.slots[position]);
        (keys.get(index) == Some(&key)).then_some(index)
    }
}

/// A table in which every key of `keys` (distinct, as `valid` checks) has its own slot, or
/// `None` when the search gives up within `budget` probes.
pub fn build(keys: &[&str], budget: usize) -> Option<Table> {
    let slots = (2 * keys.len()).next_power_of_two();
    // A pilot must be able to move a bucket to any slot.
    if keys.is_empty() || slots > usize::from(u16::MAX) + 1 {
        return None;
    }
    let buckets = keys.len().div_ceil(3).next_power_of_two();
    let mut budget = budget;
    (0..SEEDS).find_map(|attempt| {
        let seed = fold(attempt.wrapping_add(1).wrapping_mul(K1), K2);
        try_seed(keys, seed, buckets, slots, &mut budget)
    })
}

/// The pilots of one seed, or `None` when a bucket finds none (or the budget runs out).
fn try_seed(
    keys: &[&str],
    seed: u64,
    buckets: usize,
    slots: usize,
    budget: &mut usize,
) -> Option<Table> {
    let mut table = Table {
        seed,
        pilots: vec![0; buckets],
        slots: vec![EMPTY; slots],
    };
    let hashes: Vec<u64> = keys.iter().map(|key| hash(seed, key.as_bytes())).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (index, &h) in hashes.iter().enumerate() {
        members[table.bucket(h)].push(index);
    }
    let mask = slots - 1;
    // A pilot moves a bucket's keys together: two keys of a bucket that share a slot under
    // one pilot share it under all of them, and this seed cannot work.
    #[allow(clippy::cast_possible_truncation)] // masked to the table's size
    let home = |index: usize| hashes[index] as usize & mask;
    for bucket in &members {
        for (i, &a) in bucket.iter().enumerate() {
            if bucket[..i].iter().any(|&b| home(b) == home(a)) {
                return None;
            }
        }
    }
    // The largest buckets first, while the table is emptiest.
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(members[bucket].len()));
    let mut positions = Vec::new();
    // `slots <= u16::MAX + 1`, checked in `build`: every pilot below it is a `u16`.
    let pilots = (0..slots).filter_map(|pilot| u16::try_from(pilot).ok());
    for bucket in order {
        let bucket_keys = &members[bucket];
        if bucket_keys.is_empty() {
            break;
        }
        let found = pilots.clone().find(|&pilot| {
            positions.clear();
            for &index in bucket_keys {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                #[allow(clippy::cast_possible_truncation)] // masked to the table's size
                let position = slot(hashes[index], pilot) as usize & mask;
                if table.slots[position] != EMPTY {
                    return false;
                }
                positions.push(position);
            }
            true
        })?;
        table.pilots[bucket] = found;
        for (&index, &position) in bucket_keys.iter().zip(&positions) {
            // `keys.len() <= slots / 2 <= 32768`, checked in `build`.
            table.slots[position] = u16::try_from(index).unwrap_or(EMPTY);
        }
    }
    Some(table)
}

/// The body of `__index_of`: a perfect-hash lookup when the table is found, a `match` on
/// the string otherwise.
pub fn index_of_body(krate: &syn::Path, keys: &[&str]) -> TokenStream {
    match build(keys, BUDGET) {
        Some(table) => {
            let lookup = lookup_value(krate, &table);
            quote! {
                static __API_ERROR_LOOKUP: #krate::__private::Lookup = #lookup;
                __API_ERROR_LOOKUP.index_of(error_type, &__API_ERROR_CATALOG)
            }
        }
        None => match_body(keys),
    }
}

/// `table` as a `Lookup { … }` value of the runtime crate at `krate`.
fn lookup_value(krate: &syn::Path, table: &Table) -> TokenStream {
    let seed = table.seed;
    // Byte strings, two bytes a number: one token each, not thousands of literals for the
    // compiler to type.
    let bytes = |numbers: &[u16]| {
        let bytes: Vec<u8> = numbers.iter().flat_map(|n| n.to_le_bytes()).collect();
        Literal::byte_string(&bytes)
    };
    let (pilots, slots) = (bytes(&table.pilots), bytes(&table.slots));
    quote! {
        #krate::__private::Lookup {
            seed: #seed,
            pilots: #pilots,
            slots: #slots,
        }
    }
}

/// The input of `__lookup_table!`: `runtime_crate_path; "key", "key", …`.
struct TableInput {
    krate: syn::Path,
    keys: Punctuated<LitStr, Token![,]>,
}

impl Parse for TableInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let krate = input.parse()?;
        input.parse::<Token![;]>()?;
        let keys = Punctuated::parse_terminated(input)?;
        Ok(Self { krate, keys })
    }
}

/// The expansion of `__lookup_table!`: a `Lookup` value whose table sends each key to its
/// index in the list, for a hand-declared list of strings (the runtime's `index_in` looks
/// them up). A repeated key, or a list no table is found for, is a compile error.
pub fn table_macro(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<TableInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let values: Vec<String> = input.keys.iter().map(LitStr::value).collect();
    let mut errors = Errors::default();
    let keys = values
        .iter()
        .map(String::as_str)
        .zip(input.keys.iter().map(LitStr::span));
    errors.duplicates(keys, |value| {
        (format!("duplicate key {value:?}"), "first given here")
    });
    if let Err(error) = errors.finish() {
        return error.to_compile_error();
    }
    let keys: Vec<&str> = values.iter().map(String::as_str).collect();
    match build(&keys, BUDGET) {
        Some(table) => lookup_value(&input.krate, &table),
        None => syn::Error::new(
            Span::call_site(),
            format_args!(
                "no perfect-hash table found for these {} keys within the search's budget",
                keys.len()
            ),
        )
        .to_compile_error(),
    }
}

/// `match error_type { "a" => Some(0), … }`: linear, for when no table is found.
pub fn match_body(keys: &[&str]) -> TokenStream {
    let arms = keys
        .iter()
        .enumerate()
        .map(|(index, key)| quote!(#key => ::core::option::Option::Some(#index)));
    quote! {
        match error_type {
            #(#arms,)*
            _ => ::core::option::Option::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{BUDGET, EMPTY, build, match_body, table_macro};

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("error_type_number_{i}")).collect()
    }

    #[test]
    fn every_key_finds_itself_and_no_other() {
        for n in [1, 2, 3, 5, 17, 168, 1000, 3000] {
            let owned = keys(n);
            let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
            let table = build(&keys, BUDGET).expect("a table");
            assert!(table.pilots.len().is_power_of_two() && table.slots.len().is_power_of_two());
            let used = table.slots.iter().filter(|&&s| s != EMPTY).count();
            assert_eq!(used, n);
            for (index, key) in keys.iter().enumerate() {
                assert_eq!(table.index_of(&keys, key), Some(index), "{key}");
                assert_eq!(table.index_of(&keys, &format!("{key}_")), None);
                assert_eq!(table.index_of(&keys, &key[1..]), None);
            }
            assert_eq!(table.index_of(&keys, ""), None);
        }
    }

    #[test]
    fn the_search_is_deterministic() {
        let owned = keys(500);
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert_eq!(build(&keys, BUDGET), build(&keys, BUDGET));
    }

    #[test]
    fn the_search_gives_up_within_its_budget() {
        let many = keys(40_000);
        let owned = keys(1000);
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert_eq!(build(&keys, 100), None);
        assert_eq!(build(&[], BUDGET), None);
        // More keys than a `u16` pilot can move across the table.
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(build(&many, BUDGET), None);
        let match_tokens = match_body(&keys).to_string();
        assert!(match_tokens.contains("\"error_type_number_999\" =>"));
    }

    #[test]
    fn the_table_macro_builds_the_table_of_its_keys() {
        let tokens = table_macro(quote!(crate; "too_many_requests", "twitter_401",)).to_string();
        let table = build(&["too_many_requests", "twitter_401"], BUDGET).expect("a table");
        assert!(
            tokens.starts_with("crate :: __private :: Lookup {"),
            "{tokens}"
        );
        assert!(
            tokens.contains(&format!("seed : {}u64", table.seed)),
            "{tokens}"
        );
    }

    #[test]
    fn the_table_macro_rejects_a_repeated_key_at_both_places() {
        let tokens = table_macro(quote!(crate; "a", "b", "a", "a")).to_string();
        assert_eq!(tokens.matches("compile_error").count(), 4, "{tokens}");
        assert!(tokens.contains(r#"duplicate key \"a\""#), "{tokens}");
        assert!(tokens.contains("first given here"), "{tokens}");
        let tokens = table_macro(quote!(crate "a")).to_string();
        assert!(tokens.contains("compile_error"), "{tokens}");
    }
}

//! `from_error_type` and `info_for` go through a table the derive builds at compile time and
//! the runtime reads: the two halves hash the same way, or these lookups fail.
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::collections::HashMap;

use stytch_errors::ApiError;

/// The benchmarks' generated catalogs, under the strictest settings generated code meets.
#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[no_implicit_prelude]
mod generated {
    use ::std::string::String;

    include!("../../benches/catalogs/derive_1000.rs");

    /// The smaller catalog.
    pub mod small {
        use ::std::string::String;

        include!("../../benches/catalogs/derive_164.rs");
    }
}

use generated::Catalog1000;
use generated::small::Catalog164;

/// `error_type`s around the hash's eight- and sixteen-byte reads.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum Lengths {
    #[api_error(error_type = "a", message = "1")]
    One,
    #[api_error(error_type = "seven_7", message = "7")]
    Seven,
    #[api_error(error_type = "eight_88", message = "8")]
    Eight,
    #[api_error(error_type = "nine_9999", message = "9")]
    Nine,
    #[api_error(error_type = "fifteen_5555555", message = "15")]
    Fifteen,
    #[api_error(error_type = "sixteen_66666666", message = "16")]
    Sixteen,
    #[api_error(error_type = "seventeen_7777777", message = "17")]
    Seventeen,
    #[api_error(error_type = "thirty_two_3333333333333333333333", message = "32")]
    ThirtyTwo,
    #[api_error(error_type = "thirty_three_33333333333333333333", message = "33")]
    ThirtyThree,
    #[api_error(message = "The {field} value is invalid.")]
    WithField { field: String },
}

/// Strings near every key: one byte changed, dropped or added, and the key's case changed.
fn probes(keys: &[&str]) -> Vec<String> {
    let mut probes = vec![String::new(), "x".repeat(100), "unknown_error".into()];
    for key in keys {
        probes.push(format!("{key}_"));
        probes.push(format!("_{key}"));
        probes.push(key[..key.len() - 1].to_string());
        probes.push(key[1..].to_string());
        probes.push(key.to_uppercase());
        for at in 0..key.len() {
            let mut bytes = key.as_bytes().to_vec();
            bytes[at] = if bytes[at] == b'z' {
                b'a'
            } else {
                bytes[at] + 1
            };
            probes.push(String::from_utf8(bytes).unwrap());
        }
    }
    probes
}

/// Every `error_type` finds its own entry, every other string the entry of the key it
/// happens to equal or none.
fn check_lookups<E: ApiError + std::fmt::Debug>() {
    let catalog = E::catalog();
    let oracle: HashMap<&str, usize> = catalog
        .iter()
        .enumerate()
        .map(|(index, info)| (info.error_type, index))
        .collect();
    assert_eq!(oracle.len(), catalog.len());
    for (index, info) in catalog.iter().enumerate() {
        let found = E::info_for(info.error_type).expect(info.error_type);
        assert!(
            std::ptr::eq(found, &raw const catalog[index]),
            "{}",
            info.error_type
        );
        match E::from_error_type(info.error_type) {
            Some(error) => {
                assert!(info.is_unit);
                assert_eq!(error.error_type(), info.error_type);
            }
            None => assert!(!info.is_unit, "{}", info.error_type),
        }
    }
    let keys: Vec<&str> = oracle.keys().copied().collect();
    for probe in probes(&keys) {
        let expected = oracle.get(probe.as_str()).map(|&index| &catalog[index]);
        assert_eq!(E::info_for(&probe), expected, "{probe:?}");
        if expected.is_none() {
            assert!(E::from_error_type(&probe).is_none(), "{probe:?}");
        }
    }
}

#[test]
fn a_thousand_error_types_round_trip() {
    assert_eq!(Catalog1000::catalog().len(), 1000);
    check_lookups::<Catalog1000>();
}

#[test]
fn a_catalog_of_stytch_size_round_trips() {
    assert_eq!(Catalog164::catalog().len(), 164);
    check_lookups::<Catalog164>();
}

#[test]
fn keys_of_every_length_round_trip() {
    check_lookups::<Lengths>();
    assert_eq!(Lengths::from_error_type("a"), Some(Lengths::One));
    assert_eq!(
        Lengths::from_error_type("seventeen_7777777"),
        Some(Lengths::Seventeen)
    );
    assert_eq!(Lengths::from_error_type("with_field"), None);
    let with_field = Lengths::WithField {
        field: "email".into(),
    };
    assert_eq!(Lengths::info_for("with_field"), Some(with_field.info()));
}

/// One variant: the smallest table.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Single {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
}

#[test]
fn a_single_error_type_round_trips() {
    check_lookups::<Single>();
    assert_eq!(
        Single::from_error_type("too_many_requests"),
        Some(Single::TooManyRequests)
    );
    assert_eq!(Single::from_error_type("too_many_request"), None);
}

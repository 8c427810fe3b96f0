//! Property tests: random values of every kind of variant (unit, details, message fields,
//! both, a tuple, transparent, a subset's), rendered in every shape the server writes and
//! read back by the client: the same result in every shape, and the values sent.

use proptest::prelude::*;
use stytch_errors::{ApiError, ErrorKind, StytchError, parse_response, to_http_response};

use super::SHAPES;
use super::summary::{Summary, summary};

/// proptest's configuration, which reads `PROPTEST_CASES`, without a regressions file.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A catalog wrapped below, with values that come back.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/inner-errors", round_trip)]
enum Inner {
    #[api_error(status = 409, message = "The cart changed.")]
    Changed {
        #[api_error(details)]
        removed: Vec<u128>,
        #[api_error(details)]
        total: Option<i64>,
    },
    #[api_error(status = 418, message = "A teapot.")]
    Teapot,
}

/// A variant of every kind.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum Wide {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    Unit,
    #[api_error(status = 422, message = "Numbers.")]
    Numbers {
        #[api_error(details)]
        small: i64,
        #[api_error(details)]
        big: u128,
        #[api_error(details)]
        signed: i128,
        #[api_error(details)]
        text: String,
    },
    #[api_error(status = 400, message = "The {field} value {value} is invalid.")]
    Message { field: String, value: u64 },
    #[api_error(status = 409, message = "{note}")]
    Mixed {
        note: String,
        #[api_error(details)]
        ids: Vec<u64>,
    },
    #[api_error(status = 400, message = "Deep.")]
    Deep {
        #[api_error(details)]
        value: serde_json::Value,
    },
    #[api_error(status = 404, message = "No item {0}.")]
    Tuple(String),
    #[api_error(transparent)]
    Inner(Inner),
    #[api_error(transparent)]
    Stytch(StytchError),
}

/// An endpoint's errors, drawn from `Wide`.
#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
#[api_error(subset_of = "Wide")]
enum WideSubset {
    Unit,
}

/// How deep `value` nests.
fn depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn leaf() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ]
}

/// A value nested `0..=160` levels deep (past `serde_json`'s limit of 128), in arrays and
/// objects.
fn deep() -> impl Strategy<Value = serde_json::Value> {
    (
        leaf(),
        prop::collection::vec((any::<bool>(), "[a-z\"\\\\é]{0,4}"), 0..=160),
    )
        .prop_map(|(leaf, levels)| {
            levels.into_iter().fold(leaf, |inner, (array, key)| {
                if array {
                    serde_json::Value::Array(vec![inner])
                } else {
                    serde_json::Value::Object([(key, inner)].into_iter().collect())
                }
            })
        })
}

fn wide() -> impl Strategy<Value = Wide> {
    prop_oneof![
        Just(Wide::Unit),
        (any::<i64>(), any::<u128>(), any::<i128>(), any::<String>()).prop_map(
            |(small, big, signed, text)| Wide::Numbers {
                small,
                big,
                signed,
                text,
            }
        ),
        (any::<String>(), any::<u64>()).prop_map(|(field, value)| Wide::Message { field, value }),
        (any::<String>(), prop::collection::vec(any::<u64>(), 0..4))
            .prop_map(|(note, ids)| Wide::Mixed { note, ids }),
        deep().prop_map(|value| Wide::Deep { value }),
        any::<String>().prop_map(Wide::Tuple),
        (
            prop::collection::vec(any::<u128>(), 0..4),
            any::<Option<i64>>()
        )
            .prop_map(|(removed, total)| Wide::Inner(Inner::Changed { removed, total })),
        Just(Wide::Inner(Inner::Teapot)),
        prop::sample::select(vec![
            StytchError::TooManyRequests,
            StytchError::UnableToAuthMagicLink,
            StytchError::InternalServerError,
        ])
        .prop_map(Wide::Stytch),
    ]
}

/// What the client must get back for `sent`: the value where the body carries all of it,
/// else its catalog entry.
fn expected_kind(sent: &Wide) -> ErrorKind<Wide> {
    match sent {
        Wide::Message { .. } | Wide::Mixed { .. } | Wide::Tuple(_) => {
            ErrorKind::Cataloged(sent.info())
        }
        // Typed details are read within `serde_json`'s limit of 128 levels, in every shape.
        Wide::Deep { value } if depth(value) >= 128 => ErrorKind::Cataloged(sent.info()),
        other => ErrorKind::Known(other.clone()),
    }
}

/// `error` rendered in every shape and read back as `E`'s.
fn every_shape<E: ApiError + Clone, S: ApiError>(error: &S, id: &str) -> Vec<Summary<E>> {
    SHAPES
        .iter()
        .map(|format| {
            let response = to_http_response(error, id, *format);
            let error = parse_response::<E, _>(response).expect_err("an error status");
            assert_eq!(error.request_id(), Some(id));
            summary(error.parsed().expect("an error body"))
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_variant_reads_back_alike_in_every_shape(
        sent in wide(),
        id in "request-id-[a-z0-9-]{1,36}",
    ) {
        let details = sent
            .to_body(&id)
            .error_details
            .map(|details| details.get().to_owned());
        let expected = (
            expected_kind(&sent),
            Some(sent.status_code()),
            id.clone(),
            sent.error_type().to_owned(),
            sent.error_message().into_owned(),
            sent.error_url().to_owned(),
            details,
        );
        for got in every_shape::<Wide, _>(&sent, &id) {
            prop_assert_eq!(&got, &expected);
        }
    }

    #[test]
    fn a_subsets_error_reads_back_alike_in_every_shape(id in "request-id-[a-z0-9-]{1,36}") {
        for got in every_shape::<WideSubset, _>(&WideSubset::Unit, &id) {
            prop_assert_eq!(got.0, ErrorKind::Known(WideSubset::Unit));
            prop_assert_eq!(got.4, "Too many requests have been made.");
        }
        for got in every_shape::<Wide, _>(&WideSubset::Unit, &id) {
            prop_assert_eq!(got.0, ErrorKind::Known(Wide::Unit));
        }
    }
}

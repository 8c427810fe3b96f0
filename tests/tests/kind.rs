//! `kind = "…"`: a fieldless kind per variant, from a value, a catalog entry, a parsed body
//! and a failed response, for own, wrapped and subset variants alike.
#![deny(warnings, missing_docs, clippy::pedantic)]

use stytch_errors::{ApiError, CatalogKind, ClientError, StytchError, parse_error, parse_response};

/// A catalog wrapped below.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/cart-errors", kind = "CartErrorKind")]
enum CartError {
    #[api_error(status = 409, message = "The cart changed.")]
    Changed,
    #[api_error(status = 422, message = "Item {0} is out of stock.")]
    OutOfStock(u64),
}

/// A catalog of every kind of variant, wrapping two others.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "NoteErrorKind")]
#[non_exhaustive]
enum NoteError {
    #[api_error(status = 404, message = "No note {note_id}.")]
    NoteNotFound { note_id: u64 },
    #[api_error(transparent)]
    Stytch(StytchError),
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api_error(transparent)]
    Cart(CartError),
    #[api_error(status = 400, message = "Bad {0}.")]
    Bad(String),
}

/// An endpoint's errors.
#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
#[api_error(subset_of = "NoteError", kind = "LoginErrorKind")]
enum LoginError {
    Maintenance,
}

/// A generic catalog.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "GenericErrorKind")]
enum GenericError<T: std::fmt::Display + std::fmt::Debug> {
    #[api_error(status = 400, message = "Bad {value}.")]
    Bad { value: T },
}

fn samples() -> Vec<(NoteError, NoteErrorKind)> {
    vec![
        (
            NoteError::NoteNotFound { note_id: 7 },
            NoteErrorKind::NoteNotFound,
        ),
        (
            NoteError::Stytch(StytchError::TooManyRequests),
            NoteErrorKind::Stytch,
        ),
        (
            NoteError::Stytch(StytchError::InternalServerError),
            NoteErrorKind::Stytch,
        ),
        (NoteError::Maintenance, NoteErrorKind::Maintenance),
        (NoteError::Cart(CartError::Changed), NoteErrorKind::Cart),
        (
            NoteError::Cart(CartError::OutOfStock(3)),
            NoteErrorKind::Cart,
        ),
        (NoteError::Bad("x".into()), NoteErrorKind::Bad),
    ]
}

#[test]
fn every_value_has_its_kind() {
    for (error, kind) in samples() {
        assert_eq!(error.kind(), kind, "{error:?}");
        assert_eq!(
            NoteError::kind_of(error.error_type()),
            Some(kind),
            "{error:?}"
        );
    }
    assert_eq!(CartError::OutOfStock(1).kind(), CartErrorKind::OutOfStock);
    assert_eq!(LoginError::Maintenance.kind(), LoginErrorKind::Maintenance);
    assert_eq!(GenericError::Bad { value: 1 }.kind(), GenericErrorKind::Bad);
}

#[test]
fn every_catalog_entry_has_the_kind_of_its_variant() {
    let catalog = NoteError::catalog();
    let own = 3;
    let stytch = StytchError::catalog().len();
    for (index, info) in catalog.iter().enumerate() {
        let expected = match index {
            _ if index >= own + stytch => NoteErrorKind::Cart,
            _ if index >= own => NoteErrorKind::Stytch,
            _ => match info.variant {
                "NoteNotFound" => NoteErrorKind::NoteNotFound,
                "Maintenance" => NoteErrorKind::Maintenance,
                "Bad" => NoteErrorKind::Bad,
                other => panic!("{other}"),
            },
        };
        assert_eq!(
            NoteError::kind_at(index),
            Some(expected),
            "{index} {info:?}"
        );
    }
    assert_eq!(NoteError::kind_at(catalog.len()), None);
    assert_eq!(NoteError::kind_of("no_such_error"), None);
    assert_eq!(LoginError::kind_at(0), Some(LoginErrorKind::Maintenance));
    assert_eq!(LoginError::kind_at(1), None);
}

#[test]
fn a_parsed_body_has_its_kind_whether_or_not_its_values_came_back() {
    for (error, kind) in samples() {
        let body = error.to_json("request-id-test-1");
        let parsed = parse_error::<NoteError>(body.as_bytes()).unwrap();
        assert_eq!(parsed.variant_kind(), Some(kind), "{error:?}");
    }
    // No value: its field is not in the body.
    let parsed = parse_error::<NoteError>(br#"{"error_type":"note_not_found"}"#).unwrap();
    assert!(parsed.known().is_none());
    assert_eq!(parsed.variant_kind(), Some(NoteErrorKind::NoteNotFound));
    let parsed = parse_error::<NoteError>(br#"{"error_type":"brand_new"}"#).unwrap();
    assert_eq!(parsed.variant_kind(), None);
    let parsed = parse_error::<LoginError>(br#"{"error_type":"maintenance"}"#).unwrap();
    assert_eq!(parsed.variant_kind(), Some(LoginErrorKind::Maintenance));
}

#[test]
fn a_failed_response_has_its_kind() {
    let failed = |body: &str| -> ClientError<NoteError> {
        let response = http::Response::builder()
            .status(404)
            .body(body.to_owned())
            .unwrap();
        parse_response(response).unwrap_err()
    };
    let error = failed(&NoteError::NoteNotFound { note_id: 7 }.to_json("r"));
    let handled = match error.variant_kind() {
        Some(NoteErrorKind::NoteNotFound) => "not found",
        Some(NoteErrorKind::Stytch | NoteErrorKind::Cart) => "upstream",
        Some(NoteErrorKind::Maintenance | NoteErrorKind::Bad) => "ours",
        // `#[non_exhaustive]` is of no matter within the crate; the unknown error:
        None => "unknown",
    };
    assert_eq!(handled, "not found");
    assert_eq!(failed("<html></html>").variant_kind(), None);
    assert_eq!(failed(r#"{"error_type":"brand_new"}"#).variant_kind(), None);
}

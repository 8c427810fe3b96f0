//! `#[api_error(round_trip)]`: the variants whose every field is a details field come back
//! from `parse_error` with their values; the others, and details that do not deserialize,
//! give the catalog entry, never a parse error.
#![deny(warnings, missing_docs, clippy::pedantic)]

use stytch_errors::{ApiError, ErrorKind, parse_error};

/// A catalog that gives its values back.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum AppError {
    /// Details only.
    #[api_error(status = 422, message = "The {field} field is invalid.")]
    InvalidField {
        #[api_error(details)]
        field: String,
        #[api_error(details)]
        limit: Option<u32>,
    },
    /// A field that is not details.
    #[api_error(status = 404, message = "No user {user_id}.")]
    UserNotFound {
        user_id: u64,
        #[api_error(details)]
        hint: String,
    },
    /// A source is never details.
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[source] Disk),
}

/// An underlying error.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the disk is full")]
struct Disk;

/// The same catalog without the key.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum ServerOnly {
    #[api_error(status = 422, message = "The {field} field is invalid.")]
    InvalidField {
        #[api_error(details)]
        field: String,
    },
}

/// A generic catalog: its details type must deserialize for the catalog to round-trip.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum Generic<T: std::fmt::Debug + serde::Serialize> {
    #[api_error(status = 400, message = "Bad values.")]
    BadValues {
        #[api_error(details)]
        values: Vec<T>,
    },
}

fn body(error_type: &str, details: &str) -> String {
    format!(
        r#"{{"status_code":422,"request_id":"r-1","error_type":"{error_type}","error_message":"m","error_url":"u","error_details":{details}}}"#
    )
}

fn kind<E: ApiError>(body: &str) -> ErrorKind<E> {
    parse_error::<E>(body.as_bytes())
        .expect("an error body")
        .kind
}

#[test]
fn a_details_only_variant_comes_back_with_its_values() {
    let sent = AppError::InvalidField {
        field: "email".into(),
        limit: Some(3),
    };
    let body = sent.to_json("r-1");
    assert_eq!(kind::<AppError>(&body), ErrorKind::Known(sent));
    // A member the body lacks is `null`, which an `Option` takes; unknown members are skipped.
    assert_eq!(
        kind::<AppError>(&self::body(
            "invalid_field",
            r#"{"field":"name","extra":[1,{"a":null}]}"#
        )),
        ErrorKind::Known(AppError::InvalidField {
            field: "name".into(),
            limit: None,
        })
    );
}

#[test]
fn details_that_do_not_deserialize_give_the_catalog_entry() {
    let cataloged = ErrorKind::Cataloged(&AppError::catalog()[0]);
    for details in [
        r#"{"field":3}"#,
        r#"{"limit":3}"#,
        r#"{"field":"email","limit":-1}"#,
        r#"{"field":"email","limit":"3"}"#,
        r#"["email"]"#,
        r#""email""#,
        "null",
    ] {
        assert_eq!(
            kind::<AppError>(&body("invalid_field", details)),
            cataloged,
            "{details}"
        );
    }
    // No `error_details` at all.
    let body = br#"{"error_type":"invalid_field"}"#;
    assert_eq!(parse_error::<AppError>(body).unwrap().kind, cataloged);
}

#[test]
fn other_variants_stay_cataloged() {
    let sent = AppError::UserNotFound {
        user_id: 7,
        hint: "Sign up first.".into(),
    };
    let body = sent.to_json("r-1");
    let parsed = parse_error::<AppError>(body.as_bytes()).unwrap();
    assert_eq!(parsed.kind, ErrorKind::Cataloged(sent.info()));
    assert_eq!(parsed.error_message, "No user 7.");
    assert_eq!(
        parsed
            .error_details
            .as_deref()
            .map(serde_json::value::RawValue::get),
        Some(r#"{"hint":"Sign up first."}"#)
    );
    let sent = AppError::Internal(Disk);
    let body = sent.to_json("r-1");
    let parsed = parse_error::<AppError>(body.as_bytes()).unwrap();
    assert_eq!(parsed.kind, ErrorKind::Cataloged(sent.info()));
}

#[test]
fn without_the_key_nothing_changes() {
    let sent = ServerOnly::InvalidField {
        field: "email".into(),
    };
    let body = sent.to_json("r-1");
    let parsed = parse_error::<ServerOnly>(body.as_bytes()).unwrap();
    assert_eq!(parsed.kind, ErrorKind::Cataloged(sent.info()));
}

#[test]
fn a_generic_catalog_round_trips() {
    let sent = Generic::BadValues {
        values: vec![1_u8, 2, 3],
    };
    assert_eq!(
        kind::<Generic<u8>>(&sent.to_json("r-1")),
        ErrorKind::Known(sent)
    );
    // Values out of the type's range: the entry.
    assert!(matches!(
        kind::<Generic<u8>>(&body("bad_values", r#"{"values":[256]}"#)),
        ErrorKind::Cataloged(_)
    ));
}

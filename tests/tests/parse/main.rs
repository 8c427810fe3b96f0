//! `parse_error`: error bodies of both shapes in, typed errors out; every malformed body a
//! `ParseError`, never a panic.

mod refusals;
// Only the examples' bodies are read here, not their documentation.
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

use std::borrow::Cow;

use stytch_errors::{ApiError, ErrorKind, ParseError, ParsedError, StytchError, parse_error};

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
enum Catalog {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField { field: String },
}

const TOO_MANY: &str = r#"{"status_code":429,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#;

fn parse(body: &str) -> Result<ParsedError<'_, Catalog>, ParseError> {
    parse_error(body.as_bytes())
}

#[allow(
    clippy::ptr_arg,
    reason = "which variant of the `Cow` it is, is the question"
)]
fn is_borrowed(text: &Cow<'_, str>) -> bool {
    matches!(text, Cow::Borrowed(_))
}

#[test]
fn a_stytch_body_maps_to_its_unit_variant() {
    let error = parse(TOO_MANY).unwrap();
    assert_eq!(error.kind, ErrorKind::Known(Catalog::TooManyRequests));
    assert_eq!(error.known(), Some(&Catalog::TooManyRequests));
    assert_eq!(error.status_code, Some(429));
    assert_eq!(
        error.request_id,
        "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"
    );
    assert_eq!(error.error_type, "too_many_requests");
    assert_eq!(error.error_message, "Too many requests have been made.");
    assert_eq!(
        error.error_url,
        "https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"
    );
    assert!(error.error_details.is_none());
    assert_eq!(error.info().unwrap().variant, "TooManyRequests");
    assert_eq!(
        error.to_string(),
        "too_many_requests: Too many requests have been made."
    );
}

#[test]
fn strings_without_escapes_are_borrowed_from_the_input() {
    let error = parse(TOO_MANY).unwrap();
    for text in [
        &error.request_id,
        &error.error_type,
        &error.error_message,
        &error.error_url,
    ] {
        assert!(is_borrowed(text), "{text:?}");
        // Borrowed from the input itself, not from some other buffer.
        let range = TOO_MANY.as_bytes().as_ptr_range();
        assert!(range.contains(&text.as_ptr()), "{text:?}");
    }
}

#[test]
fn strings_with_escapes_are_unescaped_and_owned() {
    let body = r#"{"status_code":400,"request_id":"a\"b\\c\u00e9\n","error_type":"invalid_field","error_message":"The \"email\" value is invalid.","error_url":"https:\/\/stytch.com"}"#;
    let error = parse(body).unwrap();
    assert_eq!(error.request_id, "a\"b\\c\u{e9}\n");
    assert!(!is_borrowed(&error.request_id));
    assert_eq!(error.error_message, "The \"email\" value is invalid.");
    assert_eq!(error.error_url, "https://stytch.com");
    assert!(is_borrowed(&error.error_type));
}

#[test]
fn a_variant_with_fields_maps_to_its_catalog_entry() {
    let error = Catalog::InvalidField {
        field: "email".into(),
    };
    let body = error.to_json("request-id-test-1");
    let parsed = parse(&body).unwrap();
    let ErrorKind::Cataloged(info) = parsed.kind else {
        panic!("{:?}", parsed.kind);
    };
    assert_eq!(info, error.info());
    assert_eq!(parsed.info(), Some(error.info()));
    assert_eq!(parsed.known(), None);
    assert_eq!(parsed.error_message, "The email value is invalid.");
}

#[test]
fn an_unknown_error_type_is_kept_as_it_came() {
    let body = TOO_MANY.replace("too_many_requests", "added_next_month");
    let error = parse(&body).unwrap();
    assert_eq!(error.kind, ErrorKind::Unknown);
    assert_eq!(error.error_type, "added_next_month");
    assert_eq!(error.info(), None);
    assert_eq!(error.status_code, Some(429));
    assert_eq!(
        error.error_url,
        "https://stytch.com/docs/api-reference/b2b/api/errors/429#added_next_month"
    );
}

#[test]
fn error_details_are_kept_as_raw_json() {
    for details in [
        r#"{"field":"email","reason":["too long",{"max":64}]}"#,
        r#"["a", 1, true, null]"#,
        r#""text""#,
        "12.5e3",
        "false",
    ] {
        let body = format!(r#"{{"error_type":"bad","error_details":{details},"request_id":"r"}}"#);
        let error = parse(&body).unwrap();
        let raw = error.error_details.expect(details);
        assert_eq!(raw.get(), details);
        assert!(matches!(raw, Cow::Borrowed(_)));
        assert_eq!(error.request_id, "r");
    }
    let error = parse(r#"{"error_type":"bad","error_details":null}"#).unwrap();
    assert!(error.error_details.is_none());
}

#[test]
fn unknown_fields_are_skipped_whatever_they_hold() {
    let body = r#"{
        "extra": {"deep": [[[{"a": null}]]], "n": -1.5e300},
        "error_type": "unauthorized_credentials",
        "status_code": 401,
        "also": "a \"string\" with \\ escapes \u0000",
        "request_id": "r-2",
        "": [],
        "error_message": "Unauthorized credentials."
    }"#;
    let error = parse(body).unwrap();
    assert_eq!(
        error.kind,
        ErrorKind::Known(Catalog::UnauthorizedCredentials)
    );
    assert_eq!(error.status_code, Some(401));
    assert_eq!(error.request_id, "r-2");
    assert_eq!(error.error_message, "Unauthorized credentials.");
    assert_eq!(error.error_url, "");
}

#[test]
fn the_oauth2_shape_fills_the_same_fields() {
    let body = r#"{"status_code":400,"request_id":"r-3","error":"invalid_grant","error_description":"The code has expired.","error_uri":"https://example.com/oauth#invalid_grant"}"#;
    let error = parse(body).unwrap();
    assert_eq!(error.kind, ErrorKind::Unknown);
    assert_eq!(error.status_code, Some(400));
    assert_eq!(error.request_id, "r-3");
    assert_eq!(error.error_type, "invalid_grant");
    assert_eq!(error.error_message, "The code has expired.");
    assert_eq!(error.error_url, "https://example.com/oauth#invalid_grant");

    // RFC 6749's minimal body, with a type the catalog knows.
    let error = parse(r#"{"error":"too_many_requests"}"#).unwrap();
    assert_eq!(error.kind, ErrorKind::Known(Catalog::TooManyRequests));
    assert_eq!(error.status_code, None);
    assert_eq!(error.request_id, "");
    assert_eq!(error.error_message, "");
    assert_eq!(error.to_string(), "too_many_requests");
}

#[test]
fn stytch_fields_win_over_oauth2_fields() {
    let body = r#"{"error":"oauth","error_type":"too_many_requests","error_description":"d","error_message":"m","error_uri":"u","error_url":"url"}"#;
    let error = parse(body).unwrap();
    assert_eq!(error.error_type, "too_many_requests");
    assert_eq!(error.error_message, "m");
    assert_eq!(error.error_url, "url");
    // Whatever the order.
    let body = r#"{"error_url":"url","error_uri":"u","error_message":"m","error_description":"d","error_type":"too_many_requests","error":"oauth"}"#;
    let error = parse(body).unwrap();
    assert_eq!(error.error_type, "too_many_requests");
    assert_eq!(error.error_message, "m");
    assert_eq!(error.error_url, "url");
}

#[test]
fn null_fields_are_absent_fields() {
    let body = r#"{"status_code":null,"request_id":null,"error_type":"too_many_requests","error_message":null,"error_url":null,"error_details":null}"#;
    let error = parse(body).unwrap();
    assert_eq!(error.status_code, None);
    assert_eq!(error.request_id, "");
    assert_eq!(error.error_message, "");
    assert!(error.error_details.is_none());
    // A null `error_type` leaves the OAuth 2 `error` to name the type.
    let error = parse(r#"{"error_type":null,"error":"too_many_requests"}"#).unwrap();
    assert_eq!(error.kind, ErrorKind::Known(Catalog::TooManyRequests));
}

#[test]
fn parsing_a_body_without_escapes_does_not_allocate() {
    let with_details = r#"{"status_code":400,"request_id":"request-id-test-1","error_type":"invalid_field","error_message":"The email value is invalid.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#invalid_field","error_details":{"field":"email","max":64},"extra":[1,null]}"#;
    let oauth = r#"{"status_code":400,"error":"invalid_grant","error_description":"Expired.","error_uri":"https://example.com"}"#;
    let mut kinds = Vec::with_capacity(3);
    let counts = allocation_counter::measure(|| {
        for body in [with_details, TOO_MANY, oauth] {
            let error = parse(body).unwrap();
            kinds.push(error.kind);
        }
    });
    assert_eq!(counts.count_total, 0, "{counts:?}");
    assert!(matches!(kinds[0], ErrorKind::Cataloged(_)));
    assert_eq!(kinds[1], ErrorKind::Known(Catalog::TooManyRequests));
    assert_eq!(kinds[2], ErrorKind::Unknown);
    // The counter counts: an escape needs a buffer.
    let counts = allocation_counter::measure(|| {
        let error = parse(r#"{"error_type":"a\nb"}"#).unwrap();
        assert_eq!(error.error_type, "a\nb");
    });
    assert!(counts.count_total > 0, "{counts:?}");
}

/// Skipping a value nested two levels deep (in an unknown field or in `error_details`) uses
/// one small scratch buffer of `serde_json`'s: the whole cost of a deep value.
#[test]
fn skipping_nested_values_allocates_one_small_buffer() {
    let nested = r#"{"error_type":"x","extra":[[[[{"a":[{}]}]]]],"error_details":{"a":{"b":[1]}}}"#;
    let counts = allocation_counter::measure(|| {
        parse(nested).unwrap();
    });
    assert_eq!(counts.count_total, 1, "{counts:?}");
    assert!(counts.bytes_total <= 64, "{counts:?}");
}

#[test]
fn into_owned_outlives_the_input() {
    let owned = {
        let input = TOO_MANY.replace("request-id-test", "owned").into_bytes();
        let error = parse_error::<Catalog>(&input).unwrap();
        let error = {
            let mut with_details = error;
            with_details.error_details = Some(Cow::Owned(
                serde_json::value::RawValue::from_string("[1]".into()).unwrap(),
            ));
            with_details
        };
        error.into_owned()
    };
    assert!(owned.request_id.starts_with("owned-"));
    assert_eq!(owned.kind, ErrorKind::Known(Catalog::TooManyRequests));
    assert_eq!(owned.error_details.unwrap().get(), "[1]");
}

#[test]
fn a_parsed_error_is_an_error() {
    fn returns(body: &[u8]) -> Result<(), Box<dyn std::error::Error + '_>> {
        Err(Box::new(parse_error::<Catalog>(body)?))
    }
    let error = returns(TOO_MANY.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "too_many_requests: Too many requests have been made."
    );
    let error = returns(b"[]").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the error body is an array, not a JSON object"
    );
    let error = returns(br#"{"error_type":1}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the error body's `error_type` is invalid"
    );
    assert!(
        error.source().unwrap().to_string().contains("column"),
        "{:?}",
        error.source()
    );
}

#[test]
fn every_body_the_derive_writes_parses_back() {
    let errors = [
        Catalog::TooManyRequests,
        Catalog::UnauthorizedCredentials,
        Catalog::InvalidField {
            field: "a \"quoted\" \\ field\n".into(),
        },
    ];
    for error in errors {
        let json = error.to_json("request-id-test-1");
        let parsed = parse(&json).unwrap();
        assert_eq!(parsed.status_code, Some(error.status_code()));
        assert_eq!(parsed.error_type, error.error_type());
        assert_eq!(parsed.error_message, error.error_message());
        assert_eq!(parsed.error_url, error.error_url());
        assert_eq!(parsed.info(), Some(error.info()));
        if error.info().is_unit {
            assert_eq!(parsed.kind, ErrorKind::Known(error.clone()));
        }
    }
}

#[test]
fn every_example_of_stytchs_reference_pages_parses_to_its_variant() {
    let examples = support::all_examples();
    assert!(examples.len() > 100, "{}", examples.len());
    for example in &examples {
        // As the page prints it, indented over several lines.
        let parsed = parse_error::<StytchError>(example.json_text.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", example.json_text));
        let ErrorKind::Known(variant) = &parsed.kind else {
            panic!("{}: {:?}", example.error_type, parsed.kind);
        };
        assert_eq!(variant.error_type(), example.error_type);
        assert_eq!(parsed.status_code, Some(example.status_code));
        assert_eq!(parsed.request_id, example.request_id);
        assert_eq!(parsed.error_type, example.error_type);
        assert_eq!(parsed.error_message, example.error_message);
        assert_eq!(parsed.error_url, example.error_url);
        // And the body the catalog writes for the same request id reads the same.
        let again = variant.to_json(&example.request_id);
        let reparsed = parse_error::<StytchError>(again.as_bytes()).unwrap();
        assert_eq!(reparsed.kind, parsed.kind);
        assert_eq!(reparsed.error_message, parsed.error_message);
    }
}

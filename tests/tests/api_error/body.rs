//! The bodies of a derived catalog, checked byte for byte against `serde_json`'s
//! serialization of the same values, whatever the values hold.

use serde::Serialize;
use stytch_errors::{ApiError, ErrorBody};

use super::{AppError, REQUEST_ID, invalid};

#[derive(Serialize)]
struct HandWritten<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

fn serde_json_body(
    status_code: u16,
    request_id: &str,
    error_type: &str,
    message: &str,
    url: &str,
) -> String {
    serde_json::to_string(&HandWritten {
        status_code,
        request_id,
        error_type,
        error_message: message,
        error_url: url,
    })
    .unwrap()
}

#[test]
fn to_json_equals_serde_json_for_every_variant() {
    let errors = [
        AppError::TooManyRequests,
        invalid("email"),
        AppError::Positional("p".into(), 9),
        AppError::UseHttps,
        AppError::Argon2KeyLengthMismatch,
        AppError::InternalServerError(std::io::Error::other("boom")),
        AppError::Upstream {
            name: "billing",
            cause: std::fmt::Error,
        },
    ];
    for error in &errors {
        let expected = serde_json_body(
            error.status_code(),
            REQUEST_ID,
            error.error_type(),
            &error.error_message(),
            error.error_url(),
        );
        assert_eq!(error.to_json(REQUEST_ID), expected, "{error:?}");
        assert_eq!(
            serde_json::to_string(&error.to_body(REQUEST_ID)).unwrap(),
            expected
        );
        let mut buffer = b"prefix:".to_vec();
        error.write_json(REQUEST_ID, &mut buffer);
        assert_eq!(
            buffer,
            [b"prefix:".as_slice(), expected.as_bytes()].concat()
        );
    }
}

#[test]
fn the_documented_body_shape() {
    assert_eq!(
        AppError::TooManyRequests.to_json(REQUEST_ID),
        r#"{"status_code":429,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#
    );
}

#[test]
fn escaping_matches_serde_json() {
    let hostile = [
        "plain",
        "quote \" backslash \\ slash /",
        "controls \u{0}\u{1}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{1b}\u{1f} del \u{7f}",
        "non-ASCII é ß ✓ 😀 \u{2028}\u{2029} \u{feff}",
        "</script><script>alert(1)</script>",
        "\\u0000 looks escaped but is not",
        "",
    ];
    for value in hostile {
        for error in [invalid(value), AppError::Positional(value.to_owned(), 1)] {
            let json = error.to_json(value);
            let expected = serde_json_body(
                error.status_code(),
                value,
                error.error_type(),
                &error.error_message(),
                error.error_url(),
            );
            assert_eq!(json, expected, "{value:?}");
            let parsed: ErrorBody<'_> = serde_json::from_str(&json).unwrap();
            assert_eq!(parsed.request_id, value);
            assert_eq!(parsed.error_message, error.error_message());
        }
    }
}

#[test]
fn fields_not_in_the_message_never_reach_the_body() {
    let error = invalid("email");
    assert!(!error.to_json(REQUEST_ID).contains("hunter2"));
    assert!(!error.to_string().contains("hunter2"));
    assert!(
        !serde_json::to_string(&error.to_body(REQUEST_ID))
            .unwrap()
            .contains("hunter2")
    );
}

#[test]
fn example_json_is_the_body_of_a_unit_variant() {
    for info in AppError::catalog().iter().filter(|info| info.is_unit) {
        let error = AppError::from_error_type(info.error_type).unwrap();
        assert_eq!(info.example_json(REQUEST_ID), error.to_json(REQUEST_ID));
    }
}

#[test]
fn generic_catalogs() {
    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/errors", status = 400)]
    enum Generic<'a, T: std::fmt::Display> {
        #[api_error(message = "Bad {value} in {name}.")]
        Bad { name: &'a str, value: T },
    }
    let error = Generic::Bad {
        name: "age",
        value: 1.5,
    };
    assert_eq!(
        error.to_json("r"),
        serde_json_body(
            400,
            "r",
            "bad",
            "Bad 1.5 in age.",
            "https://example.com/errors/400#bad"
        )
    );
}

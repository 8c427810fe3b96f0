//! Every method of the `ApiError` trait on a derived catalog; its bodies, checked byte for
//! byte against `serde_json`'s serialization of the same values, are in `body.rs`.

mod body;

use std::borrow::Cow;
use std::error::Error as _;

use stytch_errors::ApiError;

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";
const DOCS: &str = "https://stytch.com/docs/api-reference/b2b/api/errors";

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
enum AppError {
    /// Too many requests hit the API too quickly.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    #[api_error(cause = "A retry loop without backoff.", cause = "A load test.")]
    #[api_error(fix = "Back off exponentially.")]
    TooManyRequests,
    /// A field failed validation.
    ///
    /// Second paragraph.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        field: String,
        #[allow(dead_code)]
        secret: String,
    },
    #[api_error(status = 400, message = "{0} of {1} ({0}) {{literal}}")]
    Positional(String, u32),
    #[api_error(
        status = 403,
        error_type = "use_https",
        message = "Use \"HTTPS\" \\ please."
    )]
    UseHttps,
    #[api_error(
        status = 401,
        docs_url = "https://stytch.com/docs/b2b/api/errors",
        error_type = "argon_2_key_length_mismatch",
        message = "The key_length value doesn't match."
    )]
    Argon2KeyLengthMismatch,
    #[api_error(status = 500, message = "Something went wrong.")]
    InternalServerError(#[from] std::io::Error),
    #[api_error(status = 502, message = "Upstream {name} failed.")]
    Upstream {
        name: &'static str,
        #[source]
        cause: std::fmt::Error,
    },
}

/// What a developer writes by hand today: the anchor the bodies must equal.
fn invalid(field: &str) -> AppError {
    AppError::InvalidField {
        field: field.to_owned(),
        secret: "hunter2".to_owned(),
    }
}

#[test]
fn status_type_and_url_come_from_the_attributes() {
    let error = AppError::TooManyRequests;
    assert_eq!(error.status_code(), 429);
    assert_eq!(error.status(), http::StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error.error_type(), "too_many_requests");
    assert_eq!(error.error_url(), format!("{DOCS}/429#too_many_requests"));

    let error = AppError::Argon2KeyLengthMismatch;
    assert_eq!(error.status(), http::StatusCode::UNAUTHORIZED);
    assert_eq!(error.error_type(), "argon_2_key_length_mismatch");
    assert_eq!(
        error.error_url(),
        "https://stytch.com/docs/b2b/api/errors/401#argon_2_key_length_mismatch"
    );
    assert_eq!(AppError::UseHttps.error_type(), "use_https");
    assert_eq!(
        invalid("x").error_url(),
        format!("{DOCS}/400#invalid_field")
    );
}

#[test]
fn messages_fill_in_fields_and_borrow_when_static() {
    assert!(matches!(
        AppError::TooManyRequests.error_message(),
        Cow::Borrowed("Too many requests have been made.")
    ));
    assert!(matches!(invalid("email").error_message(), Cow::Owned(_)));
    assert_eq!(
        invalid("email").error_message(),
        "The email value is invalid."
    );
    assert_eq!(
        AppError::Positional("a".into(), 2).error_message(),
        "a of 2 (a) {literal}"
    );
    assert_eq!(
        AppError::UseHttps.error_message(),
        "Use \"HTTPS\" \\ please."
    );
}

#[test]
fn display_is_the_message() {
    assert_eq!(
        AppError::TooManyRequests.to_string(),
        "Too many requests have been made."
    );
    assert_eq!(invalid("email").to_string(), "The email value is invalid.");
    let error = AppError::Upstream {
        name: "billing",
        cause: std::fmt::Error,
    };
    assert_eq!(error.to_string(), "Upstream billing failed.");
}

#[test]
fn display_writes_the_message_whole_whatever_the_flags() {
    let error = invalid("email");
    for shown in [
        format!("{error:.2}"),
        format!("{error:>40}"),
        format!("{error:<40}"),
        format!("{error:^8.3}"),
        format!("{error:+#}"),
    ] {
        assert_eq!(shown, "The email value is invalid.");
    }
    assert_eq!(
        format!("{:>40}", AppError::TooManyRequests),
        "Too many requests have been made."
    );
    assert_eq!(
        format!("{:.3}", AppError::Positional("a".into(), 7)),
        "a of 7 (a) {literal}"
    );
}

/// A `Display` that writes `ab` and then fails, as a buggy impl may.
#[derive(Debug)]
struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ab")?;
        Err(std::fmt::Error)
    }
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Fragile {
    #[api_error(status = 400, message = "The {value} value is invalid.")]
    Invalid { value: Failing },
}

#[test]
fn a_field_whose_display_fails_ends_its_text_on_every_path_without_a_panic() {
    let error = Fragile::Invalid { value: Failing };
    let message = "The ab value is invalid.";
    assert_eq!(error.error_message(), message);
    assert_eq!(error.to_string(), message);
    let mut shown = String::new();
    assert!(std::fmt::Write::write_fmt(&mut shown, format_args!("{error}")).is_ok());
    assert_eq!(shown, message);
    let json = error.to_json("r");
    assert_eq!(json, serde_json::to_string(&error.to_body("r")).unwrap());
    assert!(
        json.contains(&format!("\"error_message\":\"{message}\"")),
        "{json}"
    );
    let mut bytes = Vec::new();
    error.write_json("r", &mut bytes);
    assert_eq!(bytes, json.as_bytes());
    let response = stytch_errors::to_http_response(&error, "r", stytch_errors::BodyFormat::Stytch);
    assert_eq!(response.body(), &json);
    #[cfg(feature = "actix-web")]
    assert_eq!(
        actix_web::ResponseError::error_response(&error)
            .status()
            .as_u16(),
        400
    );
    #[cfg(feature = "axum")]
    assert_eq!(
        axum::response::IntoResponse::into_response(Fragile::Invalid { value: Failing }).status(),
        400
    );
}

#[test]
fn sources_and_from() {
    fn read() -> Result<Vec<u8>, AppError> {
        Ok(std::fs::read("/nonexistent/stytch-errors-test")?)
    }
    let error = read().unwrap_err();
    assert_eq!(error.error_type(), "internal_server_error");
    assert_eq!(error.status_code(), 500);
    let source = error.source().expect("the I/O error is the source");
    assert!(source.downcast_ref::<std::io::Error>().is_some());
    assert!(!error.to_json(REQUEST_ID).contains("No such file"));

    let error = AppError::Upstream {
        name: "billing",
        cause: std::fmt::Error,
    };
    assert!(
        error
            .source()
            .unwrap()
            .downcast_ref::<std::fmt::Error>()
            .is_some()
    );
    assert!(AppError::TooManyRequests.source().is_none());
    assert!(invalid("x").source().is_none());
}

#[test]
fn the_catalog_describes_every_variant_in_order() {
    let catalog = AppError::catalog();
    let types: Vec<&str> = catalog.iter().map(|info| info.error_type).collect();
    assert_eq!(
        types,
        [
            "too_many_requests",
            "invalid_field",
            "positional",
            "use_https",
            "argon_2_key_length_mismatch",
            "internal_server_error",
            "upstream"
        ]
    );
    let first = &catalog[0];
    assert_eq!(first.variant, "TooManyRequests");
    assert_eq!(first.status_code, 429);
    assert_eq!(first.message_template, "Too many requests have been made.");
    assert_eq!(first.docs_url, DOCS);
    assert_eq!(
        first.description,
        "Too many requests hit the API too quickly."
    );
    assert_eq!(
        first.causes,
        ["A retry loop without backoff.", "A load test."]
    );
    assert_eq!(first.fixes, ["Back off exponentially."]);
    assert!(first.is_unit);
    assert_eq!(first.title(), "Too many requests");
    assert!(first.is_static_message());

    let second = &catalog[1];
    assert_eq!(
        second.description,
        "A field failed validation.\n\nSecond paragraph."
    );
    assert_eq!(second.message_template, "The {field} value is invalid.");
    assert!(!second.is_unit);
    assert!(!second.is_static_message());
    assert!(second.causes.is_empty() && second.fixes.is_empty());
    assert_eq!(
        catalog[4].docs_url,
        "https://stytch.com/docs/b2b/api/errors"
    );

    for (info, error) in catalog.iter().zip([
        AppError::TooManyRequests,
        invalid("x"),
        AppError::Positional("p".into(), 1),
        AppError::UseHttps,
        AppError::Argon2KeyLengthMismatch,
    ]) {
        assert!(std::ptr::eq(info, error.info()));
    }
}

#[test]
fn lookup_by_error_type() {
    assert!(matches!(
        AppError::from_error_type("too_many_requests"),
        Some(AppError::TooManyRequests)
    ));
    assert!(matches!(
        AppError::from_error_type("use_https"),
        Some(AppError::UseHttps)
    ));
    assert!(matches!(
        AppError::from_error_type("argon_2_key_length_mismatch"),
        Some(AppError::Argon2KeyLengthMismatch)
    ));
    // Variants with fields cannot be made up, but their catalog entry is there.
    assert!(AppError::from_error_type("invalid_field").is_none());
    assert_eq!(
        AppError::info_for("invalid_field").map(|info| info.variant),
        Some("InvalidField")
    );
    for unknown in [
        "",
        "TOO_MANY_REQUESTS",
        "too_many_requests ",
        "too_many_request",
        "x",
    ] {
        assert!(AppError::from_error_type(unknown).is_none(), "{unknown:?}");
        assert!(AppError::info_for(unknown).is_none(), "{unknown:?}");
    }
    for info in AppError::catalog() {
        assert_eq!(AppError::info_for(info.error_type), Some(info));
        if info.is_unit {
            assert_eq!(
                AppError::from_error_type(info.error_type).unwrap().info(),
                info
            );
        }
    }
}

#[test]
fn works_as_a_trait_object() {
    let errors: Vec<Box<dyn ApiError>> =
        vec![Box::new(AppError::TooManyRequests), Box::new(invalid("a"))];
    let statuses: Vec<u16> = errors.iter().map(|error| error.status_code()).collect();
    assert_eq!(statuses, [429, 400]);
    assert_eq!(errors[1].to_json("r"), invalid("a").to_json("r"));
}

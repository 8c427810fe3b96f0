//! Catalogs that compose: transparent variants wrap other catalogs (three levels deep here,
//! beside `StytchError`), and the composed catalog is still one catalog.

use std::error::Error as _;

use stytch_errors::{ApiError, ErrorKind, StaticCatalog, StytchError, parse_error};

/// The innermost level: a module's validation errors.
mod validation {
    use stytch_errors::ApiError;

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(docs_url = "https://example.com/errors", status = 400)]
    pub enum ValidationError {
        /// A field has the wrong shape.
        #[api_error(message = "The {field} value is invalid.")]
        InvalidField { field: String },
        #[api_error(message = "Send a {{\"name\": …}} body.")]
        NotAnObject,
    }
}

/// The middle level: the users module, wrapping its validation errors.
mod users {
    use stytch_errors::ApiError;

    use super::validation::ValidationError;

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub enum UserError {
        #[api_error(status = 404, message = "No profile has the id {user_id}.")]
        NoSuchProfile { user_id: String },
        #[api_error(status = 409, message = "The email is taken.")]
        #[api_error(cause = "A second sign-up.")]
        EmailTaken,
        #[api_error(transparent)]
        Invalid(#[from] ValidationError),
    }
}

/// The top level: the application, wrapping the users module and Stytch.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api_error(transparent)]
    Users(#[from] users::UserError),
    #[api_error(transparent)]
    Stytch {
        #[from]
        inner: StytchError,
    },
}

use users::UserError;
use validation::ValidationError;

mod twins;

fn invalid() -> AppError {
    AppError::Users(UserError::Invalid(ValidationError::InvalidField {
        field: "email".into(),
    }))
}

#[test]
fn the_catalog_lists_own_entries_then_each_wrapped_catalog_once() {
    let types: Vec<&str> = AppError::catalog().iter().map(|i| i.error_type).collect();
    let users: Vec<&str> = UserError::catalog().iter().map(|i| i.error_type).collect();
    let stytch: Vec<&str> = StytchError::catalog()
        .iter()
        .map(|i| i.error_type)
        .collect();
    assert_eq!(types[0], "maintenance");
    assert_eq!(types[1..=users.len()], users);
    assert_eq!(types[1 + users.len()..], stytch);
    assert_eq!(
        users,
        [
            "no_such_profile",
            "email_taken",
            "invalid_field",
            "not_an_object"
        ]
    );
    assert_eq!(AppError::CATALOG, AppError::catalog());
    // The entries are the wrapped catalogs' own, with their docs.
    assert_eq!(AppError::catalog()[2], UserError::catalog()[1]);
    assert_eq!(AppError::catalog()[2].causes, ["A second sign-up."]);
}

#[test]
fn every_method_delegates_to_the_wrapped_error() {
    let invalid_field = ValidationError::InvalidField {
        field: "email".into(),
    };
    let not_found = || UserError::NoSuchProfile {
        user_id: "u-\"1\"".into(),
    };
    let inner_not_found = not_found();
    let cases: Vec<(AppError, &dyn ApiError)> = vec![
        (AppError::Users(not_found()), &inner_not_found),
        (
            AppError::Stytch {
                inner: StytchError::TooManyRequests,
            },
            &StytchError::TooManyRequests,
        ),
        (
            AppError::Users(UserError::EmailTaken),
            &UserError::EmailTaken,
        ),
        (invalid(), &invalid_field),
        (
            AppError::Users(UserError::Invalid(ValidationError::NotAnObject)),
            &ValidationError::NotAnObject,
        ),
    ];
    for (outer, inner) in &cases {
        twins::assert_renders_alike(outer, *inner, &["r-1", "r-\"2\""]);
        assert!(std::ptr::eq(outer.info(), inner.info()));
        assert_eq!(outer.to_string(), inner.error_message());
    }
    assert_eq!(invalid().to_string(), "The email value is invalid.");
    assert_eq!(
        AppError::Stytch {
            inner: StytchError::TooManyRequests
        }
        .to_json("r"),
        StytchError::TooManyRequests.to_json("r"),
    );
    // Boxed, as a trait object.
    let boxed: Box<dyn ApiError> = Box::new(invalid());
    assert_eq!(boxed.error_type(), "invalid_field");
}

#[test]
fn from_error_type_finds_the_wrapped_unit_errors_at_every_level() {
    assert_eq!(
        AppError::from_error_type("too_many_requests"),
        Some(AppError::Stytch {
            inner: StytchError::TooManyRequests
        })
    );
    assert_eq!(
        AppError::from_error_type("email_taken"),
        Some(AppError::Users(UserError::EmailTaken))
    );
    assert_eq!(
        AppError::from_error_type("not_an_object"),
        Some(AppError::Users(UserError::Invalid(
            ValidationError::NotAnObject
        )))
    );
    assert_eq!(
        AppError::from_error_type("maintenance"),
        Some(AppError::Maintenance)
    );
    assert_eq!(AppError::from_error_type("invalid_field"), None);
    assert_eq!(AppError::from_error_type("no_such_profile"), None);
    assert_eq!(AppError::from_error_type("no_such_error"), None);
    assert_eq!(AppError::from_error_type(""), None);
}

#[test]
fn info_for_finds_every_entry_of_the_composition() {
    for (index, info) in AppError::catalog().iter().enumerate() {
        let found = AppError::info_for(info.error_type).expect(info.error_type);
        assert!(
            std::ptr::eq(found, &raw const AppError::catalog()[index]),
            "{}",
            info.error_type
        );
        if info.is_unit {
            let error = AppError::from_error_type(info.error_type).expect(info.error_type);
            assert_eq!(error.info(), info);
        }
    }
    assert_eq!(
        AppError::info_for("no_such_profile").unwrap().variant,
        "NoSuchProfile"
    );
    assert!(AppError::info_for("no_such_error").is_none());
}

#[test]
fn parse_error_resolves_wrapped_types_to_the_outer_variant() {
    let body = StytchError::TooManyRequests.to_json("r-1");
    let parsed = parse_error::<AppError>(body.as_bytes()).unwrap();
    assert_eq!(
        parsed.kind,
        ErrorKind::Known(AppError::Stytch {
            inner: StytchError::TooManyRequests
        })
    );
    let body = invalid().to_json("r-2");
    let parsed = parse_error::<AppError>(body.as_bytes()).unwrap();
    assert!(matches!(parsed.kind, ErrorKind::Cataloged(info) if info.variant == "InvalidField"));
}

#[test]
fn source_and_from_go_through_the_wrapped_error() {
    let from: AppError = StytchError::TooManyRequests.into();
    assert_eq!(
        from,
        AppError::Stytch {
            inner: StytchError::TooManyRequests
        }
    );
    let from: AppError = UserError::EmailTaken.into();
    assert_eq!(from, AppError::Users(UserError::EmailTaken));
    // Transparent: the wrapped error's own source, not the wrapped error.
    assert!(invalid().source().is_none());
    assert!(AppError::Maintenance.source().is_none());
}

#[test]
fn docs_see_the_whole_composition() {
    let json: serde_json::Value =
        serde_json::from_str(&stytch_errors::docs::catalog_json::<AppError>()).unwrap();
    let text = json.to_string();
    for error_type in [
        "maintenance",
        "email_taken",
        "not_an_object",
        "too_many_requests",
    ] {
        assert!(text.contains(&format!("\"{error_type}\"")), "{error_type}");
    }
    let pages = stytch_errors::docs::markdown_pages::<AppError>();
    let page_429 = pages.iter().find(|page| page.status_code == 429).unwrap();
    assert!(page_429.markdown.contains("too_many_requests"));
    let page_409 = pages.iter().find(|page| page.status_code == 409).unwrap();
    assert!(page_409.markdown.contains("email_taken"));
}

#[test]
fn the_http_response_is_the_wrapped_errors() {
    let outer = AppError::Stytch {
        inner: StytchError::TooManyRequests,
    };
    let response =
        stytch_errors::to_http_response(&outer, "r-1", stytch_errors::BodyFormat::Stytch);
    let inner = stytch_errors::to_http_response(
        &StytchError::TooManyRequests,
        "r-1",
        stytch_errors::BodyFormat::Stytch,
    );
    assert_eq!(response.status(), 429);
    assert_eq!(response.body(), inner.body());
    assert_eq!(response.headers(), inner.headers());
}

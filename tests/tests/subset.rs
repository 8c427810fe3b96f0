//! Subsets: an endpoint's own error type, made of a catalog's errors (and, through
//! transparent variants, of other catalogs'), whose catalog lists only those errors.

use stytch_errors::{ApiError, StytchError};

mod twins;

/// The errors of a login endpoint: two of Stytch's.
#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
#[api_error(subset_of = "StytchError")]
enum LoginError {
    UnauthorizedCredentials,
    TooManyRequests,
}

/// An application catalog that wraps Stytch's.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api_error(status = 404, message = "No profile has the id {user_id}.")]
    NoSuchProfile { user_id: String },
    #[api_error(status = 409, message = "The email is taken.")]
    EmailTaken,
    #[api_error(transparent)]
    Stytch(#[from] StytchError),
}

impl From<LoginError> for AppError {
    fn from(error: LoginError) -> Self {
        StytchError::from(error).into()
    }
}

/// The errors of a sign-up endpoint: one of the application's, and the login's, drawn from
/// Stytch's catalog.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(subset_of = "AppError")]
enum SignUpError {
    EmailTaken,
    #[api_error(transparent)]
    Login(#[from] LoginError),
}

#[test]
fn a_subset_variant_is_the_catalog_error_of_its_name() {
    for (subset, catalog) in [
        (
            LoginError::UnauthorizedCredentials,
            StytchError::UnauthorizedCredentials,
        ),
        (LoginError::TooManyRequests, StytchError::TooManyRequests),
    ] {
        twins::assert_renders_alike(&subset, &catalog, &["r", "r-\"1\""]);
        assert_eq!(subset.to_string(), catalog.to_string());
        assert_eq!(StytchError::from(subset), catalog);
    }
}

#[test]
fn a_subsets_catalog_lists_only_its_errors() {
    let types: Vec<&str> = LoginError::catalog().iter().map(|i| i.error_type).collect();
    assert_eq!(types, ["unauthorized_credentials", "too_many_requests"]);
    assert_eq!(
        LoginError::catalog()[1],
        *StytchError::TooManyRequests.info()
    );
    assert_eq!(
        LoginError::from_error_type("too_many_requests"),
        Some(LoginError::TooManyRequests)
    );
    // Stytch's, but not the endpoint's.
    assert_eq!(
        StytchError::from_error_type("bad_request"),
        Some(StytchError::BadRequest)
    );
    assert_eq!(LoginError::from_error_type("bad_request"), None);
    assert!(LoginError::info_for("bad_request").is_none());
    assert_eq!(
        LoginError::info_for("unauthorized_credentials"),
        Some(StytchError::UnauthorizedCredentials.info())
    );
}

fn sign_up() -> Result<(), SignUpError> {
    Err(LoginError::UnauthorizedCredentials)?
}

fn handler() -> Result<(), AppError> {
    sign_up()?;
    Ok(())
}

#[test]
fn a_subset_draws_on_several_catalogs() {
    let types: Vec<&str> = SignUpError::catalog()
        .iter()
        .map(|i| i.error_type)
        .collect();
    assert_eq!(
        types,
        [
            "email_taken",
            "unauthorized_credentials",
            "too_many_requests"
        ]
    );
    assert_eq!(
        SignUpError::from_error_type("too_many_requests"),
        Some(SignUpError::Login(LoginError::TooManyRequests))
    );
    assert_eq!(
        SignUpError::from_error_type("email_taken"),
        Some(SignUpError::EmailTaken)
    );
    assert_eq!(SignUpError::from_error_type("maintenance"), None);
    for info in SignUpError::catalog() {
        assert_eq!(SignUpError::info_for(info.error_type), Some(info));
    }
    let error = SignUpError::Login(LoginError::TooManyRequests);
    assert_eq!(
        error.to_json("r"),
        StytchError::TooManyRequests.to_json("r")
    );
    assert_eq!(
        AppError::from(error),
        AppError::Stytch(StytchError::TooManyRequests)
    );
    assert_eq!(
        AppError::from(SignUpError::EmailTaken),
        AppError::EmailTaken
    );
    assert_eq!(
        SignUpError::EmailTaken.to_json("r"),
        AppError::EmailTaken.to_json("r")
    );
    // `?` converts an endpoint's error into the application's.
    assert_eq!(
        handler(),
        Err(AppError::Stytch(StytchError::UnauthorizedCredentials))
    );
    let _ = (
        AppError::Maintenance,
        AppError::NoSuchProfile {
            user_id: String::new(),
        },
    );
}

#[cfg(feature = "utoipa")]
#[test]
fn a_subsets_openapi_responses_list_only_its_errors() {
    use utoipa::IntoResponses;
    let statuses: Vec<String> = LoginError::responses().into_keys().collect();
    assert_eq!(statuses, ["401", "429"]);
    let statuses: Vec<String> = SignUpError::responses().into_keys().collect();
    assert_eq!(statuses, ["401", "409", "429"]);
    let mut document = utoipa::openapi::OpenApi::default();
    stytch_errors::openapi::add_components::<SignUpError>(&mut document);
    let all = serde_json::to_string(&document).unwrap();
    assert!(all.contains("email_taken") && !all.contains("maintenance"));
}

//! A deprecated variant and a deprecated enum: the derive's output uses them without a warning.
#![deny(warnings)]

use stytch_errors::ApiError;

#[allow(deprecated)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[deprecated = "use `TooManyRequests`"]
    #[api_error(status = 429, message = "Slow down.", error_type = "rate_limited")]
    Old,
}

#[deprecated = "use `AppError`"]
#[allow(deprecated)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum OldError {
    #[api_error(status = 400, message = "The {0} value is invalid.")]
    InvalidField(String),
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
}

#[allow(deprecated)]
fn main() {
    assert_eq!(AppError::Old.error_type(), "rate_limited");
    assert_eq!(OldError::InvalidField("email".into()).to_string(), "The email value is invalid.");
}

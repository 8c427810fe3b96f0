//! A crate that denies warnings and missing docs: the derive's output adds none.
#![deny(warnings, missing_docs, unused, rust_2018_idioms, unreachable_pub)]

use stytch_errors::ApiError;

/// The errors of this crate.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum AppError {
    /// Too many requests.
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    /// A field was invalid.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// The field.
        field: String,
        /// Not in the message, never in the body.
        secret: String,
    },
    /// An internal failure.
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
}

fn main() {
    let error = AppError::InvalidField { field: "a".into(), secret: "b".into() };
    assert!(!error.to_json("r").contains("\"b\""));
}

#![deny(warnings, missing_docs, clippy::pedantic)]
//! Details, headers and log levels compile warning-free, generic fields included.

use stytch_errors::{ApiError, LogLevel};

/// The errors.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", header("cache-control", "no-store"), log = "info")]
pub enum AppError<T: std::fmt::Debug> {
    /// Invalid fields.
    #[api_error(status = 422, message = "{count} fields are invalid.")]
    Invalid {
        /// How many.
        count: usize,
        /// Which.
        #[api_error(details)]
        fields: Vec<T>,
    },
    /// Slow down.
    #[api_error(status = 429, message = "Slow down.", log = "off")]
    #[api_error(header("retry-after", "{secs}"), header("x-limit", "{limit} per {{minute}}"))]
    TooManyRequests {
        /// Seconds.
        secs: T,
        /// The limit.
        limit: u32,
    },
}

fn main() {
    let error: AppError<String> = AppError::Invalid { count: 1, fields: vec!["email".into()] };
    assert!(error.to_json("r").ends_with(r#","error_details":{"fields":["email"]}}"#));
    assert_eq!(error.info().log_level, LogLevel::Info);
    let error: AppError<u64> = AppError::TooManyRequests { secs: 3, limit: 10 };
    assert_eq!(error.info().log_level, LogLevel::Off);
    let response = stytch_errors::to_http_response(&error, "r", stytch_errors::BodyFormat::Stytch);
    assert_eq!(response.headers()["retry-after"], "3");
    assert_eq!(response.headers()["x-limit"], "10 per {minute}");
    assert_eq!(response.headers()["cache-control"], "no-store");
}

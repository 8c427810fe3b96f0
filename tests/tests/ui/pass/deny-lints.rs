//! The allow-by-default lints that crates often deny: the derive's output trips none of them.
#![deny(
    warnings,
    missing_docs,
    single_use_lifetimes,
    unused_qualifications,
    elided_lifetimes_in_paths,
    unreachable_pub,
    trivial_casts,
    trivial_numeric_casts,
    unused_results,
    missing_debug_implementations,
    missing_copy_implementations,
    unused_lifetimes,
    unused_import_braces,
    variant_size_differences,
    let_underscore_drop,
    meta_variable_misuse,
    non_ascii_idents,
    unsafe_code
)]

use stytch_errors::ApiError;

/// The errors of this crate.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum AppError<'a, T: std::fmt::Display> {
    /// Too many requests.
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    /// A field was invalid.
    #[api_error(status = 400, message = "The {field} value {value} is invalid.")]
    InvalidField {
        /// The field.
        field: &'a str,
        /// Its value.
        value: T,
    },
    /// An internal failure.
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
}

/// Without generics.
#[derive(Debug, Clone, Copy, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum Plain {
    /// Too many requests.
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
}

fn main() {
    let error: AppError<'_, u8> = AppError::InvalidField { field: "age", value: 7 };
    assert_eq!(error.error_message(), "The age value 7 is invalid.");
    assert_eq!(Plain::TooManyRequests.status_code(), 429);
}

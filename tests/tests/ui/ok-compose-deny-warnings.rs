//! Composed catalogs and subsets in a crate that denies warnings and missing docs, without
//! the prelude: the derive's output adds nothing.
#![deny(warnings, missing_docs, unused, unreachable_pub)]
#![no_implicit_prelude]

extern crate std;
// Needed without the prelude, though the lint cannot see it.
#[allow(unused_extern_crates)]
extern crate stytch_errors;

use stytch_errors::{ApiError, StytchError};

/// The errors of a module.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum ModuleError {
    /// A field was invalid.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// The field.
        field: std::string::String,
    },
}

/// Only wrapped catalogs.
#[derive(Debug, ApiError)]
pub enum Wrapper {
    /// The module's.
    #[api_error(transparent)]
    Module(#[from] ModuleError),
}

/// The application's errors.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum AppError {
    /// Down.
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
    /// Stytch's.
    #[api_error(transparent)]
    Stytch(#[from] StytchError),
    /// The module's.
    #[api_error(transparent)]
    Wrapped {
        /// The wrapped error.
        #[from]
        error: Wrapper,
    },
}

/// An endpoint's errors.
#[derive(Debug, ApiError)]
#[api_error(subset_of = "AppError")]
pub enum EndpointError {
    /// Down.
    Maintenance,
}

/// An endpoint's errors drawn from Stytch's only.
#[derive(Debug, ApiError)]
#[api_error(subset_of = "StytchError")]
pub enum LoginError {
    /// Stytch's.
    TooManyRequests,
    /// Stytch's.
    UnauthorizedCredentials,
}

fn main() {
    use std::convert::From as _;
    let field = std::string::String::from("a");
    let error = AppError::from(Wrapper::from(ModuleError::InvalidField { field }));
    std::assert_eq!(error.status_code(), 400);
    std::assert_eq!(AppError::from(EndpointError::Maintenance).status_code(), 503);
    std::assert_eq!(StytchError::from(LoginError::TooManyRequests).status_code(), 429);
    std::assert_eq!(AppError::from(StytchError::BadRequest).status_code(), 400);
}

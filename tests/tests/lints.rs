//! The derive's output is clean under the strictest lints a user may turn on, including
//! clippy's pedantic group (checked by `cargo clippy --all-targets`) and a module without the
//! implicit prelude.
#![deny(
    warnings,
    missing_docs,
    clippy::pedantic,
    unused_qualifications,
    unreachable_pub
)]

/// A catalog in a module that has no prelude.
#[no_implicit_prelude]
mod catalog {
    use ::stytch_errors::ApiError;

    /// The errors.
    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub(crate) enum AppError {
        /// Too many requests.
        #[api_error(status = 429, message = "Too many requests have been made.")]
        TooManyRequests,
        /// An invalid field.
        #[api_error(status = 400, message = "The {field} value is invalid.")]
        InvalidField {
            /// The field's name.
            field: ::std::string::String,
        },
        /// An internal failure.
        #[api_error(status = 500, message = "Something went wrong.")]
        Internal(#[from] ::std::io::Error),
        /// A failure with a tuple field in the message.
        #[api_error(status = 502, message = "Upstream {0} failed.")]
        Upstream(u16),
    }
}

use stytch_errors::ApiError;

#[test]
fn strict_lints_pass() {
    let error = catalog::AppError::InvalidField {
        field: "email".to_owned(),
    };
    assert_eq!(error.error_message(), "The email value is invalid.");
    assert_eq!(
        catalog::AppError::Upstream(7).to_string(),
        "Upstream 7 failed."
    );
    assert_eq!(catalog::AppError::TooManyRequests.status_code(), 429);
    let error = catalog::AppError::from(std::io::Error::other("x"));
    assert_eq!(error.error_type(), "internal");
}

//! The quickstart: a small catalog, and what the derive makes of each error.
//!
//! Run it with `cargo run --example quickstart`.

use stytch_errors::ApiError;

/// The errors of a small API.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
pub enum AppError {
    /// Too many requests hit the API too quickly.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    /// A field of the request failed validation.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// The name of the offending field.
        field: String,
    },
    /// The credentials were not accepted.
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    /// Something failed inside the service; the cause is logged, never sent.
    #[api_error(
        status = 500,
        message = "Oops, something seems to have gone wrong. If this issue persists, please reach out to support."
    )]
    InternalServerError(#[from] std::io::Error),
}

fn lookup_user(id: &str) -> Result<String, AppError> {
    if id.is_empty() {
        return Err(AppError::InvalidField {
            field: "user_id".to_owned(),
        });
    }
    // `?` turns the I/O error into `InternalServerError`; its text stays out of the body.
    let record = std::fs::read_to_string(format!("/nonexistent/users/{id}"))?;
    Ok(record)
}

fn main() {
    let request_id = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";
    let errors = [
        AppError::TooManyRequests,
        AppError::UnauthorizedCredentials,
        lookup_user("").unwrap_err(),
        lookup_user("user-test-1").unwrap_err(),
    ];
    for error in &errors {
        println!("{} {}", error.status(), error.error_type());
        println!("  error_url: {}", error.error_url());
        println!("  body:      {}", error.to_json(request_id));
        if let Some(source) = std::error::Error::source(error) {
            println!("  source (logged, not sent): {source}");
        }
        println!();
    }
    println!("The catalog:");
    for info in AppError::catalog() {
        println!(
            "  {} {:<26} {}",
            info.status_code, info.error_type, info.message_template
        );
    }
}

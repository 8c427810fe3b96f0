#![no_implicit_prelude]

extern crate std;
extern crate stytch_errors;

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField { field: std::string::String },
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
}

fn main() {
    let error = AppError::TooManyRequests;
    std::assert_eq!(error.status_code(), 429);
}

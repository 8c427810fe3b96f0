use std::fmt::Display;

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AppError<'a, T: Display, E>
where
    E: std::error::Error + 'static,
{
    #[api_error(message = "The {field} value {value} is invalid.")]
    InvalidField { field: &'a str, value: T },
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[source] E),
}

fn main() {
    let error: AppError<'_, u32, std::io::Error> = AppError::InvalidField { field: "age", value: 7 };
    assert_eq!(error.error_message(), "The age value 7 is invalid.");
    let error: AppError<'_, u32, std::io::Error> = AppError::Internal(std::io::Error::other("disk"));
    assert!(std::error::Error::source(&error).is_some());
}

use stytch_errors::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(docs_url = "https://example.com/errors", display = false)]
enum AppError {
    #[error("rate limited after {0} requests")]
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests(u32),
    #[error("database failure")]
    #[api_error(status = 500, message = "Something went wrong.")]
    Database(#[from] std::io::Error),
}

fn main() {
    let error = AppError::TooManyRequests(6);
    assert_eq!(error.to_string(), "rate limited after 6 requests");
    assert_eq!(error.error_message(), "Too many requests have been made.");
}

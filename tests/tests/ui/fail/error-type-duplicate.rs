use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 429, message = "Really, slow down.", error_type = "too_many_requests")]
    WayTooManyRequests,
}

fn main() {}

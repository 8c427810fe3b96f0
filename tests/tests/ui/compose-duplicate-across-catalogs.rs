use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Limits {
    #[api_error(status = 429, error_type = "too_many_requests", message = "Slow down.")]
    RateLimited,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(transparent)]
    Limits(Limits),
    #[api_error(transparent)]
    Stytch(StytchError),
}

fn main() {}

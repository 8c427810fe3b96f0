use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[api_error(transparent)]
    Stytch(StytchError),
}

fn main() {}

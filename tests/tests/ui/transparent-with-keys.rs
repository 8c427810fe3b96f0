use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(transparent, status = 401, message = "Unauthorized.", error_type = "stytch")]
    #[api_error(docs_url = "https://example.com/other", cause = "A cause.", fix = "A fix.")]
    Stytch(StytchError),
}

fn main() {}

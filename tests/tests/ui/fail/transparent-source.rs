use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(transparent)]
    Stytch(#[source] StytchError),
}

fn main() {}

use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(transparent)]
    Nothing,
    #[api_error(transparent)]
    Two(StytchError, StytchError),
    #[api_error(transparent)]
    NamedTwo { first: StytchError, second: StytchError },
}

fn main() {}

use stytch_errors::{ApiError, StytchError};

#[derive(Debug, ApiError)]
#[api_error(subset_of = "StytchError")]
enum LoginError {
    UnauthorizedCredentials,
    TooManyRequest,
}

fn main() {}

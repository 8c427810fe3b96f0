use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(subset_of = "StytchError", docs_url = "https://example.com/errors")]
enum LoginError {
    #[api_error(status = 401)]
    UnauthorizedCredentials,
    TooManyRequests { retry_after: u32 },
}

fn main() {}

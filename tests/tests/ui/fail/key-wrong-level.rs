use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", message = "On the enum?")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.", crate = "stytch_errors")]
    TooManyRequests,
}

fn main() {}

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    #[api_error(status = 503)]
    TooManyRequests,
}

fn main() {}

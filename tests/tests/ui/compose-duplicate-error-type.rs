use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Limits {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 413, message = "Too large.")]
    TooLarge,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
    #[api_error(transparent)]
    Limits(Limits),
}

fn main() {}

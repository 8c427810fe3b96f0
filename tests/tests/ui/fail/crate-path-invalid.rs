use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", crate = "not a path")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
}

fn main() {}

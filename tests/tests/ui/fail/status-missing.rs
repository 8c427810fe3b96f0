use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(message = "Too many requests have been made.")]
    TooManyRequests,
}

fn main() {}

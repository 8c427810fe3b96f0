use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, message = "Slow down.", docs_url = "https://example.com/errors")]
    TooManyRequests,
    #[api_error(status = 401, message = "Who are you?")]
    Unauthorized,
}

fn main() {}

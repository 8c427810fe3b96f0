use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error = "https://example.com/errors"]
enum AppError {
    #[api_error]
    TooManyRequests,
}

fn main() {}

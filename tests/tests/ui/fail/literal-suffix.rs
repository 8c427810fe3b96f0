use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 400u8, message = "Bad.")]
    Bad,
    #[api_error(status = 429abc, message = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 500, message = "m"suffix)]
    Internal,
    #[api_error(status = 401u16, message = "A `u16` suffix is a status's type: accepted.")]
    Unauthorized,
}

fn main() {}

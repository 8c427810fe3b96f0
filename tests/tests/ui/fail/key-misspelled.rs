use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_ulr = "https://example.com/errors")]
enum AppError {
    #[api_error(stauts = 429, mesage = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 400, message = "Bad.", Error_Type = "bad")]
    Bad,
}

fn main() {}

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "http://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.", docs_url = "/errors")]
    TooManyRequests,
}

fn main() {}

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://@")]
enum AppError {
    #[api_error(status = 400, message = "A.", docs_url = "https://:443")]
    A,
    #[api_error(status = 400, message = "B.", docs_url = "https://user@/errors")]
    B,
    #[api_error(status = 400, message = "C.", docs_url = "https://example.com:port/errors")]
    C,
}

fn main() {}

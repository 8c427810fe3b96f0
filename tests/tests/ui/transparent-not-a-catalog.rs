use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Internal.")]
    Internal,
    #[api_error(transparent)]
    Io(#[from] std::io::Error),
}

fn main() {}

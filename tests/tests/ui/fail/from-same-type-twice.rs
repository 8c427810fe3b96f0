use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
    #[api_error(status = 503, message = "Unavailable.")]
    Unavailable {
        #[from]
        source: std::io::Error,
    },
}

fn main() {}

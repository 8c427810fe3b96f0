use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] #[from] std::io::Error),
    #[api_error(status = 502, message = "Upstream failed.")]
    Upstream(#[source] #[source] std::fmt::Error),
}

fn main() {}

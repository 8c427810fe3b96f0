use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal { source: String },
    #[api_error(status = 502, message = "Upstream failed.")]
    Upstream(#[source] u32),
    #[api_error(status = 503, message = "Unavailable.")]
    Unavailable(#[from] &'static str),
}

fn main() {}

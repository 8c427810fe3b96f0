use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 403, message = "Not served in this region.")]
    Zürich,
}

fn main() {}

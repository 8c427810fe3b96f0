use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", display = "no")]
enum AppError {
    #[api_error(status = "401", message = 401, error_type = unauthorized)]
    Unauthorized,
}

fn main() {}

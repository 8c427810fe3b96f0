use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 422, message = "Invalid.")]
    Invalid(#[api_error(details)] Vec<String>),
}

fn main() {}

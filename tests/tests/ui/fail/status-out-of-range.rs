use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 200, message = "All good?")]
    Ok,
    #[api_error(status = 70000, message = "Not even a u16.")]
    Huge,
}

fn main() {}

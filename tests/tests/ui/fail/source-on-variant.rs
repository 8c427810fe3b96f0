use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
#[from]
enum AppError {
    #[source]
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(std::io::Error),
}

fn main() {}

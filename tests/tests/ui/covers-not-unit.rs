use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 400, message = "The {0} value is invalid.", covers = "4xx")]
    InvalidField(String),
    #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
    Internal,
}

fn main() {}

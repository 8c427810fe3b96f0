use stytch_errors::ApiError;

/// Not an error: no `std::error::Error` impl.
#[derive(Debug)]
struct Reason;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal { source: Reason },
}

fn main() {}

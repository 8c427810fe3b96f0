use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AppError {
    #[api_error(message("Limit {limit}.", twice = .limit * 2))]
    Limit { limit: u32 },
}

fn main() {}

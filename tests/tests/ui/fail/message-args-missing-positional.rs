use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AppError {
    #[api_error(message("{} of {}", .limit))]
    Limit { limit: u32 },
}

fn main() {}

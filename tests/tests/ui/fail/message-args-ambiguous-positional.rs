use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AppError {
    #[api_error(message("{0} has {} items", .0.len()))]
    Items(Vec<String>),
}

fn main() {}

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400, message = "Bad {field}.")]
enum AppError {
    Invalid { field: String },
    Missing { name: String },
}

fn main() {}

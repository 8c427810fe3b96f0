use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError<T> {
    #[api_error(status = 400, message = "Bad {feild}.")]
    Bad { field: T },
}

fn main() {}

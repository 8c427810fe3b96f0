use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 400, message = "The request is invalid.", covers = "4xx", covers = 302)]
    BadRequest,
    #[api_error(status = 500, message = "Something went wrong.", covers = "5XX", covers = true)]
    Internal,
}

fn main() {}

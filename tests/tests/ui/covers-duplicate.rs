use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 404, message = "No such route.", covers = 404)]
    RouteNotFound,
    #[api_error(status = 404, message = "No such user.", covers = 404, covers = "4xx")]
    UserNotFound,
    #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
    Internal,
}

fn main() {}

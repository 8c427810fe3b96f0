use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 401, message = "Unauthorized.")]
    #[api_error(header("www-authenticate", "Bearer\r\nset-cookie: x"))]
    Unauthorized,
}

fn main() {}

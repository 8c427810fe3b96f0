use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/err\u{200b}ors")]
enum AppError {
    #[api_error(status = 400, message = "A.", docs_url = "https://example.com/`errors`")]
    A,
    #[api_error(status = 400, message = "B.", docs_url = "https://example.com/a|b")]
    B,
    #[api_error(status = 400, message = "C.", docs_url = "https://example.com/{errors}")]
    C,
    #[api_error(status = 400, message = "D.", docs_url = "https://example.com/a^b")]
    D,
    #[api_error(status = 400, message = "E.", docs_url = "https://exämple.com/errors")]
    E,
}

fn main() {}

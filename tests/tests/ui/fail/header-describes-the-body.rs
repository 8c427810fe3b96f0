use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 503, message = "Down.", header("Transfer-Encoding", "chunked"))]
    Down,
    #[api_error(status = 500, message = "Broken.", header("content-encoding", "gzip"))]
    Broken,
    #[api_error(status = 502, message = "Upstream.", header("connection", "close"))]
    Upstream,
    #[api_error(status = 429, message = "Slow down.", header("x-request-id", "fixed"))]
    #[api_error(header("retry-after", "60"))]
    TooManyRequests,
}

fn main() {}

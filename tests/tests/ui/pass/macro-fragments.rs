//! Values passed in by `macro_rules!` fragments, which rustc wraps in invisible groups.
use stytch_errors::ApiError;

macro_rules! catalog {
    ($url:literal, $status:literal, $msg:literal, $other_status:expr, $other_msg:expr, $other_url:expr) => {
        #[derive(Debug, ApiError)]
        #[api_error(docs_url = $url)]
        enum AppError {
            #[api_error(status = $status, message = $msg)]
            TooManyRequests,
            #[api_error(status = $other_status, message = $other_msg, docs_url = $other_url)]
            Internal,
        }
    };
}

catalog!(
    "https://example.com/errors",
    429,
    "Slow down.",
    500,
    "Something went wrong.",
    "https://example.com/other"
);

fn main() {
    assert_eq!(AppError::TooManyRequests.status_code(), 429);
    assert_eq!(AppError::TooManyRequests.error_message(), "Slow down.");
    assert_eq!(AppError::Internal.error_url(), "https://example.com/other/500#internal");
}

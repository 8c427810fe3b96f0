// The runtime crate is reached under another name, as through a facade crate that
// re-exports it: `crate = "…"` tells the derive where it is.
mod facade {
    pub use ::stytch_errors as errors;
}

use facade::errors::ApiError;

#[derive(Debug, facade::errors::ApiError)]
#[api_error(crate = "facade::errors", docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
}

fn main() {
    assert_eq!(AppError::TooManyRequests.status_code(), 429);
}

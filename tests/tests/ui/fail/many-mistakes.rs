// Three mistakes, three errors, in one build; and no error from the uses of the enum below,
// because the derive still implements the traits.
use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 4290, message = "Slow down.")]
    TooManyRequests,
    #[api_error(status = 400, message = "The {feild} value is invalid.")]
    InvalidField { field: String },
    #[api_error(status = 401)]
    Unauthorized,
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] std::io::Error),
}

fn handler() -> Result<(), AppError> {
    std::fs::read("/nonexistent")?;
    Ok(())
}

fn main() {
    let error = handler().unwrap_err();
    println!("{} {}", error, error.to_json("request-id-test-1"));
}

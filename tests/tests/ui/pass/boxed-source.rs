use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] Box<dyn std::error::Error + Send + Sync>),
    #[api_error(status = 502, message = "Upstream failed.")]
    Upstream { source: std::sync::Arc<std::io::Error> },
}

fn fails() -> Result<(), AppError> {
    Err(Box::<dyn std::error::Error + Send + Sync>::from("secret text"))?
}

fn main() {
    let error = fails().unwrap_err();
    assert_eq!(std::error::Error::source(&error).unwrap().to_string(), "secret text");
    let error = AppError::Upstream { source: std::sync::Arc::new(std::io::Error::other("x")) };
    assert!(std::error::Error::source(&error).is_some());
}

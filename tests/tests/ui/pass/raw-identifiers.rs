//! Raw identifiers: `r#Type` is the variant `Type`, with the error_type `type`.
use stytch_errors::ApiError;

#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 400, message = "Bad type.")]
    r#Type,
    #[api_error(status = 400, message = "Bad {match}.", error_type = "bad_match")]
    r#Match { r#match: String },
}

fn main() {
    assert_eq!(AppError::r#Type.error_type(), "type");
    assert_eq!(AppError::r#Type.info().variant, "Type");
    assert_eq!(AppError::from_error_type("type"), Some(AppError::r#Type));
    let error = AppError::r#Match { r#match: "m".into() };
    assert_eq!(error.info().variant, "Match");
    assert_eq!(error.error_message(), "Bad m.");
}

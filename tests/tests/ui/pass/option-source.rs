//! An `Option<E>` source: `source()` is `None` when the field is.
use std::error::Error as _;

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 500)]
enum AppError<E: std::error::Error + 'static> {
    #[api_error(message = "Something went wrong.")]
    Internal {
        #[source]
        cause: Option<std::io::Error>,
    },
    #[api_error(message = "Upstream failed.")]
    Upstream { source: Option<Box<dyn std::error::Error + Send + Sync>> },
    #[api_error(message = "Generic.")]
    Generic(#[source] ::core::option::Option<E>),
}

fn main() {
    let error: AppError<std::fmt::Error> = AppError::Internal { cause: None };
    assert!(error.source().is_none());
    let error: AppError<std::fmt::Error> = AppError::Internal { cause: Some(std::io::Error::other("disk")) };
    assert_eq!(error.source().unwrap().to_string(), "disk");
    let error: AppError<std::fmt::Error> = AppError::Upstream { source: Some("down".into()) };
    assert_eq!(error.source().unwrap().to_string(), "down");
    let error: AppError<std::fmt::Error> = AppError::Upstream { source: None };
    assert!(error.source().is_none());
    assert!(AppError::Generic(Some(std::fmt::Error)).source().is_some());
    assert!(AppError::<std::fmt::Error>::Generic(None).source().is_none());
}

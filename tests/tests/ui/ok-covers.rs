#![no_implicit_prelude]
#![deny(warnings)]

extern crate std;
extern crate stytch_errors;

use stytch_errors::{ApiError, FrameworkErrors};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError<T: std::fmt::Display> {
    #[api_error(status = 400, message = "The value {0} is invalid.")]
    Invalid(T),
    #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
    BadRequest,
    #[api_error(status = 405, message = "The method used is not supported.", covers = 405)]
    #[api_error(covers = 404)]
    NoRoute,
    #[api_error(status = 503, message = "Try again.", covers = "5xx")]
    Unavailable,
}

fn main() {
    std::assert_eq!(AppError::<u8>::for_status(404), AppError::NoRoute);
    std::assert_eq!(AppError::<u8>::for_status(405), AppError::NoRoute);
    std::assert_eq!(AppError::<u8>::for_status(422), AppError::BadRequest);
    std::assert_eq!(AppError::<u8>::for_status(500), AppError::Unavailable);
    std::assert_eq!(AppError::Invalid(1_u8).status_code(), 400);
}

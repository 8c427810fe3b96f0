//! Reading an error body back, on the client's side: a response body in, a typed error out.
//!
//! One pass of `serde_json` over the input, straight into the fields: no `Value` is built,
//! and strings without escapes are borrowed from the input, so a body without escapes is
//! parsed without allocating.

mod details;
mod error;
mod fields;
mod parsed;
#[cfg(feature = "problem-details")]
mod problem;
mod reader;
mod shape;

use crate::model::ApiError;

pub use self::details::Details;
pub use self::error::ParseError;
pub use self::parsed::{ErrorKind, ParsedError};
pub use self::reader::ErrorReader;

/// The largest body [`parse_error`] reads: 64 KiB. An error body is a few hundred bytes; a
/// longer one is refused with [`ParseError::TooLarge`] before it is read.
/// [`parse_error_with_limit`] takes another limit.
pub const MAX_BODY_LEN: usize = 64 * 1024;

/// Parses an error response's body into a [`ParsedError`] of the catalog `E`.
///
/// Takes Stytch's shape (`status_code`, `request_id`, `error_type`, `error_message`,
/// `error_url`, and `error_details` when present) and the OAuth 2 shape (`error`,
/// `error_description`, `error_uri`); fields of neither are skipped. With the
/// `problem-details` feature, problem details too, as [`ProblemDetails`](crate::ProblemDetails)
/// writes them, with the same result as the same error in Stytch's shape (told apart by
/// their members; [`ErrorReader`] takes the body's content type and the shapes to expect). An `error_type` the
/// catalog does not know is kept as it came, as [`ErrorKind::Unknown`]: APIs add errors.
///
/// Refuses, with a [`ParseError`] and never a panic: a body longer than [`MAX_BODY_LEN`],
/// one that is not JSON, not an object, without `error_type`, or with a known field of the
/// wrong type.
///
/// ```
/// use stytch_errors::{ErrorKind, StytchError, parse_error};
///
/// let body = br#"{"status_code":429,"request_id":"request-id-test-1","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#;
/// let error = parse_error::<StytchError>(body)?;
/// assert_eq!(error.kind, ErrorKind::Known(StytchError::TooManyRequests));
/// assert_eq!(error.status_code, Some(429));
/// assert_eq!(error.request_id, "request-id-test-1");
///
/// // An error type this version of the catalog does not know yet.
/// let body = br#"{"status_code":400,"request_id":"r","error_type":"brand_new_error","error_message":"New.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#brand_new_error"}"#;
/// let error = parse_error::<StytchError>(body)?;
/// assert_eq!(error.kind, ErrorKind::Unknown);
/// assert_eq!(error.error_type, "brand_new_error");
/// # Ok::<(), stytch_errors::ParseError>(())
/// ```
///
/// # Errors
///
/// A [`ParseError`] saying why the body is not an error body.
pub fn parse_error<E: ApiError>(input: &[u8]) -> Result<ParsedError<'_, E>, ParseError> {
    parse_error_with_limit(input, MAX_BODY_LEN)
}

/// [`parse_error`] with another limit than [`MAX_BODY_LEN`] on the body's length, in bytes.
///
/// ```
/// use stytch_errors::{ApiError, ParseError, parse_error_with_limit};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let body = br#"{"error_type":"too_many_requests"}"#;
/// assert!(parse_error_with_limit::<AppError>(body, 1024).is_ok());
/// assert!(matches!(
///     parse_error_with_limit::<AppError>(body, 16),
///     Err(ParseError::TooLarge { len: 34, limit: 16 }),
/// ));
/// ```
///
/// # Errors
///
/// A [`ParseError`] saying why the body is not an error body.
pub fn parse_error_with_limit<E: ApiError>(
    input: &[u8],
    limit: usize,
) -> Result<ParsedError<'_, E>, ParseError> {
    ErrorReader::new().limit(limit).parse(input, None)
}

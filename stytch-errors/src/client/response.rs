//! [`parse_response`]: an `http::Response` whose body is bytes, checked.

use crate::model::ApiError;
use crate::parse::ErrorReader;

use super::ClientError;

/// Passes a response through when its status is not an error (below 400), and reads a
/// failed one (400 to 599) into a [`ClientError`]: the error body parsed into `E`'s
/// catalog, in any shape this crate writes (the `content-type` picks one; see
/// [`ErrorReader`]), or, when it is not one, its first bytes and why; the status,
/// `Retry-After` and `x-request-id` either way. With the `reqwest` feature,
/// `reqwest::ResponseExt::error_for_api` does the same for a `reqwest::Response`.
///
/// ```
/// use stytch_errors::{ApiError, StytchError, parse_response};
///
/// let response = http::Response::builder()
///     .status(401)
///     .body(br#"{"status_code":401,"error_type":"unable_to_auth_magic_link","error_message":"The magic link could not be authenticated."}"#.to_vec())
///     .unwrap();
/// let error = parse_response::<StytchError, _>(response).unwrap_err();
/// assert_eq!(error.known(), Some(&StytchError::UnableToAuthMagicLink));
/// assert!(!error.is_retryable());
///
/// let ok = http::Response::builder().status(200).body(b"{}".to_vec()).unwrap();
/// assert_eq!(parse_response::<StytchError, _>(ok).unwrap().body(), b"{}");
/// ```
///
/// # Errors
///
/// A [`ClientError`] for a response whose status is a client or server error.
pub fn parse_response<E: ApiError, B: AsRef<[u8]>>(
    response: http::Response<B>,
) -> Result<http::Response<B>, ClientError<E>> {
    ErrorReader::new().parse_response(response)
}

impl ErrorReader<'_> {
    /// [`parse_response`] with this reader's shapes and limit.
    ///
    /// ```
    /// use stytch_errors::{BodyFormat, ErrorReader, StytchError};
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("content-type", "application/json")
    ///     .body(br#"{"error_type":"too_many_requests"}"#.to_vec())
    ///     .unwrap();
    /// let reader = ErrorReader::new().formats(&[BodyFormat::Stytch]);
    /// let error = reader.parse_response::<StytchError, _>(response).unwrap_err();
    /// assert_eq!(error.known(), Some(&StytchError::TooManyRequests));
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ClientError`] for a response whose status is a client or server error.
    pub fn parse_response<E: ApiError, B: AsRef<[u8]>>(
        &self,
        response: http::Response<B>,
    ) -> Result<http::Response<B>, ClientError<E>> {
        if !is_failure(response.status()) {
            return Ok(response);
        }
        let (parts, body) = response.into_parts();
        Err(ClientError::from_parts(
            self,
            parts.status,
            parts.headers,
            body.as_ref(),
            Ok(()),
        ))
    }
}

/// Whether a response's status says that the request failed: 400 to 599.
pub(crate) fn is_failure(status: http::StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}

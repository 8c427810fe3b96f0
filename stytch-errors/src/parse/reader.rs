//! [`ErrorReader`]: which shapes of body a client expects, and how long a body may be.

use crate::model::ApiError;
use crate::wire::BodyFormat;

use super::error::ParseError;
use super::parsed::{ErrorKind, ParsedError};
use super::{MAX_BODY_LEN, shape};

/// How a client reads error bodies: the shapes it expects, in order, and the longest body
/// it reads.
///
/// By default, every shape this crate's server side writes ([`BodyFormat::ALL`]: Stytch's,
/// and with the `problem-details` feature problem details) and [`MAX_BODY_LEN`]. The
/// content type picks among shapes of different media types; shapes that share one are told
/// apart by their members (a member only that shape has), in the order given. A body of
/// none of them is a [`ParseError`].
///
/// ```
/// use stytch_errors::{ApiError, BodyFormat, ErrorReader, ParseError};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let body = AppError::TooManyRequests.to_json("request-id-test-1");
/// let reader = ErrorReader::new();
/// let error = reader.parse::<AppError>(body.as_bytes(), Some("application/json"))?;
/// assert_eq!(error.known(), Some(&AppError::TooManyRequests));
/// assert_eq!(error.error_message, "Too many requests have been made.");
///
/// # #[cfg(feature = "problem-details")] {
/// let problem = stytch_errors::ProblemDetails::new(&AppError::TooManyRequests, "request-id-test-1");
/// let body = problem.to_json();
/// let error = reader.parse::<AppError>(body.as_bytes(), Some("application/problem+json"))?;
/// assert_eq!(error.known(), Some(&AppError::TooManyRequests));
/// assert_eq!(error.error_message, "Too many requests have been made.");
/// assert_eq!(error.status_code, Some(429));
///
/// // A client that expects Stytch's shape only does not read problem details.
/// let stytch_only = ErrorReader::new().formats(&[BodyFormat::Stytch]);
/// let error = stytch_only.parse::<AppError>(body.as_bytes(), None)?;
/// assert_eq!(error.error_message, "");
/// # }
/// # Ok::<(), ParseError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ErrorReader<'f> {
    formats: &'f [BodyFormat],
    limit: usize,
}

impl ErrorReader<'static> {
    /// Every shape this crate writes, and bodies up to [`MAX_BODY_LEN`].
    #[must_use]
    pub const fn new() -> Self {
        ErrorReader {
            formats: BodyFormat::ALL,
            limit: MAX_BODY_LEN,
        }
    }
}

impl Default for ErrorReader<'static> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'f> ErrorReader<'f> {
    /// The shapes to expect, in order (an empty list expects the default ones).
    #[must_use]
    pub const fn formats(self, formats: &[BodyFormat]) -> ErrorReader<'_> {
        ErrorReader {
            formats,
            limit: self.limit,
        }
    }

    /// Another limit than [`MAX_BODY_LEN`] on a body's length, in bytes.
    #[must_use]
    pub const fn limit(self, limit: usize) -> Self {
        ErrorReader { limit, ..self }
    }

    /// The longest body read, in bytes.
    #[must_use]
    pub const fn max_len(&self) -> usize {
        self.limit
    }

    /// The shapes expected, in order.
    #[must_use]
    pub const fn expected(&self) -> &'f [BodyFormat] {
        self.formats
    }

    /// Parses an error body whose `content-type` is `content_type` (when known), as
    /// [`parse_error`](crate::parse_error) does.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] saying why the body is not an error body.
    pub fn parse<'i, E: ApiError>(
        &self,
        input: &'i [u8],
        content_type: Option<&str>,
    ) -> Result<ParsedError<'i, E>, ParseError> {
        if input.len() > self.limit {
            return Err(ParseError::TooLarge {
                len: input.len(),
                limit: self.limit,
            });
        }
        // JSON is UTF-8: checked once here, so that the parser can borrow strings as they
        // are and so that no byte of the body, read or skipped, is left unchecked.
        let input = core::str::from_utf8(input).map_err(ParseError::NotUtf8)?;
        let read = shape::read(input, content_type, self.formats)?;
        let error_type = read.error_type.ok_or(ParseError::MissingErrorType)?;
        Ok(ParsedError {
            kind: ErrorKind::resolve_with_details(&error_type, read.error_details.as_deref()),
            status_code: read.status_code,
            request_id: read.request_id.unwrap_or_default(),
            error_type,
            error_message: read.error_message.unwrap_or_default(),
            error_url: read.error_url.unwrap_or_default(),
            error_details: read.error_details,
        })
    }
}

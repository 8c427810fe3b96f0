//! [`ClientError`]: a failed response, read.

use core::fmt;
use std::error::Error;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::model::{ApiError, CatalogKind, ErrorInfo};
use crate::parse::{ErrorReader, ParseError, ParsedError};
use crate::serve::REQUEST_ID;

use super::retry_after::retry_after;

/// How many of the first bytes of a body that is not an error body a [`ClientError`] keeps,
/// for a log line or a bug report: 512.
pub const BODY_PREFIX_LEN: usize = 512;

/// A response whose status is a client or server error (400 to 599), read: the error body
/// parsed into `E`'s catalog, or, when the body is not an error body (an HTML page from a
/// proxy, an empty or cut-off body), why not and its first bytes. Either way the status,
/// the `Retry-After` delay and the `x-request-id` header.
///
/// Made by [`parse_response`](crate::parse_response) from an `http::Response` and, with the
/// `reqwest` feature, by `reqwest::ResponseExt::error_for_api`.
///
/// ```
/// use std::time::Duration;
/// use stytch_errors::{ApiError, ClientError, parse_response};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let response = http::Response::builder()
///     .status(429)
///     .header("retry-after", "30")
///     .header("x-request-id", "request-id-test-1")
///     .body(r#"{"status_code":429,"error_type":"too_many_requests","error_message":"Too many requests have been made."}"#)
///     .unwrap();
/// let error: ClientError<AppError> = parse_response(response).unwrap_err();
/// assert_eq!(error.known(), Some(&AppError::TooManyRequests));
/// assert_eq!(error.status(), http::StatusCode::TOO_MANY_REQUESTS);
/// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
/// assert_eq!(error.request_id(), Some("request-id-test-1"));
/// assert!(error.is_retryable());
/// assert_eq!(
///     error.to_string(),
///     "429 Too Many Requests: too_many_requests: Too many requests have been made.",
/// );
///
/// let response = http::Response::builder().status(502).body("<html>Bad Gateway</html>").unwrap();
/// let error: ClientError<AppError> = parse_response(response).unwrap_err();
/// assert!(error.parsed().is_none());
/// assert_eq!(error.body_prefix(), Some(&b"<html>Bad Gateway</html>"[..]));
/// assert_eq!(error.to_string(), "502 Bad Gateway, and the body is not an error body: the error body is not JSON");
/// ```
#[derive(Debug)]
pub struct ClientError<E>(Box<Parts<E>>);

/// What a [`ClientError`] holds, boxed so that a `Result` with it stays small.
#[derive(Debug)]
struct Parts<E> {
    status: StatusCode,
    headers: HeaderMap,
    retry_after: Option<Duration>,
    body: Body<E>,
}

/// What the body was.
#[derive(Debug)]
enum Body<E> {
    Parsed(ParsedError<'static, E>),
    /// Not an error body: its first bytes and why.
    Other {
        prefix: Vec<u8>,
        reason: Reason,
    },
}

/// Why a body is not an error body.
#[derive(Debug)]
pub(crate) enum Reason {
    /// The body was read, and is not an error body.
    Parse(ParseError),
    /// The body could not be read to its end.
    #[cfg_attr(
        not(feature = "reqwest"),
        expect(dead_code, reason = "only a streamed body can fail to be read")
    )]
    Read(Box<dyn Error + Send + Sync>),
}

impl<E: ApiError> ClientError<E> {
    /// A failed response read from its parts by `reader`: `body` is the whole body, unless
    /// `read` says why it could not be read to its end (then `body` is what came before).
    pub(crate) fn from_parts(
        reader: &ErrorReader<'_>,
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
        read: Result<(), Reason>,
    ) -> Self {
        let retry_after = retry_after(&headers, SystemTime::now());
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok());
        let parsed = read.and_then(|()| {
            reader
                .parse::<E>(body, content_type)
                .map(ParsedError::into_owned)
                .map_err(Reason::Parse)
        });
        let body = match parsed {
            Ok(parsed) => Body::Parsed(parsed),
            Err(reason) => Body::Other {
                prefix: body[..body.len().min(BODY_PREFIX_LEN)].to_vec(),
                reason,
            },
        };
        ClientError(Box::new(Parts {
            status,
            headers,
            retry_after,
            body,
        }))
    }
}

impl<E> ClientError<E> {
    /// The error body, parsed; `None` when the body is not an error body.
    #[must_use]
    pub fn parsed(&self) -> Option<&ParsedError<'static, E>> {
        match &self.0.body {
            Body::Parsed(parsed) => Some(parsed),
            Body::Other { .. } => None,
        }
    }

    /// The error body, parsed, by value; `None` when the body is not an error body.
    #[must_use]
    pub fn into_parsed(self) -> Option<ParsedError<'static, E>> {
        match self.0.body {
            Body::Parsed(parsed) => Some(parsed),
            Body::Other { .. } => None,
        }
    }

    /// The variant of `E` the body names, when the catalog can build it (see
    /// [`ErrorKind::Known`](crate::ErrorKind::Known)).
    #[must_use]
    pub fn known(&self) -> Option<&E> {
        self.parsed()?.known()
    }

    /// The response's HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// How long the response's `Retry-After` header asks to wait before a retry, given as
    /// seconds or as an HTTP-date (a date already past is [`Duration::ZERO`]); `None`
    /// without the header or with a value of neither form.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    /// The request's id: the response's `x-request-id` header, or else the body's
    /// `request_id`; `None` when neither gives one.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        // An empty header (or one that is not text) gives no id: the body's is next.
        let header = self
            .0
            .headers
            .get(REQUEST_ID)
            .and_then(|id| id.to_str().ok())
            .filter(|id| !id.is_empty());
        header
            .or_else(|| Some(&*self.parsed()?.request_id))
            .filter(|id| !id.is_empty())
    }

    /// The response's headers.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }

    /// The first bytes (at most [`BODY_PREFIX_LEN`]) of a body that is not an error body;
    /// `None` when it is one.
    #[must_use]
    pub fn body_prefix(&self) -> Option<&[u8]> {
        match &self.0.body {
            Body::Parsed(_) => None,
            Body::Other { prefix, .. } => Some(prefix),
        }
    }

    /// Why the body is not an error body, when it was read and is not one.
    #[must_use]
    pub fn parse_error(&self) -> Option<&ParseError> {
        match &self.0.body {
            Body::Other {
                reason: Reason::Parse(error),
                ..
            } => Some(error),
            _ => None,
        }
    }
}

impl<E: ApiError> ClientError<E> {
    /// Whether the request may be sent again: as `E`'s catalog says of the error
    /// ([`ErrorInfo::retryable`]), and for an error it does not know or a body that is not
    /// an error body, as [`ErrorInfo::retryable_by_default`] says of the status.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.parsed().and_then(ParsedError::info).map_or_else(
            || ErrorInfo::retryable_by_default(self.0.status.as_u16()),
            |info| info.retryable,
        )
    }
}

impl<E: ApiError> ClientError<E> {
    /// The same failure as the `ClientError` of a catalog `O` that wraps `E` transparently
    /// (with `From<E>`): what a service returns of a failed call to another one, in its own
    /// catalog. The parsed error as [`ParsedError::into_catalog`] makes it; the status, the
    /// headers and a body that is not an error body, as they are.
    ///
    /// ```
    /// use stytch_errors::{ApiError, ClientError, StytchError, parse_response};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 503, message = "Down for maintenance.")]
    ///     Maintenance,
    ///     #[api_error(transparent)]
    ///     Stytch(#[from] StytchError),
    /// }
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .body(StytchError::TooManyRequests.to_json("request-id-test-1"))
    ///     .unwrap();
    /// let upstream: ClientError<StytchError> = parse_response(response).unwrap_err();
    /// let ours: ClientError<AppError> = upstream.into_catalog();
    /// assert_eq!(ours.known(), Some(&AppError::Stytch(StytchError::TooManyRequests)));
    /// assert_eq!(ours.status(), 429);
    /// ```
    #[must_use]
    pub fn into_catalog<O: ApiError + From<E>>(self) -> ClientError<O> {
        let Parts {
            status,
            headers,
            retry_after,
            body,
        } = *self.0;
        let body = match body {
            Body::Parsed(parsed) => Body::Parsed(parsed.into_catalog()),
            Body::Other { prefix, reason } => Body::Other { prefix, reason },
        };
        ClientError(Box::new(Parts {
            status,
            headers,
            retry_after,
            body,
        }))
    }
}

impl<E: CatalogKind> ClientError<E> {
    /// The fieldless kind of the error the body names (see [`CatalogKind`]), whether or not
    /// the body gave its values back; `None` for a body that is not an error body or an
    /// `error_type` the catalog does not have.
    ///
    /// ```
    /// use stytch_errors::{ApiError, ClientError, parse_response};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors", kind = "AppErrorKind")]
    /// #[non_exhaustive]
    /// pub enum AppError {
    ///     #[api_error(status = 404, message = "No note {note_id}.")]
    ///     NoteNotFound { note_id: u64 },
    ///     #[api_error(status = 429, message = "Slow down.")]
    ///     TooManyRequests,
    /// }
    ///
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .body(br#"{"error_type":"note_not_found","error_message":"No note 7."}"#.to_vec())
    ///     .unwrap();
    /// let error: ClientError<AppError> = parse_response(response).unwrap_err();
    /// let what = match error.variant_kind() {
    ///     Some(AppErrorKind::NoteNotFound) => "gone",
    ///     Some(AppErrorKind::TooManyRequests) => "later",
    ///     // `#[non_exhaustive]`, and errors this version does not know.
    ///     _ => "other",
    /// };
    /// assert_eq!(what, "gone");
    /// ```
    #[must_use]
    pub fn variant_kind(&self) -> Option<E::Kind> {
        self.parsed()?.variant_kind()
    }
}

impl<E> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.body {
            Body::Parsed(parsed) => write!(f, "{}: {parsed}", self.0.status),
            Body::Other {
                reason: Reason::Parse(error),
                ..
            } => write!(
                f,
                "{}, and the body is not an error body: {error}",
                self.0.status
            ),
            Body::Other {
                reason: Reason::Read(_),
                ..
            } => write!(f, "{}, and the body could not be read", self.0.status),
        }
    }
}

impl<E: fmt::Debug> Error for ClientError<E> {
    /// Why the body is not an error body, or why it could not be read.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.0.body {
            Body::Parsed(_) => None,
            Body::Other {
                reason: Reason::Parse(error),
                ..
            } => Some(error),
            Body::Other {
                reason: Reason::Read(error),
                ..
            } => Some(&**error),
        }
    }
}

//! [`LogLevel`]: how loud the log line of an error response is.

use serde::Serialize;

/// The level of the event an error response emits (feature `tracing`), from
/// `#[api_error(log = "…")]` on the variant or the enum; by default [`Error`](Self::Error)
/// for a server error (5xx) and [`Debug`](Self::Debug) for a client error.
///
/// ```
/// use stytch_errors::{ApiError, LogLevel};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 500, message = "Something went wrong.")]
///     Internal,
///     #[api_error(status = 404, message = "Not found.")]
///     NotFound,
///     #[api_error(status = 429, message = "Slow down.", log = "warn")]
///     TooManyRequests,
/// }
///
/// assert_eq!(AppError::Internal.info().log_level, LogLevel::Error);
/// assert_eq!(AppError::NotFound.info().log_level, LogLevel::Debug);
/// assert_eq!(AppError::TooManyRequests.info().log_level, LogLevel::Warn);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    /// No event at all: `log = "off"`.
    Off,
    /// `log = "error"`, the default of server errors.
    Error,
    /// `log = "warn"`.
    Warn,
    /// `log = "info"`.
    Info,
    /// `log = "debug"`, the default of client errors.
    Debug,
    /// `log = "trace"`.
    Trace,
}

impl LogLevel {
    /// The default level of an error with `status_code`: [`Error`](Self::Error) for 5xx,
    /// [`Debug`](Self::Debug) otherwise.
    ///
    /// ```
    /// use stytch_errors::LogLevel;
    ///
    /// assert_eq!(LogLevel::for_status(503), LogLevel::Error);
    /// assert_eq!(LogLevel::for_status(401), LogLevel::Debug);
    /// ```
    #[must_use]
    pub const fn for_status(status_code: u16) -> Self {
        if status_code >= 500 {
            Self::Error
        } else {
            Self::Debug
        }
    }
}

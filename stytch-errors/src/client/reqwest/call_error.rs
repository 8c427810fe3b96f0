//! [`CallError`]: the one error of a call, the transport's failure or the API's.

use core::fmt;
use std::error::Error;

use crate::client::ClientError;
use crate::model::ApiError;

/// Why a call failed: the request could not be made or its response not received (the
/// `reqwest` error), or the API answered with an error ([`ClientError`]). What
/// [`RequestBuilderExt::send_for_api`](super::RequestBuilderExt::send_for_api) gives, so
/// that a client has one error type per call, and `?` converts either failure into it.
///
/// ```
/// use stytch_errors::StytchError;
/// use stytch_errors::reqwest::CallError;
///
/// fn describe(error: &CallError<StytchError>) -> String {
///     match error {
///         CallError::Transport(error) => format!("no answer: {error}"),
///         CallError::Api(error) => format!("refused: {error}"),
///     }
/// }
/// ```
#[derive(Debug)]
pub enum CallError<E> {
    /// The request could not be made, or its response not received.
    Transport(::reqwest::Error),
    /// The API answered with a client or server error.
    Api(ClientError<E>),
}

impl<E> CallError<E> {
    /// The API's error; `None` for a transport failure.
    #[must_use]
    pub fn api(&self) -> Option<&ClientError<E>> {
        match self {
            CallError::Api(error) => Some(error),
            CallError::Transport(_) => None,
        }
    }

    /// The variant of `E` the API's error body names, when the catalog can build it.
    #[must_use]
    pub fn known(&self) -> Option<&E> {
        self.api()?.known()
    }

    /// The same failure in the catalog `O` that wraps `E` transparently (see
    /// [`ClientError::into_catalog`]).
    #[must_use]
    pub fn into_catalog<O: ApiError + From<E>>(self) -> CallError<O>
    where
        E: ApiError,
    {
        match self {
            CallError::Transport(error) => CallError::Transport(error),
            CallError::Api(error) => CallError::Api(error.into_catalog()),
        }
    }
}

impl<E: ApiError> CallError<E> {
    /// Whether the call may be made again: as [`ClientError::is_retryable`] says of the
    /// API's error; for a transport failure, when the connection could not be made or the
    /// call timed out.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self {
            CallError::Api(error) => error.is_retryable(),
            CallError::Transport(error) => error.is_connect() || error.is_timeout(),
        }
    }
}

impl<E> From<::reqwest::Error> for CallError<E> {
    fn from(error: ::reqwest::Error) -> Self {
        CallError::Transport(error)
    }
}

impl<E> From<ClientError<E>> for CallError<E> {
    fn from(error: ClientError<E>) -> Self {
        CallError::Api(error)
    }
}

impl<E> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Transport(error) => write!(f, "the call failed: {error}"),
            CallError::Api(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<E: fmt::Debug> Error for CallError<E> {
    /// The transport's error, or what the API's error has for a source.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            CallError::Transport(error) => Some(error),
            CallError::Api(error) => error.source(),
        }
    }
}

//! `reqwest` responses read into [`ClientError`]s (the `reqwest` feature): a response with
//! [`ResponseExt::error_for_api`], or a whole call, with one error for the transport's
//! failure and the API's ([`RequestBuilderExt::send_for_api`], [`CallError`]).
//!
//! ```no_run
//! use stytch_errors::StytchError;
//! use stytch_errors::reqwest::ResponseExt as _;
//!
//! # fn retry_in(_: Option<std::time::Duration>) -> Result<String, Box<dyn std::error::Error>> { todo!() }
//! # async fn get(client: &reqwest::Client, base: &str, id: u64) -> Result<String, Box<dyn std::error::Error>> {
//! let response = client.get(format!("{base}/users/{id}")).send().await?;
//! match response.error_for_api::<StytchError>().await {
//!     Ok(response) => Ok(response.text().await?),
//!     Err(error) if error.is_retryable() => retry_in(error.retry_after()),
//!     Err(error) => Err(error.into()),
//! }
//! # }
//! ```

use core::future::Future;

use crate::model::ApiError;
use crate::parse::{ErrorReader, ParseError};

use super::ClientError;
use super::error::Reason;
use super::response::is_failure;

mod call_error;
mod request;

pub use self::call_error::CallError;
pub use self::request::RequestBuilderExt;

/// Reads a failed `reqwest::Response` into a [`ClientError`] (the `reqwest` feature).
///
/// Implemented for `reqwest::Response` only.
pub trait ResponseExt: Sized + sealed::Sealed {
    /// Passes the response through when its status is not an error (below 400), and reads a
    /// failed one (400 to 599) into a [`ClientError`], as
    /// [`parse_response`](crate::parse_response) does: the body is read up to
    /// [`MAX_BODY_LEN`](crate::MAX_BODY_LEN) bytes (a longer one is not read further, and is not an error body),
    /// and a body that cannot be read to its end is not an error body either.
    ///
    /// # Errors
    ///
    /// A [`ClientError`] for a response whose status is a client or server error.
    fn error_for_api<E: ApiError>(
        self,
    ) -> impl Future<Output = Result<::reqwest::Response, ClientError<E>>> + Send {
        self.error_for_api_with(ErrorReader::new())
    }

    /// [`error_for_api`](Self::error_for_api) with the shapes and the limit of `reader`.
    ///
    /// # Errors
    ///
    /// A [`ClientError`] for a response whose status is a client or server error.
    fn error_for_api_with<E: ApiError>(
        self,
        reader: ErrorReader<'_>,
    ) -> impl Future<Output = Result<::reqwest::Response, ClientError<E>>> + Send;
}

impl ResponseExt for ::reqwest::Response {
    async fn error_for_api_with<E: ApiError>(
        mut self,
        reader: ErrorReader<'_>,
    ) -> Result<::reqwest::Response, ClientError<E>> {
        let limit = reader.max_len();
        let status = self.status();
        if !is_failure(status) {
            return Ok(self);
        }
        // Asked before the body is read: it counts what is left to read.
        let content_length = self
            .content_length()
            .and_then(|len| usize::try_from(len).ok());
        let mut body = Vec::new();
        let read = loop {
            match self.chunk().await {
                Ok(Some(chunk)) if body.len() + chunk.len() > limit => {
                    let room = limit - body.len();
                    body.extend_from_slice(&chunk[..room]);
                    // Without a `content-length`, the bytes come so far.
                    let len = content_length.unwrap_or(limit + chunk.len() - room);
                    break Err(Reason::Parse(ParseError::TooLarge { len, limit }));
                }
                Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                Ok(None) => break Ok(()),
                Err(error) => break Err(Reason::Read(Box::new(error))),
            }
        };
        let headers = core::mem::take(self.headers_mut());
        Err(ClientError::from_parts(
            &reader, status, headers, &body, read,
        ))
    }
}

mod sealed {
    pub trait Sealed {}

    impl Sealed for ::reqwest::Response {}
}

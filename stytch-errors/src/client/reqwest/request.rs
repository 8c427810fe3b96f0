//! [`RequestBuilderExt`]: send a request and get one error for the call; pass the id of
//! the request being served along.

use core::future::Future;

use crate::model::ApiError;

use super::{CallError, ResponseExt as _};

/// Sends a `reqwest` request with the answer read as [`error_for_api`] reads it (the
/// `reqwest` feature).
///
/// Implemented for `reqwest::RequestBuilder` only.
///
/// [`error_for_api`]: super::ResponseExt::error_for_api
pub trait RequestBuilderExt: Sized + sealed::Sealed {
    /// Sends the request: the response when its status is not an error, else a
    /// [`CallError`], the transport's failure or the API's error read into `E`'s catalog.
    ///
    /// ```no_run
    /// use stytch_errors::StytchError;
    /// use stytch_errors::reqwest::{CallError, RequestBuilderExt as _};
    ///
    /// async fn user(client: &reqwest::Client, id: u64) -> Result<String, CallError<StytchError>> {
    ///     let response = client
    ///         .get(format!("https://api.example.com/users/{id}"))
    ///         .send_for_api::<StytchError>()
    ///         .await?;
    ///     Ok(response.text().await?)
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// [`CallError::Transport`] when the request could not be made, [`CallError::Api`] for
    /// a response whose status is a client or server error.
    fn send_for_api<E: ApiError>(
        self,
    ) -> impl Future<Output = Result<::reqwest::Response, CallError<E>>> + Send;

    /// Puts the id of the request being served (inside the request-id layer of axum or the
    /// middleware of actix-web) on this request, in `x-request-id` (in place of any value
    /// set before), so that the service it calls logs the same id; the request as it is
    /// outside any. With the `axum` or
    /// `actix-web` feature.
    ///
    /// ```no_run
    /// use stytch_errors::StytchError;
    /// use stytch_errors::reqwest::{CallError, RequestBuilderExt as _};
    ///
    /// // In a handler of a service whose router has `RequestIdLayer`.
    /// async fn notes(client: &reqwest::Client) -> Result<String, CallError<StytchError>> {
    ///     let response = client
    ///         .get("https://notes.internal/notes")
    ///         .forward_request_id()
    ///         .send_for_api::<StytchError>()
    ///         .await?;
    ///     Ok(response.text().await?)
    /// }
    /// ```
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    #[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
    #[must_use]
    fn forward_request_id(self) -> Self;
}

impl RequestBuilderExt for ::reqwest::RequestBuilder {
    async fn send_for_api<E: ApiError>(self) -> Result<::reqwest::Response, CallError<E>> {
        Ok(self.send().await?.error_for_api::<E>().await?)
    }

    #[cfg(any(feature = "axum", feature = "actix-web"))]
    fn forward_request_id(self) -> Self {
        match crate::serve::request_id::RequestId::current() {
            // `headers` replaces the values of a header (`header` would add one): the id
            // goes alone, whatever was set before.
            Some(id) => {
                let mut headers = ::reqwest::header::HeaderMap::with_capacity(1);
                headers.insert(crate::REQUEST_ID_HEADER, id.header_value().clone());
                self.headers(headers)
            }
            None => self,
        }
    }
}

mod sealed {
    pub trait Sealed {}

    impl Sealed for ::reqwest::RequestBuilder {}
}

//! The request being served, as seen from the code that renders its errors.
//!
//! A framework turns an error into a response through a trait method that sees the error
//! only (`IntoResponse::into_response`, `ResponseError::error_response`), not the request.
//! The request-id layer (axum) and middleware (actix-web) therefore run the rest of the
//! request inside a tokio task-local scope holding the request's id and the body shape its
//! `Accept` header asks for; rendering an error reads them from there, however deep in the
//! code the error was made. The scope follows the request's future from thread to thread,
//! so it holds on multi-threaded runtimes too.
//!
//! Outside any scope (no layer, or an error rendered in a task of its own), rendering
//! falls back to a generated id and Stytch's shape; the layer and the middleware then
//! render the body again from the [`RenderedError`](crate::RenderedError) in the
//! response's extensions, so that the body and the `x-request-id` header always carry the
//! id of the request being served.

use core::future::Future;

use tokio::task::futures::TaskLocalFuture;

use crate::serve::BodyFormat;
use crate::serve::request_id::{Environment, RequestId};

/// The request being served: its id and the shape its error bodies take.
#[derive(Debug, Clone)]
pub(crate) struct Served {
    pub(crate) id: RequestId,
    pub(crate) format: BodyFormat,
}

tokio::task_local! {
    static SERVED: Served;
}

impl Served {
    /// The request being served, or a stand-in (a generated test id, Stytch's shape) when
    /// none is.
    pub(crate) fn current_or_default() -> Self {
        SERVED.try_with(Clone::clone).unwrap_or_else(|_| Self {
            id: RequestId::generate(Environment::Test),
            format: BodyFormat::Stytch,
        })
    }

    /// Runs `future` with `self` as the request being served.
    pub(crate) fn scope<F: Future>(self, future: F) -> TaskLocalFuture<Self, F> {
        SERVED.scope(self, future)
    }

    /// Runs `f` with `self` as the request being served.
    #[cfg(feature = "actix-web")]
    pub(crate) fn sync_scope<R>(self, f: impl FnOnce() -> R) -> R {
        SERVED.sync_scope(self, f)
    }
}

impl RequestId {
    /// The id of the request being served, inside the request-id layer (axum) or
    /// middleware (actix-web); `None` elsewhere.
    ///
    /// ```
    /// # #[cfg(feature = "axum")] {
    /// use axum::{Router, routing::get};
    /// use stytch_errors::RequestId;
    /// use stytch_errors::axum::RequestIdLayer;
    /// use tower::ServiceExt as _;
    ///
    /// async fn handler() -> String {
    ///     RequestId::current().map(|id| id.to_string()).unwrap_or_default()
    /// }
    ///
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// let app = Router::new().route("/", get(handler)).layer(RequestIdLayer::test());
    /// let request = http::Request::get("/").header("x-request-id", "trace-1").body(axum::body::Body::empty()).unwrap();
    /// let response = app.oneshot(request).await.unwrap();
    /// let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
    /// assert_eq!(body, "trace-1");
    /// assert!(RequestId::current().is_none());
    /// # });
    /// # }
    /// ```
    #[must_use]
    pub fn current() -> Option<Self> {
        SERVED.try_with(|served| served.id.clone()).ok()
    }
}

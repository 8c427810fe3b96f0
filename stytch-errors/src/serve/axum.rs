//! axum: every `#[derive(ApiError)]` type is an `IntoResponse`, and [`RequestIdLayer`] gives
//! each request its id.
//!
//! A handler returns `Result<T, AppError>`; the client receives the error's status,
//! `content-type: application/json`, `x-request-id` and the JSON body carrying the same
//! id, as Stytch sends them:
//!
//! ```
//! use axum::{Router, routing::get};
//! use stytch_errors::ApiError;
//! use stytch_errors::axum::RequestIdLayer;
//! use tower::ServiceExt as _;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
//! enum AppError {
//!     #[api_error(status = 401, message = "Unauthorized credentials.")]
//!     UnauthorizedCredentials,
//! }
//!
//! async fn get_user() -> Result<String, AppError> {
//!     Err(AppError::UnauthorizedCredentials)
//! }
//!
//! let app = Router::new()
//!     .route("/v1/users/{user_id}", get(get_user))
//!     .layer(RequestIdLayer::test());
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! let request = http::Request::get("/v1/users/user-test-1")
//!     .header("x-request-id", "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141")
//!     .body(axum::body::Body::empty())
//!     .unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 401);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(
//!     response.headers()["x-request-id"],
//!     "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
//! );
//! let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
//! assert_eq!(
//!     body,
//!     AppError::UnauthorizedCredentials.to_json("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"),
//! );
//! # });
//! ```
//!
//! # How the body gets the request's id
//!
//! [`RequestIdLayer`] takes the client's `x-request-id` when it is safe to echo (see
//! [`RequestId`](crate::RequestId)) or generates one, puts it in the request's extensions (handlers read it
//! with `Extension<RequestId>` or [`RequestId::current`](crate::RequestId::current)), and runs the inner service
//! inside a task-local scope holding the id and the body shape the `Accept` header asks
//! for. `IntoResponse` reads that scope, so an error made anywhere in the handler renders
//! with the right id at once. On the way out, the layer sets `x-request-id` on every
//! response, and renders an error body again (from the [`RenderedError`] in the response's
//! extensions) if it was rendered outside the scope, say in a spawned task. A layer inside
//! another (on a nested router) reuses the id the outer one put in the extensions, so that
//! the handler, the body, the header and the log line agree on one id.
//!
//! The ids are Stytch's unless the service says otherwise: [`RequestIdLayer::prefix`] or
//! [`RequestIdLayer::generate_with`] make its own, and [`RequestIdLayer::client_ids`] says
//! whether a client's id is taken ([`ClientIds`](crate::ClientIds): always, never, or when
//! a check passes). With the `tracing` feature, the inner service runs inside a `request`
//! span carrying `request_id` (and `error.type` once an error is rendered), so every event
//! of the handler carries the id.
//!
//! Without the layer, an error renders with a freshly generated `request-id-test-…` id,
//! the same in its header and its body.
//!
//! # Every failure in the catalog's shape
//!
//! axum answers many requests by itself, before or around the handler: a `Json`, `Form`,
//! `Query` or `Path` rejection (400, 415, 422, in `text/plain`), a body over
//! `DefaultBodyLimit` (413), an unmatched route (404, empty), a wrong method (405, empty,
//! with `Allow`), and middleware adds more (tower-http's `TimeoutLayer`: 408; a missing
//! `Extension`: 500). Given the service's catalog, the layer answers all of them in it:
//!
//! ```text
//! .layer(RequestIdLayer::test().catalog::<AppError>())
//! ```
//!
//! On the way out, a response of status 400 or more without a [`RenderedError`] in its
//! extensions (so not rendered from a catalog error) is replaced by the catalog error that
//! [`FrameworkErrors::for_status`](crate::FrameworkErrors::for_status) names for its
//! status, rendered for the request's id and `Accept` and with the failed response's own
//! status (a 409 stays 409, a 503 stays 503). Its body (the rejection's text, which may quote
//! the request) never reaches the client: a short `text/plain` one is the stand-in's
//! [source chain](crate::RenderedError::source_chain), so the log line says what was wrong,
//! and goes into the body as `error_details` only behind
//! [`rejection_details`](RequestIdLayer::rejection_details). Its headers do reach it, but for those that described that
//! body or the connection: see [what a stand-in keeps](crate::FrameworkErrors#what-a-stand-in-keeps).
//! A handler that panics is caught by the layer, and answered with the stand-in for 500;
//! the payload is left to the panic hook (the log). Responses below 400 and catalog errors
//! pass through, with `x-request-id` set, so the success path costs one status check. The
//! derive implements [`FrameworkErrors`](crate::FrameworkErrors) from `covers = …` on
//! variants; `StytchError` answers as Stytch does (`route_not_found`,
//! `method_not_allowed`, `unauthorized_credentials`, `bad_request`, …).
//!
//! ```
//! use axum::{Json, Router, routing::post};
//! use stytch_errors::ApiError;
//! use stytch_errors::axum::RequestIdLayer;
//! use tower::ServiceExt as _;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! enum AppError {
//!     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
//!     BadRequest,
//!     #[api_error(status = 404, message = "The route provided is not supported.", covers = 404)]
//!     RouteNotFound,
//!     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
//!     Internal,
//! }
//!
//! async fn create(Json(user): Json<serde_json::Value>) -> Json<serde_json::Value> {
//!     Json(user)
//! }
//!
//! let app = Router::new()
//!     .route("/v1/users", post(create))
//!     .layer(RequestIdLayer::test().catalog::<AppError>());
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! for (uri, body, error) in [
//!     ("/v1/users", "{not json", AppError::BadRequest),
//!     ("/v1/nowhere", "{}", AppError::RouteNotFound),
//! ] {
//!     let request = http::Request::post(uri)
//!         .header("content-type", "application/json")
//!         .header("x-request-id", "trace-1")
//!         .body(axum::body::Body::from(body))
//!         .unwrap();
//!     let response = app.clone().oneshot(request).await.unwrap();
//!     assert_eq!(response.status(), error.status());
//!     assert_eq!(response.headers()["content-type"], "application/json");
//!     let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
//!     assert_eq!(body, error.to_json("trace-1"));
//! }
//! # });
//! ```

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};
use std::string::String;

use axum_core::body::Body;
use axum_core::response::Response;
use http::Request;
use tokio::task::futures::TaskLocalFuture;

use crate::model::ApiError;
use crate::serve::exchange::{CatchPanic, Exchange, Replacement};
use crate::serve::request_id::RequestId;
use crate::serve::scope::Served;
use crate::serve::span::{RequestSpan, request_span};
use crate::serve::{PassThrough, REQUEST_ID_HEADER, RenderedError, to_http_response};

/// The response for `error`, with the id and body shape of the request being served (see
/// the [module docs](self)); what the derived `IntoResponse` returns.
///
/// ```
/// use stytch_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let response = stytch_errors::axum::into_response(&AppError::TooManyRequests);
/// assert_eq!(response.status(), 429);
/// let id = response.headers()["x-request-id"].to_str().unwrap();
/// assert!(id.starts_with("request-id-test-"));
/// ```
pub fn into_response<E: ApiError + ?Sized>(error: &E) -> Response {
    let served = Served::current_or_default();
    to_http_response(error, served.id.as_str(), served.format).map(Body::from)
}

/// A tower layer that gives every request an id: the client's `x-request-id` when it is
/// safe to echo, a generated `request-id-{test,live}-<uuid>` otherwise; given the
/// service's catalog, it also answers every failure in it; see the [module docs](self).
///
/// Add it with `Router::layer` so that it wraps every route and the fallback.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestIdLayer {
    exchange: Exchange,
}

crate::serve::exchange::exchange_constructors!(
    RequestIdLayer,
    "layer",
    /// ```
    /// # use tower::{Layer as _, ServiceExt as _};
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// let service = stytch_errors::axum::RequestIdLayer::live().layer(tower::service_fn(
    ///     |_: http::Request<()>| async { Ok::<_, std::convert::Infallible>(http::Response::new(String::new())) },
    /// ));
    /// let response = service.oneshot(http::Request::new(())).await.unwrap();
    /// assert!(response.headers()["x-request-id"].to_str().unwrap().starts_with("request-id-live-"));
    /// # });
    /// ```
);

impl<S> tower_layer::Layer<S> for RequestIdLayer {
    type Service = RequestIdService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RequestIdService {
            inner,
            exchange: self.exchange,
        }
    }
}

/// The service of [`RequestIdLayer`].
#[derive(Debug, Clone)]
pub struct RequestIdService<S> {
    inner: S,
    exchange: Exchange,
}

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for RequestIdService<S>
where
    S: tower_service::Service<Request<ReqBody>, Response = http::Response<ResBody>>,
    ResBody: From<String> + http_body::Body,
{
    type Response = http::Response<ResBody>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        let headers = request.headers();
        // A layer further out gave the request its id already.
        let outer = request.extensions().get::<RequestId>();
        let nested = outer.is_some();
        let served = self.exchange.served(
            outer,
            headers
                .get(REQUEST_ID_HEADER)
                .map(http::HeaderValue::as_bytes),
            headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(http::HeaderValue::as_bytes),
        );
        let span = request_span(&served.id, nested);
        if !nested {
            request.extensions_mut().insert(served.id.clone());
        }
        #[cfg(feature = "tracing")]
        let entered = span.enter();
        let inner = self.inner.call(request);
        #[cfg(feature = "tracing")]
        drop(entered);
        ResponseFuture {
            inner: CatchPanic::new(served.clone().scope(inner)),
            served: Some(served),
            exchange: self.exchange,
            span,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`RequestIdService`].
    pub struct ResponseFuture<F> {
        #[pin]
        inner: CatchPanic<TaskLocalFuture<Served, F>>,
        served: Option<Served>,
        exchange: Exchange,
        span: RequestSpan,
    }
}

impl<F, ResBody, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<http::Response<ResBody>, E>>,
    ResBody: From<String> + http_body::Body,
{
    type Output = Result<http::Response<ResBody>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        #[cfg(feature = "tracing")]
        let _entered = this.span.enter();
        let caught = ready!(this.inner.poll(cx));
        let Some(served) = this.served.take() else {
            // Polled again after it finished: the inner future says what it says.
            return Poll::Ready(
                caught.unwrap_or_else(|payload| std::panic::resume_unwind(payload)),
            );
        };
        Poll::Ready(match caught {
            Ok(Ok(response)) => Ok(finish(response, this.exchange, &served)),
            Ok(Err(error)) => Err(error),
            Err(payload) => match this.exchange.panicked(&served) {
                Some(response) => Ok(response.map(ResBody::from)),
                None => std::panic::resume_unwind(payload),
            },
        })
    }
}

/// The response on its way out: see [`Exchange::replacement`].
fn finish<B>(response: http::Response<B>, exchange: &Exchange, served: &Served) -> http::Response<B>
where
    B: From<String> + http_body::Body,
{
    let status = response.status().as_u16();
    let mut response = response;
    if !response.status().is_success() && response.extensions().get::<PassThrough>().is_none() {
        let (mut parts, body) = response.into_parts();
        if let Some(replacement) =
            exchange.replacement(status, parts.extensions.get::<RenderedError>(), served)
        {
            let reason = match replacement {
                Replacement::StandIn(_) => framework_text(&parts.headers, body),
                Replacement::Again(_) => None,
            };
            let (fresh, body) = exchange
                .replace(replacement, status, &parts.headers, reason, served)
                .into_parts();
            parts.status = fresh.status;
            parts.headers = fresh.headers;
            parts.extensions.extend(fresh.extensions);
            return http::Response::from_parts(parts, B::from(body));
        }
        response = http::Response::from_parts(parts, body);
    }
    response
        .headers_mut()
        .insert(REQUEST_ID_HEADER, served.id.header_value().clone());
    response
}

/// The longest text of a failure read as its reason.
const REASON_LIMIT: u64 = 1024;

/// The text of a failed response that no catalog error made, when it is a short
/// `text/plain` body that is already all there (a rejection's, which axum writes as one
/// string): its reason, for the log. A body that would have to be waited for is not read.
fn framework_text<B: http_body::Body>(headers: &http::HeaderMap, body: B) -> Option<String> {
    use bytes::Buf as _;
    let is_text = headers
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/plain"));
    let short = body
        .size_hint()
        .exact()
        .is_some_and(|length| (1..=REASON_LIMIT).contains(&length));
    if !is_text || !short {
        return None;
    }
    let mut body = core::pin::pin!(body);
    let mut cx = Context::from_waker(core::task::Waker::noop());
    match body.as_mut().poll_frame(&mut cx) {
        Poll::Ready(Some(Ok(frame))) => {
            let data = frame.into_data().ok()?;
            // One frame holds it all, as a body made of one string does.
            (data.remaining() == data.chunk().len())
                .then(|| String::from_utf8_lossy(data.chunk()).into_owned())
        }
        _ => None,
    }
}

/// [`PassThrough`] among a handler's response parts: `(StatusCode::CONFLICT, PassThrough,
/// Json(…))`.
impl axum_core::response::IntoResponseParts for PassThrough {
    type Error = core::convert::Infallible;

    fn into_response_parts(
        self,
        mut parts: axum_core::response::ResponseParts,
    ) -> Result<axum_core::response::ResponseParts, Self::Error> {
        parts.extensions_mut().insert(self);
        Ok(parts)
    }
}

/// Marks `response` [`PassThrough`]: for `axum::middleware::map_response`, so that every
/// response of a route (or router) reaches the client as the service made it.
///
/// ```
/// use axum::{Router, middleware, routing::get};
/// use http::StatusCode;
/// use stytch_errors::StytchError;
/// use stytch_errors::axum::{RequestIdLayer, pass_through};
/// use tower::ServiceExt as _;
///
/// let app = Router::new()
///     .route("/legacy", get(|| async { (StatusCode::GONE, "gone") })
///         .layer(middleware::map_response(pass_through)))
///     .layer(RequestIdLayer::test().catalog::<StytchError>());
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let request = http::Request::get("/legacy").body(axum::body::Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 410);
/// assert!(response.headers().contains_key("x-request-id"));
/// let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, "gone");
/// # });
/// ```
pub fn pass_through<B>(mut response: http::Response<B>) -> core::future::Ready<http::Response<B>> {
    response.extensions_mut().insert(PassThrough);
    core::future::ready(response)
}

/// `IntoResponse` for a derived type: `impl_frameworks!`'s axum hook.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)*
        where
            Self: $crate::ApiError,
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}

#[cfg(test)]
mod tests;

//! actix-web: every `#[derive(ApiError)]` type is a `ResponseError`, and
//! [`RequestIdMiddleware`] gives each request its id.
//!
//! A handler returns `Result<T, AppError>`; the client receives the error's status,
//! `content-type: application/json`, `x-request-id` and the JSON body carrying the same
//! id, as Stytch sends them:
//!
//! ```
//! use actix_web::{App, HttpResponse, test, web};
//! use stytch_errors::ApiError;
//! use stytch_errors::actix_web::RequestIdMiddleware;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
//! enum AppError {
//!     #[api_error(status = 401, message = "Unauthorized credentials.")]
//!     UnauthorizedCredentials,
//! }
//!
//! async fn get_user() -> Result<HttpResponse, AppError> {
//!     Err(AppError::UnauthorizedCredentials)
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(
//!     App::new()
//!         .wrap(RequestIdMiddleware::test())
//!         .route("/v1/users/{user_id}", web::get().to(get_user)),
//! )
//! .await;
//! let request = test::TestRequest::get()
//!     .uri("/v1/users/user-test-1")
//!     .insert_header(("x-request-id", "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"))
//!     .to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 401);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! assert_eq!(
//!     response.headers().get("x-request-id").unwrap(),
//!     "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
//! );
//! let body = test::read_body(response).await;
//! assert_eq!(
//!     body,
//!     AppError::UnauthorizedCredentials.to_json("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"),
//! );
//! # });
//! ```
//!
//! # How the body gets the request's id
//!
//! [`RequestIdMiddleware`] takes the client's `x-request-id` when it is safe to echo (see
//! [`RequestId`](crate::RequestId)) or generates one, puts it in the request's extensions (handlers read it
//! with `web::ReqData<RequestId>` or [`RequestId::current`](crate::RequestId::current)), and runs the rest of the
//! request inside a task-local scope holding the id and the body shape the `Accept` header
//! asks for; `ResponseError::error_response` reads that scope, so an error made anywhere in
//! the handler renders with the right id at once. On the way out, the middleware sets
//! `x-request-id` on every response and renders an error body again (from the
//! [`RenderedError`] in the response's extensions) if it was rendered outside the scope. An
//! error that an inner middleware returns as `Err` goes on as an `Err`, whose response is
//! rendered in the scope with the header set, the same each time a middleware further out
//! (or the server) asks for it. A middleware inside another (on a scope) reuses the id the
//! outer one put in the extensions, so that the handler, the body, the header and the log
//! line agree on one id.
//!
//! Ids, the client's id and the `request` span are as with the axum layer:
//! [`RequestIdMiddleware::prefix`], [`RequestIdMiddleware::generate_with`],
//! [`RequestIdMiddleware::client_ids`].
//!
//! Without the middleware, an error renders with a freshly generated `request-id-test-…`
//! id, the same in its header and its body.
//!
//! # Every failure in the catalog's shape
//!
//! actix-web answers many requests by itself: an extractor's error (`web::Json`,
//! `web::Form`, `web::Query`, `web::Path`, `web::Header`, a payload over the limit, a
//! missing `web::Data`: 400, 404, 413, 415, 500, in `text/plain`), an unmatched route
//! (404, empty), a wrong method on a `web::resource` (405, empty, with `Allow`; `App::route`
//! answers it 404). A path parameter that does not parse, which `web::Path` answers 404
//! as if no route matched, counts as the 400 it is (the response carries the `PathError`).
//! Given the service's catalog,
//! the middleware answers all of them, and every other response of 400 or more that no
//! catalog error made, in it:
//!
//! ```text
//! .wrap(RequestIdMiddleware::test().catalog::<AppError>())
//! ```
//!
//! The rules are the axum layer's (see [`crate::axum`] with the `axum` feature): the
//! catalog error that [`FrameworkErrors::for_status`](crate::FrameworkErrors::for_status) names replaces the response, with
//! the response's own status and headers as [a stand-in keeps them](crate::FrameworkErrors#what-a-stand-in-keeps).
//! The error a failed response carries (an extractor's: `Json deserialize error: missing
//! field …`) is the stand-in's source chain, for the log, and its `error_details` only
//! behind [`rejection_details`](RequestIdMiddleware::rejection_details). A handler that
//! panics is answered with the stand-in for 500 (it goes out as an `Err`, whose response is
//! that error), and its payload never reaches the client.
//!
//! ```
//! use actix_web::{App, HttpResponse, test, web};
//! use stytch_errors::ApiError;
//! use stytch_errors::actix_web::RequestIdMiddleware;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! enum AppError {
//!     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
//!     BadRequest,
//!     #[api_error(status = 405, message = "The method used is not supported.", covers = 405)]
//!     MethodNotAllowed,
//!     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
//!     Internal,
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(
//!     App::new()
//!         .wrap(RequestIdMiddleware::test().catalog::<AppError>())
//!         .service(web::resource("/v1/users/{id}").get(|id: web::Path<u32>| async move {
//!             HttpResponse::Ok().body(id.to_string())
//!         })),
//! )
//! .await;
//! let request = test::TestRequest::get().uri("/v1/users/abc")
//!     .insert_header(("x-request-id", "trace-1")).to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 400);
//! assert_eq!(test::read_body(response).await, AppError::BadRequest.to_json("trace-1"));
//!
//! let request = test::TestRequest::post().uri("/v1/users/1")
//!     .insert_header(("x-request-id", "trace-2")).to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 405);
//! assert_eq!(response.headers().get("allow").unwrap(), "GET");
//! assert_eq!(test::read_body(response).await, AppError::MethodNotAllowed.to_json("trace-2"));
//! # });
//! ```

use core::future::{Future, Ready, ready};
use core::pin::Pin;
use std::boxed::Box;

use ::actix_web::body::{BoxBody, EitherBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::error::InternalError;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{self, HeaderName, HeaderValue};
use ::actix_web::{Error, HttpMessage as _, HttpResponse};

use crate::model::ApiError;
use crate::serve::exchange::{CatchPanic, Exchange, Replacement};
use crate::serve::request_id::RequestId;
use crate::serve::scope::Served;
use crate::serve::span::request_span;
use crate::serve::{PassThrough, RenderedError, to_http_response};

use self::answered::Answered;

/// The `x-request-id` header, as actix-web names it.
const X_REQUEST_ID: HeaderName = HeaderName::from_static(crate::serve::REQUEST_ID);

/// The status of `error` as actix-web's `StatusCode`; what the derived
/// `ResponseError::status_code` returns.
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
/// let status = stytch_errors::actix_web::status_code(&AppError::TooManyRequests);
/// assert_eq!(status, actix_web::http::StatusCode::TOO_MANY_REQUESTS);
/// ```
pub fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response for `error`, with the id and body shape of the request being served (see
/// the [module docs](self)); what the derived `ResponseError::error_response` returns.
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
/// let response = stytch_errors::actix_web::error_response(&AppError::TooManyRequests);
/// assert_eq!(response.status().as_u16(), 429);
/// let id = response.headers().get("x-request-id").unwrap().to_str().unwrap();
/// assert!(id.starts_with("request-id-test-"));
/// ```
pub fn error_response<E: ApiError + ?Sized>(error: &E) -> HttpResponse {
    let served = Served::current_or_default();
    from_http(to_http_response(error, served.id.as_str(), served.format))
}

/// An `http` 1 response as actix-web's.
fn from_http(response: http::Response<std::string::String>) -> HttpResponse {
    let (mut parts, body) = response.into_parts();
    let mut actix = HttpResponse::with_body(
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        BoxBody::new(body),
    );
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            actix.headers_mut().append(name, value);
        }
    }
    if let Some(rendered) = parts.extensions.remove::<RenderedError>() {
        actix.extensions_mut().insert(rendered);
    }
    actix
}

/// The actix-web middleware that gives every request an id: the client's `x-request-id`
/// when it is safe to echo, a generated `request-id-{test,live}-<uuid>` otherwise; given
/// the service's catalog, it also answers every failure in it; see the [module docs](self).
///
/// Add it with `App::wrap`, so that it wraps every route and the default service.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestIdMiddleware {
    exchange: Exchange,
}

crate::serve::exchange::exchange_constructors!(RequestIdMiddleware, "middleware");

impl<S, B> Transform<S, ServiceRequest> for RequestIdMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    // The transform's response and error are its service's.
    type Response = <RequestIdService<S> as Service<ServiceRequest>>::Response;
    type Error = <RequestIdService<S> as Service<ServiceRequest>>::Error;
    type Transform = RequestIdService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RequestIdService {
            service,
            exchange: self.exchange,
        }))
    }
}

/// The service of [`RequestIdMiddleware`].
#[derive(Debug)]
pub struct RequestIdService<S> {
    service: S,
    exchange: Exchange,
}

/// The response future of [`RequestIdService`].
pub type ResponseFuture<B> =
    Pin<Box<dyn Future<Output = Result<ServiceResponse<EitherBody<B>>, Error>>>>;

impl<S, B> Service<ServiceRequest> for RequestIdService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = ResponseFuture<B>;

    ::actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        let (served, nested) = {
            // A middleware further out gave the request its id already.
            let extensions = request.extensions();
            let outer = extensions.get::<RequestId>();
            let served = self.exchange.served(
                outer,
                headers.get(X_REQUEST_ID).map(HeaderValue::as_bytes),
                headers.get_all(header::ACCEPT).map(HeaderValue::as_bytes),
            );
            (served, outer.is_some())
        };
        let span = request_span(&served.id, nested);
        if !nested {
            request.extensions_mut().insert(served.id.clone());
        }
        let exchange = self.exchange;
        #[cfg(feature = "tracing")]
        let entered = span.enter();
        let future = CatchPanic::new(served.clone().scope(self.service.call(request)));
        #[cfg(feature = "tracing")]
        drop(entered);
        let future = async move {
            match future.await {
                Ok(Ok(response)) => {
                    let (request, response) = response.into_parts();
                    Ok(ServiceResponse::new(
                        request,
                        finish(response, None, &exchange, &served),
                    ))
                }
                Ok(Err(error)) => {
                    let response = served.clone().sync_scope(|| error.error_response());
                    let response =
                        finish(response, Some(&error), &exchange, &served).map_into_boxed_body();
                    Err(Answered::error(response, error.to_string()))
                }
                // The request went into the service that panicked: the answer goes out as
                // an error, which the server renders.
                Err(payload) => match exchange.panicked(&served) {
                    Some(response) => Err(Answered::error(
                        from_http(response),
                        "the handler panicked".into(),
                    )),
                    None => std::panic::resume_unwind(payload),
                },
            }
        };
        #[cfg(feature = "tracing")]
        let future = tracing::Instrument::instrument(future, span);
        #[cfg(not(feature = "tracing"))]
        let _: crate::serve::span::RequestSpan = span;
        Box::pin(future)
    }
}

/// Marks every response of the service it wraps [`PassThrough`]: for
/// `actix_web::middleware::from_fn`, so that every response of a scope or resource reaches
/// the client as the service made it.
///
/// ```
/// use actix_web::{App, HttpResponse, middleware, test, web};
/// use stytch_errors::StytchError;
/// use stytch_errors::actix_web::{RequestIdMiddleware, pass_through};
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .wrap(RequestIdMiddleware::test().catalog::<StytchError>())
///         .service(
///             web::resource("/legacy")
///                 .wrap(middleware::from_fn(pass_through))
///                 .get(|| async { HttpResponse::Gone().body("gone") }),
///         ),
/// )
/// .await;
/// let response = test::call_service(&app, test::TestRequest::get().uri("/legacy").to_request()).await;
/// assert_eq!(response.status().as_u16(), 410);
/// assert!(response.headers().contains_key("x-request-id"));
/// assert_eq!(test::read_body(response).await, "gone");
/// # });
/// ```
///
/// # Errors
///
/// The inner service's error, as it is.
pub async fn pass_through<B: MessageBody>(
    request: ServiceRequest,
    next: ::actix_web::middleware::Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    let mut response = next.call(request).await?;
    response.response_mut().extensions_mut().insert(PassThrough);
    Ok(response)
}

/// The status a failure stands for: its own, but 400 for a path parameter that does not
/// parse, which `web::Path` answers 404 as if no route matched (axum answers 400). Its
/// response carries the error: the deserializer's, wrapped as a 404 (or a `PathError`,
/// when a `PathConfig` error handler made it).
fn failure_status<B>(response: &HttpResponse<B>) -> u16 {
    use ::actix_web::error::PathError;
    let path_error = response.error().is_some_and(|error| {
        error
            .as_error::<InternalError<serde::de::value::Error>>()
            .is_some()
            || error.as_error::<PathError>().is_some()
    });
    if path_error {
        400
    } else {
        response.status().as_u16()
    }
}

/// The response on its way out: see [`Exchange::replacement`].
fn finish<B>(
    mut response: HttpResponse<B>,
    cause: Option<&Error>,
    exchange: &Exchange,
    served: &Served,
) -> HttpResponse<EitherBody<B>> {
    if !response.status().is_success() && response.extensions().get::<PassThrough>().is_none() {
        let status = failure_status(&response);
        let fresh = {
            let extensions = response.extensions();
            // The headers are read only for a response that is replaced.
            exchange
                .replacement(status, extensions.get::<RenderedError>(), served)
                .map(|replacement| {
                    // The framework's text for the failure: the error the response carries.
                    let reason = match replacement {
                        Replacement::StandIn(_) => cause
                            .map(ToString::to_string)
                            .or_else(|| response.error().map(ToString::to_string)),
                        Replacement::Again(_) => None,
                    };
                    let headers = http_headers(&response);
                    exchange.replace(replacement, status, &headers, reason, served)
                })
        };
        if let Some(fresh) = fresh {
            return from_http(fresh).map_into_right_body();
        }
    }
    if let Ok(id) = HeaderValue::from_bytes(served.id.as_str().as_bytes()) {
        response.headers_mut().insert(X_REQUEST_ID, id);
    }
    response.map_into_left_body()
}

/// The headers of `response` as an `http` 1 map.
fn http_headers<B>(response: &HttpResponse<B>) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    for (name, value) in response.headers() {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    headers
}

/// `ResponseError` for a derived type: `impl_frameworks!`'s actix-web hook. `ResponseError`
/// needs `Debug` and `Display`: the bounds make a generic type an error only where its
/// parameters allow both.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            Self: $crate::ApiError + ::core::fmt::Debug + ::core::fmt::Display,
            $($predicates)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix_web::status_code(self)
            }

            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<
                $crate::__private::actix_web::body::BoxBody,
            > {
                $crate::actix_web::error_response(self)
            }
        }
    };
}

mod answered;
#[cfg(test)]
mod tests;

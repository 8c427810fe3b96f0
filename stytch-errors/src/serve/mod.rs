//! Serving errors over HTTP: the body's shape and its negotiation, the response, the record
//! of what a response was rendered from, request ids, the request being served, and the
//! framework integrations.

#[cfg(feature = "problem-details")]
mod accept;
mod format;
mod framework;
mod headers;
#[cfg(feature = "tracing")]
mod log;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod pass_through;
mod rendered;
mod response;

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod exchange;
#[cfg(feature = "request-id")]
pub(crate) mod request_id;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod scope;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod span;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;

pub use self::framework::FrameworkErrors;
pub use self::headers::HeadersOut;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use self::pass_through::PassThrough;
pub use self::rendered::RenderedError;
pub use self::response::to_http_response;
pub use crate::wire::{APPLICATION_JSON, APPLICATION_PROBLEM_JSON, BodyFormat};

/// The name of the header that carries a request's id.
pub(crate) const REQUEST_ID: &str = "x-request-id";

/// The header that carries a request's id, on requests and on every error response:
/// `x-request-id`.
///
/// ```
/// assert_eq!(stytch_errors::REQUEST_ID_HEADER, "x-request-id");
/// ```
pub const REQUEST_ID_HEADER: http::HeaderName = http::HeaderName::from_static(REQUEST_ID);

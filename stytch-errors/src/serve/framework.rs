//! [`FrameworkErrors`]: which error of a catalog stands for a failure the web framework
//! answers by itself.

/// The errors of a catalog that stand for the failures a service answers without a
/// handler's error: an extractor's rejection (a malformed JSON body, a missing field, a
/// wrong `content-type`, a path or query parameter that does not parse, a body over the
/// limit), an unmatched route, a wrong method, a panic, a timeout, or any other error
/// response that a framework or a middleware makes.
///
/// The request-id layer (axum) and middleware (actix-web), given the catalog
/// (`RequestIdLayer::test().catalog::<AppError>()`), turn every response of status 400
/// or more that was not rendered from a catalog error into the error `for_status` names
/// for its status, keeping that status.
///
/// # What a stand-in keeps
///
/// A stand-in, and an error rendered again for the request's id (one rendered outside the
/// request's scope, in a spawned task), keeps what HTTP clients, browsers and proxies read
/// from the response it replaces:
///
/// - **Its status.** The stand-in for a response of status S is the variant that covers S
///   itself, else the one that covers its class, rendered with status S
///   ([`RenderedError::with_status`](crate::RenderedError::with_status)): the status line
///   and the body's `status_code` say S; the `error_type`, message and `error_url` are the
///   variant's own, so a client parses the body back to that variant.
/// - **Its headers**, but for those that describe the replaced body or the connection:
///   `content-type`, `content-length`, `content-encoding`, `content-range`,
///   `content-language`, `content-location`, `etag`, `last-modified`, the digests
///   (`digest`, `content-digest`, `repr-digest`, `content-md5`), RFC 9110's connection
///   fields (`connection`, `keep-alive`, `proxy-connection`, `te`, `trailer`,
///   `transfer-encoding`, `upgrade`) and the fields its `Connection` header names. So CORS
///   headers, `Vary`, security headers, `Allow`, `Retry-After` and `WWW-Authenticate` set
///   by the service's own layers reach the client. A header that the variant declares
///   (`header(…)`) and the replaced response also has is sent once, with the replaced
///   response's value. `x-request-id` is the request's.
///
/// A response marked `PassThrough` (features `axum`, `actix-web`) is neither replaced nor rendered
/// again: only `x-request-id` is added.
///
/// `#[derive(ApiError)]` implements it when variants say what they cover, with
/// `#[api_error(covers = …)]` on unit variants: a status (`covers = 404`) or a class
/// (`covers = "4xx"`, `covers = "5xx"`), repeatable. A status beats the class it is in, and
/// the two classes must both be covered, so that every status has its error. Implement it by
/// hand for a choice the key cannot make.
///
/// ```
/// use stytch_errors::{ApiError, FrameworkErrors};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
///     BadRequest,
///     #[api_error(status = 404, message = "The route provided is not supported.", covers = 404)]
///     RouteNotFound,
///     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
///     Internal,
/// }
///
/// assert_eq!(AppError::for_status(404), AppError::RouteNotFound);
/// assert_eq!(AppError::for_status(415), AppError::BadRequest);
/// assert_eq!(AppError::for_status(504), AppError::Internal);
/// ```
pub trait FrameworkErrors {
    /// The error that stands for a response of `status` (400 to 599) that the framework or
    /// a middleware made.
    fn for_status(status: u16) -> Self
    where
        Self: Sized;
}

//! Declare an HTTP API's error catalog once, as one annotated enum, and get the status
//! mapping, the `error_type` strings, the reference URLs and the JSON bodies exactly as
//! [Stytch](https://stytch.com/docs/api-reference/b2b/api/errors) sends them.
//!
//! ```
//! use stytch_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
//! pub enum AppError {
//!     #[api_error(status = 429, message = "Too many requests have been made.")]
//!     TooManyRequests,
//!     #[api_error(status = 400, message = "The {field} value is invalid.")]
//!     InvalidField { field: String },
//! }
//!
//! let error = AppError::InvalidField { field: "email".into() };
//! assert_eq!(error.to_string(), "The email value is invalid.");
//! assert_eq!(
//!     error.to_json("request-id-test-1"),
//!     r#"{"status_code":400,"request_id":"request-id-test-1","error_type":"invalid_field","error_message":"The email value is invalid.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#invalid_field"}"#,
//! );
//! ```
//!
//! # The attributes
//!
//! On the enum, `#[api_error(…)]` takes:
//!
//! | key | value | meaning |
//! |---|---|---|
//! | `docs_url` | `"https://…"` | the base of every `error_url`: `{docs_url}/{status}#{error_type}` |
//! | `status` | `400..=599` | the status of variants that give none |
//! | `crate` | `"path"` | where the runtime crate is, if the dependency is renamed |
//! | `display` | `false` | the enum implements `Display`, `Error` and `From` itself (thiserror) |
//! | `header` | `("name", "template")` | a response header of every variant that gives none of that name; repeatable |
//! | `log` | `"off"`, `"error"`, `"warn"`, `"info"`, `"debug"`, `"trace"` | the level of the log line (feature `tracing`) |
//! | `subset_of` | `"Path"` | the unit variants are the errors of that name of the catalog at `Path` |
//! | `round_trip` | (none) | [`parse_error`] gives back the values of variants whose every field is `#[api_error(details)]` |
//! | `kind` | `"AppErrorKind"` | an enum of that name beside the catalog, one fieldless variant per variant, and [`CatalogKind`] |
//! | `message` | as on a variant | the message of every variant that gives neither `message` nor `fmt` |
//! | `fmt` | `path` | as on a variant, for every variant that gives neither `message` nor `fmt` |
//!
//! On a variant:
//!
//! | key | value | meaning |
//! |---|---|---|
//! | `status` | `400..=599` | the HTTP status (required unless the enum gives one) |
//! | `message` | `"…"` or `("…", args…)` | the `error_message` (required, unless the enum or `fmt` gives it); `{field}`, `{0}`, `{{`, `}}`, format specs (`{field:?}`, `{n:>8}`, `{0:#x}`), and after the template `format!`'s arguments, in which `.field` and `.0` are the variant's fields: `message("{} of {max}", .items.len(), max = .limit)` |
//! | `fmt` | `path` | a `fn(&field…, &mut fmt::Formatter) -> fmt::Result`, given the variant's fields in order, that writes the message instead of `message` |
//! | `error_type` | `"snake_case"` | default: the variant's name in `snake_case` |
//! | `docs_url` | `"https://…"` | this variant's docs base, instead of the enum's |
//! | `cause` | `"…"` | a common cause, repeatable |
//! | `fix` | `"…"` | a troubleshooting step, repeatable |
//! | `transparent` | (none) | the variant is its one field's error, another catalog's |
//! | `retryable` | `true`, `false` | whether a client may retry; default: for 429, 499 and 503 |
//! | `header` | `("name", "template")` | a response header, its value a template like `message`'s; repeatable |
//! | `log` | as on the enum | default: `error` for 5xx, `debug` otherwise |
//! | `covers` | `404`, `"4xx"`, `"5xx"` | on a unit variant: it stands for the framework's own failures of that status or class, repeatable (see [`FrameworkErrors`]) |
//!
//! On a named field, `#[api_error(details)]` (any `serde::Serialize` type; with the
//! `utoipa` feature, `utoipa::ToSchema` too; with `schemars`, a `schemars::JsonSchema` type is
//! described in `CatalogBody`'s JSON Schema) makes the field a member of the body's
//! `error_details` object, written last, by `serde_json`, straight into the body's buffer; a
//! variant without such fields has no `error_details`. In problem details, the same members
//! are extension members, so a details field cannot take the name of a member problem details
//! already have (`type`, `title`, `status`, `detail`, `instance`, `error_type`, `request_id`).
//! A field shown only by a header never reaches the body.
//!
//! ```
//! use stytch_errors::{ApiError, BodyFormat, RenderedError, to_http_response};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! pub enum AppError {
//!     #[api_error(status = 422, message = "{count} fields are invalid.")]
//!     InvalidFields {
//!         count: usize,
//!         #[api_error(details)]
//!         invalid_fields: Vec<String>,
//!     },
//!     #[api_error(status = 429, message = "Too many requests have been made.")]
//!     #[api_error(header("retry-after", "{retry_after_secs}"))]
//!     TooManyRequests { retry_after_secs: u64 },
//! }
//!
//! let error = AppError::InvalidFields { count: 1, invalid_fields: vec!["email".into()] };
//! assert_eq!(
//!     error.to_json("request-id-test-1"),
//!     r#"{"status_code":422,"request_id":"request-id-test-1","error_type":"invalid_fields","error_message":"1 fields are invalid.","error_url":"https://example.com/errors/422#invalid_fields","error_details":{"invalid_fields":["email"]}}"#,
//! );
//! assert_eq!(AppError::catalog()[0].details, ["invalid_fields"]);
//!
//! let error = AppError::TooManyRequests { retry_after_secs: 30 };
//! let response = to_http_response(&error, "request-id-test-1", BodyFormat::Stytch);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert!(!response.body().contains("30"));
//! ```
//!
//! A header value that a field makes invalid (a line break, say) drops that header, not the
//! response, and [`RenderedError::problems`] says so. With the `tracing` feature, every
//! error response emits one event when it is rendered (see [`to_http_response`]).
//!
//! Doc comments on a variant are its description in the catalog. A field marked `#[source]`
//! or `#[from]` (or named `source`) is the underlying error: it is returned by
//! [`std::error::Error::source`], `#[from]` generates `From` so that `?` converts into the
//! variant, and its text never reaches the message or the body. A source of type
//! `Option<E>` makes `source()` `None` when the field is.
//!
//! Values are plain literals: no suffix, except `u16` on a status (`400u16`). They may come
//! from `macro_rules!` fragments (`status = $status`, `message = $msg`). The generated
//! code compiles without warnings for `#[deprecated]` variants and enums, raw identifiers
//! (`r#Type` is the variant `Type`, `error_type` `type`) and the allow-by-default lints that
//! crates often deny.
//!
//! `Display` writes the message whole, as thiserror's does: the caller's width, precision
//! and alignment (`{:>12}`, `{:.2}`) apply to neither the message nor its fields. The
//! message is the same text on every path (`Display`, [`ApiError::error_message`], the
//! JSON body, the HTTP responses); a field whose own `Display` fails shows what it wrote
//! before failing, and the message goes on after it, so that no path panics.
//!
//! A transparent variant wraps another catalog, as thiserror's `#[error(transparent)]`
//! wraps an error: the composed enum is still one catalog, its own entries followed by each
//! wrapped catalog's, built at compile time (the same `error_type` twice is a compile
//! error). A subset is an endpoint's own error type, with `From` for its catalog:
//!
//! ```
//! use stytch_errors::{ApiError, StytchError};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! enum AppError {
//!     #[api_error(status = 503, message = "Down for maintenance.")]
//!     Maintenance,
//!     #[api_error(transparent)]
//!     Stytch(#[from] StytchError),
//! }
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api_error(subset_of = "StytchError")]
//! enum LoginError {
//!     UnauthorizedCredentials,
//!     TooManyRequests,
//! }
//!
//! assert_eq!(
//!     AppError::from_error_type("too_many_requests"),
//!     Some(AppError::Stytch(StytchError::TooManyRequests)),
//! );
//! assert_eq!(LoginError::catalog().len(), 2);
//! assert_eq!(StytchError::from(LoginError::TooManyRequests), StytchError::TooManyRequests);
//! ```
//!
//! With `display = false`, the derive leaves `Display`, `std::error::Error` and `From` to
//! another derive such as thiserror's, whose `Display` may then say more (for logs) than the
//! public `message`:
//!
//! ```
//! use stytch_errors::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors", display = false)]
//! pub enum AppError {
//!     #[error("database failure: {0}")]
//!     #[api_error(status = 500, message = "Something went wrong.")]
//!     Database(#[from] std::io::Error),
//! }
//!
//! let error = AppError::from(std::io::Error::other("postgres://app:hunter2@db"));
//! assert_eq!(error.to_string(), "database failure: postgres://app:hunter2@db");
//! assert_eq!(error.error_message(), "Something went wrong.");
//! assert!(!error.to_json("request-id-test-1").contains("hunter2"));
//! ```
//!
//! # Migrating from thiserror
//!
//! A message takes what thiserror's `#[error("…")]` takes, so an enum moves in place:
//! `#[error("…")]` becomes `#[api_error(status = …, message = "…")]`, and
//! `#[error("…", args…)]` becomes `message("…", args…)`; `#[source]`, `#[from]` (on an
//! `Option<E>` too), a field named `source`, `Path` fields (shown through `display()`),
//! an enum-level default message and `fmt = path` mean what they mean there. Each message
//! is now what a client reads: to keep the detailed text for logs, keep `#[error]` with
//! `display = false` (above) and give each variant a client `message`.
//!
//! ```
//! use stytch_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors", status = 400)]
//! pub enum AppError {
//!     #[api_error(message("{} of {max} items given", .0.len(), max = .1))]
//!     TooMany(Vec<String>, usize),
//!     #[api_error(message = "The code {code:#06x} is unknown.")]
//!     UnknownCode { code: u16 },
//!     #[api_error(status = 500, message = "Something went wrong.")]
//!     Internal(#[from] Box<dyn std::error::Error + Send + Sync>),
//! }
//!
//! assert_eq!(AppError::TooMany(vec![String::new(); 3], 2).error_message(), "3 of 2 items given");
//! assert_eq!(AppError::UnknownCode { code: 42 }.to_string(), "The code 0x002a is unknown.");
//! ```
//!
//! A struct derives `ApiError` too: it is one error, its attribute takes the keys of the
//! enum and of a variant (but `subset_of`, `transparent` and `covers`), and another catalog
//! wraps it with `transparent` as it wraps an enum.
//!
//! ```
//! use stytch_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors", status = 404, message = "User {id} not found.")]
//! pub struct UserNotFound {
//!     id: u64,
//! }
//!
//! let error = UserNotFound { id: 7 };
//! assert_eq!(error.error_type(), "user_not_found");
//! assert_eq!(error.error_message(), "User 7 not found.");
//! ```
//!
//! What does not carry over, by design:
//!
//! - `#[error(transparent)]` over a type that is not a catalog (`anyhow::Error`,
//!   `io::Error`): its `Display` would become the client's message, and that text is for
//!   logs. `transparent` takes another catalog's error only; write a 500 variant with a
//!   message of its own and the error as its source, `#[from] anyhow::Error`, as
//!   `Internal` above does.
//! - A source's text in a message (`{source}` where `source` is the source): a message
//!   refuses it for the same reason.
//!
//! # Stytch's catalog and reference docs
//!
//! [`StytchError`] is Stytch's own catalog, declared with the derive: every error of Stytch's
//! API reference, with its description, common causes and troubleshooting steps, and the
//! errors whose bodies are known from elsewhere (404s among them). [`StytchErrorType`] names
//! every `error_type` Stytch is known to send, with or without an entry. The
//! [`docs`] module renders reference pages, as Markdown or as one JSON document, from any
//! catalog.
//!
//! # `OpenAPI` and JSON Schema
//!
//! With the `utoipa` feature, the derive also implements `utoipa::IntoResponses`: one response
//! per status code, a `$ref` to a shared component that holds one named example per error
//! type whose value is that error's body (see the `openapi` module). `ErrorBody` and
//! `CatalogBody<E>` (the body with `error_type` as the enum of `E`'s error types) implement
//! `utoipa::ToSchema`, and with the `schemars` feature `schemars::JsonSchema`; both describe
//! `error_details` from the details fields' own schemas. When the enum
//! is `#[non_exhaustive]` (the derive records it in each [`ErrorInfo`]), the schemas describe
//! `error_type` as an open set: the known values, or any other string.
//!
//! # Serving errors over HTTP
//!
//! [`to_http_response`] renders any error as an `http::Response`: status,
//! `content-type: application/json`, `x-request-id` and the body. With the `axum` feature
//! every derived type is an `IntoResponse` and `axum::RequestIdLayer` gives each request its
//! `RequestId`; with `actix-web`, every derived type is a `ResponseError` and
//! `actix_web::RequestIdMiddleware` does the same. Either way the body of an error made
//! anywhere in a handler carries the id of the request being served (see the `axum` module
//! for how). With `problem-details`, clients that ask for `application/problem+json` get
//! RFC 9457 problem details. The `request-id` feature (implied by both frameworks) adds
//! `RequestId` alone. With `tracing`, every error response emits one event as it is
//! rendered, with the text of the error's source chain (see [`to_http_response`]); without
//! it, the [`RenderedError`] in the response's extensions holds that text for any
//! middleware to log.
//!
//! # Parsing error bodies
//!
//! On the client's side, [`parse_error`] reads a response body back into a [`ParsedError`] of
//! any catalog: the unit variant of a known `error_type`, the catalog entry of a variant with
//! fields, or the type as it came if the catalog does not know it. It takes Stytch's shape and
//! OAuth 2's (`error`, `error_description`, `error_uri`), and with `problem-details` problem
//! details as this crate writes them (the same result for the same error, details as sent);
//! it borrows strings from the input, and answers a body that is too long, not JSON, not an
//! object or without `error_type` with a [`ParseError`], never a panic. [`ErrorReader`]
//! says which shapes a client expects and reads the body's content type.
//!
//! [`parse_response`] does the rest for an `http::Response`, and with the `reqwest` feature
//! `reqwest::ResponseExt::error_for_api` for a `reqwest::Response`: a success passes
//! through, a failure becomes a [`ClientError`] with the parsed error (or the first bytes of
//! a body that is not one), the status, `Retry-After` and the request id.
//! [`ClientError::into_catalog`] turns an upstream service's failure into the failure of a
//! catalog that wraps its catalog. With `reqwest`, `reqwest::RequestBuilderExt::send_for_api`
//! gives one error per call (`reqwest::CallError`: the transport's or the API's), and
//! `forward_request_id` passes the id of the request being served along.
//!
//! # Error contracts
//!
//! An API's errors are part of its contract: clients branch on `error_type`, the status,
//! the details' members. [`contract::check`] compares a catalog with its lock file (JSON,
//! committed beside the code) in a `#[test]`, and names every breaking change (a renamed
//! `error_type`, a changed status, a removed details member) with the usual way out, before
//! it ships.

#![cfg_attr(docsrs, feature(doc_cfg))]

// The model: the trait and the catalog entry.
mod model;
// The wire format: the body, its writer, problem details, the lookup table.
mod wire;
// Reading a body back.
mod parse;
// Serving: responses, `Accept`, request ids, the frameworks.
mod serve;
// Schemas: `OpenAPI` (utoipa) and JSON Schema (schemars).
mod schema;
// The client's side: failed responses read into typed errors.
mod client;
// Error contracts: a lock file of the catalog.
pub mod contract;
// Reference docs.
pub mod docs;
// Stytch's own catalog.
mod stytch;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "reqwest")]
pub use crate::client::reqwest;
pub use crate::client::{BODY_PREFIX_LEN, ClientError, parse_response};
pub use crate::model::{ApiError, CatalogKind, Cover, ErrorInfo, LogLevel, StaticCatalog};
pub use crate::parse::{
    ErrorKind, ErrorReader, MAX_BODY_LEN, ParseError, ParsedError, parse_error,
    parse_error_with_limit,
};
#[cfg(any(feature = "utoipa", feature = "schemars"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "utoipa", feature = "schemars"))))]
pub use crate::schema::CatalogBody;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub use crate::schema::JsonSchemaDetails;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use crate::schema::openapi;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use crate::serve::PassThrough;
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use crate::serve::actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use crate::serve::axum;
#[cfg(feature = "request-id")]
#[cfg_attr(docsrs, doc(cfg(feature = "request-id")))]
pub use crate::serve::request_id::{
    ClientIds, Environment, IdGenerator, InvalidRequestId, RequestId,
};
pub use crate::serve::{
    APPLICATION_JSON, APPLICATION_PROBLEM_JSON, BodyFormat, FrameworkErrors, REQUEST_ID_HEADER,
    RenderedError, to_http_response,
};
pub use crate::stytch::{StytchError, StytchErrorType, UnknownErrorType};
pub use crate::wire::ErrorBody;
#[cfg(feature = "problem-details")]
#[cfg_attr(docsrs, doc(cfg(feature = "problem-details")))]
pub use crate::wire::ProblemDetails;

/// Derives [`ApiError`], `Display` and `std::error::Error` for an enum: see the
/// [crate docs](crate) for the attributes.
pub use stytch_errors_derive::ApiError;

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

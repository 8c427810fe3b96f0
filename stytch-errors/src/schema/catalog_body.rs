//! The error body of one catalog, as a type that schema generators can describe.

use core::marker::PhantomData;
use std::string::String;
use std::vec::Vec;

use crate::ApiError;

/// The error body of the catalog `E`, for schemas: the shape of
/// [`ErrorBody`](crate::ErrorBody), with `error_type` described as the string enum of `E`'s
/// error types and `status_code` as the enum of its statuses.
///
/// It is a marker type, never built: [`ErrorBody`](crate::ErrorBody) is what serializes, and
/// is not generic over the catalog, so its own schema can only say that `error_type` is a
/// string. `CatalogBody<E>` implements `utoipa::ToSchema` (feature `utoipa`) and
/// `schemars::JsonSchema` (feature `schemars`); its schema's name is the catalog's type name
/// followed by `Body`, e.g. `AppErrorBody`.
///
/// ```
/// use stytch_errors::{ApiError, CatalogBody};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// let error_types = serde_json::json!(["too_many_requests", "invalid_field"]);
///
/// # #[cfg(feature = "utoipa")] {
/// use utoipa::{PartialSchema, ToSchema};
///
/// assert_eq!(CatalogBody::<AppError>::name(), "AppErrorBody");
/// let schema = serde_json::to_value(CatalogBody::<AppError>::schema()).unwrap();
/// assert_eq!(schema["properties"]["error_type"]["enum"], error_types);
/// # }
///
/// # #[cfg(feature = "schemars")] {
/// let schema = schemars::schema_for!(CatalogBody<AppError>);
/// assert_eq!(schema.get("title").unwrap(), "AppErrorBody");
/// assert_eq!(schema.pointer("/properties/error_type/enum").unwrap(), &error_types);
/// # }
/// ```
pub struct CatalogBody<E: ?Sized> {
    _catalog: PhantomData<fn() -> E>,
}

/// What the schemas say about each field of the body: `(name, description)`, in the body's
/// order.
pub(crate) const FIELDS: [(&str, &str); 5] = [
    ("status_code", "The HTTP status code of the response."),
    (
        "request_id",
        "The id of the request that failed, to quote when asking for support.",
    ),
    (
        "error_type",
        "The catalog's name for the error, e.g. `too_many_requests`: what a client matches on.",
    ),
    (
        "error_message",
        "A human-readable explanation of the error.",
    ),
    (
        "error_url",
        "The error's reference page: `{docs_url}/{status_code}#{error_type}`.",
    ),
];

/// The description of a body's schema.
pub(crate) const DESCRIPTION: &str = "An error response: the status code, the request id, the error type, a message and the \
     URL of the error's reference page.";

/// The lowest and highest status an error body can have.
pub(crate) const STATUS_RANGE: (u16, u16) = (
    stytch_errors_shared::status::MIN,
    stytch_errors_shared::status::MAX,
);

/// The name of `CatalogBody<E>`'s schema: `E`'s type name without its path and generics,
/// followed by `Body`.
pub(crate) fn schema_name<E: ?Sized>() -> String {
    let full = core::any::type_name::<E>();
    let path = full.split_once('<').map_or(full, |(path, _)| path);
    let name = path.rsplit_once("::").map_or(path, |(_, name)| name);
    let mut schema_name = String::with_capacity(name.len() + 4);
    schema_name.push_str(name);
    schema_name.push_str("Body");
    schema_name
}

/// Every `error_type` of the catalog, in declaration order.
pub(crate) fn error_types<E: ApiError>() -> Vec<&'static str> {
    E::catalog().iter().map(|info| info.error_type).collect()
}

/// The catalog's distinct statuses, in increasing order.
pub(crate) fn statuses<E: ApiError>() -> Vec<u16> {
    let mut statuses: Vec<u16> = E::catalog().iter().map(|info| info.status_code).collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

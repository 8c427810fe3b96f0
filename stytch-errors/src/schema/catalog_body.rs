//! The error body of one catalog, as a type that schema generators can describe.

use core::marker::PhantomData;
use std::string::String;

/// The error body of the catalog `E`, for schemas: the shape of
/// [`ErrorBody`](crate::ErrorBody), with `error_type` described as the string enum of `E`'s
/// error types and `status_code` as the enum of its statuses. For a `#[non_exhaustive]`
/// catalog, `error_type` is an open set instead (`anyOf` the enum of the known values and any
/// string) and `status_code` any error status: a newer catalog may send what this one does not
/// list.
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

/// The name of `E` in schema and component names: its type name without its path and
/// generics, e.g. `StytchError`.
pub(crate) fn catalog_name<E: ?Sized>() -> &'static str {
    let full = core::any::type_name::<E>();
    let path = full.split_once('<').map_or(full, |(path, _)| path);
    path.rsplit_once("::").map_or(path, |(_, name)| name)
}

/// The name of `CatalogBody<E>`'s schema: [`catalog_name`] followed by `Body`.
pub(crate) fn schema_name<E: ?Sized>() -> String {
    let mut schema_name = String::from(catalog_name::<E>());
    schema_name.push_str("Body");
    schema_name
}

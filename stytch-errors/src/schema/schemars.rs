//! JSON Schemas of error bodies, with [schemars](https://docs.rs/schemars) (feature
//! `schemars`).

use std::borrow::Cow;
use std::string::String;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::schema::catalog_body::{self, CatalogBody};
use crate::schema::shape::{self, ErrorTypes, Statuses};
use crate::{ApiError, ErrorBody};

/// `value`, a JSON object, as a schemars schema.
fn schema(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        // `shape` builds objects only.
        _ => Schema::default(),
    }
}

/// `error_type` is a plain string: the body type knows no catalog. See [`CatalogBody`] for
/// the schema of one catalog's body.
///
/// ```
/// use stytch_errors::ErrorBody;
///
/// let schema = schemars::schema_for!(ErrorBody<'static>);
/// assert_eq!(schema.get("title").unwrap(), "ErrorBody");
/// assert_eq!(schema.pointer("/properties/error_type/type").unwrap(), "string");
/// assert_eq!(schema.pointer("/properties/status_code/maximum").unwrap(), 599);
/// ```
impl JsonSchema for ErrorBody<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorBody")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("stytch_errors::ErrorBody")
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        schema(shape::body(Statuses::Any, ErrorTypes::Any, None))
    }
}

/// `error_type` is the enum of the catalog's error types, `status_code` the enum of its
/// statuses.
///
/// ```
/// use stytch_errors::{ApiError, CatalogBody};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The request body is not JSON.")]
///     InvalidJson,
/// }
///
/// let schema = schemars::schema_for!(CatalogBody<AppError>);
/// assert_eq!(schema.get("title").unwrap(), "AppErrorBody");
/// assert_eq!(
///     schema.pointer("/properties/status_code/enum").unwrap(),
///     &serde_json::json!([400, 429]),
/// );
/// ```
impl<E: ApiError> JsonSchema for CatalogBody<E> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(catalog_body::schema_name::<E>())
    }

    fn schema_id() -> Cow<'static, str> {
        let mut id = String::from("stytch_errors::CatalogBody<");
        id.push_str(core::any::type_name::<E>());
        id.push('>');
        Cow::Owned(id)
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        schema(shape::catalog::<E>(None))
    }
}

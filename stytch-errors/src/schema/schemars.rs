//! JSON Schemas of error bodies, with [schemars](https://docs.rs/schemars) (feature
//! `schemars`).

use std::borrow::Cow;
use std::string::String;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use crate::schema::catalog_body::{self, CatalogBody};
use crate::{ApiError, ErrorBody};

/// The schema of an error body: `statuses` and `error_types` narrow `status_code` and
/// `error_type` to enums when given.
fn body_schema(statuses: Option<Value>, error_types: Option<Value>) -> Schema {
    let [
        status_code,
        request_id,
        error_type,
        error_message,
        error_url,
    ] = catalog_body::FIELDS;
    let mut status_schema = json!({ "type": "integer", "description": status_code.1 });
    if let Some(statuses) = statuses {
        status_schema["enum"] = statuses;
    } else {
        status_schema["minimum"] = json!(catalog_body::STATUS_RANGE.0);
        status_schema["maximum"] = json!(catalog_body::STATUS_RANGE.1);
    }
    let mut error_type_schema = json!({ "type": "string", "description": error_type.1 });
    if let Some(error_types) = error_types {
        error_type_schema["enum"] = error_types;
    }
    let schema = json!({
        "type": "object",
        "description": catalog_body::DESCRIPTION,
        "properties": {
            (status_code.0): status_schema,
            (request_id.0): { "type": "string", "description": request_id.1 },
            (error_type.0): error_type_schema,
            (error_message.0): { "type": "string", "description": error_message.1 },
            (error_url.0): { "type": "string", "format": "uri", "description": error_url.1 },
        },
        "required": [status_code.0, request_id.0, error_type.0, error_message.0, error_url.0],
    });
    match schema {
        Value::Object(map) => Schema::from(map),
        // `json!({…})` is always an object.
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
        body_schema(None, None)
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
        body_schema(
            Some(json!(catalog_body::statuses::<E>())),
            Some(json!(catalog_body::error_types::<E>())),
        )
    }
}

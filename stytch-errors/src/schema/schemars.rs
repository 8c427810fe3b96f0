//! JSON Schemas of error bodies, with [schemars](https://docs.rs/schemars) (feature
//! `schemars`).

use std::borrow::Cow;
use std::string::String;

use std::vec::Vec;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

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

/// The JSON Schemas of a catalog's `#[api_error(details)]` fields (feature `schemars`): what
/// the `JsonSchema` of [`CatalogBody`] describes `error_details` with.
///
/// `#[derive(ApiError)]` implements it when the `schemars` feature is on, for every enum
/// whose details fields' types are `schemars::JsonSchema` (a catalog with another details
/// type still derives; only its `CatalogBody` has no JSON Schema). A catalog written by hand
/// implements it with [`impl_json_schema_details!`](crate::impl_json_schema_details), as
/// having no details fields.
pub trait JsonSchemaDetails: ApiError {
    /// Each details field: the `error_type` of its variant, its name, its doc comment, and
    /// its type's schema (a reference into `generator`'s definitions for a named type).
    #[doc(hidden)]
    fn __details_json_schemas(
        generator: &mut SchemaGenerator,
    ) -> Vec<(&'static str, &'static str, &'static str, Schema)>;
}

/// Implements [`JsonSchemaDetails`] with no details fields (feature `schemars`), for types
/// that implement [`ApiError`] by hand, so that their [`CatalogBody`] has a JSON Schema.
/// `#[derive(ApiError)]` already does it when the `schemars` feature is on.
///
/// ```
/// use std::borrow::Cow;
/// use stytch_errors::{ApiError, CatalogBody, ErrorInfo};
///
/// #[derive(Debug)]
/// pub struct Overloaded;
///
/// static CATALOG: [ErrorInfo; 1] = [ErrorInfo::new(
///     "Overloaded", "overloaded", 503, "Try again later.", "https://example.com/errors",
///     "https://example.com/errors/503#overloaded",
/// )];
///
/// impl ApiError for Overloaded {
///     fn catalog() -> &'static [ErrorInfo] { &CATALOG }
///     fn info(&self) -> &'static ErrorInfo { &CATALOG[0] }
///     fn error_message(&self) -> Cow<'_, str> { Cow::Borrowed(CATALOG[0].message_template) }
///     fn from_error_type(error_type: &str) -> Option<Self> {
///         (error_type == "overloaded").then_some(Overloaded)
///     }
/// }
///
/// stytch_errors::impl_json_schema_details!(Overloaded);
///
/// let schema = schemars::schema_for!(CatalogBody<Overloaded>);
/// assert_eq!(schema.pointer("/properties/error_type/enum").unwrap(), &serde_json::json!(["overloaded"]));
/// ```
#[macro_export]
macro_rules! impl_json_schema_details {
    ($($ty:ty),+ $(,)?) => {
        $(
            $crate::__impl_schemars! { [] [$ty] [] }
        )+
    };
}

/// The `schemars` hook of `impl_frameworks!`: implements [`JsonSchemaDetails`] with the
/// listed details fields, for any generics.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_schemars {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]
        $([$(($error_type:literal, $name:literal, $field:ty, $docs:literal)),* $(,)?])?
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::JsonSchemaDetails for $($ty)*
        where
            Self: $crate::ApiError,
            // Higher-ranked, so that a details type without `JsonSchema` leaves the catalog
            // without this impl (and its `CatalogBody` without a schema) instead of failing
            // the derive: rustc refuses an impl whose plain bound on a concrete type is false.
            $($(for<'__details> $field: $crate::__private::schemars::JsonSchema,)*)?
            $($predicates)*
        {
            fn __details_json_schemas(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> ::std::vec::Vec<(
                &'static str,
                &'static str,
                &'static str,
                $crate::__private::schemars::Schema,
            )> {
                let _ = &generator;
                ::std::vec![$($(
                    ($error_type, $name, $docs, generator.subschema_for::<$field>()),
                )*)?]
            }
        }
    };
}

/// The schema of the `error_details` object of any error of `E`: every member any variant
/// has, each once (the first variant's schema of a name shared by two), described by the
/// field's doc comment; `None` when no variant has details.
fn details_object<E: JsonSchemaDetails>(generator: &mut SchemaGenerator) -> Option<Value> {
    let mut properties = Map::new();
    for (_, name, docs, schema) in E::__details_json_schemas(generator) {
        properties.entry(name).or_insert_with(|| {
            let mut schema = schema.to_value();
            // The field's doc comment describes the member, as for a struct's field.
            if let (Value::Object(schema), false) = (&mut schema, docs.is_empty()) {
                schema.insert(String::from("description"), Value::from(docs));
            }
            schema
        });
    }
    shape::details_object(properties)
}

/// `error_type` is the enum of the catalog's error types, `status_code` the enum of its
/// statuses, and `error_details` (not required) has a member per details field, described by
/// its type's own `JsonSchema`.
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
/// assert!(schema.pointer("/properties/error_details").is_none());
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum FormError {
///     #[api_error(status = 422, message = "Some fields were refused.")]
///     Refused {
///         /// The names of the refused fields.
///         #[api_error(details)]
///         fields: Vec<String>,
///     },
/// }
///
/// let schema = schemars::schema_for!(CatalogBody<FormError>);
/// let fields = schema.pointer("/properties/error_details/properties/fields").unwrap();
/// assert_eq!(fields["type"], "array");
/// assert_eq!(fields["items"]["type"], "string");
/// assert_eq!(fields["description"], "The names of the refused fields.");
/// ```
impl<E: JsonSchemaDetails> JsonSchema for CatalogBody<E> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(catalog_body::schema_name::<E>())
    }

    fn schema_id() -> Cow<'static, str> {
        let mut id = String::from("stytch_errors::CatalogBody<");
        id.push_str(core::any::type_name::<E>());
        id.push('>');
        Cow::Owned(id)
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut body = shape::catalog::<E>(None);
        if let (Some(details), Some(properties)) = (
            details_object::<E>(generator),
            body.get_mut("properties").and_then(Value::as_object_mut),
        ) {
            properties.insert(String::from("error_details"), details);
        }
        schema(body)
    }
}

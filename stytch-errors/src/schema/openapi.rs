//! `OpenAPI` documentation of a catalog's error responses, with
//! [utoipa](https://docs.rs/utoipa) (feature `utoipa`).
//!
//! With the feature on, `#[derive(ApiError)]` also implements [`utoipa::IntoResponses`]:
//! `responses(AppError)` in `#[utoipa::path(…)]` documents every error the catalog has, one
//! response per status code, each with one named example per `error_type` whose value is that
//! error's JSON body. utoipa's own `#[derive(IntoResponses)]` gives one response per variant
//! and so cannot list several errors under one status; this does.
//!
//! ```
//! use stytch_errors::ApiError;
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! pub enum AppError {
//!     #[api_error(status = 401, message = "The credentials are invalid.")]
//!     UnauthorizedCredentials,
//!     #[api_error(status = 401, message = "The session has expired.")]
//!     SessionExpired,
//!     #[api_error(status = 429, message = "Too many requests have been made.")]
//!     TooManyRequests,
//! }
//!
//! /// Reads the current user.
//! #[utoipa::path(get, path = "/me", responses((status = 200, body = String), AppError))]
//! async fn me() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(me))]
//! struct ApiDoc;
//!
//! let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let unauthorized = &document["paths"]["/me"]["get"]["responses"]["401"];
//! assert_eq!(unauthorized["description"], "Unauthorized");
//! let examples = &unauthorized["content"]["application/json"]["examples"];
//! assert_eq!(
//!     examples["session_expired"]["value"],
//!     serde_json::from_str::<serde_json::Value>(
//!         &AppError::SessionExpired.to_json(stytch_errors::openapi::EXAMPLE_REQUEST_ID),
//!     )
//!     .unwrap(),
//! );
//! assert!(document["paths"]["/me"]["get"]["responses"]["429"].is_object());
//! ```
//!
//! Each response's schema is inline and narrowed to its status: `status_code` is the enum of
//! that one status and `error_type` the enum of the error types that have it. For a named
//! schema of the whole catalog's body, register [`CatalogBody<E>`](crate::CatalogBody) in the
//! document's components; [`ErrorBody`] also implements [`utoipa::ToSchema`], with
//! `error_type` a plain string.
//!
//! The example of a unit variant is exactly [`ApiError::to_json`] with
//! [`EXAMPLE_REQUEST_ID`]; a variant with fields has no fixed body, so its example is
//! [`ErrorInfo::example_json`](crate::ErrorInfo::example_json): the message template, its
//! `{field}` placeholders standing for the values. Example values are JSON values: the
//! printed document orders their keys as `serde_json`'s maps do (alphabetically, unless its
//! `preserve_order` feature is on).
//!
//! For a type whose `ApiError` impl is written by hand,
//! [`impl_into_responses!`](crate::impl_into_responses) implements `IntoResponses` in one line.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::schema::catalog_body::{self, CatalogBody};
use crate::schema::details;
#[doc(hidden)]
pub use crate::schema::details::DetailsSchema;
use crate::{ApiError, ErrorBody, ErrorInfo};

/// The `request_id` of the documented examples.
///
/// ```
/// # use stytch_errors::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api_error(docs_url = "https://example.com/errors")]
/// # enum AppError { #[api_error(status = 429, message = "Slow down.")] TooManyRequests }
/// use stytch_errors::openapi::{responses, EXAMPLE_REQUEST_ID};
///
/// let responses = serde_json::to_value(responses::<AppError>()).unwrap();
/// assert_eq!(
///     responses["429"]["content"]["application/json"]["examples"]["too_many_requests"]["value"]["request_id"],
///     EXAMPLE_REQUEST_ID,
/// );
/// ```
pub const EXAMPLE_REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// The media type of every error body.
const JSON: &str = "application/json";

/// The responses of the catalog `E`: one per status code, keyed by the code, each with an
/// `application/json` body whose schema is narrowed to that status and one example per error
/// type of that status, named after it.
///
/// This is what the `IntoResponses` impl of a derived type returns; use it directly to add a
/// catalog's responses to an operation built by hand.
///
/// ```
/// use stytch_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     /// The caller sent too many requests.
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
///     #[api_error(status = 400, message = "The request body is not JSON.")]
///     InvalidJson,
/// }
///
/// let responses = stytch_errors::openapi::responses::<AppError>();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "429"]);
///
/// let bad_request = serde_json::to_value(&responses["400"]).unwrap();
/// let content = &bad_request["content"]["application/json"];
/// assert_eq!(
///     content["schema"]["properties"]["error_type"]["enum"],
///     serde_json::json!(["invalid_field", "invalid_json"]),
/// );
/// assert_eq!(
///     content["examples"]["invalid_field"]["value"]["error_message"],
///     "The {field} value is invalid.",
/// );
/// ```
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    __responses_with_details::<E>(&[])
}

/// [`responses`], with the schemas of the `#[api_error(details)]` fields, which the
/// derive lists.
#[doc(hidden)]
#[must_use]
pub fn __responses_with_details<E: ApiError>(
    details: &[DetailsSchema],
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorInfo>> = BTreeMap::new();
    for info in E::catalog() {
        by_status.entry(info.status_code).or_default().push(info);
    }
    by_status
        .into_iter()
        .map(|(status, infos)| {
            (
                status.to_string(),
                RefOr::T(status_response::<E>(status, &infos, details)),
            )
        })
        .collect()
}

/// The response of one status: its errors' schema and examples.
fn status_response<E: ApiError>(
    status: u16,
    infos: &[&'static ErrorInfo],
    details: &[DetailsSchema],
) -> Response {
    let error_types: Vec<&str> = infos.iter().map(|info| info.error_type).collect();
    let mut schema = body_object(Some(&[status]), Some(&error_types), None);
    // The members of every error of this status that has details, each once.
    let mut all_members: Vec<(&'static str, serde_json::Value)> = Vec::new();
    let members: Vec<_> = infos
        .iter()
        .map(|info| details::members(details, info.error_type))
        .collect();
    for (name, member) in members.iter().flatten() {
        if !all_members.iter().any(|(known, _)| known == name) {
            all_members.push((name, member.clone()));
        }
    }
    if let Some(object) = details::object_schema(&all_members).filter(|_| !all_members.is_empty()) {
        schema
            .properties
            .insert(String::from("error_details"), object);
    }
    let content = ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(
            infos
                .iter()
                .zip(&members)
                .map(|(info, members)| (info.error_type, example::<E>(info, members))),
        )
        .build();
    ResponseBuilder::new()
        .description(status_description(status))
        .content(JSON, content)
        .build()
}

/// The named example of one error.
fn example<E: ApiError>(
    info: &ErrorInfo,
    members: &[(&'static str, serde_json::Value)],
) -> ExampleBuilder {
    let json = match E::from_error_type(info.error_type) {
        Some(error) => error.to_json(EXAMPLE_REQUEST_ID),
        None => info.example_json(EXAMPLE_REQUEST_ID),
    };
    let mut value: Option<serde_json::Value> = serde_json::from_str(&json).ok();
    if let (Some(serde_json::Value::Object(body)), false) = (&mut value, members.is_empty()) {
        let error_details = members
            .iter()
            .map(|(name, schema)| (String::from(*name), details::example(schema, 0)))
            .collect();
        body.insert(
            String::from("error_details"),
            serde_json::Value::Object(error_details),
        );
    }
    ExampleBuilder::new()
        .summary(info.title())
        .description(example_description(info))
        .value(value)
}

/// An example's description, in Markdown: the variant's docs, its common causes and
/// troubleshooting steps, and its reference page.
fn example_description(info: &ErrorInfo) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    if !info.description.is_empty() {
        paragraphs.push(String::from(info.description));
    }
    if !info.is_static_message() {
        paragraphs.push(String::from(
            "In `error_message`, each `{field}` stands for that field's value.",
        ));
    }
    for (heading, items) in [
        ("Common causes", info.causes),
        ("Troubleshooting", info.fixes),
    ] {
        if !items.is_empty() {
            let mut list = format!("{heading}:\n");
            for item in items {
                list.push_str("\n- ");
                list.push_str(item);
            }
            paragraphs.push(list);
        }
    }
    paragraphs.push(format!("Reference: <{}>", info.error_url));
    paragraphs.join("\n\n")
}

/// The description of a status's response: its reason phrase, e.g. `Too Many Requests`.
fn status_description(status: u16) -> String {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .map_or_else(
            || {
                if status < 500 {
                    format!("Client error {status}")
                } else {
                    format!("Server error {status}")
                }
            },
            String::from,
        )
}

/// The schema of an error body: `statuses` and `error_types` narrow `status_code` and
/// `error_type` to enums when given.
fn body_object(
    statuses: Option<&[u16]>,
    error_types: Option<&[&str]>,
    title: Option<&str>,
) -> Object {
    let [
        status_code,
        request_id,
        error_type,
        error_message,
        error_url,
    ] = catalog_body::FIELDS;
    let status_schema = match statuses {
        Some(statuses) => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .enum_values(Some(statuses.iter().copied())),
        None => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(catalog_body::STATUS_RANGE.0))
            .maximum(Some(catalog_body::STATUS_RANGE.1)),
    };
    let error_type_schema = match error_types {
        Some(error_types) => string(error_type.1).enum_values(Some(error_types.iter().copied())),
        None => string(error_type.1),
    };
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(title)
        .description(Some(catalog_body::DESCRIPTION))
        .property(
            status_code.0,
            status_schema.description(Some(status_code.1)),
        )
        .property(request_id.0, string(request_id.1))
        .property(error_type.0, error_type_schema)
        .property(error_message.0, string(error_message.1))
        .property(
            error_url.0,
            string(error_url.1).format(Some(SchemaFormat::Custom(String::from("uri")))),
        )
        .required(status_code.0)
        .required(request_id.0)
        .required(error_type.0)
        .required(error_message.0)
        .required(error_url.0)
        .build()
}

/// A string property with its description.
fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// `error_type` is a plain string: the body type knows no catalog. See
/// [`CatalogBody`] for the schema of one catalog's body.
///
/// ```
/// use stytch_errors::ErrorBody;
/// use utoipa::{PartialSchema, ToSchema};
///
/// assert_eq!(ErrorBody::name(), "ErrorBody");
/// let schema = serde_json::to_value(ErrorBody::schema()).unwrap();
/// assert_eq!(schema["properties"]["error_type"]["type"], "string");
/// assert_eq!(schema["required"].as_array().unwrap().len(), 5);
/// ```
impl PartialSchema for ErrorBody<'_> {
    fn schema() -> RefOr<Schema> {
        RefOr::T(Schema::Object(body_object(None, None, None)))
    }
}

impl ToSchema for ErrorBody<'_> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorBody")
    }
}

/// `error_type` is the enum of the catalog's error types, `status_code` the enum of its
/// statuses.
///
/// ```
/// use stytch_errors::{ApiError, CatalogBody};
/// use utoipa::{PartialSchema, ToSchema};
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
/// assert_eq!(CatalogBody::<AppError>::name(), "AppErrorBody");
/// let schema = serde_json::to_value(CatalogBody::<AppError>::schema()).unwrap();
/// assert_eq!(
///     schema["properties"]["error_type"]["enum"],
///     serde_json::json!(["too_many_requests", "invalid_json"]),
/// );
/// assert_eq!(schema["properties"]["status_code"]["enum"], serde_json::json!([400, 429]));
/// ```
impl<E: ApiError> PartialSchema for CatalogBody<E> {
    fn schema() -> RefOr<Schema> {
        let name = catalog_body::schema_name::<E>();
        RefOr::T(Schema::Object(body_object(
            Some(&catalog_body::statuses::<E>()),
            Some(&catalog_body::error_types::<E>()),
            Some(&name),
        )))
    }
}

impl<E: ApiError> ToSchema for CatalogBody<E> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(catalog_body::schema_name::<E>())
    }
}

/// Implements [`utoipa::IntoResponses`] for types that implement [`ApiError`] by hand, as
/// [`responses`] gives them. `#[derive(ApiError)]` already does it when the `utoipa` feature
/// is on, so calling this for a derived type is a conflicting impl.
///
/// ```
/// use std::borrow::Cow;
/// use stytch_errors::{ApiError, ErrorInfo};
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
/// stytch_errors::impl_into_responses!(Overloaded);
///
/// use utoipa::IntoResponses;
/// assert!(Overloaded::responses().contains_key("503"));
/// ```
#[macro_export]
macro_rules! impl_into_responses {
    ($($ty:ty),+ $(,)?) => {
        $(
            $crate::__impl_utoipa! { [] [$ty] [] }
        )+
    };
}

/// The `utoipa` hook of `impl_frameworks!`: implements `IntoResponses` through
/// [`responses`], for any generics (`Self: ApiError` is added to the where clause, since the
/// `ApiError` impl may have bounds of its own).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]
        $([$(($error_type:literal, $name:literal, $field:ty)),* $(,)?])?
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            Self: $crate::ApiError,
            $($($field: $crate::__private::utoipa::ToSchema,)*)?
            $($predicates)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::openapi::__responses_with_details::<Self>(&[$($(
                    (
                        $error_type,
                        $name,
                        <$field as $crate::__private::utoipa::PartialSchema>::schema,
                        <$field as $crate::__private::utoipa::ToSchema>::schemas,
                    ),
                )*)?])
            }
        }
    };
}

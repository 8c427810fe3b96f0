//! `OpenAPI` documentation of a catalog's error responses, with
//! [utoipa](https://docs.rs/utoipa) (feature `utoipa`).
//!
//! With the feature on, `#[derive(ApiError)]` also implements [`utoipa::IntoResponses`]:
//! `responses(AppError)` in `#[utoipa::path(…)]` documents every error the catalog has, one
//! response per status code. Each is a `$ref` to a shared response component, which
//! [`add_components`] registers once per document (or [`add_service_errors`], which also puts
//! the service's own error responses on every operation): so a generated client gets one
//! type per status, and each example body is in the document once, however many operations
//! there are. utoipa's own `#[derive(IntoResponses)]` gives one response per variant and so
//! cannot list several errors under one status; this does.
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
//! let mut document = ApiDoc::openapi();
//! stytch_errors::openapi::add_components::<AppError>(&mut document);
//! let document = serde_json::to_value(document).unwrap();
//! let responses = &document["paths"]["/me"]["get"]["responses"];
//! assert_eq!(responses["401"]["$ref"], "#/components/responses/AppError401");
//! let unauthorized = &document["components"]["responses"]["AppError401"];
//! assert_eq!(unauthorized["description"], "Unauthorized");
//! assert_eq!(
//!     document["components"]["examples"]["session_expired"]["value"],
//!     serde_json::from_str::<serde_json::Value>(
//!         &AppError::SessionExpired.to_json(stytch_errors::openapi::EXAMPLE_REQUEST_ID),
//!     )
//!     .unwrap(),
//! );
//! assert_eq!(responses["429"]["$ref"], "#/components/responses/AppError429");
//! ```
//!
//! The schema of a status, `{E}Body{status}`, narrows `status_code` to that status (an enum
//! of one value) and `error_type` to the error types that have it. When the catalog's enum is
//! `#[non_exhaustive]` (as [`StytchError`](crate::StytchError) is), `error_type` is an open
//! set instead, so that a client built from the document still reads an error the catalog
//! gains later:
//!
//! ```json
//! "error_type": { "anyOf": [{ "type": "string", "enum": ["unauthorized_credentials", "…"] }, { "type": "string" }] }
//! ```
//!
//! openapi-python-client and datamodel-code-generator make it the union of an enum and
//! `str`, openapi-typescript `"unauthorized_credentials" | … | string`: the known values stay
//! constants, an unknown one parses as a string. (A closed `enum` makes every generated client
//! fail on a new value; `oneOf` is wrong, as a known value matches both branches.) A catalog
//! that is not `#[non_exhaustive]` keeps the closed enum.
//!
//! Every response declares the `x-request-id` header (one shared header component). With the
//! feature `problem-details`, each also has `application/problem+json` content (the
//! `ProblemDetails` schema, one example per error). [`CatalogBody<E>`](crate::CatalogBody) is the schema of any
//! error of the catalog (`{E}Body`); [`ErrorBody`] also implements [`utoipa::ToSchema`], with
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

use utoipa::openapi::response::Response;
use utoipa::openapi::{Ref, RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::schema::catalog_body::{self, CatalogBody};
#[doc(hidden)]
pub use crate::schema::details::DetailsSchema;
use crate::schema::shape::{self, ErrorTypes, Statuses};
use crate::{ApiError, ErrorBody};

mod components;
mod documented;
mod examples;

pub use self::components::{add_components, add_service_errors, add_to_every_operation};
pub use self::documented::Documented;
/// The `request_id` of the documented examples (defined in [`docs`](crate::docs), which
/// renders the same bodies).
///
/// ```
/// # use stytch_errors::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api_error(docs_url = "https://example.com/errors")]
/// # enum AppError { #[api_error(status = 429, message = "Slow down.")] TooManyRequests }
/// use stytch_errors::openapi::{add_components, EXAMPLE_REQUEST_ID};
///
/// let mut document = utoipa::openapi::OpenApi::default();
/// add_components::<AppError>(&mut document);
/// let document = serde_json::to_value(document).unwrap();
/// assert_eq!(
///     document["components"]["examples"]["too_many_requests"]["value"]["request_id"],
///     EXAMPLE_REQUEST_ID,
/// );
/// ```
pub use crate::docs::EXAMPLE_REQUEST_ID;

/// The responses of the catalog `E`: one per status code, keyed by the code, each a `$ref`
/// to the response component of that status, `#/components/responses/{E}{status}` (e.g.
/// `StytchError401`), which [`add_components`] registers.
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
/// let bad_request = serde_json::to_value(&responses["400"]).unwrap();
/// assert_eq!(bad_request["$ref"], "#/components/responses/AppError400");
/// ```
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    crate::model::by_status(E::catalog())
        .into_keys()
        .map(|status| {
            (
                status.to_string(),
                RefOr::Ref(Ref::from_response_name(components::response_name::<E>(
                    status,
                ))),
            )
        })
        .collect()
}

/// A schema of `shape` as utoipa's type. utoipa reads every keyword `shape` writes (a unit
/// test checks that nothing is lost).
fn utoipa_schema(value: serde_json::Value) -> Schema {
    serde_json::from_value(value).unwrap_or_default()
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
        RefOr::T(utoipa_schema(shape::body(
            Statuses::Any,
            ErrorTypes::Any,
            None,
        )))
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
        RefOr::T(utoipa_schema(shape::catalog::<E>(Some(&name))))
    }
}

impl<E: ApiError> ToSchema for CatalogBody<E> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(catalog_body::schema_name::<E>())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::by_status;
    use crate::schema::shape::{self, ErrorTypes, Statuses};
    use crate::{ApiError, StytchError};

    /// Every schema `shape` builds reads into utoipa's types and writes back the same.
    #[test]
    fn utoipa_keeps_every_keyword_of_the_shapes() {
        let mut shapes = vec![
            shape::body(Statuses::Any, ErrorTypes::Any, None),
            shape::body(
                Statuses::OneOf(&[400, 401]),
                ErrorTypes::Closed(&["a", "b"]),
                Some("T"),
            ),
            shape::catalog::<StytchError>(Some("StytchErrorBody")),
        ];
        shapes.extend(
            by_status(StytchError::catalog())
                .into_iter()
                .map(|(status, infos)| shape::group(Statuses::OneOf(&[status]), &infos)),
        );
        #[cfg(feature = "problem-details")]
        shapes.push(shape::problem_details());
        assert!(StytchError::catalog()[0].non_exhaustive);
        for value in shapes {
            let schema = super::utoipa_schema(value.clone());
            assert_eq!(serde_json::to_value(schema).unwrap(), value);
        }
    }
}

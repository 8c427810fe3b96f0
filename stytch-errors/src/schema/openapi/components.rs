//! The shared components of a catalog's error responses: one schema and one response per
//! status, each example body once, the `x-request-id` header, and the helpers that put the
//! service's own error responses on every operation.

use std::collections::BTreeSet;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Components, ContentBuilder, OpenApi, Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use super::examples::{ExampleRef, add_example, json_example};
#[cfg(feature = "problem-details")]
use super::examples::{PROBLEM_DETAILS, problem_content};
use super::{Documented, utoipa_schema};
use crate::model::{Cover, ErrorInfo, by_status};
use crate::schema::catalog_body::{self, CatalogBody};
use crate::schema::details::Details;
use crate::schema::shape::{self, Statuses};
use crate::{APPLICATION_JSON, ApiError, FrameworkErrors};

/// The name of the shared `x-request-id` header component.
const REQUEST_ID_HEADER: &str = crate::serve::REQUEST_ID;

/// The name of the response component of `E`'s errors of `status`: `{E}{status}`, e.g.
/// `StytchError401`.
pub(super) fn response_name<E: ?Sized>(status: u16) -> String {
    format!("{}{status}", catalog_body::catalog_name::<E>())
}

/// The name of the schema component of `E`'s body of `status`: `{E}Body{status}`, e.g.
/// `StytchErrorBody401`.
fn schema_name<E: ?Sized>(status: u16) -> String {
    format!("{}{status}", catalog_body::schema_name::<E>())
}

/// Registers in `document`'s components everything [`responses::<E>()`](super::responses)
/// refers to:
///
/// | component | name | what |
/// |---|---|---|
/// | `schemas` | `{E}Body` | the body of any error of `E` ([`CatalogBody<E>`]) |
/// | `schemas` | `{E}Body{status}` | the body of `E`'s errors of one status: `status_code` that status, `error_type` one of theirs, `error_details` the members of their `#[api_error(details)]` fields |
/// | `schemas` | each type a details field's schema refers to | as its [`ToSchema`] gives them |
/// | `schemas` | `ProblemDetails` | the `application/problem+json` body (feature `problem-details`) |
/// | `examples` | `{error_type}` | one error's body, with [`EXAMPLE_REQUEST_ID`](crate::docs::EXAMPLE_REQUEST_ID) (and, for a variant with details, an example value of each) |
/// | `examples` | `{error_type}.problem` | the same error as problem details (feature `problem-details`) |
/// | `headers` | `x-request-id` | the request id every error response carries |
/// | `responses` | `{E}{status}` | the errors of one status: the header, the schema and every example, by `$ref` |
///
/// `error_type` is an open set when the catalog's enum is `#[non_exhaustive]` (see
/// [the module docs](super)). Calling it again, or for a [subset](crate::ApiError) of a
/// catalog already registered, adds only what is new: a subset's responses refer to the same
/// examples. An example whose name is taken by a different body (two unrelated catalogs with
/// one `error_type`) is named `{E}.{error_type}` instead.
///
/// ```
/// use stytch_errors::{ApiError, openapi};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// #[non_exhaustive]
/// pub enum AppError {
///     #[api_error(status = 401, message = "The credentials are invalid.")]
///     UnauthorizedCredentials,
///     #[api_error(status = 401, message = "The session has expired.")]
///     SessionExpired,
/// }
///
/// let mut document = utoipa::openapi::OpenApi::default();
/// openapi::add_components::<AppError>(&mut document);
/// let components = &serde_json::to_value(&document).unwrap()["components"];
/// let response = &components["responses"]["AppError401"];
/// assert_eq!(response["headers"]["x-request-id"]["$ref"], "#/components/headers/x-request-id");
/// let json = &response["content"]["application/json"];
/// assert_eq!(json["schema"]["$ref"], "#/components/schemas/AppErrorBody401");
/// assert_eq!(json["examples"]["session_expired"]["$ref"], "#/components/examples/session_expired");
/// let error_type = &components["schemas"]["AppErrorBody401"]["properties"]["error_type"];
/// assert_eq!(error_type["anyOf"][0]["enum"], serde_json::json!(["unauthorized_credentials", "session_expired"]));
/// assert_eq!(error_type["anyOf"][1], serde_json::json!({ "type": "string" }));
/// ```
pub fn add_components<E: Documented>(document: &mut OpenApi) {
    let components = shared(document);
    components.schemas.insert(
        CatalogBody::<E>::name().into_owned(),
        CatalogBody::<E>::schema(),
    );
    add_responses::<E>(components, &groups::<E>(|_| true));
}

/// `E`'s errors by status, each status with the names of its response and schema
/// components, for the statuses `keep` keeps.
fn groups<E: ApiError>(keep: impl Fn(u16) -> bool) -> Vec<Group> {
    by_status(E::catalog())
        .into_iter()
        .filter(|(status, _)| keep(*status))
        .map(|(status, infos)| {
            let names = (response_name::<E>(status), schema_name::<E>(status));
            (Cover::Status(status), names, infos)
        })
        .collect()
}

/// Registers the responses of `groups`, and (when there is any) the component schemas
/// that `E`'s details fields refer to.
fn add_responses<E: Documented>(components: &mut Components, groups: &[Group]) {
    if groups.is_empty() {
        return;
    }
    let details = Details::new(&E::__details());
    components
        .schemas
        .extend(details.components.iter().cloned());
    for (cover, names, infos) in groups {
        add_response::<E>(components, names, *cover, infos, &details);
    }
}

/// The document's components, with the ones every error response refers to: the
/// `x-request-id` header and (feature `problem-details`) the `ProblemDetails` schema.
fn shared(document: &mut OpenApi) -> &mut Components {
    let components = document.components.get_or_insert_with(Components::default);
    let header = HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some(
            "The id of the request: the same as the body's `request_id`, to quote when asking for support.",
        ))
        .build();
    components
        .headers
        .insert(String::from(REQUEST_ID_HEADER), RefOr::T(header));
    #[cfg(feature = "problem-details")]
    components.schemas.insert(
        String::from(PROBLEM_DETAILS),
        RefOr::T(utoipa_schema(shape::problem_details())),
    );
    components
}

/// Registers the response `names.0` of the errors `infos` of `cover` (a status, or a class
/// for a stand-in), its schema `names.1` (with the `error_details` of `details`) and its
/// examples. An error documented under a status other than its own (the stand-in for it)
/// has its example with that status.
fn add_response<E: ApiError>(
    components: &mut Components,
    (response, schema): &(String, String),
    cover: Cover,
    infos: &[&'static ErrorInfo],
    details: &Details,
) {
    let status = match cover {
        Cover::Status(status) => Some(status),
        Cover::Class(_) => None,
    };
    let one = [status.unwrap_or_default()];
    let (statuses, description) = match cover {
        Cover::Status(status) => (Statuses::OneOf(&one), status_description(status)),
        Cover::Class(class) => (
            Statuses::Class(class),
            String::from(if class == 4 {
                "Client error"
            } else {
                "Server error"
            }),
        ),
    };
    let mut body = shape::group(statuses, infos);
    if let (Some(object), Some(properties)) = (
        details.object_schema(infos),
        body.get_mut("properties").and_then(|p| p.as_object_mut()),
    ) {
        properties.insert(String::from("error_details"), object);
    }
    components
        .schemas
        .insert(schema.clone(), RefOr::T(utoipa_schema(body)));
    let mut json = ContentBuilder::new().schema(Some(Ref::from_schema_name(schema)));
    for info in infos {
        let mut example = json_example::<E>(info, details);
        let name = match status {
            Some(status) if status != info.status_code => {
                if let Some(value) = example.value.as_mut() {
                    value["status_code"] = status.into();
                }
                format!("{}.{status}", info.error_type)
            }
            _ => String::from(info.error_type),
        };
        let example_name = add_example::<E>(components, &name, example);
        json = json.example_ref(info.error_type, &example_name);
    }
    let built = ResponseBuilder::new()
        .description(description)
        .header_ref(
            REQUEST_ID_HEADER,
            Ref::new(format!("#/components/headers/{REQUEST_ID_HEADER}")),
        )
        .content(APPLICATION_JSON, json.build());
    #[cfg(feature = "problem-details")]
    let built = built.content(
        crate::APPLICATION_PROBLEM_JSON,
        problem_content::<E>(components, status, infos, details),
    );
    components
        .responses
        .insert(response.clone(), RefOr::T(built.build()));
}

/// Registers the responses of `groups` (status, response and schema names, errors) that
/// some operation of `document` does not document yet, and adds to each such operation a
/// `$ref` to it.
fn put_on_every_operation<E: Documented>(document: &mut OpenApi, groups: Vec<Group>) {
    let mut missing: BTreeSet<Cover> = BTreeSet::new();
    for item in document.paths.paths.values_mut() {
        for operation in operations(item) {
            for (cover, ..) in &groups {
                if !operation
                    .responses
                    .responses
                    .contains_key(&cover.openapi_key())
                {
                    missing.insert(*cover);
                }
            }
        }
    }
    let groups: Vec<Group> = groups
        .into_iter()
        .filter(|(cover, ..)| missing.contains(cover))
        .collect();
    add_responses::<E>(shared(document), &groups);
    for item in document.paths.paths.values_mut() {
        for operation in operations(item) {
            for (cover, (name, _), _) in &groups {
                operation
                    .responses
                    .responses
                    .entry(cover.openapi_key())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
            }
        }
    }
}

/// A status (or a class, `4XX`), the names of its response and schema components, and its
/// errors.
type Group = (Cover, (String, String), Vec<&'static ErrorInfo>);

/// Adds to every operation of `document` a `$ref` to `E`'s response of each of `statuses`
/// that `E` has and the operation does not document yet, and registers those responses as
/// [`add_components`] does. For the errors a service makes for every route alike.
///
/// ```
/// use stytch_errors::{ApiError, openapi};
/// use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 404, message = "The route provided is not supported.")]
///     RouteNotFound,
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let mut document = utoipa::openapi::OpenApi::default();
/// document.paths = PathsBuilder::new()
///     .path("/me", PathItem::new(HttpMethod::Get, OperationBuilder::new()))
///     .build();
/// openapi::add_to_every_operation::<AppError>(&mut document, &[404, 405]);
/// let get = &serde_json::to_value(&document).unwrap()["paths"]["/me"]["get"];
/// assert_eq!(get["responses"]["404"]["$ref"], "#/components/responses/AppError404");
/// assert!(get["responses"].get("405").is_none() && get["responses"].get("429").is_none());
/// ```
pub fn add_to_every_operation<E: Documented>(document: &mut OpenApi, statuses: &[u16]) {
    let groups = groups::<E>(|status| statuses.contains(&status));
    put_on_every_operation::<E>(document, groups);
}

/// Documents on every operation the errors a service answers without a handler's error:
/// the rejections of the framework's extractors, unmatched routes and methods, panics,
/// timeouts, any error response a middleware makes. The request-id layer (or middleware),
/// given the catalog, answers each of them with the error [`FrameworkErrors::for_status`]
/// names for its status, with that status; those errors, and only those, are documented,
/// where their `covers = …` put them: a status under its own key (`404`), a class under
/// `OpenAPI`'s range key (`4XX`, `5XX`: any status of the class that no other key
/// documents), each one response `{E}Service{key}` (schema `{E}ServiceBody{key}`, whose
/// `status_code` is that status or any of that class), sharing the examples of
/// [`add_components`] (an error documented under another status than its own has an
/// example of its own with that status). A catalog whose entries record no `covers` (a
/// hand-written `FrameworkErrors`) has each error under its own status. An operation that
/// documents a key already keeps its own response.
///
/// ```
/// use stytch_errors::{StytchError, openapi};
/// use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
///
/// let mut document = utoipa::openapi::OpenApi::default();
/// document.paths = PathsBuilder::new()
///     .path("/me", PathItem::new(HttpMethod::Get, OperationBuilder::new()))
///     .build();
/// openapi::add_service_errors::<StytchError>(&mut document);
/// let document = serde_json::to_value(&document).unwrap();
/// let responses = &document["paths"]["/me"]["get"]["responses"];
/// // An unmatched route, a wrong method, missing credentials, a timeout, any other client
/// // or server error.
/// for key in ["404", "405", "401", "408", "4XX", "5XX"] {
///     assert_eq!(responses[key]["$ref"], format!("#/components/responses/StytchErrorService{key}"));
/// }
/// assert!(responses.get("400").is_none() && responses.get("403").is_none());
/// let client_error = &document["components"]["responses"]["StytchErrorService4XX"];
/// let examples = client_error["content"]["application/json"]["examples"].as_object().unwrap();
/// assert_eq!(examples.keys().collect::<Vec<_>>(), ["bad_request"]);
/// let schema = &document["components"]["schemas"]["StytchErrorServiceBody4XX"];
/// assert_eq!(schema["properties"]["status_code"]["minimum"], 400);
/// assert_eq!(schema["properties"]["status_code"]["maximum"], 499);
/// // A timeout is answered `server_unavailable` with status 408.
/// let timeout = &document["components"]["examples"]["server_unavailable.408"]["value"];
/// assert_eq!(timeout["status_code"], 408);
/// ```
pub fn add_service_errors<E: Documented + FrameworkErrors>(document: &mut OpenApi) {
    let name = catalog_body::catalog_name::<E>();
    let names = |key: &str| {
        (
            format!("{name}Service{key}"),
            format!("{name}ServiceBody{key}"),
        )
    };
    let covers = service_covers::<E>();
    let groups = if covers.is_empty() {
        // A hand-written `FrameworkErrors` without `covers` in its catalog: each error
        // under its own status.
        let mut infos: Vec<&'static ErrorInfo> = Vec::new();
        for status in stytch_errors_shared::status::RANGE {
            let info = E::for_status(status).info();
            if !infos.iter().any(|seen| core::ptr::eq(*seen, info)) {
                infos.push(info);
            }
        }
        by_status(infos)
            .into_iter()
            .map(|(status, infos)| (Cover::Status(status), names(&status.to_string()), infos))
            .collect()
    } else {
        covers
            .into_iter()
            .map(|(cover, info)| (cover, names(&cover.openapi_key()), std::vec![info]))
            .collect()
    };
    put_on_every_operation::<E>(document, groups);
}

/// The `covers` entries of `E`'s catalog that its [`FrameworkErrors`] answers with, each
/// with its error: the statuses first, then the classes.
fn service_covers<E: ApiError + FrameworkErrors>() -> Vec<(Cover, &'static ErrorInfo)> {
    let answers =
        |status: u16, info: &ErrorInfo| E::for_status(status).info().error_type == info.error_type;
    let mut covers: Vec<(Cover, &'static ErrorInfo)> = E::catalog()
        .iter()
        .flat_map(|info| info.covers.iter().map(move |cover| (*cover, info)))
        .filter(|&(cover, info)| match cover {
            Cover::Status(status) => answers(status, info),
            Cover::Class(class) => (class * 100..class * 100 + 100).any(|s| answers(s, info)),
        })
        .collect();
    covers.sort_by_key(|&(cover, _)| cover);
    covers
}

/// Every operation of a path.
fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
        &mut item.query,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
    .chain(item.additional_operations.values_mut())
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

//! The `OpenAPI` documentation of error responses (feature `utoipa`): the example service's
//! document is valid `OpenAPI` 3.1 (checked against the `OpenAPI` Initiative's JSON Schema,
//! vendored in `tests/oas-3.1/`), and documents every error of the catalog under its status,
//! with its exact body as a named example, each response and example a shared component.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use stytch_errors::openapi::{EXAMPLE_REQUEST_ID, add_components, responses};
use stytch_errors::{ApiError, CatalogBody, ErrorBody, ErrorInfo, StytchError};
use utoipa::{IntoResponses, OpenApi, PartialSchema, ToSchema};

mod openapi_support;

use openapi_support::{example, resolve};

/// A catalog with every kind of variant the derive supports.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AllKinds {
    /// The caller sent too many requests.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    #[api_error(cause = "A retry loop without backoff.", cause = "A shared API key.")]
    #[api_error(fix = "Back off exponentially.")]
    TooManyRequests,
    #[api_error(status = 400, message = "Send a {{\"token\": …}} body, \"quoted\".")]
    BracesInMessage,
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField { field: String },
    #[api_error(status = 400, message = "The value {0} is out of range.")]
    OutOfRange(u64),
    #[api_error(status = 400, message = "The upload failed.")]
    UploadFailed {
        #[source]
        source: std::io::Error,
    },
    #[api_error(
        status = 404,
        error_type = "no_such_user",
        docs_url = "https://example.com/users/errors",
        message = "No such user."
    )]
    UserNotFound,
    #[api_error(status = 499, message = "The client closed the request.")]
    ClientClosedRequest,
    #[api_error(status = 503, message = "Try again later.")]
    Unavailable,
}

/// A generic catalog: the derive's `ApiError` impl needs `T: Display`, which its
/// `IntoResponses` impl must carry too.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum Generic<T> {
    #[api_error(message = "The value {0} is invalid.")]
    Invalid(T),
    #[api_error(status = 409, message = "Conflict.")]
    Conflict,
}

/// A generic catalog with a where clause of its own.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Bounded<T>
where
    T: Clone,
{
    #[api_error(status = 422, message = "The {value} value is unprocessable.")]
    Unprocessable { value: T },
}

/// The generated impls compile without the prelude and without warnings.
mod strict {
    #![no_implicit_prelude]
    #![deny(warnings, missing_docs, clippy::pedantic)]
    #![allow(dead_code)]

    /// A catalog.
    #[derive(::core::fmt::Debug, ::stytch_errors::ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub enum Strict<'a, T: ::core::fmt::Display> {
        /// A named field.
        #[api_error(status = 400, message = "The {name} name is taken.")]
        Taken {
            /// The name.
            name: &'a str,
        },
        /// A generic field.
        #[api_error(status = 400, message = "The value {0} is invalid.")]
        Invalid(T),
        /// A unit variant.
        #[api_error(status = 500, message = "Oops.")]
        Oops,
    }
}

/// The vendored JSON Schema of `OpenAPI` 3.1 documents.
fn oas_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../oas-3.1/schema.json")).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// The errors of `document` against the `OpenAPI` 3.1 schema.
fn oas_errors(document: &Value) -> Vec<String> {
    oas_validator()
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// The example service's document, as JSON.
fn example_document() -> Value {
    let (_router, document) = example::service();
    serde_json::to_value(&document).expect("the document serializes")
}

/// A document with one operation whose errors are `E`'s.
fn document_of<E: stytch_errors::openapi::Documented + IntoResponses>() -> Value {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathsBuilder};
    use utoipa::openapi::{InfoBuilder, OpenApiBuilder, ResponsesBuilder};

    let operation = OperationBuilder::new()
        .responses(ResponsesBuilder::new().responses_from_into_responses::<E>())
        .build();
    let document = OpenApiBuilder::new()
        .info(InfoBuilder::new().title("Test").version("1.0.0"))
        .paths(PathsBuilder::new().path(
            "/test",
            utoipa::openapi::PathItem::new(HttpMethod::Get, operation),
        ))
        .components(Some(
            utoipa::openapi::ComponentsBuilder::new()
                .schema_from::<ErrorBody<'static>>()
                .build(),
        ))
        .build();
    let mut document = document;
    add_components::<E>(&mut document);
    serde_json::to_value(&document).expect("the document serializes")
}

/// The body an error's example must show: the exact body of a unit variant, the documented
/// shape (the message template) of the others.
fn expected_example<E: ApiError>(info: &ErrorInfo) -> Value {
    let json = match E::from_error_type(info.error_type) {
        Some(error) => error.to_json(EXAMPLE_REQUEST_ID),
        None => info.example_json(EXAMPLE_REQUEST_ID),
    };
    serde_json::from_str(&json).expect("the body is JSON")
}

/// The error types a body schema lists: its closed enum, or the known values of an open set.
fn listed_error_types(schema: &Value) -> &Vec<Value> {
    let error_type = &schema["properties"]["error_type"];
    error_type["enum"]
        .as_array()
        .or_else(|| error_type["anyOf"][0]["enum"].as_array())
        .expect("an enum of error types")
}

/// Checks that `responses` (an operation's responses in `document`, as JSON) document every
/// error of `E` under its status, and nothing else under those statuses.
fn assert_documents_catalog<E: ApiError>(document: &Value, responses: &Value) {
    let mut by_status: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for info in E::catalog() {
        by_status
            .entry(info.status_code.to_string())
            .or_default()
            .insert(info.error_type);
        let response = resolve(document, &responses[info.status_code.to_string()]);
        assert!(response.is_object(), "no {} response", info.status_code);
        let content = &response["content"]["application/json"];
        let example = resolve(document, &content["examples"][info.error_type]);
        let schema = resolve(document, &content["schema"]);
        assert_eq!(
            example["value"],
            expected_example::<E>(info),
            "{}",
            info.error_type
        );
        assert_eq!(example["summary"], info.title());
        assert!(listed_error_types(schema).contains(&json!(info.error_type)));
        assert_eq!(
            schema["properties"]["status_code"]["enum"],
            json!([info.status_code])
        );
    }
    for (status, error_types) in &by_status {
        let response = resolve(document, &responses[status]);
        let content = &response["content"]["application/json"];
        let examples: BTreeSet<&str> = content["examples"]
            .as_object()
            .expect("named examples")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(&examples, error_types, "the examples of {status}");
        assert_eq!(
            listed_error_types(resolve(document, &content["schema"])).len(),
            error_types.len()
        );
        assert!(
            response["description"]
                .as_str()
                .is_some_and(|description| !description.is_empty())
        );
    }
}

#[test]
fn the_example_document_is_valid_openapi_3_1() {
    let document = example_document();
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|version| version.starts_with("3.1")),
        "{}",
        document["openapi"]
    );
    assert!(document["info"]["title"].is_string());
    assert!(document["paths"].is_object());
    assert_eq!(oas_errors(&document), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_broken_documents() {
    let document = example_document();

    let mut wrong_version = document.clone();
    wrong_version["openapi"] = json!("3.0.3");
    assert!(!oas_errors(&wrong_version).is_empty());

    let mut no_description = document.clone();
    no_description
        .pointer_mut("/components/responses/GetSessionError401")
        .and_then(Value::as_object_mut)
        .expect("a 401 response")
        .remove("description");
    assert!(!oas_errors(&no_description).is_empty());

    let mut value_and_external_value = document;
    value_and_external_value
        .pointer_mut("/components/examples/unauthorized_credentials")
        .and_then(Value::as_object_mut)
        .expect("an example")
        .insert(
            "externalValue".into(),
            json!("https://example.com/body.json"),
        );
    assert!(!oas_errors(&value_and_external_value).is_empty());
}

/// The statuses of the errors the example's service answers without a handler's error.
fn service_statuses() -> BTreeSet<String> {
    use stytch_errors::FrameworkErrors;
    (400..=599)
        .map(|status| StytchError::for_status(status).status_code().to_string())
        .collect()
}

#[test]
fn every_operation_of_the_example_documents_its_errors_and_the_services() {
    let document = example_document();
    let paths = document["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 2);
    for (path, method, catalog) in [
        (
            "/v1/magic_links/authenticate",
            "post",
            example::AuthenticateError::catalog(),
        ),
        (
            "/v1/sessions/{session_token}",
            "get",
            example::GetSessionError::catalog(),
        ),
    ] {
        let responses = &document["paths"][path][method]["responses"];
        if method == "post" {
            assert_documents_catalog::<example::AuthenticateError>(&document, responses);
        } else {
            assert_documents_catalog::<example::GetSessionError>(&document, responses);
        }
        let statuses: BTreeSet<&str> = responses
            .as_object()
            .expect("responses")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: BTreeSet<String> = catalog
            .iter()
            .map(|info| info.status_code.to_string())
            .collect();
        expected.extend(service_statuses());
        expected.insert("200".into());
        assert_eq!(
            statuses,
            expected.iter().map(String::as_str).collect(),
            "{method} {path}"
        );
    }
}

#[test]
fn the_example_names_each_catalog_body_schema() {
    let document = example_document();
    for (name, schema) in [
        (
            "AuthenticateErrorBody",
            CatalogBody::<example::AuthenticateError>::schema(),
        ),
        (
            "GetSessionErrorBody",
            CatalogBody::<example::GetSessionError>::schema(),
        ),
    ] {
        let expected = serde_json::to_value(schema).expect("JSON");
        assert_eq!(document["components"]["schemas"][name], expected);
    }
    let schema = serde_json::to_value(CatalogBody::<StytchError>::schema()).expect("JSON");
    let error_types: Vec<&str> = StytchError::catalog()
        .iter()
        .map(|info| info.error_type)
        .collect();
    assert_eq!(error_types.len(), 197);
    // `StytchError` is `#[non_exhaustive]`: the known types are listed, any string is valid.
    assert_eq!(
        schema["properties"]["error_type"]["anyOf"][0]["enum"],
        json!(error_types)
    );
    assert_eq!(
        schema["properties"]["error_type"]["anyOf"][1],
        json!({ "type": "string" })
    );
}

#[test]
fn examples_are_the_bodies_the_service_sends() {
    for info in StytchError::catalog() {
        let error = StytchError::from_error_type(info.error_type).expect("a unit variant");
        let example = expected_example::<StytchError>(info);
        let body: Value = serde_json::from_str(&error.to_json(EXAMPLE_REQUEST_ID)).expect("JSON");
        assert_eq!(example, body);
        assert_eq!(example["error_url"], info.error_url);
        assert_eq!(example["status_code"], info.status_code);
    }
}

#[test]
fn every_kind_of_variant_is_documented() {
    let document = document_of::<AllKinds>();
    assert_eq!(oas_errors(&document), Vec::<String>::new());
    let responses = &document["paths"]["/test"]["get"]["responses"];
    assert_documents_catalog::<AllKinds>(&document, responses);

    let statuses: Vec<&String> = responses.as_object().expect("responses").keys().collect();
    assert_eq!(statuses, ["400", "404", "429", "499", "503"]);
    let description = |status: &str| resolve(&document, &responses[status])["description"].clone();
    assert_eq!(description("429"), "Too Many Requests");
    assert_eq!(description("499"), "Client error 499");
    assert_eq!(description("503"), "Service Unavailable");
}

#[test]
fn unit_variant_examples_are_the_rendered_body() {
    let document = document_of::<AllKinds>();
    let examples = &document["components"]["examples"];

    // The message's `{{` and `}}` are rendered as braces, as in the real body.
    assert_eq!(
        examples["braces_in_message"]["value"]["error_message"],
        "Send a {\"token\": …} body, \"quoted\"."
    );
    let body: Value =
        serde_json::from_str(&AllKinds::BracesInMessage.to_json(EXAMPLE_REQUEST_ID)).expect("JSON");
    assert_eq!(examples["braces_in_message"]["value"], body);

    // A variant with fields shows its message template, and says so.
    assert_eq!(
        examples["invalid_field"]["value"]["error_message"],
        "The {field} value is invalid."
    );
    assert!(
        examples["invalid_field"]["description"]
            .as_str()
            .is_some_and(|description| description.contains("{field}"))
    );
    assert_eq!(
        examples["out_of_range"]["value"]["error_message"],
        "The value {0} is out of range."
    );
    // A source field never reaches the body: the message is the static one.
    assert_eq!(
        examples["upload_failed"]["value"]["error_message"],
        "The upload failed."
    );
}

#[test]
fn example_descriptions_carry_the_docs_causes_and_fixes() {
    let document = document_of::<AllKinds>();
    let example = &document["components"]["examples"]["too_many_requests"];
    let description = example["description"].as_str().expect("a description");
    assert!(description.starts_with("The caller sent too many requests."));
    assert!(description.contains("A retry loop without backoff."));
    assert!(description.contains("A shared API key."));
    assert!(description.contains("Back off exponentially."));
    assert!(description.contains("https://example.com/errors/429#too_many_requests"));
}

#[test]
fn error_types_and_urls_follow_the_variant_attributes() {
    let document = document_of::<AllKinds>();
    let value = &document["components"]["examples"]["no_such_user"]["value"];
    assert_eq!(
        value["error_url"],
        "https://example.com/users/errors/404#no_such_user"
    );
}

#[test]
fn each_example_validates_against_its_response_schema() {
    for (document, open) in [
        (example_document(), true),
        (document_of::<AllKinds>(), false),
    ] {
        let mut checked = 0;
        for item in document["paths"].as_object().expect("paths").values() {
            for operation in item.as_object().expect("a path item").values() {
                for (status, response) in operation["responses"].as_object().expect("responses") {
                    let response = resolve(&document, response);
                    let content = &response["content"]["application/json"];
                    let Some(examples) = content["examples"].as_object() else {
                        continue;
                    };
                    let schema = resolve(&document, &content["schema"]);
                    jsonschema::meta::validate(schema).expect("a valid JSON Schema");
                    let validator =
                        jsonschema::draft202012::new(schema).expect("the schema compiles");
                    let mut first = None;
                    for (name, example) in examples {
                        let value = &resolve(&document, example)["value"];
                        let errors: Vec<String> = validator
                            .iter_errors(value)
                            .map(|error| error.to_string())
                            .collect();
                        assert_eq!(errors, Vec::<String>::new(), "{status} {name}");
                        first.get_or_insert_with(|| value.clone());
                        checked += 1;
                    }
                    // The schema of one status rejects the bodies of the others.
                    let mut other = first.expect("an example");
                    let own_status = other["status_code"].clone();
                    other["status_code"] = json!(if status == "500" { 400 } else { 500 });
                    assert!(!validator.is_valid(&other));
                    // An error type the catalog does not list is valid for an open catalog
                    // only.
                    other["status_code"] = own_status;
                    other["error_type"] = json!("not_in_the_catalog");
                    assert_eq!(validator.is_valid(&other), open, "{status}");
                }
            }
        }
        assert!(checked > 0);
    }
}

#[test]
fn error_body_schema_describes_error_type_as_a_string() {
    assert_eq!(ErrorBody::name(), "ErrorBody");
    let schema = serde_json::to_value(ErrorBody::schema()).expect("JSON");
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["properties"]["error_type"]["type"], "string");
    assert!(schema["properties"]["error_type"].get("enum").is_none());
    assert_eq!(
        schema["required"],
        json!([
            "status_code",
            "request_id",
            "error_type",
            "error_message",
            "error_url"
        ])
    );
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    for info in AllKinds::catalog() {
        assert!(validator.is_valid(&expected_example::<AllKinds>(info)));
    }
    let mut success = expected_example::<AllKinds>(&AllKinds::catalog()[0]);
    success["status_code"] = json!(200);
    assert!(!validator.is_valid(&success));
}

#[test]
fn catalog_body_schema_enumerates_the_catalog() {
    assert_eq!(CatalogBody::<AllKinds>::name(), "AllKindsBody");
    assert_eq!(CatalogBody::<StytchError>::name(), "StytchErrorBody");
    let schema = serde_json::to_value(CatalogBody::<AllKinds>::schema()).expect("JSON");
    let error_types: Vec<&str> = AllKinds::catalog()
        .iter()
        .map(|info| info.error_type)
        .collect();
    assert_eq!(
        schema["properties"]["error_type"]["enum"],
        json!(error_types)
    );
    assert_eq!(
        schema["properties"]["status_code"]["enum"],
        json!([400, 404, 429, 499, 503])
    );

    // Registered as a component, under its name.
    let document = document_of::<AllKinds>();
    assert_eq!(
        document["components"]["schemas"]["AllKindsBody"], schema,
        "{}",
        document["components"]
    );
    assert!(document["components"]["schemas"]["ErrorBody"].is_object());
}

#[test]
fn generic_catalogs_document_their_errors() {
    let document = document_of::<Generic<String>>();
    let responses = &document["paths"]["/test"]["get"]["responses"];
    assert_documents_catalog::<Generic<String>>(&document, responses);
    assert_eq!(
        document["components"]["examples"]["invalid"]["value"]["error_message"],
        "The value {0} is invalid."
    );
    let document = document_of::<Bounded<u8>>();
    assert_documents_catalog::<Bounded<u8>>(
        &document,
        &document["paths"]["/test"]["get"]["responses"],
    );
    let document = document_of::<strict::Strict<u8>>();
    let responses = &document["paths"]["/test"]["get"]["responses"];
    assert_documents_catalog::<strict::Strict<u8>>(&document, responses);
    assert_eq!(
        responses
            .as_object()
            .expect("responses")
            .keys()
            .collect::<Vec<_>>(),
        ["400", "500"]
    );
}

#[test]
fn derived_responses_are_the_runtime_functions() {
    assert_eq!(
        serde_json::to_value(AllKinds::responses()).expect("JSON"),
        serde_json::to_value(responses::<AllKinds>()).expect("JSON")
    );
    assert_eq!(
        serde_json::to_value(<StytchError as IntoResponses>::responses()).expect("JSON"),
        serde_json::to_value(responses::<StytchError>()).expect("JSON")
    );
}

/// A document built with utoipa's derive, `responses(AllKinds)` beside a success response.
#[test]
fn the_path_macro_takes_a_catalog() {
    /// Reads a thing.
    #[utoipa::path(
        get,
        path = "/thing",
        responses((status = 200, description = "The thing.", body = String), AllKinds),
    )]
    #[allow(dead_code, clippy::unused_async)]
    async fn thing() {}

    #[derive(OpenApi)]
    #[openapi(paths(thing))]
    struct Doc;

    let mut document = Doc::openapi();
    add_components::<AllKinds>(&mut document);
    let document = serde_json::to_value(document).expect("JSON");
    assert_eq!(oas_errors(&document), Vec::<String>::new());
    let responses = &document["paths"]["/thing"]["get"]["responses"];
    assert!(responses["200"].is_object());
    assert_documents_catalog::<AllKinds>(&document, responses);
}

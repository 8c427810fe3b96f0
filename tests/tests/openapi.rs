//! The `OpenAPI` documentation of a derived catalog's error responses (feature `utoipa`):
//! every kind of variant, generic catalogs, every error under its status with its exact body
//! as a named example, each example valid against its response's schema, and the body
//! schemas. The example service's document is in `openapi_document.rs`.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use serde_json::{Value, json};
use stytch_errors::openapi::{EXAMPLE_REQUEST_ID, add_components, responses};
use stytch_errors::{ApiError, CatalogBody, ErrorBody, StytchError};
use utoipa::{IntoResponses, OpenApi, PartialSchema, ToSchema};

mod openapi_support;

use openapi_support::{
    assert_documents_catalog, example_document, expected_example, oas_errors, resolve, validator,
};

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
                    let validator = validator(resolve(&document, &content["schema"]));
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
                    other["status_code"] = json!(if status.starts_with('5') { 400 } else { 500 });
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
    let validator = validator(&schema);
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

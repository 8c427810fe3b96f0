//! The `OpenAPI` document of the example service (`cargo run --example openapi`): valid
//! `OpenAPI` 3.1 (checked against the `OpenAPI` Initiative's JSON Schema, vendored in
//! `tests/oas-3.1/`), every operation with its catalog's errors and the service's, and each
//! catalog's body schema named.

#![cfg(all(feature = "utoipa", feature = "axum"))]

use std::collections::BTreeSet;

use serde_json::{Value, json};
use stytch_errors::{ApiError, CatalogBody, ErrorInfo, StytchError};
use utoipa::PartialSchema;

mod openapi_support;

use openapi_support::{assert_documents_catalog, example, example_document, oas_errors};

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

/// The keys (statuses, and `4XX`, `5XX`) of the errors the example's service answers
/// without a handler's error: `StytchError`'s covers.
fn service_statuses() -> BTreeSet<String> {
    StytchError::catalog()
        .iter()
        .flat_map(|info| info.covers)
        .map(|cover| cover.openapi_key())
        .collect()
}

/// A path, a method, the check of its catalog's responses, and its catalog.
type Operation = (
    &'static str,
    &'static str,
    fn(&Value, &Value),
    &'static [ErrorInfo],
);

#[test]
fn every_operation_of_the_example_documents_its_errors_and_the_services() {
    let document = example_document();
    let paths = document["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 3);
    let operations: [Operation; 3] = [
        (
            "/v1/magic_links/authenticate",
            "post",
            assert_documents_catalog::<example::AuthenticateError>,
            example::AuthenticateError::catalog(),
        ),
        (
            "/v1/sessions/{session_token}",
            "get",
            assert_documents_catalog::<example::GetSessionError>,
            example::GetSessionError::catalog(),
        ),
        (
            "/v1/users",
            "post",
            assert_documents_catalog::<example::CreateUserError>,
            example::CreateUserError::catalog(),
        ),
    ];
    for (path, method, documents_catalog, catalog) in operations {
        let responses = &document["paths"][path][method]["responses"];
        documents_catalog(&document, responses);
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
fn the_example_documents_the_details_of_its_own_error() {
    let document = example_document();
    let components = &document["components"];
    let details = &components["schemas"]["CreateUserErrorBody400"]["properties"]["error_details"];
    let fields = &details["properties"]["invalid_fields"];
    assert_eq!(fields["description"], "Each invalid field and why.");
    let field = &fields["items"];
    assert_eq!(field["required"], json!(["field", "reason"]));
    assert_eq!(
        components["examples"]["invalid_fields"]["value"]["error_details"],
        json!({ "invalid_fields": [{ "field": "string", "reason": "string" }] })
    );
    // Stytch's errors have no details.
    let stytch = &components["schemas"]["GetSessionErrorBody401"]["properties"];
    assert!(stytch.get("error_details").is_none());
}

//! What the `OpenAPI` tests share: the example's service, reading a document's `$ref`s, the
//! `OpenAPI` 3.1 schema, and the check that a document lists every error of a catalog.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use stytch_errors::ApiError;
use stytch_errors::ErrorInfo;
use stytch_errors::openapi::EXAMPLE_REQUEST_ID;

/// The example service of `cargo run --example openapi`.
#[path = "../../../stytch-errors/examples/openapi.rs"]
pub mod example;

/// `value`, or what its `$ref` points to in `document`, followed to the end.
pub fn resolve<'a>(document: &'a Value, mut value: &'a Value) -> &'a Value {
    while let Some(reference) = value["$ref"].as_str() {
        let pointer = reference.strip_prefix('#').expect("a local reference");
        value = document
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{reference} resolves"));
    }
    value
}

/// The vendored JSON Schema of `OpenAPI` 3.1 documents.
pub fn oas_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../../oas-3.1/schema.json"))
        .expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// The errors of `document` against the `OpenAPI` 3.1 schema.
pub fn oas_errors(document: &Value) -> Vec<String> {
    oas_validator()
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// The body an error's example must show: the exact body of a unit variant, the documented
/// shape (the message template) of the others.
pub fn expected_example<E: ApiError>(info: &ErrorInfo) -> Value {
    let json = match E::from_error_type(info.error_type) {
        Some(error) => error.to_json(EXAMPLE_REQUEST_ID),
        None => info.example_json(EXAMPLE_REQUEST_ID),
    };
    serde_json::from_str(&json).expect("the body is JSON")
}

/// The error types a body schema lists: its closed enum, or the known values of an open set.
pub fn listed_error_types(schema: &Value) -> &Vec<Value> {
    let error_type = &schema["properties"]["error_type"];
    error_type["enum"]
        .as_array()
        .or_else(|| error_type["anyOf"][0]["enum"].as_array())
        .expect("an enum of error types")
}

/// Checks that `responses` (an operation's responses in `document`, as JSON) document every
/// error of `E` under its status, and nothing else under those statuses.
pub fn assert_documents_catalog<E: ApiError>(document: &Value, responses: &Value) {
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
        // The example's `error_details`, which only a variant with details has, aside.
        let mut value = example["value"].clone();
        let details = value
            .as_object_mut()
            .and_then(|body| body.remove("error_details"));
        assert_eq!(
            details.is_some(),
            !info.details.is_empty(),
            "{}",
            info.error_type
        );
        assert_eq!(value, expected_example::<E>(info), "{}", info.error_type);
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

/// The example service's document, as JSON.
pub fn example_document() -> Value {
    let (_router, document) = example::service();
    serde_json::to_value(&document).expect("the document serializes")
}

/// A validator of `schema`, itself checked against the JSON Schema meta-schema.
pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::meta::validate(schema).expect("a valid JSON Schema");
    jsonschema::draft202012::new(schema).expect("the schema compiles")
}

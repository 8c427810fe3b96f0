//! The JSON Schemas of error bodies (feature `schemars`): every body `to_json` writes
//! validates against them, and bodies of another shape do not.
#![cfg(feature = "schemars")]

use jsonschema::Validator;
use schemars::schema_for;
use serde_json::{Value, json};
use stytch_errors::{ApiError, CatalogBody, ErrorBody};

/// A catalog with fields, escapes and several statuses.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Shop {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField { field: String },
    #[api_error(status = 400, message = "Send a {{\"cart\": …}} body.")]
    MissingCart,
    #[api_error(status = 409, message = "Item {0} is out of stock.")]
    OutOfStock(u32),
    #[api_error(status = 500, message = "Oops.")]
    Internal,
}

/// Another catalog, whose error types `Shop`'s schema must reject.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Billing {
    #[api_error(status = 402, message = "The card was declined.")]
    CardDeclined,
}

/// One value of each variant, with values that need escaping.
fn errors() -> Vec<Shop> {
    vec![
        Shop::TooManyRequests,
        Shop::InvalidField {
            field: "e\"mail\n\u{1}é😀".into(),
        },
        Shop::MissingCart,
        Shop::OutOfStock(u32::MAX),
        Shop::Internal,
    ]
}

/// A validator of `schema`, checked first against the JSON Schema meta-schema.
fn validator(schema: &schemars::Schema) -> Validator {
    let schema = schema.as_value();
    jsonschema::meta::validate(schema).expect("a valid JSON Schema");
    jsonschema::validator_for(schema).expect("the schema compiles")
}

/// The body `to_json` writes, parsed.
fn body(error: &Shop, request_id: &str) -> Value {
    serde_json::from_str(&error.to_json(request_id)).expect("the body is JSON")
}

/// Variations of a valid body that no error body schema accepts.
fn broken(valid: &Value) -> Vec<Value> {
    let mut broken = Vec::new();
    for key in [
        "status_code",
        "request_id",
        "error_type",
        "error_message",
        "error_url",
    ] {
        let mut missing = valid.clone();
        missing.as_object_mut().expect("an object").remove(key);
        broken.push(missing);
        let mut wrong_type = valid.clone();
        wrong_type[key] = if key == "status_code" {
            json!("429")
        } else {
            json!(429)
        };
        broken.push(wrong_type);
    }
    let mut success = valid.clone();
    success["status_code"] = json!(200);
    broken.push(success);
    broken.push(json!([valid]));
    broken
}

#[test]
fn error_body_schema_accepts_every_body() {
    let schema = schema_for!(ErrorBody<'static>);
    assert_eq!(schema.get("title"), Some(&json!("ErrorBody")));
    assert_eq!(
        schema.get("$schema"),
        Some(&json!("https://json-schema.org/draft/2020-12/schema"))
    );
    let validator = validator(&schema);
    for error in errors() {
        for request_id in ["request-id-test-1", "", "ид \"quoted\""] {
            let body = body(&error, request_id);
            let errors: Vec<String> = validator
                .iter_errors(&body)
                .map(|e| e.to_string())
                .collect();
            assert_eq!(errors, Vec::<String>::new(), "{body}");
        }
    }
    // Another catalog's bodies are error bodies too.
    let other: Value =
        serde_json::from_str(&Billing::CardDeclined.to_json("request-id-test-1")).expect("JSON");
    assert!(validator.is_valid(&other));
}

#[test]
fn error_body_schema_rejects_other_shapes() {
    let validator = validator(&schema_for!(ErrorBody<'static>));
    let valid = body(&Shop::TooManyRequests, "request-id-test-1");
    assert!(validator.is_valid(&valid));
    for broken in broken(&valid) {
        assert!(!validator.is_valid(&broken), "{broken}");
    }
}

#[test]
fn catalog_body_schema_enumerates_the_catalog() {
    let schema = schema_for!(CatalogBody<Shop>);
    assert_eq!(schema.get("title"), Some(&json!("ShopBody")));
    let error_types: Vec<&str> = Shop::catalog().iter().map(|info| info.error_type).collect();
    assert_eq!(
        schema.pointer("/properties/error_type/enum"),
        Some(&json!(error_types))
    );
    assert_eq!(
        schema.pointer("/properties/status_code/enum"),
        Some(&json!([400, 409, 429, 500]))
    );

    let validator = validator(&schema);
    for error in errors() {
        let body = body(&error, "request-id-test-1");
        assert!(validator.is_valid(&body), "{body}");
        for broken in broken(&body) {
            assert!(!validator.is_valid(&broken), "{broken}");
        }
    }
    let other: Value =
        serde_json::from_str(&Billing::CardDeclined.to_json("request-id-test-1")).expect("JSON");
    assert!(!validator.is_valid(&other));
}

#[test]
fn schemas_serialize_in_a_containing_schema() {
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Batch {
        errors: Vec<ErrorBody<'static>>,
        first: Option<CatalogBody<Shop>>,
    }

    let schema = schema_for!(Batch);
    let defs = schema.get("$defs").expect("definitions");
    assert!(defs.get("ErrorBody").is_some(), "{defs}");
    assert!(defs.get("ShopBody").is_some(), "{defs}");

    let validator = validator(&schema);
    let batch = json!({
        "errors": errors().iter().map(|error| body(error, "request-id-test-1")).collect::<Vec<_>>(),
        "first": body(&Shop::Internal, "request-id-test-2"),
    });
    assert!(validator.is_valid(&batch));
    let wrong = json!({ "errors": [{ "status_code": 400 }], "first": null });
    assert!(!validator.is_valid(&wrong));
}

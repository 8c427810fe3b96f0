//! What the `OpenAPI` tests share: the example's service, and reading a document's `$ref`s.

use serde_json::Value;

/// The example service of `cargo run --example openapi`.
#[allow(dead_code)]
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

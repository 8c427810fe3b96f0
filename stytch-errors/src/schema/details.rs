//! The `error_details` of the `OpenAPI` responses (feature `utoipa`): each details field's
//! schema, from its type's `utoipa::ToSchema`, inlined, and an example value made from it.

use std::string::String;
use std::vec::Vec;

use serde_json::{Map, Value};
use utoipa::openapi::{RefOr, Schema};

/// One `#[api_error(details)]` field, as the derive lists it: the variant's `error_type`,
/// the field's name, its type's schema, and the component schemas that one refers to.
#[doc(hidden)]
pub type DetailsSchema = (
    &'static str,
    &'static str,
    fn() -> RefOr<Schema>,
    fn(&mut Vec<(String, RefOr<Schema>)>),
);

/// How deep references are followed: deep enough for any real body, and a stop for a type
/// that contains itself.
const MAX_DEPTH: usize = 8;

/// The members of the `error_details` of `error_type`, each schema with its references to
/// components replaced by the components (a response's schema has no components section to
/// refer to), in declaration order.
pub(crate) fn members(details: &[DetailsSchema], error_type: &str) -> Vec<(&'static str, Value)> {
    details
        .iter()
        .filter(|(of, ..)| *of == error_type)
        .map(|&(_, name, schema, schemas)| {
            let mut components = Vec::new();
            schemas(&mut components);
            let mut value = serde_json::to_value(schema()).unwrap_or(Value::Null);
            inline(&mut value, &components, 0);
            (name, value)
        })
        .collect()
}

fn inline(value: &mut Value, components: &[(String, RefOr<Schema>)], depth: usize) {
    match value {
        Value::Object(map) => {
            let target = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| reference.strip_prefix("#/components/schemas/"))
                .map(String::from);
            match target {
                Some(name) => {
                    let component = components
                        .iter()
                        .find(|(component, _)| *component == name)
                        .filter(|_| depth < MAX_DEPTH)
                        .and_then(|(_, schema)| serde_json::to_value(schema).ok());
                    // An unknown or too deep reference becomes "any value".
                    *value = component.unwrap_or_else(|| Value::Object(Map::new()));
                    inline(value, components, depth + 1);
                }
                None => map
                    .values_mut()
                    .for_each(|value| inline(value, components, depth)),
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|value| inline(value, components, depth)),
        _ => {}
    }
}

/// The schema of an `error_details` object with `members`.
pub(crate) fn object_schema(members: &[(&'static str, Value)]) -> Option<RefOr<Schema>> {
    let properties: Map<String, Value> = members
        .iter()
        .map(|(name, schema)| (String::from(*name), schema.clone()))
        .collect();
    let schema = serde_json::json!({
        "type": "object",
        "description": "The error's details: one member per details field of its variant.",
        "properties": properties,
    });
    serde_json::from_value(schema).ok()
}

/// An example value for `schema`: its own example when it gives one, else the simplest
/// value of its type.
pub(crate) fn example(schema: &Value, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(example) = schema
        .get("example")
        .or_else(|| schema.get("examples").and_then(|examples| examples.get(0)))
    {
        return example.clone();
    }
    // Of a composite (an `Option` is one), the first alternative that is not `null`.
    for composite in ["oneOf", "anyOf", "allOf"] {
        if let Some(alternatives) = schema.get(composite).and_then(Value::as_array) {
            return alternatives
                .iter()
                .map(|alternative| example(alternative, depth + 1))
                .find(|value| !value.is_null())
                .unwrap_or(Value::Null);
        }
    }
    let kind = match schema.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|kind| *kind != "null")
            .unwrap_or("null"),
        _ => "",
    };
    match kind {
        "string" => Value::from("string"),
        "integer" | "number" => Value::from(0),
        "boolean" => Value::from(false),
        "array" => Value::Array(
            schema
                .get("items")
                .map(|items| example(items, depth + 1))
                .into_iter()
                .collect(),
        ),
        "object" => Value::Object(
            schema
                .get("properties")
                .and_then(Value::as_object)
                .map(|properties| {
                    properties
                        .iter()
                        .map(|(name, schema)| (name.clone(), example(schema, depth + 1)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        _ => Value::Null,
    }
}

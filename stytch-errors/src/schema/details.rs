//! The `error_details` of the `OpenAPI` components (feature `utoipa`): each details field's
//! schema, from its type's `utoipa::ToSchema`, the component schemas it refers to, and an
//! example value made from them.

use std::collections::HashMap;
use std::string::String;
use std::vec::Vec;

use serde_json::{Map, Value, json};
use utoipa::openapi::{RefOr, Schema};

use crate::model::ErrorInfo;
use crate::schema::shape;

/// One `#[api_error(details)]` field, as the derive lists it: the variant's `error_type`,
/// the field's name, its doc comment, its type's schema, and the component schemas that one
/// refers to.
#[doc(hidden)]
pub type DetailsSchema = (
    &'static str,
    &'static str,
    &'static str,
    fn() -> RefOr<Schema>,
    fn(&mut Vec<(String, RefOr<Schema>)>),
);

/// The component schemas a details schema may refer to, by name, as JSON.
pub(crate) type Components = Map<String, Value>;

/// How deep references and nesting are followed for an example: deep enough for any real
/// body, and a stop for a type that contains itself.
const MAX_DEPTH: usize = 8;

/// The schemas of a catalog's details fields, and every component schema they refer to.
pub(crate) struct Details {
    /// Each error type's members of `error_details`, in declaration order: name and schema.
    members: HashMap<&'static str, Vec<(&'static str, Value)>>,
    /// An example `error_details` object of each error type that has details.
    examples: HashMap<&'static str, Value>,
    /// The component schemas the fields' schemas refer to, to register in the document.
    pub(crate) components: Vec<(String, RefOr<Schema>)>,
}

impl Details {
    /// The schemas of `fields`, as the derive lists them.
    pub(crate) fn new(fields: &[DetailsSchema]) -> Self {
        let mut components = Vec::new();
        let mut members: HashMap<&'static str, Vec<(&'static str, Value)>> = HashMap::new();
        for &(error_type, name, docs, schema, schemas) in fields {
            schemas(&mut components);
            let mut schema = serde_json::to_value(schema()).unwrap_or_else(|_| json!({}));
            // The field's doc comment describes the member, as utoipa does for a struct's
            // field (over its type's own description).
            if let Value::Object(schema) = &mut schema
                && !docs.is_empty()
            {
                schema.insert(String::from("description"), Value::from(docs));
            }
            members.entry(error_type).or_default().push((name, schema));
        }
        let json: Components = components
            .iter()
            .filter_map(|(name, schema)| Some((name.clone(), serde_json::to_value(schema).ok()?)))
            .collect();
        let examples = members
            .iter()
            .map(|(&error_type, members)| {
                let object = members
                    .iter()
                    .map(|(name, schema)| (String::from(*name), example(schema, &json, 0)))
                    .collect();
                (error_type, Value::Object(object))
            })
            .collect();
        Self {
            members,
            examples,
            components,
        }
    }

    /// The schema of the `error_details` object of the errors `infos` (of one status): every
    /// member any of them has, each once; `None` when none has details.
    pub(crate) fn object_schema(&self, infos: &[&ErrorInfo]) -> Option<Value> {
        let mut properties = Map::new();
        let members = infos
            .iter()
            .filter_map(|info| self.members.get(info.error_type))
            .flatten();
        for (name, schema) in members {
            properties.entry(*name).or_insert_with(|| schema.clone());
        }
        shape::details_object(properties)
    }

    /// An example `error_details` object of `info`: a value of each member's schema; `None`
    /// when its variant has no details.
    pub(crate) fn example(&self, info: &ErrorInfo) -> Option<Value> {
        self.examples.get(info.error_type).cloned()
    }
}

/// An example value for `schema`: its own example when it gives one, else the simplest
/// value of its type; a `$ref` is read from `components`.
fn example(schema: &Value, components: &Components, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(target) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix("#/components/schemas/"))
    {
        return components
            .get(target)
            .map_or(Value::Null, |schema| example(schema, components, depth + 1));
    }
    if let Some(example) = schema
        .get("example")
        .or_else(|| schema.get("examples").and_then(|examples| examples.get(0)))
    {
        return example.clone();
    }
    if let Some(value) = schema
        .get("const")
        .or_else(|| schema.get("enum").and_then(|values| values.get(0)))
    {
        return value.clone();
    }
    // Of a composite (an `Option` is one), the first alternative that is not `null`.
    for composite in ["oneOf", "anyOf", "allOf"] {
        if let Some(alternatives) = schema.get(composite).and_then(Value::as_array) {
            return alternatives
                .iter()
                .map(|alternative| example(alternative, components, depth + 1))
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
    let nested = |schema: &Value| example(schema, components, depth + 1);
    match kind {
        "string" => Value::from("string"),
        "integer" | "number" => Value::from(0),
        "boolean" => Value::from(false),
        "array" => Value::Array(schema.get("items").map(nested).into_iter().collect()),
        "object" => Value::Object(
            schema
                .get("properties")
                .and_then(Value::as_object)
                .map(|properties| {
                    properties
                        .iter()
                        .map(|(name, schema)| (name.clone(), nested(schema)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Components, example};

    #[test]
    fn an_example_follows_references_composites_and_its_own_examples() {
        let components: Components = [(
            String::from("Field"),
            json!({"type": "object", "properties": {"name": {"type": "string"}, "line": {"type": "integer", "example": 7}}}),
        )]
        .into_iter()
        .collect();
        let schema = json!({"type": "array", "items": {"$ref": "#/components/schemas/Field"}});
        assert_eq!(
            example(&schema, &components, 0),
            json!([{"name": "string", "line": 7}])
        );
        let kind = json!({"type": "string", "enum": ["missing", "malformed"]});
        assert_eq!(example(&kind, &components, 0), json!("missing"));
        let optional = json!({"oneOf": [{"type": "null"}, {"type": "boolean"}]});
        assert_eq!(example(&optional, &components, 0), json!(false));
        let unknown = json!({"$ref": "#/components/schemas/Missing"});
        assert_eq!(example(&unknown, &components, 0), json!(null));
    }

    #[test]
    fn a_type_that_contains_itself_ends() {
        let components: Components = [(
            String::from("Tree"),
            json!({"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Tree"}}}),
        )]
        .into_iter()
        .collect();
        let value = example(
            &json!({"$ref": "#/components/schemas/Tree"}),
            &components,
            0,
        );
        assert!(value["child"]["child"].is_object());
    }
}

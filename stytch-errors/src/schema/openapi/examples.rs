//! The examples of a catalog's errors: each body once under `components/examples`, named
//! after its `error_type`, and referred to from every response that lists it.

use std::format;
use std::string::String;
use std::vec::Vec;

use utoipa::openapi::example::{Example, ExampleBuilder};
use utoipa::openapi::{Components, ContentBuilder, Ref, RefOr};

use serde_json::Value;

use super::EXAMPLE_REQUEST_ID;
use crate::ApiError;
use crate::model::ErrorInfo;
use crate::schema::catalog_body;
use crate::schema::details::Details;

/// Puts `example` in the components under `name`, or under `{E}.{name}` when `name` holds
/// a different example; returns the name it is under.
pub(super) fn add_example<E: ?Sized>(
    components: &mut Components,
    name: &str,
    example: Example,
) -> String {
    let example = RefOr::T(example);
    let name = match components.examples.get(name) {
        Some(existing) if *existing != example => {
            format!("{}.{name}", catalog_body::catalog_name::<E>())
        }
        _ => String::from(name),
    };
    components.examples.insert(name.clone(), example);
    name
}

/// A `$ref` to the example component `name`.
pub(super) trait ExampleRef {
    fn example_ref(self, key: &str, name: &str) -> Self;
}

impl ExampleRef for ContentBuilder {
    fn example_ref(self, key: &str, name: &str) -> Self {
        self.examples_from_iter([(
            key,
            RefOr::<Example>::Ref(Ref::new(format!("#/components/examples/{name}"))),
        )])
    }
}

/// The name of the problem details' schema component.
#[cfg(feature = "problem-details")]
pub(super) const PROBLEM_DETAILS: &str = "ProblemDetails";

/// The `application/problem+json` content of the errors `infos` of the response of
/// `status` (`None`: a class's): the `ProblemDetails` schema and one example per error,
/// `{error_type}.problem` (`{error_type}.{status}.problem` for an error documented under
/// another status than its own).
#[cfg(feature = "problem-details")]
pub(super) fn problem_content<E: ApiError>(
    components: &mut Components,
    status: Option<u16>,
    infos: &[&'static ErrorInfo],
    details: &Details,
) -> utoipa::openapi::Content {
    let mut content = ContentBuilder::new().schema(Some(Ref::from_schema_name(PROBLEM_DETAILS)));
    for info in infos {
        let message = info.example_message();
        let mut body = crate::ProblemDetails::from_parts(info, &message, EXAMPLE_REQUEST_ID);
        if let Some(members @ Value::Object(_)) = details.example(info) {
            body.extensions = serde_json::value::to_raw_value(&members)
                .ok()
                .map(std::borrow::Cow::Owned);
        }
        let name = match status {
            Some(status) if status != info.status_code => {
                body.status = status;
                format!("{}.{status}.problem", info.error_type)
            }
            _ => format!("{}.problem", info.error_type),
        };
        let example = ExampleBuilder::new()
            .summary(info.title())
            .value(serde_json::to_value(body).ok())
            .build();
        let name = add_example::<E>(components, &name, example);
        content = content.example_ref(info.error_type, &name);
    }
    content.build()
}

/// The named example of one error, with an example of its `error_details` when it has any.
pub(super) fn json_example<E: ApiError>(info: &ErrorInfo, details: &Details) -> Example {
    let json = match E::from_error_type(info.error_type) {
        Some(error) => error.to_json(EXAMPLE_REQUEST_ID),
        None => info.example_json(EXAMPLE_REQUEST_ID),
    };
    let mut value: Option<Value> = serde_json::from_str(&json).ok();
    if let (Some(Value::Object(body)), Some(error_details)) = (&mut value, details.example(info)) {
        body.insert(String::from("error_details"), error_details);
    }
    ExampleBuilder::new()
        .summary(info.title())
        .description(example_description(info))
        .value(value)
        .build()
}

/// An example's description, in Markdown: the variant's docs, its common causes and
/// troubleshooting steps, and its reference page.
fn example_description(info: &ErrorInfo) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    if !info.description.is_empty() {
        paragraphs.push(String::from(info.description));
    }
    if !info.is_static_message() {
        paragraphs.push(String::from(
            "In `error_message`, each `{field}` stands for that field's value.",
        ));
    }
    for (heading, items) in [
        ("Common causes", info.causes),
        ("Troubleshooting", info.fixes),
    ] {
        if !items.is_empty() {
            let mut list = format!("{heading}:\n");
            for item in items {
                list.push_str("\n- ");
                list.push_str(item);
            }
            paragraphs.push(list);
        }
    }
    paragraphs.push(format!("Reference: <{}>", info.error_url));
    paragraphs.join("\n\n")
}

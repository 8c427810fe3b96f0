//! The JSON Schemas of error bodies, built once as JSON values: the `OpenAPI` side (utoipa)
//! and the JSON Schema side (schemars) both take them from here.

use std::string::String;
use std::vec::Vec;

use serde_json::{Map, Value, json};

use crate::ApiError;
use crate::model::ErrorInfo;

/// What the schemas say about each field of the body: `(name, description)`, in the body's
/// order.
const FIELDS: [(&str, &str); 5] = [
    ("status_code", "The HTTP status code of the response."),
    (
        "request_id",
        "The id of the request that failed, to quote when asking for support.",
    ),
    (
        "error_type",
        "The catalog's name for the error, e.g. `too_many_requests`: what a client matches on.",
    ),
    (
        "error_message",
        "A human-readable explanation of the error.",
    ),
    (
        "error_url",
        "The error's reference page: `{docs_url}/{status_code}#{error_type}`.",
    ),
];

/// The description of a body's schema.
const DESCRIPTION: &str = "An error response: the status code, the request id, the error type, a message and the \
     URL of the error's reference page.";

/// What `error_type` says of an open set, after its own description.
const OPEN: &str = " The known values are listed; the catalog grows, so any other string is an error \
     type this document does not know yet.";

/// What a schema allows for `status_code`.
#[derive(Clone, Copy)]
pub(crate) enum Statuses<'a> {
    /// Any error status, 400 to 599.
    Any,
    /// One of these.
    OneOf(&'a [u16]),
}

/// What a schema allows for `error_type`.
#[derive(Clone, Copy)]
pub(crate) enum ErrorTypes<'a> {
    /// Any string.
    Any,
    /// One of these and nothing else: the catalog is exhaustive.
    Closed(&'a [&'a str]),
    /// These, and any other string: the catalog is `#[non_exhaustive]`. The shape is
    /// `anyOf: [{enum: known}, {type: string}]`, which generated clients (openapi-python-client,
    /// datamodel-code-generator, openapi-typescript) turn into the union of an enum and a
    /// string, so that an unknown value still parses.
    Open(&'a [&'a str]),
}

impl<'a> ErrorTypes<'a> {
    /// The error types of `infos`, open when any of them is of a `#[non_exhaustive]` enum
    /// (a catalog that wraps a growing one grows with it).
    pub(crate) fn of(infos: &[&ErrorInfo], names: &'a [&'a str]) -> Self {
        if infos.iter().any(|info| info.non_exhaustive) {
            Self::Open(names)
        } else {
            Self::Closed(names)
        }
    }
}

/// The schema of an error body, with `title` when given.
pub(crate) fn body(
    statuses: Statuses<'_>,
    error_types: ErrorTypes<'_>,
    title: Option<&str>,
) -> Value {
    let [
        status_code,
        request_id,
        error_type,
        error_message,
        error_url,
    ] = FIELDS;
    let status_schema = match statuses {
        Statuses::OneOf(statuses) => {
            json!({ "type": "integer", "description": status_code.1, "enum": statuses })
        }
        Statuses::Any => json!({
            "type": "integer",
            "description": status_code.1,
            "minimum": stytch_errors_shared::status::MIN,
            "maximum": stytch_errors_shared::status::MAX,
        }),
    };
    let error_type_schema = match error_types {
        ErrorTypes::Any => json!({ "type": "string", "description": error_type.1 }),
        ErrorTypes::Closed(names) => {
            json!({ "type": "string", "description": error_type.1, "enum": names })
        }
        ErrorTypes::Open(names) => {
            let mut description = String::from(error_type.1);
            description.push_str(OPEN);
            json!({
                "description": description,
                "anyOf": [{ "type": "string", "enum": names }, { "type": "string" }],
            })
        }
    };
    let mut schema = Map::new();
    if let Some(title) = title {
        schema.insert(String::from("title"), json!(title));
    }
    schema.insert(String::from("type"), json!("object"));
    schema.insert(String::from("description"), json!(DESCRIPTION));
    schema.insert(
        String::from("properties"),
        json!({
            (status_code.0): status_schema,
            (request_id.0): { "type": "string", "description": request_id.1 },
            (error_type.0): error_type_schema,
            (error_message.0): { "type": "string", "description": error_message.1 },
            (error_url.0): { "type": "string", "format": "uri", "description": error_url.1 },
        }),
    );
    schema.insert(
        String::from("required"),
        json!([
            status_code.0,
            request_id.0,
            error_type.0,
            error_message.0,
            error_url.0
        ]),
    );
    Value::Object(schema)
}

/// What the schema of `error_details` says of itself.
const DETAILS_DESCRIPTION: &str =
    "The error's details: one member per details field of its variant.";

/// The schema of an `error_details` object with `properties` (one per member), or `None`
/// when there are none: a body without details has no `error_details`.
pub(crate) fn details_object(properties: Map<String, Value>) -> Option<Value> {
    (!properties.is_empty()).then(|| {
        json!({ "type": "object", "description": DETAILS_DESCRIPTION, "properties": Value::Object(properties) })
    })
}

/// The schema of the body of any error of `E`: `error_type` one of the catalog's (or any
/// string, listed ones first, for a `#[non_exhaustive]` catalog), `status_code` one of its
/// statuses (any error status for a `#[non_exhaustive]` catalog, whose new errors may bring
/// new ones).
pub(crate) fn catalog<E: ApiError>(title: Option<&str>) -> Value {
    let infos: Vec<&ErrorInfo> = E::catalog().iter().collect();
    let names: Vec<&str> = infos.iter().map(|info| info.error_type).collect();
    let error_types = ErrorTypes::of(&infos, &names);
    let mut statuses: Vec<u16> = infos.iter().map(|info| info.status_code).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let statuses = match error_types {
        ErrorTypes::Open(_) => Statuses::Any,
        _ => Statuses::OneOf(&statuses),
    };
    body(statuses, error_types, title)
}

/// The schema of the body of the errors of one status, `infos`: `status_code` is `status`.
#[cfg(feature = "utoipa")]
pub(crate) fn group(status: u16, infos: &[&ErrorInfo]) -> Value {
    let names: Vec<&str> = infos.iter().map(|info| info.error_type).collect();
    body(
        Statuses::OneOf(&[status]),
        ErrorTypes::of(infos, &names),
        None,
    )
}

/// The schema of [`ProblemDetails`](crate::ProblemDetails): RFC 9457's members and the two
/// extension members.
#[cfg(all(feature = "problem-details", feature = "utoipa"))]
pub(crate) fn problem_details() -> Value {
    json!({
        "type": "object",
        "description": "An error response as RFC 9457 problem details (`application/problem+json`).",
        "properties": {
            "type": { "type": "string", "format": "uri", "description": "The problem type: the error's reference page, its `error_url`." },
            "title": { "type": "string", "description": "The catalog's message for the error, the same for every occurrence." },
            "status": { "type": "integer", "minimum": stytch_errors_shared::status::MIN, "maximum": stytch_errors_shared::status::MAX, "description": "The HTTP status code." },
            "detail": { "type": "string", "description": "The message of this occurrence." },
            (FIELDS[2].0): { "type": "string", "description": FIELDS[2].1 },
            (FIELDS[1].0): { "type": "string", "description": FIELDS[1].1 },
        },
        "required": ["type", "title", "status", "detail", FIELDS[2].0, FIELDS[1].0],
    })
}

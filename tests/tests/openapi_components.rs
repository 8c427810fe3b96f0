//! The shared components of the `OpenAPI` documents (feature `utoipa`): every error response
//! of every operation of the example's document is a `$ref` to one response per status, whose
//! schema takes every body of that status and (for a `#[non_exhaustive]` catalog) a body with
//! an unknown `error_type`, which declares `x-request-id`, and whose examples are in the
//! document once.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use std::collections::BTreeMap;

use serde_json::{Value, json};
use stytch_errors::openapi;
use stytch_errors::{ApiError, StytchError};
use utoipa::IntoResponses;
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::{RefOr, ResponsesBuilder};

mod openapi_support;

use openapi_support::{example, example_document, expected_example, resolve, validator};

/// A growing catalog.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
#[non_exhaustive]
enum Full {
    #[api_error(status = 401, message = "The credentials are invalid.")]
    UnauthorizedCredentials,
    #[api_error(status = 401, message = "The session has expired.")]
    SessionExpired,
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
}

/// The errors of one endpoint: two of `Full`'s.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(subset_of = "Full")]
enum Endpoint {
    SessionExpired,
    TooManyRequests,
}

/// A catalog that never grows, with an `error_type` of `Full` and another body.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://other.example.com/errors")]
enum Closed {
    #[api_error(status = 429, message = "Slow down.")]
    TooManyRequests,
}

fn json_of(document: &Document) -> Value {
    serde_json::to_value(document).expect("the document serializes")
}

/// Every body of `E`'s catalog, by status, as its example shows it.
fn bodies<E: ApiError>() -> BTreeMap<u16, Vec<Value>> {
    let mut bodies: BTreeMap<u16, Vec<Value>> = BTreeMap::new();
    for info in E::catalog() {
        bodies
            .entry(info.status_code)
            .or_default()
            .push(expected_example::<E>(info));
    }
    bodies
}

/// The example service's own error, as it sends it.
fn invalid_fields() -> example::CreateUserError {
    example::CreateUserError::InvalidFields {
        count: 1,
        invalid_fields: vec![example::InvalidField {
            field: "email".into(),
            reason: "not an email address".into(),
        }],
    }
}

/// Calls `check(status, response)` for every 4xx/5xx response of every operation.
/// Runs `check` on every error response of every operation of `document`, with its key (a
/// status, or a class: `4XX`, `5XX`), and returns how many there were.
fn for_each_error_response(document: &Value, mut check: impl FnMut(&str, &Value)) -> usize {
    let mut count = 0;
    for item in document["paths"].as_object().expect("paths").values() {
        for operation in item.as_object().expect("a path item").values() {
            for (key, response) in operation["responses"].as_object().expect("responses") {
                let error = match key.parse::<u16>() {
                    Ok(status) => status >= 400,
                    Err(_) => ["4XX", "5XX"].contains(&key.as_str()),
                };
                if error {
                    assert!(response["$ref"].is_string(), "{key} is a $ref");
                    check(key, resolve(document, response));
                    count += 1;
                }
            }
        }
    }
    count
}

/// The example values of `response`'s `application/json` content.
fn examples_of(document: &Value, response: &Value) -> Vec<Value> {
    response["content"]["application/json"]["examples"]
        .as_object()
        .expect("examples")
        .values()
        .map(|example| resolve(document, example)["value"].clone())
        .collect()
}

#[test]
fn every_error_response_takes_every_body_of_its_status_and_unknown_error_types() {
    let document = example_document();
    let mut bodies = bodies::<StytchError>();
    // The service's own error, with its details.
    bodies
        .entry(400)
        .or_default()
        .push(serde_json::from_str(&invalid_fields().to_json("request-id-test-1")).expect("JSON"));
    let checked = for_each_error_response(&document, |key, response| {
        let schema = resolve(
            &document,
            &response["content"]["application/json"]["schema"],
        );
        let validator = validator(schema);
        // The catalog's bodies of the status, and the response's own examples (a stand-in's
        // of a status or a class).
        let mut of_key = key
            .parse::<u16>()
            .ok()
            .and_then(|status| bodies.get(&status).cloned())
            .unwrap_or_default();
        of_key.extend(examples_of(&document, response));
        for body in &of_key {
            let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
            assert_eq!(errors, Vec::<String>::new(), "{key} {}", body["error_type"]);
        }
        let mut unknown = of_key[0].clone();
        unknown["error_type"] = json!("brand_new_error");
        assert!(validator.is_valid(&unknown), "{key}: an unknown error_type");
        unknown["status_code"] = json!(if key.starts_with('5') { 400 } else { 500 });
        assert!(!validator.is_valid(&unknown), "{key}: another status");
    });
    // StytchError's covers (401, 404, 405, 408, 429, 499, 503, 504, 4XX, 5XX) on every
    // operation, but where the operation documents the key itself: the magic link one has
    // its own 400, 401 and 429, the session one its own 401 and 429, `POST /v1/users` its
    // own 400.
    assert_eq!(checked, 11 + 10 + 11);
}

#[test]
fn every_error_response_declares_the_request_id_header() {
    let document = example_document();
    let checked = for_each_error_response(&document, |status, response| {
        let header = &response["headers"]["x-request-id"];
        assert_eq!(
            header["$ref"], "#/components/headers/x-request-id",
            "{status}"
        );
        assert_eq!(resolve(&document, header)["schema"]["type"], "string");
    });
    assert!(checked > 0);
}

#[cfg(feature = "problem-details")]
#[test]
fn every_error_response_documents_problem_details() {
    let document = example_document();
    for_each_error_response(&document, |status, response| {
        let content = &response["content"]["application/problem+json"];
        assert_eq!(
            content["schema"]["$ref"],
            "#/components/schemas/ProblemDetails"
        );
        let validator = validator(resolve(&document, &content["schema"]));
        let examples = content["examples"].as_object().expect("examples");
        let json_examples = response["content"]["application/json"]["examples"]
            .as_object()
            .expect("examples");
        assert_eq!(
            examples.keys().collect::<Vec<_>>(),
            json_examples.keys().collect::<Vec<_>>()
        );
        for (error_type, example) in examples {
            let value = &resolve(&document, example)["value"];
            assert!(validator.is_valid(value), "{error_type}");
            match status.parse::<u16>() {
                Ok(status) => assert_eq!(value["status"], status),
                Err(_) => assert_eq!(value["status"].to_string()[..1], status[..1]),
            }
            if let Some(error) = StytchError::from_error_type(error_type) {
                let mut body =
                    stytch_errors::ProblemDetails::new(&error, openapi::EXAMPLE_REQUEST_ID);
                // A stand-in documented under another status than its own has that status.
                if let Ok(status) = status.parse() {
                    body.status = status;
                }
                assert_eq!(*value, serde_json::to_value(body).expect("JSON"));
            } else {
                // The service's own error: its details are extension members.
                assert_eq!(error_type, "invalid_fields");
                assert_eq!(value["invalid_fields"][0]["field"], "string");
            }
        }
    });
}

/// Every example `value` written in `value`, wherever it is.
fn example_values<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(examples)) = map.get("examples") {
                found.extend(examples.values().filter_map(|example| example.get("value")));
            }
            for value in map.values() {
                example_values(value, found);
            }
        }
        Value::Array(values) => values.iter().for_each(|value| example_values(value, found)),
        _ => {}
    }
}

#[test]
fn no_example_body_appears_twice() {
    let document = example_document();
    let mut found = Vec::new();
    example_values(&document, &mut found);
    let mut texts: Vec<String> = found.iter().map(ToString::to_string).collect();
    texts.sort_unstable();
    let before = texts.len();
    texts.dedup();
    assert_eq!(texts.len(), before);
    let examples = document["components"]["examples"]
        .as_object()
        .expect("examples");
    assert_eq!(examples.len(), found.len());
    let per_error = if cfg!(feature = "problem-details") {
        2
    } else {
        1
    };
    // bad_request, unable_to_auth_magic_link, too_many_requests, unauthorized_credentials,
    // the service's invalid_fields, and the framework's route_not_found, method_not_allowed,
    // client_closed_request, internal_server_error and server_unavailable (with its own
    // status, and as the stand-in for 408 and for 504).
    assert_eq!(found.len(), per_error * 12);
}

/// The document with `count` more operations whose errors are `GetSessionError`'s.
fn with_operations(count: usize) -> String {
    let mut document = example::service().1;
    for i in 0..count {
        let operation = OperationBuilder::new()
            .operation_id(Some(format!("extra_{i}")))
            .responses(
                ResponsesBuilder::new().responses_from_into_responses::<example::GetSessionError>(),
            )
            .build();
        document.paths.paths.insert(
            format!("/v1/extra/{i}"),
            PathItem::new(HttpMethod::Get, operation),
        );
    }
    openapi::add_service_errors::<StytchError>(&mut document);
    document.to_pretty_json().expect("JSON")
}

#[test]
fn an_operation_adds_a_few_hundred_bytes() {
    let base = with_operations(0).len();
    let one = with_operations(1).len();
    let ten = with_operations(10).len();
    eprintln!(
        "document: {base} bytes; one more operation: +{} bytes; ten more: +{} bytes",
        one - base,
        ten - base
    );
    // Each operation adds its `$ref`s and nothing else: the same bytes for each.
    assert!(one - base <= 1200, "{} bytes", one - base);
    assert!(
        ten - base <= 10 * (one - base) + 10,
        "{} bytes for ten",
        ten - base
    );
}

#[test]
fn service_errors_are_on_every_operation() {
    let document = example_document();
    // The operation's own 400 stays; the other gets the framework's client errors.
    let responses = |path: &str, method: &str| document["paths"][path][method]["responses"].clone();
    assert_eq!(
        responses("/v1/magic_links/authenticate", "post")["400"]["$ref"],
        "#/components/responses/AuthenticateError400"
    );
    assert_eq!(
        responses("/v1/sessions/{session_token}", "get")["4XX"]["$ref"],
        "#/components/responses/StytchErrorService4XX"
    );
    let bad_request = &document["components"]["responses"]["StytchErrorService4XX"];
    let examples = bad_request["content"]["application/json"]["examples"]
        .as_object()
        .expect("examples");
    assert_eq!(examples.keys().collect::<Vec<_>>(), ["bad_request"]);
    for item in document["paths"].as_object().expect("paths").values() {
        for operation in item.as_object().expect("a path item").values() {
            for status in ["404", "405", "408", "503", "4XX", "5XX"] {
                assert_eq!(
                    operation["responses"][status]["$ref"],
                    format!("#/components/responses/StytchErrorService{status}")
                );
            }
        }
    }
}

#[test]
fn a_narrower_catalog_refers_to_the_same_examples() {
    let mut document = Document::default();
    openapi::add_components::<Full>(&mut document);
    let before = json_of(&document)["components"]["examples"].clone();
    openapi::add_components::<Endpoint>(&mut document);
    let document = json_of(&document);
    let components = &document["components"];
    assert_eq!(components["examples"], before);
    assert_eq!(
        components["responses"]["Endpoint401"]["content"]["application/json"]["examples"]["session_expired"]
            ["$ref"],
        "#/components/examples/session_expired"
    );
    let schema = &components["schemas"]["EndpointBody401"];
    assert_eq!(
        schema["properties"]["error_type"]["anyOf"][0]["enum"],
        json!(["session_expired"])
    );
    assert_eq!(schema["properties"]["status_code"]["enum"], json!([401]));
    let responses = serde_json::to_value(Endpoint::responses()).expect("JSON");
    assert_eq!(
        responses["401"]["$ref"],
        "#/components/responses/Endpoint401"
    );
}

#[test]
fn another_body_under_a_taken_name_gets_the_catalog_name() {
    let mut document = Document::default();
    openapi::add_components::<Full>(&mut document);
    openapi::add_components::<Closed>(&mut document);
    let document = json_of(&document);
    let components = &document["components"];
    assert_eq!(
        components["responses"]["Closed429"]["content"]["application/json"]["examples"]["too_many_requests"]
            ["$ref"],
        "#/components/examples/Closed.too_many_requests"
    );
    assert_eq!(
        components["examples"]["Closed.too_many_requests"]["value"]["error_message"],
        "Slow down."
    );
    assert_eq!(
        components["examples"]["too_many_requests"]["value"]["error_message"],
        "Too many requests have been made."
    );
}

#[test]
fn only_a_non_exhaustive_catalog_has_an_open_error_type() {
    assert!(Full::catalog().iter().all(|info| info.non_exhaustive));
    assert!(Closed::catalog().iter().all(|info| !info.non_exhaustive));
    let mut document = Document::default();
    openapi::add_components::<Full>(&mut document);
    openapi::add_components::<Closed>(&mut document);
    let document = json_of(&document);
    let schemas = &document["components"]["schemas"];
    let closed = &schemas["ClosedBody429"]["properties"]["error_type"];
    assert_eq!(closed["enum"], json!(["too_many_requests"]));
    assert!(closed.get("anyOf").is_none());
    let closed = validator(&schemas["ClosedBody429"]);
    let mut body = bodies::<Closed>()[&429][0].clone();
    assert!(closed.is_valid(&body));
    body["error_type"] = json!("brand_new_error");
    assert!(!closed.is_valid(&body));
    let open = validator(&schemas["FullBody429"]);
    body["error_url"] = json!("https://example.com/errors/429#brand_new_error");
    assert!(open.is_valid(&body));
    // The whole catalog's schema: the same shape, any error status for a growing catalog.
    assert!(validator(&schemas["FullBody"]).is_valid(&json!({
        "status_code": 418, "request_id": "r", "error_type": "teapot",
        "error_message": "…", "error_url": "https://example.com/errors/418#teapot",
    })));
    assert_eq!(
        schemas["ClosedBody"]["properties"]["status_code"]["enum"],
        json!([429])
    );
}

/// A growing catalog that wraps `Closed`, which does not grow, and has no error of its own.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
#[non_exhaustive]
enum GrowingWrapper {
    #[api_error(transparent)]
    Closed(Closed),
}

#[test]
fn a_non_exhaustive_catalog_is_open_at_every_level_of_composition() {
    assert!(
        GrowingWrapper::catalog()
            .iter()
            .all(|info| info.non_exhaustive)
    );
    assert!(Closed::catalog().iter().all(|info| !info.non_exhaustive));
    let mut document = Document::default();
    openapi::add_components::<GrowingWrapper>(&mut document);
    let document = json_of(&document);
    let error_type =
        &document["components"]["schemas"]["GrowingWrapperBody429"]["properties"]["error_type"];
    assert_eq!(error_type["anyOf"][0]["enum"], json!(["too_many_requests"]));
    assert_eq!(error_type["anyOf"][1], json!({ "type": "string" }));
}

#[cfg(feature = "schemars")]
#[test]
fn utoipa_and_schemars_describe_the_same_body() {
    use stytch_errors::CatalogBody;
    use utoipa::PartialSchema;

    fn strip(mut schema: Value) -> Value {
        let map = schema.as_object_mut().expect("an object");
        map.remove("$schema");
        map.remove("title");
        schema
    }
    let utoipa = serde_json::to_value(CatalogBody::<StytchError>::schema()).expect("JSON");
    let schemars =
        serde_json::to_value(schemars::schema_for!(CatalogBody<StytchError>)).expect("JSON");
    assert_eq!(strip(utoipa), strip(schemars));
}

#[test]
fn a_response_map_is_refs_only() {
    for (status, response) in openapi::responses::<StytchError>() {
        match response {
            RefOr::Ref(reference) => assert_eq!(
                reference.ref_location,
                format!("#/components/responses/StytchError{status}")
            ),
            RefOr::T(_) => panic!("{status} is inline"),
        }
    }
}

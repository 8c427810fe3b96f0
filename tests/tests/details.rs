//! `#[api_error(details)]`: the fields of a variant's `error_details`, in the Stytch body,
//! in problem details, in the catalog, and a `Serialize` that fails.

use serde::Serialize;
use stytch_errors::{ApiError, BodyFormat, ErrorBody, RenderedError, to_http_response};

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
struct InvalidField {
    field: &'static str,
    reason: String,
}

/// A value whose `Serialize` always fails, as a map with non-string keys does.
#[derive(Debug)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "the map has a key that is not a string",
        ))
    }
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 422, message = "{count} fields are invalid.")]
    Invalid {
        count: usize,
        /// Each invalid field, and why.
        #[api_error(details)]
        invalid_fields: Vec<InvalidField>,
        #[api_error(details)]
        hint: Option<&'static str>,
    },
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    #[api_error(status = 500, message = "Broken details.")]
    Broken {
        #[api_error(details)]
        first: u32,
        #[api_error(details)]
        broken: Unserializable,
    },
}

fn invalid() -> AppError {
    AppError::Invalid {
        count: 1,
        invalid_fields: vec![InvalidField {
            field: "email",
            reason: "not an \"address\"\n".into(),
        }],
        hint: None,
    }
}

const INVALID_JSON: &str = r#"{"status_code":422,"request_id":"r-1","error_type":"invalid","error_message":"1 fields are invalid.","error_url":"https://example.com/errors/422#invalid","error_details":{"invalid_fields":[{"field":"email","reason":"not an \"address\"\n"}],"hint":null}}"#;

#[test]
fn details_come_last_in_error_details() {
    assert_eq!(invalid().to_json("r-1"), INVALID_JSON);
    let mut buffer = b"kept".to_vec();
    invalid().write_json("r-1", &mut buffer);
    assert_eq!(&buffer[..4], b"kept");
    assert_eq!(&buffer[4..], INVALID_JSON.as_bytes());
}

#[test]
fn a_details_field_is_not_in_the_message() {
    assert_eq!(invalid().error_message(), "1 fields are invalid.");
    assert_eq!(invalid().to_string(), "1 fields are invalid.");
}

#[test]
fn variants_without_details_have_no_key() {
    let json = AppError::TooManyRequests.to_json("r-1");
    assert_eq!(
        json,
        r#"{"status_code":429,"request_id":"r-1","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://example.com/errors/429#too_many_requests"}"#
    );
    assert_eq!(
        serde_json::to_string(&AppError::TooManyRequests.to_body("r-1")).unwrap(),
        json
    );
}

#[test]
fn the_serde_body_and_the_parser_agree() {
    let error = invalid();
    let body = error.to_body("r-1");
    assert_eq!(serde_json::to_string(&body).unwrap(), INVALID_JSON);
    let parsed: ErrorBody<'_> = serde_json::from_str(INVALID_JSON).unwrap();
    assert_eq!(parsed, body);
    let parsed = stytch_errors::parse_error::<AppError>(INVALID_JSON.as_bytes()).unwrap();
    assert_eq!(
        parsed.error_details.unwrap().get(),
        r#"{"invalid_fields":[{"field":"email","reason":"not an \"address\"\n"}],"hint":null}"#
    );
}

#[test]
fn the_catalog_names_the_details() {
    let [invalid, too_many, broken] = AppError::catalog() else {
        unreachable!()
    };
    assert_eq!(invalid.details, ["invalid_fields", "hint"]);
    assert!(too_many.details.is_empty());
    assert_eq!(broken.details, ["first", "broken"]);
}

#[test]
fn a_failing_serialize_leaves_a_valid_body_without_details() {
    let error = AppError::Broken {
        first: 7,
        broken: Unserializable,
    };
    let expected = r#"{"status_code":500,"request_id":"r-1","error_type":"broken","error_message":"Broken details.","error_url":"https://example.com/errors/500#broken"}"#;
    assert_eq!(error.to_json("r-1"), expected);
    let mut buffer = Vec::new();
    error.write_json("r-1", &mut buffer);
    assert_eq!(buffer, expected.as_bytes());
    let response = to_http_response(&error, "r-1", BodyFormat::Stytch);
    assert_eq!(response.body(), expected);
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert_eq!(rendered.error_details(), None);
    let [problem] = rendered.problems() else {
        panic!("{:?}", rendered.problems())
    };
    assert!(problem.contains("`broken`"), "{problem}");
    assert!(problem.contains("not a string"), "{problem}");
}

#[test]
fn the_http_response_and_its_rendering_again_carry_the_details() {
    let response = to_http_response(&invalid(), "r-1", BodyFormat::Stytch);
    assert_eq!(response.body(), INVALID_JSON);
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert_eq!(
        rendered.body("r-2", BodyFormat::Stytch),
        invalid().to_json("r-2")
    );
}

#[cfg(feature = "problem-details")]
#[test]
fn problem_details_carry_the_details_as_extension_members() {
    use stytch_errors::ProblemDetails;

    let expected = r#"{"type":"https://example.com/errors/422#invalid","title":"{count} fields are invalid.","status":422,"detail":"1 fields are invalid.","error_type":"invalid","request_id":"r-1","invalid_fields":[{"field":"email","reason":"not an \"address\"\n"}],"hint":null}"#;
    let error = invalid();
    assert_eq!(ProblemDetails::new(&error, "r-1").to_json(), expected);
    let response = to_http_response(&error, "r-1", BodyFormat::ProblemDetails);
    assert_eq!(response.body(), expected);
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert_eq!(rendered.body("r-1", BodyFormat::ProblemDetails), expected);
    let parsed: ProblemDetails<'_> = serde_json::from_str(expected).unwrap();
    let extensions: serde_json::Value =
        serde_json::from_str(parsed.extensions.as_deref().unwrap().get()).unwrap();
    assert_eq!(extensions["invalid_fields"][0]["field"], "email");
    // The members of `error_details`, in the same order, as the same text.
    let json = error.to_json("r-1");
    let details = json.split_once(r#""error_details":"#).unwrap().1;
    assert_eq!(
        parsed.extensions.as_deref().unwrap().get(),
        &details[..details.len() - 1]
    );
    assert_eq!(
        ProblemDetails::new(&AppError::TooManyRequests, "r-1").to_json(),
        r#"{"type":"https://example.com/errors/429#too_many_requests","title":"Too many requests have been made.","status":429,"detail":"Too many requests have been made.","error_type":"too_many_requests","request_id":"r-1"}"#
    );
}

#[test]
fn the_docs_list_the_details() {
    let pages = stytch_errors::docs::markdown_pages::<AppError>();
    let page = pages.iter().find(|page| page.status_code == 422).unwrap();
    assert!(
        page.markdown
            .contains("### Details\n\nThe body's `error_details` object has the members:\n\n- `invalid_fields`: `Vec<InvalidField>`\n- `hint`: `Option<&'static str>`\n"),
        "{}",
        page.markdown
    );
    let other = pages.iter().find(|page| page.status_code == 429).unwrap();
    assert!(!other.markdown.contains("### Details"));
    let json: serde_json::Value =
        serde_json::from_str(&stytch_errors::docs::catalog_json::<AppError>()).unwrap();
    assert_eq!(
        json["errors"][0]["details"],
        serde_json::json!(["invalid_fields", "hint"])
    );
    assert_eq!(json["errors"][1]["details"], serde_json::json!([]));
}

/// The components of `AppError`, as a client reads them.
#[cfg(feature = "utoipa")]
fn components() -> serde_json::Value {
    let mut document = utoipa::openapi::OpenApi::default();
    stytch_errors::openapi::add_components::<AppError>(&mut document);
    serde_json::to_value(&document).unwrap()["components"].take()
}

#[cfg(feature = "utoipa")]
#[test]
fn the_openapi_response_has_the_details_schema_and_example() {
    let components = components();
    let schema = &components["schemas"]["AppErrorBody422"];
    let details = &schema["properties"]["error_details"];
    assert_eq!(details["type"], "object");
    // Not required: a body whose details fail to serialize has none.
    assert!(
        !schema["required"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("error_details"))
    );
    let fields = &details["properties"]["invalid_fields"];
    assert_eq!(fields["type"], "array");
    // The field's doc comment describes its member.
    assert_eq!(fields["description"], "Each invalid field, and why.");
    assert!(details["properties"]["hint"].get("description").is_none());
    assert_eq!(fields["items"]["properties"]["field"]["type"], "string");
    assert!(details["properties"]["hint"].is_object());
    let example = &components["examples"]["invalid"]["value"];
    assert_eq!(
        example["error_details"],
        serde_json::json!({"invalid_fields": [{"field": "string", "reason": "string"}], "hint": "string"})
    );
    // The example is still a body the parser reads, details and all.
    let text = example.to_string();
    let parsed = stytch_errors::parse_error::<AppError>(text.as_bytes()).unwrap();
    assert_eq!(parsed.error_type, "invalid");
    assert!(parsed.error_details.is_some());
    let other = &components["schemas"]["AppErrorBody429"];
    assert!(other["properties"].get("error_details").is_none());
    assert!(
        components["examples"]["too_many_requests"]["value"]
            .get("error_details")
            .is_none()
    );
}

#[cfg(all(feature = "utoipa", feature = "problem-details"))]
#[test]
fn the_openapi_problem_example_has_the_details_as_extension_members() {
    let components = components();
    let problem = &components["examples"]["invalid.problem"]["value"];
    assert_eq!(problem["error_type"], "invalid");
    assert_eq!(problem["hint"], "string");
    assert_eq!(problem["invalid_fields"][0]["reason"], "string");
    assert!(
        components["examples"]["too_many_requests.problem"]["value"]
            .get("hint")
            .is_none()
    );
}

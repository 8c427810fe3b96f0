//! A catalog implemented by hand, with public items only, behaves as its derived twin:
//! every method, the HTTP response and the `OpenAPI` responses.

use std::borrow::Cow;
use std::fmt;

use stytch_errors::{
    ApiError, BodyFormat, ErrorInfo, ErrorKind, StaticCatalog, parse_error, to_http_response,
};

mod twins;

/// The derived twin.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Derived {
    /// The caller sent too many requests.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    #[api_error(
        cause = "A retry loop without backoff.",
        fix = "Back off exponentially."
    )]
    TooManyRequests,
    #[api_error(status = 400, message = "The {field} value is \"invalid\".")]
    InvalidField { field: String },
    #[api_error(status = 400, message = "Send a {{\"key\": value}} body.")]
    NotAnObject,
}

/// The same catalog, by hand.
#[derive(Debug, PartialEq)]
enum Manual {
    TooManyRequests,
    InvalidField { field: String },
    NotAnObject,
}

static CATALOG: [ErrorInfo; 3] = [
    ErrorInfo::new(
        "TooManyRequests",
        "too_many_requests",
        429,
        "Too many requests have been made.",
        "https://example.com/errors",
        "https://example.com/errors/429#too_many_requests",
    )
    .with_description("The caller sent too many requests.")
    .with_causes(&["A retry loop without backoff."])
    .with_fixes(&["Back off exponentially."]),
    ErrorInfo::new(
        "InvalidField",
        "invalid_field",
        400,
        "The {field} value is \"invalid\".",
        "https://example.com/errors",
        "https://example.com/errors/400#invalid_field",
    )
    .with_fields(),
    ErrorInfo::new(
        "NotAnObject",
        "not_an_object",
        400,
        "Send a {{\"key\": value}} body.",
        "https://example.com/errors",
        "https://example.com/errors/400#not_an_object",
    )
    .with_static_message(Some("Send a {\"key\": value} body.")),
];

impl ApiError for Manual {
    fn catalog() -> &'static [ErrorInfo] {
        &CATALOG
    }

    fn info(&self) -> &'static ErrorInfo {
        match self {
            Manual::TooManyRequests => &CATALOG[0],
            Manual::InvalidField { .. } => &CATALOG[1],
            Manual::NotAnObject => &CATALOG[2],
        }
    }

    fn error_message(&self) -> Cow<'_, str> {
        match self {
            Manual::InvalidField { field } => {
                Cow::Owned(format!("The {field} value is \"invalid\"."))
            }
            _ => Cow::Borrowed(self.info().static_message.unwrap_or_default()),
        }
    }

    fn from_error_type(error_type: &str) -> Option<Self> {
        match error_type {
            "too_many_requests" => Some(Manual::TooManyRequests),
            "not_an_object" => Some(Manual::NotAnObject),
            _ => None,
        }
    }
}

impl StaticCatalog for Manual {
    const CATALOG: &'static [ErrorInfo] = &CATALOG;
}

impl fmt::Display for Manual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error_message())
    }
}

impl std::error::Error for Manual {}

#[cfg(feature = "utoipa")]
stytch_errors::impl_into_responses!(Manual);

/// A hand-written catalog wraps as a derived one does.
#[derive(Debug, PartialEq, ApiError)]
enum Wrapping {
    #[api_error(transparent)]
    Manual(#[from] Manual),
}

fn pairs() -> Vec<(Manual, Derived)> {
    vec![
        (Manual::TooManyRequests, Derived::TooManyRequests),
        (
            Manual::InvalidField {
                field: "e\"mail\n".into(),
            },
            Derived::InvalidField {
                field: "e\"mail\n".into(),
            },
        ),
        (Manual::NotAnObject, Derived::NotAnObject),
    ]
}

#[test]
fn every_method_matches_the_derived_twin() {
    assert_eq!(Manual::catalog(), Derived::catalog());
    assert_eq!(Manual::CATALOG, Derived::CATALOG);
    for (manual, derived) in pairs() {
        twins::assert_renders_alike(&manual, &derived, &["request-id-test-1", "r\"\\\u{1}é"]);
        assert_eq!(manual.to_string(), derived.to_string());
        let wrapped = Wrapping::from(manual);
        assert_eq!(wrapped.to_json("r"), derived.to_json("r"));
    }
    for info in Derived::catalog() {
        assert_eq!(Manual::info_for(info.error_type), Some(info));
        assert_eq!(
            Manual::from_error_type(info.error_type).map(|e| e.to_json("r")),
            Derived::from_error_type(info.error_type).map(|e| e.to_json("r")),
        );
        assert_eq!(
            Wrapping::from_error_type(info.error_type).map(|e| e.to_json("r")),
            Derived::from_error_type(info.error_type).map(|e| e.to_json("r")),
        );
        let body = Derived::info_for(info.error_type)
            .unwrap()
            .example_json("r");
        let manual = parse_error::<Manual>(body.as_bytes()).unwrap();
        let derived = parse_error::<Derived>(body.as_bytes()).unwrap();
        assert_eq!(manual.info(), derived.info());
        assert_eq!(
            matches!(manual.kind, ErrorKind::Known(_)),
            matches!(derived.kind, ErrorKind::Known(_))
        );
    }
    assert_eq!(Manual::info_for("no_such_error"), None);
    assert_eq!(Wrapping::catalog(), Derived::catalog());
}

#[test]
fn the_http_response_matches_the_derived_twin() {
    for (manual, derived) in pairs() {
        let formats = [
            BodyFormat::Stytch,
            #[cfg(feature = "problem-details")]
            BodyFormat::ProblemDetails,
        ];
        for format in formats {
            let a = to_http_response(&manual, "r-1", format);
            let b = to_http_response(&derived, "r-1", format);
            assert_eq!(a.status(), b.status());
            assert_eq!(a.headers(), b.headers());
            assert_eq!(a.body(), b.body());
        }
    }
}

/// `E`'s responses with every `$ref` (to the response, its schema and its examples) read
/// from the components `add_components` registers: what a client sees.
#[cfg(feature = "utoipa")]
fn resolved_responses<E: stytch_errors::openapi::Documented + utoipa::IntoResponses>()
-> serde_json::Value {
    let mut document = utoipa::openapi::OpenApi::default();
    stytch_errors::openapi::add_components::<E>(&mut document);
    let document = serde_json::to_value(&document).unwrap();
    let resolve = |value: &serde_json::Value| {
        let pointer = value["$ref"].as_str().unwrap().trim_start_matches('#');
        document.pointer(pointer).unwrap().clone()
    };
    let mut responses = serde_json::to_value(E::responses()).unwrap();
    for response in responses.as_object_mut().unwrap().values_mut() {
        *response = resolve(response);
        for content in response["content"].as_object_mut().unwrap().values_mut() {
            content["schema"] = resolve(&content["schema"]);
            for example in content["examples"].as_object_mut().unwrap().values_mut() {
                *example = resolve(example);
            }
        }
    }
    responses
}

#[cfg(feature = "utoipa")]
#[test]
fn the_openapi_responses_match_the_derived_twin() {
    let derived = resolved_responses::<Derived>();
    assert_eq!(resolved_responses::<Manual>(), derived);
    assert_eq!(resolved_responses::<Wrapping>(), derived);
}

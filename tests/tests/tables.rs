//! The derive answers most methods from static tables indexed by the variant and writes
//! `match` arms only for the messages that need them: every mix of static, braced and
//! field-showing messages renders the same text and the same bytes as `serde_json`.
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::borrow::Cow;
use std::fmt::Display;

use stytch_errors::ApiError;

const REQUEST_ID: &str = "request-id-test-\"quoted\"\n";

/// The message, `Display` and both JSON writers of `error` agree with each other and with
/// `serde_json`'s serialization of `to_body`.
fn check<E: ApiError + Display>(error: &E, message: &str) {
    assert_eq!(error.error_message(), message);
    assert_eq!(error.to_string(), message);
    let json = error.to_json(REQUEST_ID);
    assert_eq!(
        json,
        serde_json::to_string(&error.to_body(REQUEST_ID)).unwrap()
    );
    let mut buffer = b"kept".to_vec();
    error.write_json(REQUEST_ID, &mut buffer);
    assert_eq!(&buffer[..4], b"kept");
    assert_eq!(&buffer[4..], json.as_bytes());
    let body: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(body["error_message"], message);
    assert_eq!(body["status_code"], error.status_code());
    assert_eq!(body["error_url"], error.error_url());
}

/// Static, braced and field-showing messages side by side.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum Mixed {
    #[api_error(message = "Plain.")]
    Plain,
    #[api_error(message = "Use {{braces}} and \"quotes\"\tand a tab.")]
    Braced,
    #[api_error(status = 409, message = "{name}")]
    OnlyField { name: String },
    #[api_error(message = "Starts {0}, ends {1}")]
    Positional(u32, &'static str),
    #[api_error(message = "{{{value}}} in braces")]
    FieldInBraces { value: char },
}

#[test]
fn static_braced_and_field_messages_render_alike() {
    check(&Mixed::Plain, "Plain.");
    assert!(matches!(Mixed::Plain.error_message(), Cow::Borrowed(_)));
    check(&Mixed::Braced, "Use {braces} and \"quotes\"\tand a tab.");
    assert!(matches!(Mixed::Braced.error_message(), Cow::Borrowed(_)));
    assert_eq!(
        Mixed::Braced.info().message_template,
        "Use {{braces}} and \"quotes\"\tand a tab."
    );
    let only = Mixed::OnlyField {
        name: "a \"b\"\n\u{1}".into(),
    };
    check(&only, "a \"b\"\n\u{1}");
    assert!(matches!(only.error_message(), Cow::Owned(_)));
    check(&Mixed::Positional(7, "here"), "Starts 7, ends here");
    check(&Mixed::FieldInBraces { value: 'x' }, "{x} in braces");
}

/// Every message shows a field: no variant falls through to the catalog's template.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 422)]
enum AllFields {
    #[api_error(message = "Bad {0}.")]
    Bad(String),
    #[api_error(message = "Worse {what}.")]
    Worse { what: u8 },
}

#[test]
fn enums_whose_every_message_shows_fields_render() {
    check(&AllFields::Bad("x".into()), "Bad x.");
    check(&AllFields::Worse { what: 3 }, "Worse 3.");
    assert!(AllFields::from_error_type("bad").is_none());
}

/// Every static message has braces: every variant has an arm of its own.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AllBraced {
    #[api_error(message = "{{a}}")]
    A,
    #[api_error(message = "}}b{{")]
    B,
}

#[test]
fn enums_whose_every_message_has_braces_render() {
    check(&AllBraced::A, "{a}");
    check(&AllBraced::B, "}b{");
    assert_eq!(AllBraced::from_error_type("b"), Some(AllBraced::B));
}

/// A generic enum: the index function takes the enum's generics.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum Generic<'a, T: Clone, const N: usize> {
    #[api_error(message = "Value {0}.")]
    Value(T),
    #[api_error(message = "Static.")]
    Static(#[allow(dead_code)] &'a [u8; N]),
}

#[test]
fn generic_enums_render() {
    check(&Generic::<'_, u8, 2>::Value(5), "Value 5.");
    check(&Generic::<'_, u8, 2>::Static(&[1, 2]), "Static.");
    assert_eq!(
        Generic::<'_, u8, 2>::Static(&[1, 2]).info().variant,
        "Static"
    );
}

/// A catalog with no errors at all.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Never {}

#[test]
fn an_empty_catalog_has_no_entries() {
    assert!(Never::catalog().is_empty());
    assert!(Never::from_error_type("anything").is_none());
    assert!(Never::info_for("").is_none());
}

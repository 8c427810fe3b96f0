//! What an enum declared for thiserror's `#[error("…")]` keeps when it derives `ApiError`:
//! the same sources, conversions and message formatting.

use std::error::Error as _;

use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 500)]
enum Sources {
    /// `#[from]` on an `Option` converts from what it holds.
    #[api_error(message = "I/O failed.")]
    Io(#[from] Option<std::io::Error>),
    /// `#[source]` wins over an earlier field named `source`.
    #[api_error(message = "Parse failed at {source}.")]
    Parse {
        source: String,
        #[source]
        cause: std::num::ParseIntError,
    },
}

#[test]
fn from_on_an_option_converts_from_what_it_holds() {
    let error = Sources::from(std::io::Error::other("disk"));
    assert!(matches!(error, Sources::Io(Some(_))));
    assert_eq!(
        error.source().map(ToString::to_string).as_deref(),
        Some("disk")
    );
}

#[test]
fn explicit_source_wins_over_a_field_named_source() {
    let cause = "x".parse::<u8>().unwrap_err();
    let error = Sources::Parse {
        source: "line 3".to_owned(),
        cause: cause.clone(),
    };
    assert_eq!(error.error_message(), "Parse failed at line 3.");
    assert_eq!(
        error.source().map(ToString::to_string),
        Some(cause.to_string())
    );
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum Formatted {
    #[api_error(message = "Got {value:?}, {n:>5}|{ratio:.2}|{code:#x}.")]
    Specs {
        value: String,
        n: u32,
        ratio: f64,
        code: u32,
    },
    #[api_error(message("{} item(s) of {max}; first {}.", .0.len(), .0.first().map_or("none", String::as_str), max = .1 * 2))]
    Positional(Vec<String>, usize),
    #[api_error(message("Limit {limit} of {name}, {total}.", total = .items.iter().map(String::len).sum::<usize>()))]
    Named {
        limit: u32,
        name: &'static str,
        items: Vec<String>,
    },
    #[api_error(message = "Cannot read {path} ({path:?}) or {dir}.")]
    Paths {
        path: std::path::PathBuf,
        dir: &'static std::path::Path,
    },
}

#[test]
fn format_specs_format_the_field() {
    let error = Formatted::Specs {
        value: "a\"b".to_owned(),
        n: 42,
        ratio: 1.0 / 3.0,
        code: 255,
    };
    assert_eq!(error.error_message(), r#"Got "a\"b",    42|0.33|0xff."#);
    assert_eq!(error.to_string(), error.error_message());
    assert_eq!(
        error.info().message_template,
        "Got {value:?}, {n:>5}|{ratio:.2}|{code:#x}."
    );
    assert!(!error.info().is_static_message());
}

#[test]
fn positional_arguments_use_field_expressions_and_method_calls() {
    let error = Formatted::Positional(vec!["a".to_owned(), "b".to_owned()], 3);
    assert_eq!(error.error_message(), "2 item(s) of 6; first a.");
    assert_eq!(
        error.info().message_template,
        "{} item(s) of {max}; first {}."
    );
}

#[test]
fn named_arguments_take_closures_and_turbofish() {
    let error = Formatted::Named {
        limit: 7,
        name: "bucket",
        items: vec!["ab".to_owned(), "cde".to_owned()],
    };
    assert_eq!(error.error_message(), "Limit 7 of bucket, 5.");
}

#[test]
fn paths_are_shown_through_display() {
    let error = Formatted::Paths {
        path: "/tmp/a b".into(),
        dir: std::path::Path::new("/var"),
    };
    assert_eq!(
        error.error_message(),
        r#"Cannot read /tmp/a b ("/tmp/a b") or /var."#
    );
}

#[test]
fn formatted_messages_are_escaped_in_the_body() {
    let error = Formatted::Specs {
        value: "q".to_owned(),
        n: 1,
        ratio: 0.5,
        code: 1,
    };
    let body: serde_json::Value =
        serde_json::from_str(&error.to_json("req")).expect("the body is JSON");
    assert_eq!(body["error_message"], r#"Got "q",     1|0.50|0x1."#);
}

#[derive(Debug, ApiError)]
#[api_error(
    docs_url = "https://example.com/errors",
    status = 500,
    message = "Something went wrong."
)]
enum Defaulted {
    Internal,
    #[api_error(status = 503, message = "Down for {secs}s.")]
    Down {
        secs: u32,
    },
    Other {
        #[allow(dead_code)]
        code: u8,
    },
}

#[test]
fn the_enum_message_is_the_default_of_variants_without_one() {
    assert_eq!(Defaulted::Internal.error_message(), "Something went wrong.");
    assert_eq!(
        Defaulted::Other { code: 1 }.error_message(),
        "Something went wrong."
    );
    assert_eq!(Defaulted::Down { secs: 3 }.error_message(), "Down for 3s.");
    assert!(Defaulted::Internal.info().is_static_message());
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "a `fmt` function takes each field by reference"
)]
fn write_quota(used: &u32, max: &u32, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    if used > max {
        write!(f, "Quota exceeded by {}.", used - max)
    } else {
        f.write_str("Quota reached.")
    }
}

fn write_unit(f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    f.write_str("Written by a function.")
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 429, fmt = write_unit)]
enum Written {
    #[api_error(fmt = write_quota)]
    Quota {
        used: u32,
        max: u32,
    },
    Unit,
}

#[test]
fn fmt_writes_the_message_with_a_function() {
    assert_eq!(
        Written::Quota { used: 12, max: 10 }.error_message(),
        "Quota exceeded by 2."
    );
    assert_eq!(
        Written::Quota { used: 1, max: 10 }.to_string(),
        "Quota reached."
    );
    assert_eq!(Written::Unit.error_message(), "Written by a function.");
    assert!(!Written::Unit.info().is_static_message());
}

/// A struct is one error: its status, `error_type`, message and body.
#[derive(Debug, ApiError)]
#[api_error(
    docs_url = "https://example.com/errors",
    status = 404,
    error_type = "user_not_found",
    message = "User {id} not found."
)]
struct UserNotFound {
    id: u64,
}

#[derive(Debug, ApiError)]
#[api_error(
    docs_url = "https://example.com/errors",
    status = 500,
    message = "Storage failed."
)]
struct StorageFailed(#[from] std::io::Error);

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    docs_url = "https://example.com/errors",
    status = 429,
    message = "Slow down."
)]
struct SlowDown;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Composed {
    #[api_error(transparent)]
    NotFound(UserNotFound),
    #[api_error(transparent)]
    Slow(SlowDown),
}

#[test]
fn a_struct_is_one_error() {
    let error = UserNotFound { id: 7 };
    assert_eq!(UserNotFound::catalog().len(), 1);
    assert_eq!(error.status(), 404);
    assert_eq!(error.error_type(), "user_not_found");
    assert_eq!(error.error_message(), "User 7 not found.");
    assert_eq!(error.to_string(), "User 7 not found.");
    let body: serde_json::Value =
        serde_json::from_str(&error.to_json("req")).expect("the body is JSON");
    assert_eq!(
        body,
        serde_json::json!({
            "status_code": 404,
            "request_id": "req",
            "error_type": "user_not_found",
            "error_message": "User 7 not found.",
            "error_url": "https://example.com/errors/404#user_not_found",
        })
    );
}

#[test]
fn a_struct_converts_from_its_source_and_comes_back_from_its_error_type() {
    let error = StorageFailed::from(std::io::Error::other("disk"));
    assert_eq!(error.error_type(), "storage_failed");
    assert_eq!(
        error.source().map(ToString::to_string).as_deref(),
        Some("disk")
    );
    assert_eq!(SlowDown::from_error_type("slow_down"), Some(SlowDown));
    assert_eq!(SlowDown::from_error_type("other"), None);
}

#[test]
fn a_struct_composes_like_a_one_variant_enum() {
    assert_eq!(Composed::catalog().len(), 2);
    let error = Composed::NotFound(UserNotFound { id: 3 });
    assert_eq!(error.error_message(), "User 3 not found.");
    assert_eq!(error.status(), 404);
    assert!(matches!(
        Composed::from_error_type("slow_down"),
        Some(Composed::Slow(SlowDown))
    ));
}

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

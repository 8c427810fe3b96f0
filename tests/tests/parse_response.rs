//! `parse_response`: an `http::Response` with a bytes body, checked without any client.
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::time::{Duration, SystemTime};

use stytch_errors::{ApiError, ClientError, ErrorKind, ParseError, StytchError, parse_response};

fn failed(status: u16, headers: &[(&str, &str)], body: &str) -> ClientError<StytchError> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    parse_response(response.body(body.to_owned()).unwrap()).expect_err("an error status")
}

fn retry_after(value: &str) -> Option<Duration> {
    failed(429, &[("retry-after", value)], "").retry_after()
}

#[test]
fn only_client_and_server_errors_are_errors() {
    for status in [100, 200, 204, 301, 304, 399] {
        let response = http::Response::builder()
            .status(status)
            .body(b"<html></html>".as_slice())
            .unwrap();
        let response = parse_response::<StytchError, _>(response).unwrap();
        assert_eq!(response.status().as_u16(), status);
        assert_eq!(*response.body(), b"<html></html>");
    }
    for status in [400, 404, 499, 500, 599] {
        assert_eq!(failed(status, &[], "").status().as_u16(), status);
    }
}

#[test]
fn the_body_is_parsed_into_the_catalog() {
    let body = StytchError::TooManyRequests.to_json("request-id-test-body");
    let error = failed(429, &[], &body);
    assert_eq!(error.known(), Some(&StytchError::TooManyRequests));
    // Without the header, the body's id.
    assert_eq!(error.request_id(), Some("request-id-test-body"));
    let error = failed(429, &[("x-request-id", "request-id-test-header")], &body);
    assert_eq!(error.request_id(), Some("request-id-test-header"));
    let parsed = error.into_parsed().unwrap();
    assert_eq!(parsed.kind, ErrorKind::Known(StytchError::TooManyRequests));
    assert_eq!(parsed.request_id, "request-id-test-body");
}

#[test]
fn retry_hints() {
    let body = |error: StytchError| error.to_json("request-id-test-1");
    assert!(failed(429, &[], &body(StytchError::TooManyRequests)).is_retryable());
    assert!(failed(503, &[], &body(StytchError::ServerUnavailable)).is_retryable());
    assert!(failed(499, &[], &body(StytchError::ClientClosedRequest)).is_retryable());
    assert!(!failed(500, &[], &body(StytchError::InternalServerError)).is_retryable());
    // The catalog's word beats the status.
    assert!(!failed(429, &[], &body(StytchError::UserLockLimitReached)).is_retryable());
    // An error the catalog does not know, or no error body: the status decides.
    let unknown = r#"{"status_code":503,"error_type":"brand_new"}"#;
    assert!(failed(503, &[], unknown).is_retryable());
    assert!(!failed(502, &[], "Bad Gateway").is_retryable());
    assert!(failed(503, &[], "Service Unavailable").is_retryable());
}

#[test]
fn retry_after_in_seconds() {
    assert_eq!(retry_after("0"), Some(Duration::ZERO));
    assert_eq!(retry_after("30"), Some(Duration::from_secs(30)));
    assert_eq!(retry_after("86399"), Some(Duration::from_secs(86_399)));
}

#[test]
fn retry_after_as_an_http_date() {
    let at = |offset: Duration, later: bool| {
        let now = SystemTime::now();
        httpdate::fmt_http_date(if later { now + offset } else { now - offset })
    };
    let wait = retry_after(&at(Duration::from_secs(90), true)).unwrap();
    // An HTTP-date counts whole seconds.
    assert!(
        (Duration::from_secs(88)..=Duration::from_secs(90)).contains(&wait),
        "{wait:?}"
    );
    // Already past: now.
    assert_eq!(
        retry_after(&at(Duration::from_secs(90), false)),
        Some(Duration::ZERO)
    );
    // The obsolete forms RFC 9110 still asks recipients to read.
    assert!(retry_after("Sunday, 06-Nov-94 08:49:37 GMT").is_some());
    assert!(retry_after("Sun Nov  6 08:49:37 1994").is_some());
}

#[test]
fn invalid_retry_after_values_are_ignored() {
    for value in [
        "",
        "soon",
        "-1",
        "+5",
        "1.5",
        "1e3",
        "30 seconds",
        "340282366920938463463374607431768211456",
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "06 Nov 1994",
    ] {
        let error = failed(429, &[("retry-after", value)], "");
        assert_eq!(error.retry_after(), None, "{value:?}");
        // Nothing else is lost over it.
        assert_eq!(error.status().as_u16(), 429);
    }
    // Not even text.
    let response = http::Response::builder()
        .status(503)
        .header(
            "retry-after",
            http::HeaderValue::from_bytes(b"\xff").unwrap(),
        )
        .body(Vec::new())
        .unwrap();
    let error = parse_response::<StytchError, _>(response).unwrap_err();
    assert_eq!(error.retry_after(), None);
}

#[test]
fn not_an_error_body() {
    for (body, check) in [
        (
            "",
            (|e| matches!(e, ParseError::NotJson(_))) as fn(&ParseError) -> bool,
        ),
        ("<html>Bad Gateway</html>", |e| {
            matches!(e, ParseError::NotJson(_))
        }),
        (r#"{"status_code":500,"error_t"#, |e| {
            matches!(e, ParseError::NotJson(_))
        }),
        ("[1,2]", |e| matches!(e, ParseError::NotAnObject { .. })),
        (r#"{"status_code":500}"#, |e| {
            matches!(e, ParseError::MissingErrorType)
        }),
    ] {
        let error = failed(502, &[], body);
        assert!(error.parsed().is_none(), "{body}");
        assert!(check(error.parse_error().unwrap()), "{body}");
        assert_eq!(error.body_prefix(), Some(body.as_bytes()));
        let source = std::error::Error::source(&error).unwrap();
        assert_eq!(source.to_string(), error.parse_error().unwrap().to_string());
    }
    // Only the first bytes are kept.
    let page = "<p>".repeat(1000);
    let error = failed(502, &[], &page);
    assert_eq!(
        error.body_prefix(),
        Some(&page.as_bytes()[..stytch_errors::BODY_PREFIX_LEN])
    );
}

#[test]
fn an_empty_request_id_header_gives_the_bodys_id() {
    let body = StytchError::TooManyRequests.to_json("request-id-live-1");
    let error = failed(429, &[("x-request-id", "")], &body);
    assert_eq!(error.request_id(), Some("request-id-live-1"));
    // Neither gives one.
    let error = failed(
        429,
        &[("x-request-id", "")],
        r#"{"error_type":"too_many_requests"}"#,
    );
    assert_eq!(error.request_id(), None);
}

/// A service's catalog, which wraps Stytch's.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api_error(status = 404, message = "No note {note_id}.")]
    NoteNotFound { note_id: u64 },
    #[api_error(transparent)]
    Stytch(#[from] StytchError),
}

#[test]
fn an_upstream_error_becomes_the_wrapping_catalogs() {
    let into = |body: &str| failed(429, &[("retry-after", "3")], body).into_catalog::<AppError>();
    let error = into(&StytchError::TooManyRequests.to_json("r-1"));
    assert_eq!(
        error.known(),
        Some(&AppError::Stytch(StytchError::TooManyRequests))
    );
    assert_eq!(error.request_id(), Some("r-1"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    // What Stytch's catalog does not know, the wrapping one may.
    let error = into(r#"{"error_type":"maintenance"}"#);
    assert_eq!(error.known(), Some(&AppError::Maintenance));
    let error = into(&AppError::NoteNotFound { note_id: 7 }.to_json("r-2"));
    assert_eq!(
        error.parsed().unwrap().info().unwrap().variant,
        "NoteNotFound"
    );
    assert_eq!(error.parsed().unwrap().error_message, "No note 7.");
    let error = into(r#"{"error_type":"brand_new"}"#);
    assert_eq!(error.parsed().unwrap().kind, ErrorKind::Unknown);
    // Not an error body: as it was.
    let error = into("<html></html>");
    assert_eq!(error.body_prefix(), Some(&b"<html></html>"[..]));
    assert!(matches!(error.parse_error(), Some(ParseError::NotJson(_))));
}

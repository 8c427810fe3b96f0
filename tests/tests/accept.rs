//! `Accept` negotiation: each media range of the header is read on its own (RFC 9110), so
//! that one range with a byte that is not visible ASCII, or a quoted comma in a parameter,
//! changes nothing about the others.
#![cfg(feature = "problem-details")]

use http::{HeaderMap, HeaderValue};
use stytch_errors::BodyFormat;

fn from_header(value: &[u8]) -> BodyFormat {
    let mut headers = HeaderMap::new();
    headers.append("accept", HeaderValue::from_bytes(value).unwrap());
    BodyFormat::from_headers(&headers)
}

#[test]
fn a_range_with_a_non_ascii_byte_is_skipped_alone() {
    assert_eq!(
        from_header("application/problem+json, text/html;q=é".as_bytes()),
        BodyFormat::ProblemDetails
    );
    assert_eq!(
        from_header(b"text/\xffhtml, application/problem+json"),
        BodyFormat::ProblemDetails
    );
    // The range with the byte is the one skipped, not its neighbours.
    assert_eq!(
        from_header(
            b"application/problem+json;q=0.5, application/json;q=\xe9, application/json;q=0.9"
        ),
        BodyFormat::Stytch
    );
}

#[test]
fn a_header_with_a_non_ascii_byte_keeps_its_other_ranges() {
    let mut headers = HeaderMap::new();
    headers.append("accept", HeaderValue::from_static("application/json;q=0.5"));
    headers.append(
        "accept",
        HeaderValue::from_bytes("application/problem+json, text/plain;x=é".as_bytes()).unwrap(),
    );
    assert_eq!(
        BodyFormat::from_headers(&headers),
        BodyFormat::ProblemDetails
    );
}

#[test]
fn commas_in_quoted_parameters_do_not_split_ranges() {
    // Split at every comma, the quoted text would give an `application/json` range of
    // weight 1.
    assert_eq!(
        BodyFormat::from_accept(
            r#"text/html;foo="x, application/json;y=", application/problem+json;q=0.9"#
        ),
        BodyFormat::ProblemDetails
    );
    assert_eq!(
        BodyFormat::from_accept(
            r#"application/problem+json;ext="x, application/json;q=1";q=0.9, text/html"#
        ),
        BodyFormat::ProblemDetails
    );
    // A quoted `\"` does not end the string.
    assert_eq!(
        BodyFormat::from_accept(
            r#"text/html;a="\", application/json;b=", application/problem+json;q=0.9"#
        ),
        BodyFormat::ProblemDetails
    );
}

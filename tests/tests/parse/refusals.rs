//! The bodies `parse_error` refuses: not JSON, not UTF-8, not an object, without
//! `error_type`, a known field of the wrong type or given twice, too large, too deep; each a
//! `ParseError` that says why, never a panic.

use stytch_errors::{ErrorKind, MAX_BODY_LEN, ParseError, parse_error, parse_error_with_limit};

use super::{Catalog, TOO_MANY, parse};

#[test]
fn what_is_not_json_is_not_json() {
    for body in [
        "",
        "   ",
        "<html><body>502 Bad Gateway</body></html>",
        "{",
        r#"{"error_type":"x""#,
        r#"{"error_type":"x",}"#,
        r#"{"error_type":'x'}"#,
        r#"{"error_type":"x"} trailing"#,
        r#"{"error_type":"x"}{}"#,
        r#"{"error_type":"bad \u12 escape"}"#,
        r#"{"error_type":"lone surrogate \ud800"}"#,
        "{\"error_type\":\"raw control \u{1} char\"}",
        "\u{feff}{\"error_type\":\"x\"}",
        r#"{"error_type":"x","extra":[1,2}"#,
        r#"{"error_type":"x","extra":NaN}"#,
        r#"{error_type:"x"}"#,
    ] {
        let result = parse(body);
        assert!(
            matches!(result, Err(ParseError::NotJson(_))),
            "{body:?}: {result:?}"
        );
    }
}

#[test]
fn invalid_utf8_is_refused_wherever_it_is() {
    for body in [
        &b"{\"error_type\":\"\xff\"}"[..],
        b"{\"error_type\":\"x\",\"request_id\":\"\xc3\x28\"}",
        b"{\"error_type\":\"x\",\"extra\":\"\xed\xa0\x80\"}",
        b"{\"error_type\":\"x\",\"error_details\":\"\xe2\x82\"}",
        b"\xff",
        b"{\"error_type\":\"x\",\"\xff\":1}",
        b"{\"error_type\":\"x\"}\xc0",
    ] {
        let result = parse_error::<Catalog>(body);
        assert!(
            matches!(result, Err(ParseError::NotUtf8(_))),
            "{body:?}: {result:?}"
        );
    }
}

#[test]
fn json_that_is_not_an_object_says_what_it_is() {
    for (body, found) in [
        ("[]", "an array"),
        (r#"[{"error_type":"too_many_requests"}]"#, "an array"),
        (r#""too_many_requests""#, "a string"),
        (r#""escaped \" string""#, "a string"),
        ("429", "a number"),
        ("-1", "a number"),
        ("1.5e10", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let result = parse(body);
        assert!(
            matches!(result, Err(ParseError::NotAnObject { found: f }) if f == found),
            "{body:?}: {result:?}"
        );
    }
    // Not an object, and not JSON either: the syntax error wins.
    assert!(matches!(parse("[1,"), Err(ParseError::NotJson(_))));
}

#[test]
fn a_body_without_error_type_is_refused() {
    for body in [
        "{}",
        r#"{"status_code":500,"request_id":"r","error_message":"m"}"#,
        r#"{"error_type":null}"#,
        r#"{"Error_Type":"x","errortype":"y"}"#,
    ] {
        let result = parse(body);
        assert!(
            matches!(result, Err(ParseError::MissingErrorType)),
            "{body:?}: {result:?}"
        );
    }
}

#[test]
fn a_known_field_of_the_wrong_type_is_named() {
    for (body, field) in [
        (r#"{"error_type":"x","status_code":"429"}"#, "status_code"),
        (r#"{"error_type":"x","status_code":70000}"#, "status_code"),
        (r#"{"error_type":"x","status_code":-1}"#, "status_code"),
        (r#"{"error_type":"x","status_code":429.0}"#, "status_code"),
        // JSON numbers beyond what a float holds are JSON still: the status is what is wrong.
        (r#"{"error_type":"x","status_code":1e400}"#, "status_code"),
        (r#"{"status_code":-1e400,"error_type":"x"}"#, "status_code"),
        (
            r#"{"error_type":"x","status_code":123456789012345678901234567890}"#,
            "status_code",
        ),
        (r#"{"error_type":429}"#, "error_type"),
        (r#"{"error":["invalid_grant"]}"#, "error"),
        (r#"{"error_type":"x","request_id":{"id":1}}"#, "request_id"),
        (
            r#"{"error_type":"x","error_message":true}"#,
            "error_message",
        ),
        (r#"{"error_type":"x","error_url":1}"#, "error_url"),
        (
            r#"{"error_type":"x","error_description":[]}"#,
            "error_description",
        ),
        (r#"{"error_type":"x","error_uri":{}}"#, "error_uri"),
    ] {
        let result = parse(body);
        assert!(
            matches!(&result, Err(ParseError::InvalidField { field: f, .. }) if *f == field),
            "{body:?}: {result:?}"
        );
    }
}

#[test]
fn a_known_field_given_twice_is_refused() {
    for (body, field) in [
        (r#"{"error_type":"a","error_type":"b"}"#, "error_type"),
        (
            r#"{"error_type":"a","status_code":400,"status_code":400}"#,
            "status_code",
        ),
        (
            r#"{"error_type":"a","error_details":1,"error_details":2}"#,
            "error_details",
        ),
        (
            r#"{"error_type":"a","request_id":null,"request_id":"r"}"#,
            "request_id",
        ),
    ] {
        let result = parse(body);
        assert!(
            matches!(&result, Err(ParseError::InvalidField { field: f, .. }) if *f == field),
            "{body:?}: {result:?}"
        );
    }
    // Unknown fields may repeat: they are skipped.
    assert!(parse(r#"{"x":1,"x":2,"error_type":"a"}"#).is_ok());
}

#[test]
fn escaped_keys_are_the_same_keys() {
    let error = parse(r#"{"error\u005ftype":"too_many_requests"}"#).unwrap();
    assert_eq!(error.kind, ErrorKind::Known(Catalog::TooManyRequests));
}

#[test]
fn the_size_limit_is_checked_before_reading() {
    let padded = |len: usize| {
        let mut body = TOO_MANY.as_bytes().to_vec();
        body.resize(len, b' ');
        body
    };
    assert!(parse_error::<Catalog>(&padded(MAX_BODY_LEN)).is_ok());
    let too_long = padded(MAX_BODY_LEN + 1);
    let result = parse_error::<Catalog>(&too_long);
    assert!(
        matches!(result, Err(ParseError::TooLarge { len, limit }) if len == MAX_BODY_LEN + 1 && limit == MAX_BODY_LEN),
        "{result:?}"
    );
    // Refused before reading: the same for garbage.
    let garbage = vec![b'{'; MAX_BODY_LEN * 4];
    assert!(matches!(
        parse_error::<Catalog>(&garbage),
        Err(ParseError::TooLarge { .. })
    ));
    // Another limit.
    let body = TOO_MANY.as_bytes();
    assert!(parse_error_with_limit::<Catalog>(body, body.len()).is_ok());
    assert!(matches!(
        parse_error_with_limit::<Catalog>(body, body.len() - 1),
        Err(ParseError::TooLarge { .. })
    ));
    assert!(matches!(
        parse_error_with_limit::<Catalog>(b"", 0),
        Err(ParseError::NotJson(_))
    ));
}

#[test]
fn deep_nesting_is_refused_or_skipped_without_overflowing_the_stack() {
    // Deeper than serde_json's recursion limit, as deep as the size limit allows.
    let depth = MAX_BODY_LEN / 2 - 64;
    let open = "[".repeat(depth);
    let close = "]".repeat(depth);
    // In an unknown field and in `error_details`, closed: skipped or kept.
    for key in ["extra", "error_details"] {
        let body = format!(r#"{{"error_type":"x","{key}":{open}{close}}}"#);
        assert!(body.len() <= MAX_BODY_LEN);
        let error = parse(&body).unwrap();
        if key == "error_details" {
            assert_eq!(error.error_details.unwrap().get().len(), 2 * depth);
        }
        // Unclosed: not JSON.
        let body = format!(r#"{{"error_type":"x","{key}":{open}"#);
        assert!(matches!(parse(&body), Err(ParseError::NotJson(_))));
    }
    // At the top level.
    assert!(matches!(
        parse(&format!("{open}{close}")),
        Err(ParseError::NotAnObject { found: "an array" })
    ));
    assert!(matches!(parse(&open), Err(ParseError::NotJson(_))));
    let objects = r#"{"a":"#.repeat(depth / 3);
    assert!(matches!(parse(&objects), Err(ParseError::NotJson(_))));
}

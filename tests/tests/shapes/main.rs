//! Every shape the server side writes, read back by the client: the same `ParsedError`
//! whatever the shape (message, status, details, request id, the known value), details as
//! sent (integers beyond 2^64, nesting deeper than `serde_json`'s limit).
#![cfg(feature = "problem-details")]
#![deny(warnings, missing_docs, clippy::pedantic)]

use serde_json::value::RawValue;
use stytch_errors::{
    ApiError, BodyFormat, ClientError, ErrorKind, ErrorReader, ProblemDetails, RenderedError,
    StytchError, parse_response, to_http_response,
};

mod props;
mod summary;

use summary::summary;

/// A catalog with a variant of every kind.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum Shop {
    #[api_error(status = 429, message = "Too many orders have been placed.")]
    TooManyOrders,
    #[api_error(status = 422, message = "{count} fields are invalid.")]
    InvalidFields {
        #[api_error(details)]
        count: usize,
        #[api_error(details)]
        fields: Vec<String>,
    },
    #[api_error(status = 409, message = "Order {order_id} is {state}.")]
    OrderClosed {
        order_id: u64,
        #[api_error(details)]
        state: String,
    },
    #[api_error(status = 404, message = "No item {0}.")]
    ItemNotFound(u64),
    #[api_error(status = 400, message = "Too big.")]
    TooBig {
        #[api_error(details)]
        limit: u128,
    },
    #[api_error(status = 400, message = "Nested.")]
    Nested {
        #[api_error(details)]
        value: serde_json::Value,
    },
    #[api_error(transparent)]
    Stytch(StytchError),
}

/// Every shape this build writes.
const SHAPES: [BodyFormat; 2] = [BodyFormat::Stytch, BodyFormat::ProblemDetails];

/// `error` as the server sends it in `format`, read back by `parse_response`.
fn round_trip(error: &Shop, format: BodyFormat) -> ClientError<Shop> {
    let response = to_http_response(error, "request-id-test-shape", format);
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert!(rendered.problems().is_empty(), "{:?}", rendered.problems());
    parse_response::<Shop, _>(response).expect_err("an error status")
}

fn nested(depth: usize) -> serde_json::Value {
    let mut value = serde_json::json!(1);
    for _ in 0..depth {
        value = serde_json::Value::Array(vec![value]);
    }
    value
}

fn samples() -> Vec<Shop> {
    vec![
        Shop::TooManyOrders,
        Shop::InvalidFields {
            count: 2,
            fields: vec!["email".into(), "na\"me".into()],
        },
        Shop::OrderClosed {
            order_id: 7,
            state: "shipped".into(),
        },
        Shop::ItemNotFound(42),
        Shop::TooBig {
            limit: u128::from(u64::MAX) + 2,
        },
        Shop::Nested { value: nested(20) },
        Shop::Stytch(StytchError::TooManyRequests),
    ]
}

#[test]
fn every_shape_reads_back_as_the_json_body() {
    for error in samples() {
        let json = round_trip(&error, BodyFormat::Stytch);
        let json = json.parsed().expect("an error body");
        assert_eq!(json.error_message, error.error_message(), "{error:?}");
        assert_eq!(json.status_code, Some(error.status_code()));
        for format in SHAPES {
            let other = round_trip(&error, format);
            let other = other.parsed().expect("an error body");
            assert_eq!(summary(other), summary(json), "{error:?} in {format:?}");
        }
    }
}

#[test]
fn details_keep_integers_beyond_u64_in_every_shape() {
    let error = Shop::TooBig {
        limit: u128::from(u64::MAX) + 2,
    };
    for format in SHAPES {
        let client = round_trip(&error, format);
        let parsed = client.parsed().unwrap();
        assert_eq!(
            parsed.error_details.as_deref().map(RawValue::get),
            Some(r#"{"limit":18446744073709551617}"#),
            "{format:?}"
        );
        assert_eq!(parsed.known(), Some(&error), "{format:?}");
    }
}

#[test]
fn deep_details_come_back_in_every_shape() {
    let error = Shop::Nested { value: nested(130) };
    let expected = format!(
        r#"{{"value":{}}}"#,
        serde_json::to_string(&nested(130)).unwrap()
    );
    for format in SHAPES {
        let client = round_trip(&error, format);
        let parsed = client.parsed().unwrap();
        assert_eq!(
            parsed.error_details.as_deref().map(RawValue::get),
            Some(&*expected),
            "{format:?}"
        );
    }
}

/// A failed response with `content_type` and `body`.
fn response(content_type: Option<&str>, body: &str) -> http::Response<String> {
    let mut response = http::Response::builder().status(400);
    if let Some(content_type) = content_type {
        response = response.header("content-type", content_type);
    }
    response.body(body.to_owned()).unwrap()
}

#[test]
fn the_content_type_picks_the_shape() {
    let problem = ProblemDetails::new(&Shop::TooManyOrders, "request-id-test-1").to_json();
    for content_type in [
        Some("application/problem+json"),
        Some("Application/Problem+JSON; charset=utf-8"),
        // No content type, or one no shape has: the members tell.
        None,
        Some("text/plain"),
    ] {
        let error = parse_response::<Shop, _>(response(content_type, &problem)).unwrap_err();
        let parsed = error.parsed().unwrap();
        assert_eq!(
            parsed.error_message, "Too many orders have been placed.",
            "{content_type:?}"
        );
        assert_eq!(parsed.status_code, Some(429));
    }
    // Said to be Stytch's shape: read as Stytch's, which it is not.
    let error =
        parse_response::<Shop, _>(response(Some("application/json"), &problem)).unwrap_err();
    let parsed = error.parsed().unwrap();
    assert_eq!(parsed.known(), Some(&Shop::TooManyOrders));
    assert_eq!(parsed.error_message, "");
    // And the other way round.
    let json = Shop::TooManyOrders.to_json("request-id-test-1");
    let error =
        parse_response::<Shop, _>(response(Some("application/problem+json"), &json)).unwrap_err();
    assert_eq!(error.parsed().unwrap().status_code, None);
}

#[test]
fn members_tell_shapes_apart_in_the_order_given() {
    // Members of both shapes: the first expected shape that has a member of its own wins.
    let both = r#"{"error_type":"too_many_orders","status_code":429,"error_message":"json","status":429,"detail":"problem"}"#;
    for (formats, message) in [
        (
            &[BodyFormat::Stytch, BodyFormat::ProblemDetails][..],
            "json",
        ),
        (
            &[BodyFormat::ProblemDetails, BodyFormat::Stytch][..],
            "problem",
        ),
        (&[BodyFormat::ProblemDetails][..], "problem"),
    ] {
        let parsed = ErrorReader::new()
            .formats(formats)
            .parse::<Shop>(both.as_bytes(), None)
            .unwrap();
        assert_eq!(parsed.error_message, message, "{formats:?}");
    }
    // Only members every shape has: the first shape reads it.
    let shared = r#"{"error_type":"too_many_orders","request_id":"r"}"#;
    for formats in [
        &SHAPES[..],
        &[BodyFormat::ProblemDetails, BodyFormat::Stytch],
    ] {
        let parsed = ErrorReader::new()
            .formats(formats)
            .parse::<Shop>(shared.as_bytes(), None)
            .unwrap();
        assert_eq!(parsed.known(), Some(&Shop::TooManyOrders));
        assert_eq!(parsed.request_id, "r");
    }
    // A client that expects Stytch's shape only reads a problem's shared members only.
    let problem = ProblemDetails::new(&Shop::TooManyOrders, "r").to_json();
    let parsed = ErrorReader::new()
        .formats(&[BodyFormat::Stytch])
        .parse::<Shop>(problem.as_bytes(), Some("application/problem+json"))
        .unwrap();
    assert_eq!(parsed.status_code, None);
}

#[test]
fn a_body_of_no_shape_keeps_its_first_bytes() {
    for content_type in [
        Some("application/problem+json"),
        Some("application/json"),
        None,
    ] {
        for body in ["<html>502</html>", "[1]", r#"{"status":500}"#, ""] {
            let error = parse_response::<Shop, _>(response(content_type, body)).unwrap_err();
            assert!(error.parsed().is_none(), "{content_type:?} {body}");
            assert_eq!(error.body_prefix(), Some(body.as_bytes()));
        }
    }
    // A problem's member of the wrong type is named, as a Stytch member is.
    let body = r#"{"error_type":"x","status":"429"}"#;
    let error =
        parse_response::<Shop, _>(response(Some("application/problem+json"), body)).unwrap_err();
    assert!(matches!(
        error.parse_error(),
        Some(stytch_errors::ParseError::InvalidField {
            field: "status",
            ..
        })
    ));
}

#[test]
fn problem_details_from_elsewhere_keep_every_extension_member_as_sent() {
    let body = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","error_type":"out_of_credit","request_id":"r-1","balance":30,"accounts":["/account/12345",{"big":123456789012345678901234567890}],"a\"b":null}"#;
    let parsed = ErrorReader::new()
        .parse::<Shop>(body.as_bytes(), Some("application/problem+json"))
        .unwrap();
    assert_eq!(parsed.kind, ErrorKind::Unknown);
    assert_eq!(parsed.error_type, "out_of_credit");
    assert_eq!(parsed.error_url, "https://example.com/probs/out-of-credit");
    assert_eq!(
        parsed.error_details.as_deref().map(RawValue::get),
        Some(
            r#"{"balance":30,"accounts":["/account/12345",{"big":123456789012345678901234567890}],"a\"b":null}"#
        )
    );
    // And `ProblemDetails` itself reads and writes them the same.
    let problem: ProblemDetails<'_> = serde_json::from_str(body).unwrap();
    assert_eq!(problem.to_json(), body);
    assert_eq!(problem.into_owned().to_json(), body);
}

#[test]
fn a_problem_of_type_about_blank_has_no_reference_page() {
    // RFC 9457: `about:blank` is the type of a problem without one, as when `type` is absent.
    for body in [
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No such note.","error_type":"not_found"}"#,
        r#"{"title":"Not Found","status":404,"detail":"No such note.","error_type":"not_found"}"#,
    ] {
        let parsed = ErrorReader::new()
            .parse::<Shop>(body.as_bytes(), Some("application/problem+json"))
            .unwrap();
        assert_eq!(parsed.error_url, "", "{body}");
        assert_eq!(parsed.error_message, "No such note.");
        assert_eq!(parsed.status_code, Some(404));
    }
}

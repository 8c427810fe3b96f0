//! What HTTP means keeps its meaning through the safety net, over the socket: a stand-in
//! keeps the status it stands for and the headers of the service's own layers, sends no
//! header twice, and no header that describes a body it does not send.
//!
//! Every framework's second test app serves, behind the request-id layer (or middleware)
//! given [`ServiceError`], generating ids with the prefix [`PREFIX`] and taking a client's
//! only when [`trusted`] says so, and inside a layer of the service's own that adds
//! [`LAYER_HEADERS`] to every response under `/m`:
//!
//! | route | answer of the service |
//! |---|---|
//! | `GET /m/conflict` | a handler's own `409` JSON body |
//! | `GET /m/gone` | `410`, empty |
//! | `POST /m/upload` | a JSON body of at most 1 KiB (`413` over it) |
//! | `GET /m/draining` | `503` with `Retry-After: 5` |
//! | `GET /m/limited` | `429` with `Retry-After: 5`, a limiter's |
//! | `GET /m/auth` | `401` with `WWW-Authenticate: Bearer`, an auth middleware's |
//! | `GET /m/nowhere` | no such route: the service's `404` |
//! | `GET /m/own` | a handler's own `409` JSON body, marked `PassThrough` |
//! | `GET /m/legacy` | `410`, `text/plain` `gone`, on a route that marks every response `PassThrough` |
//! | `GET /m/spawned` | `ServiceError::Conflict` rendered in a task of its own, then labelled `content-encoding: gzip` with an `etag` by a layer of the route's |

use std::net::SocketAddr;

use stytch_errors::{ApiError, parse_error};

use super::wire::{Response, get, request};

/// The catalog of the second test apps.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
pub enum ServiceError {
    /// Any other client error.
    #[api_error(status = 400, message = "The request is malformed.", covers = "4xx")]
    MalformedRequest,
    /// No such route.
    #[api_error(status = 404, message = "No such route.", covers = 404)]
    NotFound,
    /// Authentication needed.
    #[api_error(status = 401, message = "Authenticate first.", covers = 401)]
    #[api_error(header("www-authenticate", "Bearer realm=\"service\""))]
    Unauthenticated,
    /// Too many requests.
    #[api_error(status = 429, message = "Slow down.", covers = 429)]
    #[api_error(header("retry-after", "60"))]
    RateLimited,
    /// A conflict, which handlers return themselves.
    #[api_error(status = 409, message = "Conflict.")]
    Conflict,
    /// Any server error.
    #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
    Internal,
}

/// The headers the service's own layer adds to every response under `/m`: CORS, `Vary`,
/// and security headers, which every stand-in must keep.
pub const LAYER_HEADERS: [(&str, &str); 4] = [
    ("access-control-allow-origin", "https://app.example.com"),
    ("vary", "origin"),
    ("strict-transport-security", "max-age=63072000"),
    ("x-content-type-options", "nosniff"),
];

/// The prefix of the ids the second test apps generate.
pub const PREFIX: &str = "svc-";

/// The client ids the second test apps take: those of the service's own tracing.
pub fn trusted(id: &stytch_errors::RequestId) -> bool {
    id.as_str().starts_with("trace-")
}

/// Whether `id` is [`PREFIX`] and a version 4 UUID.
fn is_services_own(id: &str) -> bool {
    id.strip_prefix(PREFIX)
        .and_then(|uuid| uuid::Uuid::try_parse(uuid).ok())
        .is_some_and(|uuid| uuid.get_version_num() == 4)
}

/// The values of header `name` in `response`.
fn values<'r>(response: &'r Response, name: &str) -> Vec<&'r str> {
    response
        .headers
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| std::str::from_utf8(v).unwrap())
        .collect()
}

/// Checks that `response` is `error`'s stand-in for a response of `status`: the status
/// line and the body's `status_code` say `status`, the rest of the body is `error`'s
/// (its `error_url` too), it parses back to `error`, and the layer's headers are there.
pub fn expect_stand_in(response: &Response, error: &ServiceError, status: u16) {
    let id = response.header("x-request-id");
    assert!(is_services_own(id), "{id}");
    super::expect_error_at(response, error, status, Some(id));
    let parsed = parse_error::<ServiceError>(response.body.as_bytes()).unwrap();
    assert_eq!(parsed.known(), Some(error));
    for (name, value) in LAYER_HEADERS {
        assert_eq!(values(response, name), [value], "{name} in {response:?}");
    }
}

/// A stand-in keeps the status of the response it replaces: the exact cover, else the
/// class's, rendered with that status.
pub fn statuses_are_never_changed(addr: SocketAddr) {
    let response = get(addr, "/m/conflict", &[]);
    expect_stand_in(&response, &ServiceError::MalformedRequest, 409);
    assert!(!response.body.contains("taken"));
    let response = get(addr, "/m/gone", &[]);
    expect_stand_in(&response, &ServiceError::MalformedRequest, 410);
    let response = request(
        addr,
        "POST",
        "/m/upload",
        &[("Content-Type", b"application/json")],
        &[b' '; 3000],
    );
    expect_stand_in(&response, &ServiceError::MalformedRequest, 413);
    let response = get(addr, "/m/draining", &[]);
    expect_stand_in(&response, &ServiceError::Internal, 503);
    let response = get(addr, "/m/nowhere", &[]);
    expect_stand_in(&response, &ServiceError::NotFound, 404);
    let response = get(addr, "/m/auth", &[]);
    expect_stand_in(&response, &ServiceError::Unauthenticated, 401);
    let response = get(addr, "/m/limited", &[]);
    expect_stand_in(&response, &ServiceError::RateLimited, 429);
}

/// A header the covering variant declares and the replaced response has is sent once, with
/// the replaced response's value.
pub fn headers_are_never_sent_twice(addr: SocketAddr) {
    let response = get(addr, "/m/limited", &[]);
    assert_eq!(values(&response, "retry-after"), ["5"], "{response:?}");
    let response = get(addr, "/m/draining", &[]);
    assert_eq!(values(&response, "retry-after"), ["5"], "{response:?}");
    let response = get(addr, "/m/auth", &[]);
    assert_eq!(
        values(&response, "www-authenticate"),
        ["Bearer"],
        "{response:?}"
    );
}

/// An error rendered again for the request's id loses the headers that described the old
/// body (its encoding, its tag) and keeps the service's others.
pub fn rerendered_errors_drop_what_described_the_old_body(addr: SocketAddr) {
    let response = get(addr, "/m/spawned", &[("X-Request-Id", b"trace-gzip")]);
    assert_eq!(response.status, 409, "{response:?}");
    assert_eq!(response.header("x-request-id"), "trace-gzip");
    assert_eq!(response.body, ServiceError::Conflict.to_json("trace-gzip"));
    for name in ["content-encoding", "etag"] {
        assert!(values(&response, name).is_empty(), "{name} in {response:?}");
    }
    assert_eq!(response.header("content-type"), "application/json");
    for (name, value) in LAYER_HEADERS {
        assert_eq!(values(&response, name), [value], "{name} in {response:?}");
    }
}

/// A response marked `PassThrough` (by its handler, or by its route) reaches the client as
/// the service made it, with the request's id added.
pub fn marked_responses_pass_through(addr: SocketAddr) {
    for (path, status, content_type, body) in [
        ("/m/own", 409, "application/json", CONFLICT_BODY),
        ("/m/legacy", 410, "text/plain; charset=utf-8", "gone"),
    ] {
        let response = get(addr, path, &[("X-Request-Id", b"trace-own")]);
        assert_eq!(response.status, status, "{response:?}");
        assert_eq!(response.body, body);
        assert_eq!(response.header("content-type"), content_type);
        assert_eq!(response.header("x-request-id"), "trace-own");
        for (name, value) in LAYER_HEADERS {
            assert_eq!(values(&response, name), [value], "{name} in {response:?}");
        }
        let response = get(addr, path, &[]);
        assert!(is_services_own(response.header("x-request-id")));
        assert_eq!(response.body, body);
    }
}

/// Ids are the service's own: generated with its prefix, a client's taken only when the
/// service's check passes; the header and the body agree.
pub fn ids_are_the_services_own(addr: SocketAddr) {
    let ids: [(&[u8], Option<&str>); 4] = [
        (b"", None),
        (b"trace-7f3a", Some("trace-7f3a")),
        (
            b"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
            None,
        ),
        (b"evil", None),
    ];
    for (client_id, kept) in ids {
        let headers: Vec<(&str, &[u8])> = if client_id.is_empty() {
            Vec::new()
        } else {
            vec![("X-Request-Id", client_id)]
        };
        let response = get(addr, "/m/gone", &headers);
        let id = response.header("x-request-id");
        match kept {
            Some(kept) => assert_eq!(id, kept),
            None => assert!(is_services_own(id), "{id}"),
        }
        super::expect_error_at(&response, &ServiceError::MalformedRequest, 410, Some(id));
    }
}

/// One `#[test]` per check of this module, each against a server of its own.
macro_rules! every_meaning {
    ($addr:expr) => {
        $crate::serving::meaning::every_meaning!(@tests $addr;
            statuses_are_never_changed,
            headers_are_never_sent_twice,
            rerendered_errors_drop_what_described_the_old_body,
            marked_responses_pass_through,
            ids_are_the_services_own
        );
    };
    (@tests $addr:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                $crate::serving::meaning::$check($addr);
            }
        )*
    };
}

pub(crate) use every_meaning;

/// The failures the service answers itself, with a header the client needs: path (under
/// `/m`), status, header, body.
pub const OWN_FAILURES: [(&str, u16, (&str, &str), &str); 3] = [
    ("/draining", 503, ("retry-after", "5"), "draining"),
    ("/limited", 429, ("retry-after", "5"), "slow down"),
    ("/auth", 401, ("www-authenticate", "Bearer"), "who are you"),
];

/// The body of the handler's own 409, which the client never sees.
pub const CONFLICT_BODY: &str = r#"{"error":"taken"}"#;

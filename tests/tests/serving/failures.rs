//! The failures a framework answers by itself, over the socket: every one must come back as
//! the `StytchError` that stands for it, with the failure's own status, in the shape the
//! client's `Accept` asks for.
//!
//! Every framework's test app serves, besides the routes of the parent module:
//!
//! | route | what it takes |
//! |---|---|
//! | `POST /json` | a JSON body `{"email": string}`, at most 1 KiB; echoes the email |
//! | `POST /form` | the same, as a form |
//! | `GET /typed/{id}` | a `u32` path parameter |
//! | `GET /search?limit=` | a `u32` query parameter |
//! | `GET /header` | a typed `Content-Type` header |
//! | `GET /state` | a value the app never provides (extension or app data) |
//! | `GET /panic` | a handler that panics with a secret |
//! | `GET /panic-caught` | the same, behind a panic-catching layer of the framework's (axum) |
//! | `GET /slow` | a handler slower than the app's 100 ms timeout |
//! | `GET /auth` | a 401 an auth middleware made, with `WWW-Authenticate: Bearer` |
//! | `POST /details/json` | the `POST /json` handler, behind a second request-id layer (middleware) given `StytchError` and `rejection_details()` |
//! | `GET /throttled` | a 429 a middleware made, with `Retry-After` and a header of the limiter's |

use std::net::SocketAddr;

use stytch_errors::{ApiError as _, ProblemDetails, StytchError};

use super::wire::{Response, get, request};
use super::{Framework, expect_error, expect_error_at};

/// A secret that the failing responses hold (a panic's payload, a header, a body) and that
/// must never reach the client.
pub const SECRET: &str = "hunter2-do-not-show";

/// One request the framework fails, and the error that must answer it.
pub struct Row {
    /// What the row is, for messages.
    pub what: &'static str,
    /// The method.
    pub method: &'static str,
    /// The path and query.
    pub path: &'static str,
    /// The request's headers.
    pub headers: &'static [(&'static str, &'static [u8])],
    /// The body.
    pub body: &'static [u8],
    /// The error that stands for the failure.
    pub error: StytchError,
    /// The status of the failure, which the stand-in keeps: axum's, actix-web's.
    pub statuses: [u16; 2],
}

impl Row {
    /// The status the failure has with `framework`.
    pub fn status(&self, framework: Framework) -> u16 {
        self.statuses[framework as usize]
    }
}

const JSON: (&str, &[u8]) = ("Content-Type", b"application/json");
const FORM: (&str, &[u8]) = ("Content-Type", b"application/x-www-form-urlencoded");

/// The table of the README, and the query, form, header and state failures.
pub const ROWS: &[Row] = &[
    Row {
        what: "malformed JSON",
        statuses: [400, 400],
        method: "POST",
        path: "/json",
        headers: &[JSON],
        body: b"{\"email\": hunter2",
        error: StytchError::BadRequest,
    },
    Row {
        what: "JSON missing a field",
        statuses: [422, 400],
        method: "POST",
        path: "/json",
        headers: &[JSON],
        body: b"{\"name\": \"hunter2\"}",
        error: StytchError::BadRequest,
    },
    Row {
        what: "no content-type",
        statuses: [415, 400],
        method: "POST",
        path: "/json",
        headers: &[],
        body: b"{\"email\": \"a@b.c\"}",
        error: StytchError::BadRequest,
    },
    Row {
        what: "wrong content-type",
        statuses: [415, 400],
        method: "POST",
        path: "/json",
        headers: &[("Content-Type", b"text/plain")],
        body: b"{\"email\": \"a@b.c\"}",
        error: StytchError::BadRequest,
    },
    Row {
        what: "a path parameter that does not parse",
        statuses: [400, 400],
        method: "GET",
        path: "/typed/abc",
        headers: &[],
        body: b"",
        error: StytchError::BadRequest,
    },
    Row {
        what: "unknown route",
        statuses: [404, 404],
        method: "GET",
        path: "/no/such/route",
        headers: &[],
        body: b"",
        error: StytchError::RouteNotFound,
    },
    Row {
        what: "wrong method",
        statuses: [405, 405],
        method: "DELETE",
        path: "/json",
        headers: &[],
        body: b"",
        error: StytchError::MethodNotAllowed,
    },
    Row {
        what: "body over the limit",
        statuses: [413, 413],
        method: "POST",
        path: "/json",
        headers: &[JSON],
        body: &[b' '; 4096],
        error: StytchError::BadRequest,
    },
    Row {
        what: "a handler that panics",
        statuses: [500, 500],
        method: "GET",
        path: "/panic",
        headers: &[],
        body: b"",
        error: StytchError::InternalServerError,
    },
    Row {
        what: "a panic another layer caught",
        statuses: [500, 500],
        method: "GET",
        path: "/panic-caught",
        headers: &[],
        body: b"",
        error: StytchError::InternalServerError,
    },
    Row {
        what: "a query parameter that does not parse",
        statuses: [400, 400],
        method: "GET",
        path: "/search?limit=hunter2",
        headers: &[],
        body: b"",
        error: StytchError::BadRequest,
    },
    Row {
        what: "a form missing a field",
        statuses: [422, 400],
        method: "POST",
        path: "/form",
        headers: &[FORM],
        body: b"name=hunter2",
        error: StytchError::BadRequest,
    },
    Row {
        what: "a typed header missing",
        statuses: [400, 400],
        method: "GET",
        path: "/header",
        headers: &[],
        body: b"",
        error: StytchError::BadRequest,
    },
    Row {
        what: "a typed header that does not parse",
        statuses: [400, 400],
        method: "GET",
        path: "/header",
        headers: &[("Content-Type", b"hunter2")],
        body: b"",
        error: StytchError::BadRequest,
    },
    Row {
        what: "missing state",
        statuses: [500, 500],
        method: "GET",
        path: "/state",
        headers: &[],
        body: b"",
        error: StytchError::InternalServerError,
    },
    Row {
        what: "a timeout",
        statuses: [408, 408],
        method: "GET",
        path: "/slow",
        headers: &[],
        body: b"",
        error: StytchError::ServerUnavailable,
    },
    Row {
        what: "an auth middleware's 401",
        statuses: [401, 401],
        method: "GET",
        path: "/auth",
        headers: &[],
        body: b"",
        error: StytchError::UnauthorizedCredentials,
    },
    Row {
        what: "a 429 no catalog error made",
        statuses: [429, 429],
        method: "GET",
        path: "/throttled",
        headers: &[],
        body: b"",
        error: StytchError::TooManyRequests,
    },
];

fn send(addr: SocketAddr, row: &Row, extra: &[(&'static str, &'static [u8])]) -> Response {
    let mut headers = row.headers.to_vec();
    headers.extend_from_slice(extra);
    request(addr, row.method, row.path, &headers, row.body)
}

/// Nothing of the secret, of the framework's own texts or of other headers reaches the
/// client.
fn expect_nothing_leaks(row: &Row, response: &Response) {
    for text in [
        SECRET,
        "hunter2",
        "Failed to",
        "panicked",
        "Json deserialize",
        "parse",
    ] {
        assert!(
            !response.body.contains(text),
            "{}: {text} in {}",
            row.what,
            response.body
        );
    }
    for (name, value) in &response.headers {
        let value = String::from_utf8_lossy(value);
        assert!(!value.contains("hunter2"), "{}: {name}: {value}", row.what);
        assert!(
            matches!(
                name.as_str(),
                "content-type"
                    | "content-length"
                    | "x-request-id"
                    | "date"
                    | "connection"
                    | "allow"
                    | "retry-after"
                    | "www-authenticate"
                    | "x-limiter"
            ),
            "{}: {name} reached the client",
            row.what
        );
    }
}

/// Every row, in Stytch's shape: the catalog's error, with the client's id or a generated
/// one.
pub fn failures_in_the_catalogs_shape(addr: SocketAddr, framework: Framework) {
    for row in ROWS {
        let status = row.status(framework);
        let response = send(addr, row, &[("X-Request-Id", b"trace-failure")]);
        expect_error_at(&response, &row.error, status, Some("trace-failure"));
        expect_nothing_leaks(row, &response);
        let response = send(addr, row, &[]);
        expect_error_at(&response, &row.error, status, None);
    }
}

/// Every row, as problem details when `Accept` asks for them.
pub fn failures_as_problem_details(addr: SocketAddr, framework: Framework) {
    for row in ROWS {
        let status = row.status(framework);
        let response = send(
            addr,
            row,
            &[
                ("Accept", b"application/problem+json"),
                ("X-Request-Id", b"trace-problem"),
            ],
        );
        assert_eq!(response.status, status, "{}", row.what);
        assert_eq!(
            response.header("content-type"),
            "application/problem+json",
            "{}",
            row.what
        );
        assert_eq!(response.header("x-request-id"), "trace-problem");
        let mut expected = ProblemDetails::new(&row.error, "trace-problem");
        expected.status = status;
        assert_eq!(response.body, expected.to_json(), "{}", row.what);
        let problem: serde_json::Value = serde_json::from_str(&response.body).unwrap();
        assert_eq!(problem["status"], response.status);
        assert_eq!(problem["request_id"], "trace-problem");
        expect_nothing_leaks(row, &response);
    }
}

/// A wrong method keeps `Allow`, a 429 no catalog error made keeps `Retry-After` and the
/// limiter's own header, a 401 keeps its challenge.
pub fn failures_keep_their_headers(addr: SocketAddr, _: Framework) {
    let row = ROWS.iter().find(|row| row.what == "wrong method").unwrap();
    let response = send(addr, row, &[]);
    assert_eq!(response.status, 405);
    assert!(
        response.header("allow").contains("POST"),
        "{:?}",
        response.headers
    );
    let row = ROWS
        .iter()
        .find(|row| row.what == "a 429 no catalog error made")
        .unwrap();
    let response = send(addr, row, &[]);
    assert_eq!(response.header("retry-after"), "7");
    assert_eq!(response.header("x-limiter"), "per-ip");
    let row = ROWS.iter().find(|row| row.path == "/auth").unwrap();
    let response = send(addr, row, &[]);
    assert_eq!(response.header("www-authenticate"), "Bearer");
}

/// The requests that do not fail get through untouched.
pub fn successes_pass_through(addr: SocketAddr, _: Framework) {
    let response = request(addr, "POST", "/json", &[JSON], b"{\"email\": \"a@b.c\"}");
    assert_eq!(response.status, 200, "{response:?}");
    assert_eq!(response.body, "a@b.c");
    let response = request(addr, "POST", "/form", &[FORM], b"email=a%40b.c");
    assert_eq!(response.body, "a@b.c");
    let response = get(addr, "/typed/7", &[]);
    assert_eq!(response.body, "7");
    let response = get(addr, "/search?limit=3", &[]);
    assert_eq!(response.body, "3");
    let response = get(addr, "/header", &[("Content-Type", b"text/plain")]);
    assert_eq!(response.body, "text/plain");
    // A handler's own catalog error is not replaced.
    let response = get(addr, "/v1/users/user-test-1", &[]);
    expect_error(&response, &super::AppError::UnauthorizedCredentials, None);
}

/// A rejection's reason is in the body only behind a layer that says so, as
/// `error_details.reason`; the rest of the body is the stand-in's.
pub fn rejection_reasons_only_when_asked(addr: SocketAddr, framework: Framework) {
    let body = b"{\"title\": 5}";
    let status = match framework {
        Framework::Axum => 422,
        Framework::ActixWeb => 400,
    };
    let headers: &[(&str, &[u8])] = &[JSON, ("X-Request-Id", b"trace-reason")];
    let response = request(addr, "POST", "/json", headers, body);
    expect_error_at(
        &response,
        &StytchError::BadRequest,
        status,
        Some("trace-reason"),
    );
    let response = request(addr, "POST", "/details/json", headers, body);
    assert_eq!(response.status, status, "{response:?}");
    let mut value: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    let details = value
        .as_object_mut()
        .unwrap()
        .remove("error_details")
        .unwrap_or_else(|| panic!("no error_details in {}", response.body));
    let reason = details["reason"].as_str().unwrap();
    assert!(reason.contains("missing field `email`"), "{reason}");
    // Without its details, the body is the stand-in's.
    let mut expected: serde_json::Value =
        serde_json::from_str(&StytchError::BadRequest.to_json("trace-reason")).unwrap();
    expected["status_code"] = status.into();
    assert_eq!(value, expected);
}

/// One `#[test]` per check of this module.
macro_rules! every_failure {
    ($addr:expr, $framework:expr) => {
        $crate::serving::failures::every_failure!(@tests $addr, $framework;
            failures_in_the_catalogs_shape,
            failures_as_problem_details,
            failures_keep_their_headers,
            rejection_reasons_only_when_asked,
            successes_pass_through
        );
    };
    (@tests $addr:expr, $framework:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                $crate::serving::failures::$check($addr, $framework);
            }
        )*
    };
}

pub(crate) use every_failure;

/// The body of `POST /json` and `POST /form`.
#[derive(serde::Deserialize)]
pub struct NewUser {
    /// The email, echoed.
    pub email: String,
}

/// The query of `GET /search`.
#[derive(serde::Deserialize)]
pub struct Search {
    /// The limit, echoed.
    pub limit: u32,
}

/// A value no test app provides.
#[derive(Clone, Debug)]
pub struct Missing;

/// The handler of `GET /panic`.
pub async fn panics() -> String {
    panic!("{SECRET}")
}

/// How long `GET /slow` takes, and the apps' timeout.
pub const SLOW: std::time::Duration = std::time::Duration::from_secs(5);
/// The apps' timeout.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_millis(100);

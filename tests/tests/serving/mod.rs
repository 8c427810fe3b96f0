//! What the end-to-end tests of each framework share: the catalog the handlers return, the
//! handlers' framework-independent parts, and the checks on what comes off the socket.
//!
//! Every framework's test app serves the same routes:
//!
//! | route | answer |
//! |---|---|
//! | `GET /v1/users/{user_id}` | `AppError::UnauthorizedCredentials` |
//! | `GET /deep` | `AppError::InvalidField` made after awaits, deep in the handler |
//! | `GET /db` | `AppError::Database`, whose source holds a secret |
//! | `GET /spawned` | an error rendered in a task of its own, outside the request's scope |
//! | `GET /generic` | `hygiene::GenericError::<u32>` |
//! | `GET /where` | `hygiene::WhereError::<&str>` |
//! | `GET /stytch` | `StytchError::UseHttps`, from the crate's own catalog |
//! | `GET /ok` | 200, the request id as the body |
//! | `GET /nested/ok` | the same, behind a second request-id layer (middleware) of its own |
//! | `GET /nested/error` | `AppError::InvalidField` naming the id the handler sees, behind it too |

pub mod failures;
pub mod meaning;
pub mod wire;

use std::net::SocketAddr;
use std::time::Duration;

use stytch_errors::{ApiError, ErrorBody, ProblemDetails, StytchError};

use self::wire::{Response, get};

/// The text of the database failure, which must never reach a client.
pub const DATABASE_FAILURE: &str = "connection refused: postgres://app:hunter2@db/prod";

/// The errors of the test apps.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/b2b/api/errors", display = false)]
pub enum AppError {
    /// Wrong or missing credentials.
    #[error("unauthorized credentials")]
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    /// A field failed validation.
    #[error("invalid {field}")]
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// The field.
        field: String,
    },
    /// The database failed.
    #[error("database failure: {0}")]
    #[api_error(
        status = 500,
        error_type = "internal_server_error",
        message = "Oops, something seems to have gone wrong. If this issue persists, please reach out to support.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    Database(#[from] std::io::Error),
}

/// Derived types with generics, in a module without the prelude: the framework impls the
/// derive emits must name everything by absolute path and compile without warnings.
pub mod hygiene {
    #![no_implicit_prelude]

    /// A catalog generic over the value it reports.
    #[derive(::std::fmt::Debug, ::stytch_errors::ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub enum GenericError<T: ::std::fmt::Display> {
        /// A value out of range.
        #[api_error(status = 422, message = "The value {0} is out of range.")]
        OutOfRange(T),
    }

    /// A catalog with a where clause.
    #[derive(::std::fmt::Debug, ::stytch_errors::ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub enum WhereError<T>
    where
        T: ::std::fmt::Display + ::std::fmt::Debug,
    {
        /// A name that is taken.
        #[api_error(status = 409, message = "The name {name} is taken.")]
        Taken {
            /// The name.
            name: T,
        },
    }
}

/// The body of `GET /deep`: the error is made after the handler has yielded and slept,
/// in a function that knows nothing of the request.
pub async fn deep() -> Result<String, AppError> {
    tokio::task::yield_now().await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    validate("email")?;
    Ok("valid".into())
}

fn validate(field: &str) -> Result<(), AppError> {
    Err(AppError::InvalidField {
        field: field.into(),
    })
}

/// The body of `GET /db`: `?` turns the I/O error into `AppError::Database`.
pub fn db() -> Result<String, AppError> {
    Err(std::io::Error::other(DATABASE_FAILURE))?
}

/// The error `GET /spawned` renders outside the request's scope.
pub fn spawned_error() -> AppError {
    AppError::InvalidField {
        field: "spawned".into(),
    }
}

/// The handler of `GET /nested/error`: an error naming the id the handler sees.
pub fn nested_error(id: &stytch_errors::RequestId) -> AppError {
    AppError::InvalidField {
        field: id.to_string(),
    }
}

/// Whether `id` is `request-id-test-` and a lowercase hyphenated version 4 UUID.
pub fn is_generated(id: &str) -> bool {
    let Some(uuid) = id.strip_prefix("request-id-test-") else {
        return false;
    };
    uuid.len() == 36
        && uuid.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            14 => c == '4',
            19 => matches!(c, '8' | '9' | 'a' | 'b'),
            _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
        })
}

/// Which framework a test app is built with, where they answer differently.
#[derive(Clone, Copy)]
#[allow(dead_code, reason = "each framework's tests name their own")]
pub enum Framework {
    /// axum.
    Axum,
    /// actix-web.
    ActixWeb,
}

/// Checks that `response` is exactly `error`'s response for the request id it carries, and
/// returns that id. With `client_id`, the id must be it; without, a generated one.
pub fn expect_error<E: ApiError>(
    response: &Response,
    error: &E,
    client_id: Option<&str>,
) -> String {
    expect_error_at(response, error, error.status_code(), client_id)
}

/// [`expect_error`] for `error` standing for a response of `status`: the status line and
/// the body's `status_code` say `status`, every other byte is the error's own.
pub fn expect_error_at<E: ApiError>(
    response: &Response,
    error: &E,
    status: u16,
    client_id: Option<&str>,
) -> String {
    assert_eq!(response.status, status, "{response:?}");
    assert_eq!(response.header("content-type"), "application/json");
    let id = response.header("x-request-id").to_owned();
    match client_id {
        Some(client_id) => assert_eq!(id, client_id),
        None => assert!(is_generated(&id), "{id}"),
    }
    // Byte for byte what the error renders, with the id of the header and `status`.
    let expected = error.to_json(&id).replacen(
        &format!("{{\"status_code\":{},", error.status_code()),
        &format!("{{\"status_code\":{status},"),
        1,
    );
    assert_eq!(response.body, expected, "{response:?}");
    let body: ErrorBody<'_> = serde_json::from_str(&response.body).unwrap();
    assert_eq!(body.status_code, response.status);
    assert_eq!(body.request_id, id);
    assert_eq!(body.error_type, error.error_type());
    assert_eq!(body.error_url, error.error_url());
    id
}

/// 401 with a generated id, and the same id in the header and the body.
pub fn unauthorized_with_a_generated_id(addr: SocketAddr) {
    let response = get(addr, "/v1/users/user-test-1", &[]);
    expect_error(&response, &AppError::UnauthorizedCredentials, None);
    // Each request gets its own id.
    let again = get(addr, "/v1/users/user-test-1", &[]);
    assert_ne!(
        response.header("x-request-id"),
        again.header("x-request-id")
    );
}

/// A client's id that is safe to echo comes back in the header and the body.
pub fn good_client_ids_are_echoed(addr: SocketAddr) {
    let longest = "r".repeat(128);
    for id in [
        "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
        "trace:7f3a/\"quoted\"\\",
        longest.as_str(),
    ] {
        let response = get(
            addr,
            "/v1/users/user-test-1",
            &[("X-Request-Id", id.as_bytes())],
        );
        expect_error(&response, &AppError::UnauthorizedCredentials, Some(id));
    }
}

/// A client's id that is not safe to echo is replaced by a generated one, and appears
/// nowhere in the response.
pub fn bad_client_ids_are_replaced(addr: SocketAddr) {
    let too_long = "r".repeat(129);
    let bad: [&[u8]; 5] = [
        too_long.as_bytes(),
        b"two words",
        b"tab\there",
        "caf\u{e9}".as_bytes(),
        b"\xff\xfe",
    ];
    for id in bad {
        let response = get(addr, "/v1/users/user-test-1", &[("X-Request-Id", id)]);
        let echoed = expect_error(&response, &AppError::UnauthorizedCredentials, None);
        assert_ne!(echoed.as_bytes(), id);
        assert!(!response.body.as_bytes().windows(id.len()).any(|w| w == id));
    }
}

/// An error made deep in the handler, after awaits, carries the request's id; many at once
/// each carry their own.
pub fn deep_errors_carry_their_requests_id(addr: SocketAddr) {
    let expected = AppError::InvalidField {
        field: "email".into(),
    };
    let response = get(addr, "/deep", &[]);
    expect_error(&response, &expected, None);

    let clients: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                let id = format!("concurrent-{i}");
                let response = get(addr, "/deep", &[("X-Request-Id", id.as_bytes())]);
                (id, response)
            })
        })
        .collect();
    for client in clients {
        let (id, response) = client.join().unwrap();
        expect_error(&response, &expected, Some(&id));
    }
}

/// The 500 reveals nothing of its cause, in the body or in any header.
pub fn internal_errors_leak_nothing(addr: SocketAddr) {
    let response = get(addr, "/db", &[]);
    let expected = AppError::Database(std::io::Error::other("x"));
    expect_error(&response, &expected, None);
    assert_eq!(response.status, 500);
    for secret in [
        "hunter2",
        "postgres",
        "connection refused",
        DATABASE_FAILURE,
    ] {
        assert!(!response.body.contains(secret), "{secret} in the body");
        for (name, value) in &response.headers {
            let value = String::from_utf8_lossy(value);
            assert!(
                !name.contains(secret) && !value.contains(secret),
                "{secret} in {name}: {value}"
            );
        }
    }
}

/// An error rendered outside the request's scope still carries the request's id.
pub fn errors_rendered_outside_the_scope_carry_the_id(addr: SocketAddr) {
    let response = get(addr, "/spawned", &[("X-Request-Id", b"trace-spawned")]);
    expect_error(&response, &spawned_error(), Some("trace-spawned"));
    let response = get(addr, "/spawned", &[]);
    expect_error(&response, &spawned_error(), None);
}

/// Generic derived types render like any other.
pub fn generic_errors(addr: SocketAddr) {
    let response = get(addr, "/generic", &[]);
    expect_error(&response, &hygiene::GenericError::OutOfRange(7_u32), None);
    let response = get(addr, "/where", &[]);
    expect_error(&response, &hygiene::WhereError::Taken { name: "ada" }, None);
}

/// The crate's own `StytchError` is served like any derived type.
pub fn stytch_errors(addr: SocketAddr) {
    let response = get(addr, "/stytch", &[("X-Request-Id", b"trace-stytch")]);
    expect_error(&response, &StytchError::UseHttps, Some("trace-stytch"));
    assert_eq!(
        response.body,
        r#"{"status_code":403,"request_id":"trace-stytch","error_type":"use_https","error_message":"Please use https instead of http.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/403#use_https"}"#
    );
}

/// Successful responses carry the id too; the handler sees the same id.
pub fn successes_carry_the_id(addr: SocketAddr) {
    let response = get(addr, "/ok", &[("X-Request-Id", b"trace-ok")]);
    assert_eq!(response.status, 200);
    assert_eq!(response.header("x-request-id"), "trace-ok");
    assert_eq!(response.body, "trace-ok");
    let response = get(addr, "/ok", &[]);
    assert!(is_generated(response.header("x-request-id")));
    assert_eq!(response.body, response.header("x-request-id"));
}

/// A request-id layer (middleware) inside another reuses the outer's id: the handler, the
/// body and the header agree, with or without a client's id.
pub fn nested_layers_agree_on_one_id(addr: SocketAddr) {
    for client_id in [None, Some("trace-nested")] {
        let headers: Vec<(&str, &[u8])> = client_id
            .map(|id| ("X-Request-Id", id.as_bytes()))
            .into_iter()
            .collect();
        let response = get(addr, "/nested/ok", &headers);
        assert_eq!(response.status, 200);
        assert_eq!(
            response.body,
            response.header("x-request-id"),
            "{response:?}"
        );
        let response = get(addr, "/nested/error", &headers);
        let id = expect_error(
            &response,
            &AppError::InvalidField {
                field: response.header("x-request-id").to_owned(),
            },
            client_id,
        );
        assert!(response.body.contains(&format!("The {id} value")));
    }
}

/// `Accept: application/problem+json` gets RFC 9457 problem details; anything else gets
/// Stytch's shape.
pub fn problem_details_when_asked(addr: SocketAddr) {
    let response = get(
        addr,
        "/deep",
        &[
            ("Accept", b"application/problem+json"),
            ("X-Request-Id", b"trace-problem"),
        ],
    );
    let error = AppError::InvalidField {
        field: "email".into(),
    };
    assert_eq!(response.status, 400);
    assert_eq!(response.header("content-type"), "application/problem+json");
    assert_eq!(response.header("x-request-id"), "trace-problem");
    assert_eq!(
        response.body,
        ProblemDetails::new(&error, "trace-problem").to_json()
    );
    let problem: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(
        problem,
        serde_json::json!({
            "type": "https://stytch.com/docs/b2b/api/errors/400#invalid_field",
            "title": "The {field} value is invalid.",
            "status": 400,
            "detail": "The email value is invalid.",
            "error_type": "invalid_field",
            "request_id": "trace-problem",
        })
    );

    // Rendered outside the scope, too.
    let response = get(addr, "/spawned", &[("Accept", b"application/problem+json")]);
    assert_eq!(response.header("content-type"), "application/problem+json");
    let id = response.header("x-request-id");
    assert_eq!(
        response.body,
        ProblemDetails::new(&spawned_error(), id).to_json()
    );

    for accept in [
        "application/json",
        "*/*",
        "application/problem+json;q=0.1, application/json",
    ] {
        let response = get(addr, "/deep", &[("Accept", accept.as_bytes())]);
        expect_error(&response, &error, None);
    }
}

/// One `#[test]` per check of this module, each against a server of its own:
/// `serving::every_check!(Server::start().addr)`.
macro_rules! every_check {
    ($addr:expr) => {
        $crate::serving::every_check!(@tests $addr;
            unauthorized_with_a_generated_id,
            good_client_ids_are_echoed,
            bad_client_ids_are_replaced,
            deep_errors_carry_their_requests_id,
            internal_errors_leak_nothing,
            errors_rendered_outside_the_scope_carry_the_id,
            generic_errors,
            successes_carry_the_id,
            nested_layers_agree_on_one_id,
            problem_details_when_asked,
            stytch_errors
        );
    };
    (@tests $addr:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                $crate::serving::$check($addr);
            }
        )*
    };
}

pub(crate) use every_check;

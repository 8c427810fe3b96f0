//! A field the message does not name, and an underlying error (`#[source]`, `#[from]`, a
//! field named `source`), never reach what a client sees: not the body (`to_json`,
//! `write_json`, `to_body` through serde), not `error_message`, not `Display`, not the
//! catalog, not the HTTP response (status, headers, `header(…)` ones included, and body of
//! `to_http_response` in each body format, and of the axum and actix-web integrations when
//! their features are on). The source's text is kept for the server's log line only.
//! Checked on fixed secrets, then on 1024 random ones per property.

use std::fmt;

use proptest::prelude::*;
use stytch_errors::{ApiError, BodyFormat, ErrorInfo, RenderedError, to_http_response};

/// An underlying error whose own text holds the secret, as a database driver's error holds a
/// connection string.
#[derive(Debug)]
struct Leaky(String);

impl fmt::Display for Leaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection to postgres://app:{}@db failed", self.0)
    }
}

impl std::error::Error for Leaky {}

// The hidden fields are read by `Debug` and `source` only: that is the point.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 401, message = "The credentials of {user} are invalid.")]
    BadCredentials { user: String, password: String },
    #[api_error(status = 400, message = "The value {0} is invalid.")]
    Invalid(String, String),
    #[api_error(status = 500, message = "Something went wrong.")]
    Storage(#[source] Leaky),
    #[api_error(status = 502, message = "The {service} service failed.")]
    Upstream {
        service: String,
        #[source]
        cause: Leaky,
    },
    #[api_error(status = 503, message = "Unavailable.")]
    Unavailable { source: Leaky },
    #[api_error(status = 500, message = "Database failure.")]
    Database(#[from] Leaky2),
    #[api_error(
        status = 429,
        message = "Slow down.",
        header("x-scope", "{scope} of {client}")
    )]
    Limited {
        client: String,
        #[api_error(details)]
        scope: String,
        password: String,
        #[source]
        cause: Leaky,
    },
}

/// A second source type, for `#[from]`.
#[derive(Debug)]
struct Leaky2(Leaky);

impl fmt::Display for Leaky2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Leaky2 {}

/// With `display = false`: thiserror's `Display` may say more, for the logs; the body may not.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(docs_url = "https://example.com/errors", display = false)]
enum LoggedError {
    #[error("login failed for {user} with password {password}")]
    #[api_error(status = 401, message = "The credentials of {user} are invalid.")]
    BadCredentials { user: String, password: String },
    #[error("storage: {0}")]
    #[api_error(status = 500, message = "Something went wrong.")]
    Storage(#[from] Leaky),
}

/// Every value of `AppError` that holds `secret` where the client must not see it.
fn hiding(secret: &str, public: &str) -> Vec<AppError> {
    vec![
        AppError::BadCredentials {
            user: public.into(),
            password: secret.into(),
        },
        AppError::Invalid(public.into(), secret.into()),
        AppError::Storage(Leaky(secret.into())),
        AppError::Upstream {
            service: public.into(),
            cause: Leaky(secret.into()),
        },
        AppError::Unavailable {
            source: Leaky(secret.into()),
        },
        AppError::from(Leaky2(Leaky(secret.into()))),
        AppError::Limited {
            client: public.into(),
            scope: public.into(),
            password: secret.into(),
            cause: Leaky(secret.into()),
        },
    ]
}

/// Everything a client can be shown of `error`, each with its name.
fn shown<E: ApiError + fmt::Display>(error: &E, request_id: &str) -> Vec<(&'static str, String)> {
    let mut bytes = Vec::new();
    error.write_json(request_id, &mut bytes);
    let info: &ErrorInfo = error.info();
    vec![
        ("to_json", error.to_json(request_id)),
        ("write_json", String::from_utf8(bytes).unwrap()),
        (
            "to_body through serde_json",
            serde_json::to_string(&error.to_body(request_id)).unwrap(),
        ),
        ("error_message", error.error_message().into_owned()),
        (
            "the catalog entry",
            serde_json::to_string(info).unwrap() + &info.example_json(request_id),
        ),
        (
            "to_http_response",
            http_text(&to_http_response(error, request_id, BodyFormat::Stytch)),
        ),
        #[cfg(feature = "problem-details")]
        (
            "to_http_response, problem details",
            http_text(&to_http_response(
                error,
                request_id,
                BodyFormat::ProblemDetails,
            )),
        ),
        #[cfg(feature = "axum")]
        ("axum", axum_text(error)),
        #[cfg(feature = "actix-web")]
        ("actix-web", actix_text(error)),
    ]
}

/// A response as text: its status, every header, its body.
fn response_text(
    status: impl fmt::Display,
    headers: impl IntoIterator<Item = (String, Vec<u8>)>,
    body: &[u8],
) -> String {
    use fmt::Write as _;
    let mut text = format!("{status}\n");
    for (name, value) in headers {
        let _ = writeln!(text, "{name}: {}", String::from_utf8_lossy(&value));
    }
    text + &String::from_utf8_lossy(body)
}

/// The status, every header, the body and the rendered error a middleware can read.
fn http_text(response: &http::Response<String>) -> String {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()));
    let mut text = response_text(response.status(), headers, response.body().as_bytes());
    if let Some(rendered) = response.extensions().get::<RenderedError>() {
        text += rendered.error_message();
        text += rendered.request_id();
    }
    text
}

/// Runs a future to completion on a one-thread runtime.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

/// What the axum integration sends for `error`: status, headers, body.
#[cfg(feature = "axum")]
fn axum_text<E: ApiError + ?Sized>(error: &E) -> String {
    let (parts, body) = stytch_errors::axum::into_response(error).into_parts();
    let body = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()));
    response_text(parts.status, headers, &body)
}

/// What the actix-web integration sends for `error`: status, headers, body.
#[cfg(feature = "actix-web")]
fn actix_text<E: ApiError + ?Sized>(error: &E) -> String {
    let response = stytch_errors::actix_web::error_response(error);
    let status = response.status();
    let headers: Vec<(String, Vec<u8>)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
        .collect();
    let body = block_on(actix_web::body::to_bytes(response.into_body())).unwrap();
    response_text(status, headers, &body)
}

/// `secret` as it would read in each form: as it is, and JSON-escaped.
fn forms(secret: &str) -> [String; 2] {
    let json = serde_json::to_string(secret).unwrap();
    [secret.to_owned(), json[1..json.len() - 1].to_owned()]
}

fn assert_hidden(secret: &str, what: &str, text: &str) {
    for form in forms(secret) {
        assert!(
            !text.contains(&form),
            "{what} shows the secret {form:?}: {text}"
        );
    }
}

const SECRET: &str = "hunter2-\"s3cr3t\"\\-\u{1}";

#[test]
fn unnamed_fields_and_sources_stay_out_of_the_body_the_message_and_display() {
    for error in hiding(SECRET, "alice") {
        for (what, text) in shown(&error, "request-id-test-1") {
            assert_hidden(SECRET, what, &text);
        }
        assert_hidden(SECRET, "Display", &error.to_string());
        assert_hidden(SECRET, "Display {:#}", &format!("{error:#}"));
    }
}

#[test]
fn the_secret_is_there_to_be_leaked() {
    // The checks above can fail: the values do hold the secret, and the public field shows.
    let errors = hiding(SECRET, "alice");
    for error in &errors {
        assert!(format!("{error:?}").contains("hunter2"), "{error:?}");
    }
    let sources: Vec<String> = errors
        .iter()
        .filter_map(|error| std::error::Error::source(error).map(ToString::to_string))
        .collect();
    assert_eq!(sources.len(), 5);
    assert!(sources.iter().all(|source| source.contains(SECRET)));
    let json = errors[0].to_json("r");
    assert!(
        json.contains("The credentials of alice are invalid."),
        "{json}"
    );
    let json = errors[1].to_json("r");
    assert!(json.contains("The value alice is invalid."), "{json}");
    let json = errors[3].to_json("r");
    assert!(json.contains("The alice service failed."), "{json}");
    // The header and the details show the public fields.
    let response = to_http_response(&errors[6], "r", BodyFormat::Stytch);
    assert_eq!(response.headers()["x-scope"], "alice of alice");
    assert!(
        response
            .body()
            .contains(r#""error_details":{"scope":"alice"}"#)
    );
}

#[test]
fn the_log_line_tells_the_server_what_the_client_never_sees() {
    for error in hiding(SECRET, "alice") {
        let response = to_http_response(&error, "r", BodyFormat::Stytch);
        let rendered = response.extensions().get::<RenderedError>().unwrap();
        if std::error::Error::source(&error).is_some() {
            // The server's log line holds the source's text…
            assert!(
                rendered
                    .source_chain()
                    .iter()
                    .any(|text| text.contains(SECRET)),
                "{error:?}"
            );
        }
        // …and the client's side of the same response none of it.
        assert_hidden(SECRET, "the response", &http_text(&response));
        for (name, value) in response.headers() {
            assert_hidden(
                SECRET,
                name.as_str(),
                &String::from_utf8_lossy(value.as_bytes()),
            );
        }
    }
}

#[test]
fn with_display_false_the_log_line_may_tell_but_the_body_does_not() {
    let errors = [
        LoggedError::BadCredentials {
            user: "alice".into(),
            password: SECRET.into(),
        },
        LoggedError::from(Leaky(SECRET.into())),
    ];
    for error in &errors {
        assert!(error.to_string().contains(SECRET), "{error}");
        for (what, text) in shown(error, "request-id-test-1") {
            assert_hidden(SECRET, what, &text);
        }
    }
}

/// A secret that cannot appear by chance: random text inside markers no message has.
fn secret() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24)
        .prop_map(|chars| format!("\u{1}SECRET[{}]", String::from_iter(chars)))
}

/// Public values: any text without the marker.
fn public() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24)
        .prop_map(String::from_iter)
        .prop_filter("no marker", |text| !text.contains("SECRET["))
}

/// proptest's configuration, which reads `PROPTEST_CASES` (1024, from the workspace's
/// `.cargo/config.toml`), without a regressions file.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_random_secret_leaks(secret in secret(), public in public(), request_id in public()) {
        for error in hiding(&secret, &public) {
            for (what, text) in shown(&error, &request_id) {
                for form in forms(&secret) {
                    prop_assert!(!text.contains(&form), "{} shows {:?}: {}", what, form, text);
                }
            }
            for form in forms(&secret) {
                prop_assert!(!error.to_string().contains(&form));
            }
        }
    }
}

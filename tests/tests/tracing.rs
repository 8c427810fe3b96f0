//! The `tracing` feature: one event per rendered error response, with the source chain,
//! at the level of its status or its `log`; `error.type` recorded on the current span.
#![cfg(feature = "tracing")]

use std::fmt;
use std::sync::{Arc, Mutex};

use stytch_errors::{ApiError, BodyFormat, to_http_response};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// An event as the subscriber saw it: its level and each field's text.
#[derive(Debug, Clone)]
struct Seen {
    level: Level,
    fields: Vec<(String, String)>,
}

impl Seen {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Log {
    events: Vec<Seen>,
    /// What was recorded on spans after they were made: (field, value).
    recorded: Vec<(String, String)>,
    entered: Vec<u64>,
    next_span: u64,
}

/// A subscriber that keeps everything, so that a test can read it.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Log>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        let mut log = self.0.lock().unwrap();
        log.next_span += 1;
        Id::from_u64(log.next_span)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut log = self.0.lock().unwrap();
        values.record(&mut Fields(&mut log.recorded));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().unwrap().events.push(Seen {
            level: *event.metadata().level(),
            fields,
        });
    }

    fn enter(&self, span: &Id) {
        self.0.lock().unwrap().entered.push(span.into_u64());
    }

    fn exit(&self, _: &Id) {
        self.0.lock().unwrap().entered.pop();
    }

    fn current_span(&self) -> tracing_core::span::Current {
        let log = self.0.lock().unwrap();
        match log.entered.last() {
            Some(&id) => tracing_core::span::Current::new(
                Id::from_u64(id),
                SPAN.get().copied().unwrap_or_else(|| unreachable!()),
            ),
            None => tracing_core::span::Current::none(),
        }
    }
}

static SPAN: std::sync::OnceLock<&'static Metadata<'static>> = std::sync::OnceLock::new();

#[derive(Debug)]
struct Driver;

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection refused by postgres://app:hunter2@db")
    }
}

impl std::error::Error for Driver {}

#[derive(Debug)]
struct Pool(Driver);

impl fmt::Display for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no connection in the pool")
    }
}

impl std::error::Error for Pool {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal(#[from] Pool),
    #[api_error(status = 404, message = "No such user.")]
    NotFound,
    #[api_error(status = 429, message = "Slow down.", log = "warn")]
    #[api_error(header("retry-after", "{after}"))]
    TooManyRequests { after: String },
    #[api_error(status = 503, message = "Down for maintenance.", log = "off")]
    Maintenance,
}

fn capture(render: impl FnOnce()) -> Log {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), render);
    std::mem::take(&mut *capture.0.lock().unwrap())
}

#[test]
fn a_server_error_logs_its_source_chain_at_error() {
    let error = AppError::from(Pool(Driver));
    let mut body = String::new();
    let log = capture(|| body = to_http_response(&error, "r-1", BodyFormat::Stytch).into_body());
    let [event] = log.events.as_slice() else {
        panic!("{:?}", log.events)
    };
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("error_type"), Some("internal"));
    assert_eq!(event.field("status_code"), Some("500"));
    assert_eq!(event.field("request_id"), Some("r-1"));
    assert_eq!(event.field("error_message"), Some("Something went wrong."));
    assert_eq!(
        event.field("source_chain"),
        Some(r#"["no connection in the pool", "connection refused by postgres://app:hunter2@db"]"#)
    );
    // The client's side of the same response has none of it.
    assert!(!body.contains("hunter2") && !body.contains("pool"));
}

#[test]
fn a_client_error_logs_at_debug_and_nothing_at_error() {
    let log = capture(|| {
        let _ = to_http_response(&AppError::NotFound, "r-1", BodyFormat::Stytch);
    });
    let levels: Vec<Level> = log.events.iter().map(|event| event.level).collect();
    assert_eq!(levels, [Level::DEBUG]);
    assert_eq!(log.events[0].field("source_chain"), Some("[]"));
}

#[test]
fn log_changes_the_level_or_turns_the_event_off() {
    let log = capture(|| {
        let error = AppError::TooManyRequests { after: "1".into() };
        let _ = to_http_response(&error, "r-1", BodyFormat::Stytch);
        let _ = to_http_response(&AppError::Maintenance, "r-2", BodyFormat::Stytch);
    });
    let levels: Vec<Level> = log.events.iter().map(|event| event.level).collect();
    assert_eq!(levels, [Level::WARN]);
}

#[test]
fn a_dropped_header_is_in_the_log_line() {
    let log = capture(|| {
        let error = AppError::TooManyRequests {
            after: "1\nx-injected: yes".into(),
        };
        let response = to_http_response(&error, "r-1", BodyFormat::Stytch);
        assert!(response.headers().get("retry-after").is_none());
        assert!(response.headers().get("x-injected").is_none());
    });
    let problems = log.events[0].field("problems").unwrap();
    assert!(problems.contains("`retry-after` was dropped"), "{problems}");
}

#[test]
fn the_current_span_gets_the_error_type() {
    let log = capture(|| {
        let span = tracing::info_span!("request", error.type = tracing::field::Empty);
        let _ = SPAN.set(span.metadata().unwrap());
        let _entered = span.enter();
        let _ = to_http_response(&AppError::NotFound, "r-1", BodyFormat::Stytch);
    });
    assert_eq!(
        log.recorded,
        [("error.type".to_owned(), "not_found".to_owned())]
    );
}

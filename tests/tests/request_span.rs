//! The `request` span (feature `tracing`): the request-id layer (axum) and middleware
//! (actix-web) run the inner service inside a span carrying `request_id`, on which the
//! error's event records `error.type`. One test in a binary of its own: a thread-local
//! subscriber and other tests' spans, side by side, race on the callsites' interest.
#![cfg(all(feature = "tracing", feature = "axum", feature = "actix-web"))]
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpResponse, test, web};
use axum::response::IntoResponse as _;
use stytch_errors::ApiError;
use stytch_errors::actix_web::RequestIdMiddleware;
use stytch_errors::axum::RequestIdLayer;
use tower::{Layer as _, ServiceExt as _};

/// The error the handlers return.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum TestError {
    #[api_error(status = 404, message = "No user {0}.")]
    UserNotFound(String),
}

/// What the subscriber writes, kept for the test to read.
#[derive(Clone, Default)]
struct Written(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Written {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

/// What a request with `x-request-id: trace-span` logs, served by `serve`.
fn logged(serve: impl FnOnce()) -> String {
    let written = Written::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(written.clone())
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, serve);
    String::from_utf8(written.0.lock().unwrap().clone()).unwrap()
}

fn axum() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let service = RequestIdLayer::test().layer(tower::service_fn(
            |_: http::Request<axum::body::Body>| async {
                tokio::task::yield_now().await;
                tracing::info!("in the handler");
                Ok::<_, Infallible>(TestError::UserNotFound("u".into()).into_response())
            },
        ));
        let request = http::Request::get("/")
            .header("x-request-id", "trace-span")
            .body(axum::body::Body::empty())
            .unwrap();
        service.oneshot(request).await.unwrap();
    });
}

fn actix_web() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(App::new().wrap(RequestIdMiddleware::test()).route(
            "/",
            web::get().to(|| async {
                actix_web::rt::task::yield_now().await;
                tracing::info!("in the handler");
                Err::<HttpResponse, _>(TestError::UserNotFound("u".into()))
            }),
        ))
        .await;
        let request = test::TestRequest::get()
            .uri("/")
            .insert_header(("x-request-id", "trace-span"))
            .to_request();
        test::call_service(&app, request).await;
    });
}

#[test]
fn a_span_carries_the_request_id_around_the_inner_service() {
    for serve in [axum as fn(), actix_web] {
        let text = logged(serve);
        // The handler's event, inside the span.
        assert!(
            text.contains("request{request_id=\"trace-span\"}: ")
                && text.contains("in the handler"),
            "{text}"
        );
        // The error's event, inside the span, which records its type.
        assert!(text.contains("error.type=\"user_not_found\""), "{text}");
    }
}

//! End to end over a real socket: an axum server on 127.0.0.1 with the request-id layer
//! (given `StytchError` for the framework's failures), and a raw HTTP/1.1 client.
#![cfg(all(feature = "axum", feature = "problem-details"))]
#![deny(warnings, missing_docs, clippy::pedantic)]

mod serving;

use std::net::SocketAddr;

use axum::extract::{DefaultBodyLimit, Extension, Form, Json, Path, Query};
use axum::response::{IntoResponse as _, Response};
use axum::routing::{get, post};
use axum::{Router, middleware};
use axum_extra::TypedHeader;
use axum_extra::headers::ContentType;
use stytch_errors::axum::{RequestIdLayer, pass_through};
use stytch_errors::{ClientIds, PassThrough};
use stytch_errors::{RequestId, StytchError};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use serving::failures::{Missing, NewUser, SECRET, SLOW, Search, TIMEOUT, panics};
use serving::meaning::{CONFLICT_BODY, LAYER_HEADERS, OWN_FAILURES, PREFIX, ServiceError, trusted};

use serving::hygiene::{GenericError, WhereError};
use serving::{AppError, db, deep, spawned_error};

/// The test app: see the routes in `serving`.
fn app() -> Router {
    Router::new()
        .route(
            "/v1/users/{user_id}",
            get(|| async { Err::<String, _>(AppError::UnauthorizedCredentials) }),
        )
        .route("/deep", get(deep))
        .route("/db", get(|| async { db() }))
        .route("/spawned", get(spawned))
        .route(
            "/generic",
            get(|| async { Err::<String, _>(GenericError::OutOfRange(7_u32)) }),
        )
        .route(
            "/where",
            get(|| async { Err::<String, _>(WhereError::Taken { name: "ada" }) }),
        )
        .route(
            "/stytch",
            get(|| async { Err::<String, _>(StytchError::UseHttps) }),
        )
        .route("/ok", get(ok))
        .nest(
            "/nested",
            Router::new()
                .route("/ok", get(ok))
                .route(
                    "/error",
                    get(|Extension(id): Extension<RequestId>| async move {
                        Err::<String, _>(serving::nested_error(&id))
                    }),
                )
                .layer(RequestIdLayer::test()),
        )
        .route(
            "/json",
            post(|Json(user): Json<NewUser>| async { user.email }),
        )
        .nest(
            "/details",
            Router::new()
                .route(
                    "/json",
                    post(|Json(user): Json<NewUser>| async { user.email }),
                )
                .layer(
                    RequestIdLayer::test()
                        .catalog::<StytchError>()
                        .rejection_details(),
                ),
        )
        .route(
            "/form",
            post(|Form(user): Form<NewUser>| async { user.email }),
        )
        .route(
            "/typed/{id}",
            get(|Path(id): Path<u32>| async move { id.to_string() }),
        )
        .route(
            "/search",
            get(|Query(search): Query<Search>| async move { search.limit.to_string() }),
        )
        .route(
            "/header",
            get(
                |TypedHeader(content_type): TypedHeader<ContentType>| async move {
                    content_type.to_string()
                },
            ),
        )
        .route(
            "/state",
            get(|Extension(_): Extension<Missing>| async { "" }),
        )
        // Caught by the layer, and by tower-http's layer.
        .route("/panic", get(panics))
        .route("/panic-caught", get(panics).layer(CatchPanicLayer::new()))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(SLOW).await;
                "late"
            }),
        )
        .route(
            "/auth",
            get(|| async { "never" }).layer(middleware::from_fn(authenticate)),
        )
        .route(
            "/throttled",
            get(|| async { "never" }).layer(middleware::from_fn(throttle)),
        )
        .layer(DefaultBodyLimit::max(1024))
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            TIMEOUT,
        ))
        .layer(RequestIdLayer::test().catalog::<StytchError>())
}

/// The second test app: see the routes in `serving::meaning`.
fn meaning_app() -> Router {
    let own = Router::new()
        .route(
            "/conflict",
            get(|| async {
                (
                    http::StatusCode::CONFLICT,
                    [("content-type", "application/json")],
                    CONFLICT_BODY,
                )
            }),
        )
        .route("/gone", get(|| async { http::StatusCode::GONE }))
        .route(
            "/own",
            get(|| async {
                (
                    http::StatusCode::CONFLICT,
                    PassThrough,
                    [("content-type", "application/json")],
                    CONFLICT_BODY,
                )
            }),
        )
        .route(
            "/legacy",
            get(|| async { (http::StatusCode::GONE, "gone") })
                .layer(middleware::map_response(pass_through)),
        )
        .route(
            "/upload",
            post(|Json(value): Json<serde_json::Value>| async move { value.to_string() }),
        )
        .route(
            "/spawned",
            get(|| async {
                tokio::spawn(async { ServiceError::Conflict.into_response() })
                    .await
                    .unwrap()
            })
            .layer(middleware::map_response(|mut response: Response| async {
                // What a compression layer does to the response it compressed.
                let headers = response.headers_mut();
                headers.insert("content-encoding", http::HeaderValue::from_static("gzip"));
                headers.insert("etag", http::HeaderValue::from_static("\"v1\""));
                response
            })),
        );
    let own = OWN_FAILURES
        .into_iter()
        .fold(own, |own, (path, status, header, body)| {
            let status = http::StatusCode::from_u16(status).unwrap();
            own.route(path, get(move || async move { (status, [header], body) }))
        });
    let own = own
        .fallback(|| async { http::StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(1024))
        .layer(middleware::map_response(|mut response: Response| async {
            for (name, value) in LAYER_HEADERS {
                response
                    .headers_mut()
                    .insert(name, http::HeaderValue::from_static(value));
            }
            response
        }));
    Router::new().nest("/m", own).layer(
        RequestIdLayer::test()
            .catalog::<ServiceError>()
            .prefix(PREFIX)
            .client_ids(ClientIds::AcceptIf(trusted)),
    )
}

/// A rate limiter's 429, with headers that stay, and a body that must not.
async fn throttle(_: axum::extract::Request, _: middleware::Next) -> Response {
    (
        http::StatusCode::TOO_MANY_REQUESTS,
        [("retry-after", "7"), ("x-limiter", "per-ip")],
        SECRET,
    )
        .into_response()
}

/// An auth middleware's 401 with its challenge.
async fn authenticate(_: axum::extract::Request, _: middleware::Next) -> Response {
    (
        http::StatusCode::UNAUTHORIZED,
        [("www-authenticate", "Bearer")],
        SECRET,
    )
        .into_response()
}

/// Renders the error in a task of its own, which does not inherit the request's scope.
async fn spawned() -> Response {
    tokio::spawn(async { spawned_error().into_response() })
        .await
        .unwrap()
}

async fn ok(axum::Extension(id): axum::Extension<RequestId>) -> String {
    assert_eq!(RequestId::current().as_ref(), Some(&id));
    id.to_string()
}

/// The server, stopped (gracefully) on drop.
struct Server {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(app: fn() -> Router) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app())
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        Self {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

serving::every_check!(Server::start(app).addr);
serving::failures::every_failure!(Server::start(app).addr, serving::Framework::Axum);
serving::meaning::every_meaning!(Server::start(meaning_app).addr);

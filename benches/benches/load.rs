//! A load test over loopback: the crate's layer against bare axum and tower-http's
//! request-id layers, and a checked run of a mixed load.
//!
//! ```sh
//! cargo bench -p stytch-errors-benches --bench load
//! ```
//!
//! Every server runs in this process on `127.0.0.1` (nothing else is reached), on a
//! runtime of its own; the client is [`CONNECTIONS`] keep-alive HTTP/1.1 connections that
//! share a request counter. The run is bounded: [`CHECKED`] requests in the checked run,
//! [`TIMED`] per timed measurement, and [`DEADLINE`] in all, after which it fails.
//!
//! 1. The checked run: [`CHECKED`] requests to the crate's layer, a quarter each of a
//!    success, a handler's error, an extractor's rejection and an unknown route. Every
//!    response's status and body are checked (the body is byte for byte the catalog error
//!    for the id in its `x-request-id`), every generated id is unique, and none is lost.
//! 2. The timed runs: the requests per second of each server on its success path and on
//!    its error path (a handler's 429), [`ROUNDS`] rounds interleaved, the median kept,
//!    and the ratios to the crate's layer.
//! 3. The safety net alone, in process (no socket, one thread): the time of a success
//!    through the router with the layer given a catalog and without, [`IN_PROCESS`]
//!    requests a round, [`ROUNDS`] rounds interleaved; what the net costs a success.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Extension, Router};
use stytch_errors::axum::RequestIdLayer;
use stytch_errors::{ApiError, StytchError};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

/// Concurrent connections.
const CONNECTIONS: usize = 32;
/// Requests in the checked run.
const CHECKED: usize = 120_000;
/// Requests in each timed measurement.
const TIMED: usize = 20_000;
/// Rounds of the timed measurements.
const ROUNDS: usize = 7;
/// Requests in each in-process round.
const IN_PROCESS: usize = 200_000;
/// The longest the whole run may take.
const DEADLINE: Duration = Duration::from_mins(10);

/// The requests of the load: a path each, and what must come back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Success,
    HandlerError,
    Rejection,
    NotFound,
}

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Success => "/ok",
            Kind::HandlerError => "/error",
            Kind::Rejection => "/users/abc",
            Kind::NotFound => "/nowhere",
        }
    }

    /// The catalog error the crate's layer answers with.
    fn error(self) -> Option<StytchError> {
        match self {
            Kind::Success => None,
            Kind::HandlerError => Some(StytchError::TooManyRequests),
            Kind::Rejection => Some(StytchError::BadRequest),
            Kind::NotFound => Some(StytchError::RouteNotFound),
        }
    }
}

/// The servers compared.
#[derive(Clone, Copy)]
enum Server {
    /// `RequestIdLayer::test().catalog::<StytchError>()`: ids, catalog errors, the safety net.
    Crate,
    /// `RequestIdLayer::test()` without a catalog: ids and catalog errors, no safety net.
    CrateWithoutNet,
    /// axum alone; the handler's error is a hand-written JSON body without an id.
    Bare,
    /// tower-http's `SetRequestIdLayer` and `PropagateRequestIdLayer`; the handler's error
    /// is a hand-written JSON body with the id.
    TowerHttp,
}

impl Server {
    fn name(self) -> &'static str {
        match self {
            Server::Crate => "the crate's layer, with the safety net",
            Server::CrateWithoutNet => "the crate's layer, without a catalog",
            Server::Bare => "bare axum, hand-written error body",
            Server::TowerHttp => "tower-http request-id layers, hand-written error body",
        }
    }

    fn app(self) -> Router {
        let users = get(|Path(id): Path<u32>| async move { id.to_string() });
        match self {
            Server::Crate | Server::CrateWithoutNet => {
                let layer = match self {
                    Server::Crate => RequestIdLayer::test().catalog::<StytchError>(),
                    _ => RequestIdLayer::test(),
                };
                Router::new()
                    .route("/ok", get(|| async { "ok" }))
                    .route(
                        "/error",
                        get(|| async { Err::<&str, _>(StytchError::TooManyRequests) }),
                    )
                    .route("/users/{id}", users)
                    .layer(layer)
            }
            Server::Bare => Router::new()
                .route("/ok", get(|| async { "ok" }))
                .route("/error", get(|| async { hand_written(None) }))
                .route("/users/{id}", users),
            Server::TowerHttp => Router::new()
                .route("/ok", get(|| async { "ok" }))
                .route(
                    "/error",
                    get(
                        |Extension(id): Extension<tower_http::request_id::RequestId>| async move {
                            hand_written(id.header_value().to_str().ok())
                        },
                    ),
                )
                .route("/users/{id}", users)
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid)),
        }
    }
}

/// A 429 as a developer writes it by hand: the same bytes as the catalog's, formatted.
fn hand_written(request_id: Option<&str>) -> axum::response::Response {
    let body = format!(
        r#"{{"status_code":429,"request_id":"{}","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}}"#,
        request_id.unwrap_or_default()
    );
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// Starts `server` on a runtime of its own; the address it listens on.
fn start(server: Server) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, server.app()).await.unwrap();
        });
    });
    addr
}

/// One response off a connection.
struct Response {
    status: u16,
    request_id: Option<String>,
    body: Vec<u8>,
}

/// A keep-alive HTTP/1.1 connection.
struct Connection {
    stream: tokio::net::TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    async fn open(addr: SocketAddr) -> Self {
        let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream,
            buffer: Vec::with_capacity(4096),
        }
    }

    async fn get(&mut self, path: &str) -> Response {
        let request = format!("GET {path} HTTP/1.1\r\nHost: load\r\n\r\n");
        self.stream.write_all(request.as_bytes()).await.unwrap();
        loop {
            let mut headers = [httparse::EMPTY_HEADER; 16];
            let mut parsed = httparse::Response::new(&mut headers);
            if let httparse::Status::Complete(head) = parsed.parse(&self.buffer).unwrap() {
                let mut length = 0;
                let mut request_id = None;
                for h in parsed.headers.iter() {
                    if h.name.eq_ignore_ascii_case("content-length") {
                        length = std::str::from_utf8(h.value).unwrap().parse().unwrap();
                    } else if h.name.eq_ignore_ascii_case("x-request-id") {
                        request_id = Some(String::from_utf8(h.value.to_vec()).unwrap());
                    }
                }
                let status = parsed.code.unwrap();
                if self.buffer.len() >= head + length {
                    let body = self.buffer[head..head + length].to_vec();
                    self.buffer.drain(..head + length);
                    return Response {
                        status,
                        request_id,
                        body,
                    };
                }
            }
            let mut chunk = [0_u8; 4096];
            let read = self.stream.read(&mut chunk).await.unwrap();
            assert!(read > 0, "the server closed the connection");
            self.buffer.extend_from_slice(&chunk[..read]);
        }
    }
}

/// Sends `count` requests over [`CONNECTIONS`] connections, the `i`-th of kind
/// `kinds[i % kinds.len()]`; checks each response with `check` and returns the seconds it
/// took and the ids seen.
async fn load(
    addr: SocketAddr,
    kinds: &'static [Kind],
    count: usize,
    check: fn(Kind, &Response),
) -> (f64, Vec<String>) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONNECTIONS {
        let next = Arc::clone(&next);
        workers.push(tokio::spawn(async move {
            let mut connection = Connection::open(addr).await;
            let mut ids = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    return ids;
                }
                let kind = kinds[i % kinds.len()];
                let response = connection.get(kind.path()).await;
                check(kind, &response);
                ids.extend(response.request_id);
            }
        }));
    }
    let mut ids = Vec::with_capacity(count);
    for worker in workers {
        ids.extend(worker.await.unwrap());
    }
    (started.elapsed().as_secs_f64(), ids)
}

/// The crate's answer: a success, or the catalog error for the id in the header.
fn check_catalog(kind: Kind, response: &Response) {
    let id = response.request_id.as_deref().expect("an x-request-id");
    match kind.error() {
        None => {
            assert_eq!(response.status, 200);
            assert_eq!(response.body, b"ok");
        }
        Some(error) => {
            assert_eq!(response.status, error.status_code());
            assert_eq!(response.body, error.to_json(id).as_bytes());
        }
    }
}

/// Any server's answer: the status only.
fn check_status(kind: Kind, response: &Response) {
    let expected = if kind == Kind::Success { 200 } else { 429 };
    assert_eq!(response.status, expected);
}

/// The nanoseconds a success takes through the router of `server`, in process, per request.
async fn success_in_process(router: &mut Router) -> f64 {
    use tower::Service as _;
    let started = Instant::now();
    for _ in 0..IN_PROCESS {
        let request = axum::http::Request::get("/ok")
            .body(axum::body::Body::empty())
            .unwrap();
        let response = std::future::poll_fn(|cx| {
            tower::Service::<axum::http::Request<axum::body::Body>>::poll_ready(router, cx)
        })
        .await
        .and(Ok(router.call(request)))
        .unwrap()
        .await
        .unwrap();
        assert_eq!(response.status(), 200);
        std::hint::black_box(response);
    }
    started.elapsed().as_secs_f64() * 1e9 / float(IN_PROCESS)
}

/// Phase 3: the safety net's cost on a success, without the socket's noise.
fn in_process() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut with = Server::Crate.app();
        let mut without = Server::CrateWithoutNet.app();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            a.push(success_in_process(&mut with).await);
            b.push(success_in_process(&mut without).await);
        }
        let (a, b) = (median(a), median(b));
        println!(
            "\nin process, a success ({IN_PROCESS} requests x {ROUNDS} rounds, median): with the safety net {a:.0} ns, without {b:.0} ns: the net costs {:+.1}%",
            (a / b - 1.0) * 100.0
        );
    });
}

/// A count as a float, for rates: the counts here are far below 2^52.
#[allow(clippy::cast_precision_loss)]
fn float(count: usize) -> f64 {
    count as f64
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing to act on.
    if std::env::args().any(|arg| arg == "--list") {
        return;
    }
    let started = Instant::now();
    let client = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let servers = [
        Server::Crate,
        Server::CrateWithoutNet,
        Server::Bare,
        Server::TowerHttp,
    ];
    let addrs: Vec<SocketAddr> = servers.iter().map(|&server| start(server)).collect();
    client.block_on(async {
        let mixed: &'static [Kind] = &[
            Kind::Success,
            Kind::HandlerError,
            Kind::Rejection,
            Kind::NotFound,
        ];
        let (seconds, ids) = load(addrs[0], mixed, CHECKED, check_catalog).await;
        assert_eq!(ids.len(), CHECKED, "responses lost");
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), CHECKED, "request ids repeated");
        println!(
            "checked run: {CHECKED} requests (success, handler error, rejection, unknown route) over {CONNECTIONS} connections in {seconds:.2} s ({:.0} requests/s): every body checked, {} unique ids, none lost",
            float(CHECKED) / seconds,
            unique.len()
        );

        for (path, kinds) in [
            ("success", &[Kind::Success] as &'static [Kind]),
            ("error", &[Kind::HandlerError]),
        ] {
            let mut rates = vec![Vec::new(); servers.len()];
            for _ in 0..ROUNDS {
                for (i, &addr) in addrs.iter().enumerate() {
                    let check = if i < 2 { check_catalog } else { check_status };
                    let (seconds, _) = load(addr, kinds, TIMED, check).await;
                    rates[i].push(float(TIMED) / seconds);
                    assert!(started.elapsed() < DEADLINE, "over the deadline");
                }
            }
            let spread: Vec<(f64, f64)> = rates
                .iter()
                .map(|r| (r.iter().copied().fold(f64::MAX, f64::min), r.iter().copied().fold(0.0, f64::max)))
                .collect();
            let rates: Vec<f64> = rates.into_iter().map(median).collect();
            println!("\n{path} path ({TIMED} requests x {ROUNDS} rounds, median, min-max):");
            for ((server, rate), (low, high)) in servers.iter().zip(&rates).zip(&spread) {
                println!(
                    "  {:<56} {:>7.0} requests/s ({low:.0}-{high:.0})  {:.3}x the crate's",
                    server.name(),
                    rate,
                    rate / rates[0]
                );
            }
        }
    });
    in_process();
    println!("\ntotal: {:.1} s", started.elapsed().as_secs_f64());
}

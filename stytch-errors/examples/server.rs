//! A server that answers a few of Stytch's endpoints with Stytch's errors, byte for byte, so
//! that Stytch's own client SDKs can talk to it.
//!
//! ```sh
//! PORT=3000 cargo run -p stytch-errors --example server --features axum,tracing
//! ```
//!
//! | request | answer |
//! |---|---|
//! | `GET /v1/users/{user_id}`, `GET /v1/b2b/organizations/{organization_id}` without the project's Basic credentials | 401 `unauthorized_credentials` |
//! | `POST /v1/magic_links/authenticate` with a token other than `valid-token` | 401 `unable_to_auth_magic_link` |
//! | `POST /v1/magic_links/authenticate` with a body that is not JSON | 400 `bad_request` |
//! | more than 5 `POST /v1/magic_links/email/send` a second from one client | 429 `too_many_requests` |
//! | any request with `x-forwarded-proto: http` | 403 `use_https` |
//! | `POST /v1/sessions/authenticate` with the project's credentials | 500 `internal_server_error` (the session store fails; the log says why, the response does not) |
//!
//! Every error response is logged by the `tracing` feature, when it is rendered: server
//! errors at `ERROR` with the text of their source chain, client errors at `DEBUG` (shown
//! here too, as an access log would show them), each in the span of its request.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::{Value, json};
use stytch_errors::axum::RequestIdLayer;
use stytch_errors::{ApiError, RequestId, StytchError};

/// The project whose credentials the server accepts.
const PROJECT_ID: &str = "project-test-11111111-1111-1111-1111-111111111111";
/// The project's secret.
const SECRET: &str = "secret-test-example";
/// The magic link token that authenticates.
const VALID_TOKEN: &str = "valid-token";
/// How many `magic_links/email/send` requests a client may make in [`RATE_WINDOW`].
const RATE_LIMIT: usize = 5;
/// The window of [`RATE_LIMIT`].
const RATE_WINDOW: Duration = Duration::from_secs(1);

/// The errors of the sessions endpoint: a catalog of the service's own, whose `Display`
/// (for the log) says more than the body (for the client).
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors",
    display = false
)]
enum SessionsError {
    /// The session store failed.
    #[error("session store failed: {0}")]
    #[api_error(
        status = 500,
        error_type = "internal_server_error",
        message = "Oops, something seems to have gone wrong. If this issue persists, please reach out to support."
    )]
    Store(#[from] StoreError),
}

/// A failure of the session store.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct StoreError(String);

/// What the handlers share: the recent `magic_links/email/send` requests of each client.
#[derive(Clone, Default)]
struct AppState {
    sends: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
}

/// The routes, behind the checks, inside the request-id layer.
fn app() -> Router {
    let state = AppState::default();
    let authenticated = Router::new()
        .route("/v1/users/{user_id}", get(get_user))
        .route(
            "/v1/b2b/organizations/{organization_id}",
            get(get_organization),
        )
        .route("/v1/sessions/authenticate", post(authenticate_session))
        .route_layer(middleware::from_fn(require_credentials));
    let rate_limited = Router::new()
        .route("/v1/magic_links/email/send", post(send_magic_link))
        .route_layer(middleware::from_fn_with_state(state.clone(), rate_limit));
    Router::new()
        .merge(authenticated)
        .merge(rate_limited)
        .route(
            "/v1/magic_links/authenticate",
            post(authenticate_magic_link),
        )
        .layer(middleware::from_fn(require_https))
        .layer(middleware::from_fn(request_span))
        .layer(RequestIdLayer::test())
        .with_state(state)
}

/// 403 `use_https` for a request that reached the proxy in front over plain HTTP.
async fn require_https(request: Request, next: Next) -> Result<Response, StytchError> {
    let forwarded_proto = request.headers().get("x-forwarded-proto");
    if forwarded_proto.is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"http")) {
        return Err(StytchError::UseHttps);
    }
    Ok(next.run(request).await)
}

/// 401 `unauthorized_credentials` unless the request carries the project's Basic
/// credentials.
async fn require_credentials(request: Request, next: Next) -> Result<Response, StytchError> {
    if basic_credentials(request.headers()) == Some((PROJECT_ID.into(), SECRET.into())) {
        Ok(next.run(request).await)
    } else {
        Err(StytchError::UnauthorizedCredentials)
    }
}

/// The user and password of an `Authorization: Basic …` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = BASE64.decode(encoded.trim()).ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.into(), password.into()))
}

/// 429 `too_many_requests` past [`RATE_LIMIT`] requests in [`RATE_WINDOW`] from one client.
async fn rate_limit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Result<Response, StytchError> {
    {
        let mut sends = state.sends.lock().unwrap_or_else(PoisonError::into_inner);
        let recent = sends.entry(peer.ip()).or_default();
        let now = Instant::now();
        while recent
            .front()
            .is_some_and(|&at| now.duration_since(at) >= RATE_WINDOW)
        {
            recent.pop_front();
        }
        if recent.len() >= RATE_LIMIT {
            return Err(StytchError::TooManyRequests);
        }
        recent.push_back(now);
    }
    Ok(next.run(request).await)
}

/// Runs each request in a span of its own, in which an error response's event is logged
/// and its `error.type` recorded.
async fn request_span(request: Request, next: Next) -> Response {
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        path = request.uri().path(),
        error.type = tracing::field::Empty,
    );
    tracing::Instrument::instrument(next.run(request), span).await
}

/// `GET /v1/users/{user_id}`.
async fn get_user(Path(user_id): Path<String>, Extension(id): Extension<RequestId>) -> Json<Value> {
    Json(json!({
        "status_code": 200,
        "request_id": id.as_str(),
        "user_id": user_id,
        "status": "active",
    }))
}

/// `GET /v1/b2b/organizations/{organization_id}`.
async fn get_organization(
    Path(organization_id): Path<String>,
    Extension(id): Extension<RequestId>,
) -> Json<Value> {
    Json(json!({
        "status_code": 200,
        "request_id": id.as_str(),
        "organization": { "organization_id": organization_id },
    }))
}

/// The body of `POST /v1/magic_links/authenticate`.
#[derive(Deserialize)]
struct AuthenticateMagicLink {
    token: String,
}

/// `POST /v1/magic_links/authenticate`: only `valid-token` authenticates.
async fn authenticate_magic_link(
    Extension(id): Extension<RequestId>,
    body: Bytes,
) -> Result<Json<Value>, StytchError> {
    let request: AuthenticateMagicLink =
        serde_json::from_slice(&body).map_err(|_| StytchError::BadRequest)?;
    if request.token != VALID_TOKEN {
        return Err(StytchError::UnableToAuthMagicLink);
    }
    Ok(Json(json!({
        "status_code": 200,
        "request_id": id.as_str(),
        "user_id": "user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6",
        "method_id": "email-test-81bf03a8-86e1-4d95-bd44-bb3495224953",
    })))
}

/// `POST /v1/magic_links/email/send`.
async fn send_magic_link(Extension(id): Extension<RequestId>) -> Json<Value> {
    Json(json!({
        "status_code": 200,
        "request_id": id.as_str(),
        "user_id": "user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6",
        "email_id": "email-test-81bf03a8-86e1-4d95-bd44-bb3495224953",
    }))
}

/// `POST /v1/sessions/authenticate`: the session store is down.
async fn authenticate_session(
    Extension(id): Extension<RequestId>,
) -> Result<Json<Value>, SessionsError> {
    let session = load_session()?;
    Ok(Json(json!({
        "status_code": 200,
        "request_id": id.as_str(),
        "session": session,
    })))
}

/// The session store, which fails.
fn load_session() -> Result<Value, StoreError> {
    Err(StoreError(
        "connection refused: postgres://app:hunter2@db/prod".into(),
    ))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(std::io::stderr)
        .init();
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .parse::<u16>()
            .map_err(|error| std::io::Error::other(format!("PORT={port}: {error}")))?,
        Err(_) => 3000,
    };
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(
        listener,
        app().into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

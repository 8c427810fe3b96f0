//! A server that answers a few of Stytch's endpoints with Stytch's errors, byte for byte, so
//! that Stytch's own client SDKs can talk to it; `server-actix.rs` is its actix-web twin.
//!
//! ```sh
//! PORT=3000 cargo run -p stytch-errors --example server --features axum,tracing
//! ```
//!
//! | request | answer |
//! |---|---|
//! | `GET /v1/users/{user_id}`, `GET /v1/b2b/organizations/{organization_id}` without the project's Basic credentials | 401 `unauthorized_credentials` |
//! | `POST /v1/magic_links/authenticate` with a token other than `valid-token` | 401 `unable_to_auth_magic_link` |
//! | `POST /v1/magic_links/authenticate` with a body that is not the JSON it takes | 400 `bad_request` (axum's rejection, answered by the layer) |
//! | more than 5 `POST /v1/magic_links/email/send` a second from one client | 429 `too_many_requests` |
//! | any request with `x-forwarded-proto: http` | 403 `use_https` |
//! | `POST /v1/sessions/authenticate` with the project's credentials | 500 `internal_server_error` (the session store fails; the log says why, the response does not) |
//! | an unknown route; a known one with another method | 404 `route_not_found`; 405 `method_not_allowed`, with `Allow` |
//!
//! With `--features axum,problem-details`, a client whose `Accept` asks for
//! `application/problem+json` gets every error, the framework's own included, as problem
//! details.
//!
//! What a client sees:
//!
//! ```console
//! $ curl -i http://127.0.0.1:3000/v1/users/user-test-1
//! HTTP/1.1 401 Unauthorized
//! content-type: application/json
//! x-request-id: request-id-test-4d8a2192-4ea4-45c7-9b76-3397e1a29d46
//! content-length: 253
//! date: Sat, 21 Nov 2026 20:38:13 GMT
//!
//! {"status_code":401,"request_id":"request-id-test-4d8a2192-4ea4-45c7-9b76-3397e1a29d46","error_type":"unauthorized_credentials","error_message":"Unauthorized credentials.","error_url":"https://stytch.com/docs/b2b/api/errors/401#unauthorized_credentials"}
//!
//! $ curl -i -H 'x-forwarded-proto: http' -H 'x-request-id: trace-1' http://127.0.0.1:3000/v1/users/u
//! HTTP/1.1 403 Forbidden
//! content-type: application/json
//! x-request-id: trace-1
//! content-length: 205
//! date: Sat, 21 Nov 2026 20:38:13 GMT
//!
//! {"status_code":403,"request_id":"trace-1","error_type":"use_https","error_message":"Please use https instead of http.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/403#use_https"}
//! ```
//!
//! Every error response is logged by the `tracing` feature, when it is rendered: server
//! errors at `ERROR` with the text of their source chain, client errors at `DEBUG` (shown
//! here too, as an access log would show them), each in the span of its request.

#[path = "common/mod.rs"]
mod common;

use std::net::{Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde_json::Value;
use stytch_errors::axum::RequestIdLayer;
use stytch_errors::{RequestId, StytchError};
use tower_http::timeout::TimeoutLayer;

use common::{AuthenticateMagicLink, RateLimit, SessionsError};

/// The routes, behind the checks, inside the request-id layer, which answers every failure
/// (a rejection, an unknown route, a wrong method, a panic, a timeout) with `StytchError`.
fn app() -> Router {
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
        .route_layer(middleware::from_fn_with_state(
            RateLimit::default(),
            rate_limit,
        ));
    Router::new()
        .merge(authenticated)
        .merge(rate_limited)
        .route(
            "/v1/magic_links/authenticate",
            post(authenticate_magic_link),
        )
        .layer(middleware::from_fn(require_https))
        .layer(DefaultBodyLimit::max(common::BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            common::TIMEOUT,
        ))
        .layer(RequestIdLayer::test().catalog::<StytchError>())
        .layer(middleware::from_fn(request_span))
}

/// 403 `use_https` for a request that reached the proxy in front over plain HTTP.
async fn require_https(request: Request, next: Next) -> Result<Response, StytchError> {
    let forwarded_proto = request.headers().get("x-forwarded-proto");
    if common::over_plain_http(forwarded_proto.map(HeaderValue::as_bytes)) {
        return Err(StytchError::UseHttps);
    }
    Ok(next.run(request).await)
}

/// 401 `unauthorized_credentials` unless the request carries the project's Basic
/// credentials.
async fn require_credentials(request: Request, next: Next) -> Result<Response, StytchError> {
    let authorization = request.headers().get(header::AUTHORIZATION);
    if common::is_the_project(authorization.map(HeaderValue::as_bytes)) {
        Ok(next.run(request).await)
    } else {
        Err(StytchError::UnauthorizedCredentials)
    }
}

/// 429 `too_many_requests` past the rate limit.
async fn rate_limit(
    State(limit): State<RateLimit>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Result<Response, StytchError> {
    if !limit.allow(peer.ip()) {
        return Err(StytchError::TooManyRequests);
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
    Json(common::user(id.as_str(), &user_id))
}

/// `GET /v1/b2b/organizations/{organization_id}`.
async fn get_organization(
    Path(organization_id): Path<String>,
    Extension(id): Extension<RequestId>,
) -> Json<Value> {
    Json(common::organization(id.as_str(), &organization_id))
}

/// `POST /v1/magic_links/authenticate`: only `valid-token` authenticates. A body that is
/// not `{"token": …}` is axum's rejection, which the layer answers with `bad_request`.
async fn authenticate_magic_link(
    Extension(id): Extension<RequestId>,
    Json(request): Json<AuthenticateMagicLink>,
) -> Result<Json<Value>, StytchError> {
    if request.token != common::VALID_TOKEN {
        return Err(StytchError::UnableToAuthMagicLink);
    }
    Ok(Json(common::magic_link_authenticated(id.as_str())))
}

/// `POST /v1/magic_links/email/send`.
async fn send_magic_link(Extension(id): Extension<RequestId>) -> Json<Value> {
    Json(common::magic_link_sent(id.as_str()))
}

/// `POST /v1/sessions/authenticate`: the session store is down.
async fn authenticate_session(
    Extension(id): Extension<RequestId>,
) -> Result<Json<Value>, SessionsError> {
    let session = common::load_session()?;
    Ok(Json(common::session(id.as_str(), &session)))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(std::io::stderr)
        .init();
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, common::port()?)).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(
        listener,
        app().into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

//! What the example servers (`server.rs`, axum; `server-actix.rs`, actix-web) share: the
//! project's credentials, the rate limit, the failing session store, and the bodies of the
//! successful answers. Each server keeps only its framework's routes and middleware.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::{Value, json};
use stytch_errors::ApiError;

/// The project whose credentials the server accepts.
const PROJECT_ID: &str = "project-test-11111111-1111-1111-1111-111111111111";
/// The project's secret.
const SECRET: &str = "secret-test-example";
/// The magic link token that authenticates.
pub const VALID_TOKEN: &str = "valid-token";
/// How many `magic_links/email/send` requests a client may make in [`RATE_WINDOW`].
const RATE_LIMIT: usize = 5;
/// The window of [`RATE_LIMIT`].
const RATE_WINDOW: Duration = Duration::from_secs(1);
/// How long a request may take before the server gives up on it.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request body the server reads.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The errors of the sessions endpoint: a catalog of the service's own, whose `Display`
/// (for the log) says more than the body (for the client).
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors",
    display = false
)]
pub enum SessionsError {
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
pub struct StoreError(String);

/// The session store, which fails.
pub fn load_session() -> Result<Value, StoreError> {
    Err(StoreError(
        "connection refused: postgres://app:hunter2@db/prod".into(),
    ))
}

/// Whether an `Authorization` header holds the project's Basic credentials.
pub fn is_the_project(authorization: Option<&[u8]>) -> bool {
    let credentials = || {
        let value = std::str::from_utf8(authorization?).ok()?;
        let (scheme, encoded) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("basic") {
            return None;
        }
        let decoded = String::from_utf8(BASE64.decode(encoded.trim()).ok()?).ok()?;
        let (user, password) = decoded.split_once(':')?;
        Some(user == PROJECT_ID && password == SECRET)
    };
    credentials().unwrap_or(false)
}

/// Whether the proxy in front received the request over plain HTTP.
pub fn over_plain_http(forwarded_proto: Option<&[u8]>) -> bool {
    forwarded_proto.is_some_and(|proto| proto.eq_ignore_ascii_case(b"http"))
}

/// The recent `magic_links/email/send` requests of each client.
#[derive(Clone, Default)]
pub struct RateLimit {
    sends: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
}

impl RateLimit {
    /// Whether `client` may send now: at most [`RATE_LIMIT`] in [`RATE_WINDOW`].
    pub fn allow(&self, client: IpAddr) -> bool {
        let mut sends = self.sends.lock().unwrap_or_else(PoisonError::into_inner);
        let recent = sends.entry(client).or_default();
        let now = Instant::now();
        while recent
            .front()
            .is_some_and(|&at| now.duration_since(at) >= RATE_WINDOW)
        {
            recent.pop_front();
        }
        if recent.len() >= RATE_LIMIT {
            return false;
        }
        recent.push_back(now);
        true
    }
}

/// The body of `POST /v1/magic_links/authenticate`.
#[derive(Deserialize)]
pub struct AuthenticateMagicLink {
    /// The token of the link.
    pub token: String,
}

/// The answer of `GET /v1/users/{user_id}`.
pub fn user(request_id: &str, user_id: &str) -> Value {
    json!({ "status_code": 200, "request_id": request_id, "user_id": user_id, "status": "active" })
}

/// The answer of `GET /v1/b2b/organizations/{organization_id}`.
pub fn organization(request_id: &str, organization_id: &str) -> Value {
    json!({
        "status_code": 200,
        "request_id": request_id,
        "organization": { "organization_id": organization_id },
    })
}

/// The answer of an authenticated magic link.
pub fn magic_link_authenticated(request_id: &str) -> Value {
    json!({
        "status_code": 200,
        "request_id": request_id,
        "user_id": "user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6",
        "method_id": "email-test-81bf03a8-86e1-4d95-bd44-bb3495224953",
    })
}

/// The answer of `POST /v1/magic_links/email/send`.
pub fn magic_link_sent(request_id: &str) -> Value {
    json!({
        "status_code": 200,
        "request_id": request_id,
        "user_id": "user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6",
        "email_id": "email-test-81bf03a8-86e1-4d95-bd44-bb3495224953",
    })
}

/// The answer of an authenticated session.
pub fn session(request_id: &str, session: &Value) -> Value {
    json!({ "status_code": 200, "request_id": request_id, "session": session })
}

/// The port to listen on: `PORT`, 3000 by default.
pub fn port() -> std::io::Result<u16> {
    match std::env::var("PORT") {
        Ok(port) => port
            .parse::<u16>()
            .map_err(|error| std::io::Error::other(format!("PORT={port}: {error}"))),
        Err(_) => Ok(3000),
    }
}

/// The access log's line for an error response: what a service's log would show.
pub fn log_error(method: &str, path: &str, error: &stytch_errors::RenderedError) {
    eprintln!(
        "{method} {path} -> {} {} ({})",
        error.info().status_code,
        error.info().error_type,
        error.request_id(),
    );
}

//! Prints the `OpenAPI` document of a small axum service whose handlers fail with catalog
//! errors:
//!
//! ```sh
//! cargo run --example openapi --features utoipa,axum
//! ```
//!
//! `responses(AppError)` in each `#[utoipa::path]` documents every error of the catalog: one
//! response per status code, one named example per `error_type`, each the error's exact body.
//! `utoipa_axum`'s router registers the handlers with axum and their operations in the
//! document at once, so the document describes the router that serves.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use stytch_errors::ApiError;
use utoipa::openapi::OpenApi as Document;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The service's error catalog.
#[derive(Debug, PartialEq, Eq, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
pub enum AppError {
    /// The request could not be understood.
    #[api_error(status = 400, message = "The request is malformed.")]
    BadRequest,
    /// A token was expected and none was given.
    #[api_error(status = 400, message = "The token is missing.")]
    #[api_error(fix = "Send the token from the magic link's URL.")]
    MissingToken,
    /// The credentials of the request are not valid for this project.
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    /// The magic link is expired, already used, or was never issued.
    #[api_error(
        status = 401,
        message = "The magic link could not be authenticated because it was either already used or expired."
    )]
    #[api_error(cause = "The link was clicked twice.", fix = "Send a new magic link.")]
    UnableToAuthMagicLink,
    /// No session has this token.
    #[api_error(status = 404, message = "Session could not be found.")]
    SessionNotFound,
    /// The caller sent too many requests.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    /// Something failed on the server's side.
    #[api_error(status = 500, message = "Oops, something seems to have gone wrong.")]
    InternalServerError,
}

/// A magic link's token, to trade for a session.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AuthenticateRequest {
    /// The token from the magic link's URL.
    pub token: String,
}

/// A session.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    /// The session's token.
    pub session_token: String,
}

/// An error on its way to the client: its status and its JSON body, with a fresh request id.
pub struct Failure(pub AppError);

impl From<AppError> for Failure {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        static REQUESTS: AtomicU64 = AtomicU64::new(0);
        let request_id = format!(
            "request-id-example-{}",
            REQUESTS.fetch_add(1, Ordering::Relaxed)
        );
        (
            self.0.status(),
            [(header::CONTENT_TYPE, "application/json")],
            self.0.to_json(&request_id),
        )
            .into_response()
    }
}

/// Trades a magic link's token for a session.
#[utoipa::path(
    post,
    path = "/v1/magic_links/authenticate",
    request_body = AuthenticateRequest,
    responses((status = 200, description = "The session the link opened.", body = Session), AppError),
)]
async fn authenticate(Json(request): Json<AuthenticateRequest>) -> Result<Json<Session>, Failure> {
    match request.token.as_str() {
        "" => Err(AppError::MissingToken.into()),
        "used" => Err(AppError::UnableToAuthMagicLink.into()),
        token => Ok(Json(Session {
            session_token: format!("session-{token}"),
        })),
    }
}

/// Reads a session.
#[utoipa::path(
    get,
    path = "/v1/sessions/{session_token}",
    params(("session_token" = String, Path, description = "The session's token.")),
    responses((status = 200, description = "The session.", body = Session), AppError),
)]
async fn get_session(Path(session_token): Path<String>) -> Result<Json<Session>, Failure> {
    if session_token.starts_with("session-") {
        Ok(Json(Session { session_token }))
    } else {
        Err(AppError::SessionNotFound.into())
    }
}

/// The document's header.
#[derive(OpenApi)]
#[openapi(info(
    title = "Sessions",
    version = "1.0.0",
    description = "Magic links and sessions."
))]
struct ApiDoc;

/// The service: its axum router and its `OpenAPI` document.
pub fn service() -> (axum::Router, Document) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(authenticate))
        .routes(routes!(get_session))
        .split_for_parts()
}

fn main() -> Result<(), serde_json::Error> {
    let (_router, document) = service();
    println!("{}", document.to_pretty_json()?);
    Ok(())
}

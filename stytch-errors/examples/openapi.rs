//! Prints the `OpenAPI` document of a small axum service whose handlers fail with catalog
//! errors:
//!
//! ```sh
//! cargo run --example openapi --features utoipa,axum
//! ```
//!
//! Each handler returns its own subset of Stytch's catalog (`#[api_error(subset_of =
//! "StytchError")]`): the errors it may return, checked by the compiler. `responses(…)` in
//! its `#[utoipa::path]` names that subset, so each operation documents exactly those
//! errors, not the whole catalog: one response per status code, one named example per `error_type`,
//! each the error's exact body.
//! `POST /v1/users` has an error of its own, whose `error_details` lists the invalid fields
//! (`#[api_error(details)]`): its schema and example come from the field's `ToSchema`.
//! With the `axum` feature, every catalog, subsets included, is an `IntoResponse`.
//! `utoipa_axum`'s router registers the handlers with axum and their operations in the
//! document at once, so the document describes the router that serves.
//! The request-id layer, given the catalog, answers every failure the framework makes itself
//! (a malformed body, an unmatched route, a wrong method, a panic) with the catalog's error
//! for it; `stytch_errors::openapi::add_service_errors` registers the shared components (one
//! response and one schema per status, each example once) and documents those responses on
//! every operation.
//!
//! With `serve` as its argument it serves that router on `PORT` (default 3000) instead:
//!
//! ```sh
//! PORT=3000 cargo run --example openapi --features utoipa,axum -- serve
//! ```

use axum::Json;
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use stytch_errors::axum::RequestIdLayer;
use stytch_errors::{ApiError, StytchError};
use utoipa::openapi::OpenApi as Document;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The errors of `POST /v1/magic_links/authenticate`: each is Stytch's error of its name.
#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
#[api_error(subset_of = "StytchError")]
pub enum AuthenticateError {
    /// The request had no token.
    BadRequest,
    /// The token was used, expired, or never issued.
    UnableToAuthMagicLink,
    /// Too many attempts.
    TooManyRequests,
}

/// The errors of `GET /v1/sessions/{session_token}`.
#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
#[api_error(subset_of = "StytchError")]
pub enum GetSessionError {
    /// The token is no session's.
    UnauthorizedCredentials,
    /// Too many attempts.
    TooManyRequests,
}

/// The errors of `POST /v1/users`: the service's own, not Stytch's.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/docs/errors")]
#[non_exhaustive]
pub enum CreateUserError {
    /// Some fields of the request are invalid: `error_details.invalid_fields` says which.
    #[api_error(status = 400, message = "{count} fields of the request are invalid.")]
    InvalidFields {
        /// How many fields are invalid.
        count: usize,
        /// Each invalid field and why.
        #[api_error(details)]
        invalid_fields: Vec<InvalidField>,
    },
}

/// One invalid field of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvalidField {
    /// The field's name.
    pub field: String,
    /// What is wrong with it.
    pub reason: String,
}

/// A user to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateUserRequest {
    /// An email address.
    pub email: String,
    /// A name, not empty.
    pub name: String,
}

/// A user.
#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    /// The user's id.
    pub user_id: String,
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

/// Trades a magic link's token for a session.
#[utoipa::path(
    post,
    path = "/v1/magic_links/authenticate",
    request_body = AuthenticateRequest,
    responses((status = 200, description = "The session the link opened.", body = Session), AuthenticateError),
)]
async fn authenticate(
    Json(request): Json<AuthenticateRequest>,
) -> Result<Json<Session>, AuthenticateError> {
    match request.token.as_str() {
        "" => Err(AuthenticateError::BadRequest),
        "used" => Err(AuthenticateError::UnableToAuthMagicLink),
        "again" => Err(AuthenticateError::TooManyRequests),
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
    responses((status = 200, description = "The session.", body = Session), GetSessionError),
)]
async fn get_session(Path(session_token): Path<String>) -> Result<Json<Session>, GetSessionError> {
    if session_token.starts_with("session-") {
        Ok(Json(Session { session_token }))
    } else {
        Err(GetSessionError::UnauthorizedCredentials)
    }
}

/// Creates a user, after checking every field of the request.
#[utoipa::path(
    post,
    path = "/v1/users",
    request_body = CreateUserRequest,
    responses((status = 200, description = "The user created.", body = User), CreateUserError),
)]
async fn create_user(
    Json(request): Json<CreateUserRequest>,
) -> Result<Json<User>, CreateUserError> {
    let mut invalid_fields = Vec::new();
    if !request.email.contains('@') {
        invalid_fields.push(InvalidField {
            field: "email".into(),
            reason: "not an email address".into(),
        });
    }
    if request.name.is_empty() {
        invalid_fields.push(InvalidField {
            field: "name".into(),
            reason: "empty".into(),
        });
    }
    if invalid_fields.is_empty() {
        Ok(Json(User {
            user_id: format!("user-test-{}", request.name),
        }))
    } else {
        Err(CreateUserError::InvalidFields {
            count: invalid_fields.len(),
            invalid_fields,
        })
    }
}

/// The document's header.
#[derive(OpenApi)]
#[openapi(info(
    title = "Sessions",
    version = "1.0.0",
    description = "Magic links, sessions and users."
))]
struct ApiDoc;

/// The service: its axum router and its `OpenAPI` document.
pub fn service() -> (axum::Router, Document) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(authenticate))
        .routes(routes!(get_session))
        .routes(routes!(create_user))
        .split_for_parts();
    stytch_errors::openapi::add_components::<AuthenticateError>(&mut document);
    stytch_errors::openapi::add_components::<GetSessionError>(&mut document);
    stytch_errors::openapi::add_components::<CreateUserError>(&mut document);
    stytch_errors::openapi::add_service_errors::<StytchError>(&mut document);
    (
        router.layer(RequestIdLayer::test().catalog::<StytchError>()),
        document,
    )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write as _;

    let (router, document) = service();
    if std::env::args().nth(1).as_deref() == Some("serve") {
        let port: u16 = std::env::var("PORT").map_or(Ok(3000), |port| port.parse())?;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        eprintln!("listening on http://{}", listener.local_addr()?);
        return Ok(axum::serve(listener, router).await?);
    }
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", document.to_pretty_json()?) {
        // A reader that stops early (`| head`) is not a failure.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

//! The actix-web twin of `server.rs`: the same endpoints, answers and `PORT` variable.
//!
//! ```sh
//! PORT=3000 cargo run -p stytch-errors --example server-actix --features actix-web
//! ```
//!
//! See `server.rs` for the table of answers. With `--features actix-web,problem-details`, a
//! client whose `Accept` asks for `application/problem+json` gets every error, the
//! framework's own included, as problem details.

#[path = "common/mod.rs"]
mod common;

use std::net::Ipv4Addr;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, Error, HttpResponse, HttpServer, web};
use stytch_errors::actix_web::RequestIdMiddleware;
use stytch_errors::{RenderedError, RequestId, StytchError};

use common::{AuthenticateMagicLink, RateLimit, SessionsError};

/// 403 `use_https` for a request that reached the proxy in front over plain HTTP.
async fn require_https(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let forwarded_proto = request.headers().get("x-forwarded-proto");
    if common::over_plain_http(forwarded_proto.map(header::HeaderValue::as_bytes)) {
        return Err(StytchError::UseHttps.into());
    }
    next.call(request).await
}

/// 401 `unauthorized_credentials` unless the request carries the project's Basic
/// credentials.
async fn require_credentials(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let authorization = request.headers().get(header::AUTHORIZATION);
    if !common::is_the_project(authorization.map(header::HeaderValue::as_bytes)) {
        return Err(StytchError::UnauthorizedCredentials.into());
    }
    next.call(request).await
}

/// 429 `too_many_requests` past the rate limit.
async fn rate_limit(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let limit = request.app_data::<web::Data<RateLimit>>().cloned();
    let peer = request.peer_addr().map(|peer| peer.ip());
    if let (Some(limit), Some(peer)) = (limit, peer) {
        if !limit.allow(peer) {
            return Err(StytchError::TooManyRequests.into());
        }
    }
    next.call(request).await
}

/// Logs every error response, the framework's own included: outside the request-id
/// middleware, every one is a catalog error.
async fn log_errors(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let method = request.method().clone();
    let path = request.path().to_owned();
    let result = next.call(request).await;
    let rendered = match &result {
        Ok(response) => response
            .response()
            .extensions()
            .get::<RenderedError>()
            .cloned(),
        Err(error) => error
            .error_response()
            .extensions()
            .get::<RenderedError>()
            .cloned(),
    };
    if let Some(error) = rendered {
        common::log_error(method.as_str(), &path, &error);
    }
    result
}

/// `GET /v1/users/{user_id}`.
async fn get_user(user_id: web::Path<String>, id: web::ReqData<RequestId>) -> HttpResponse {
    HttpResponse::Ok().json(common::user(id.as_str(), &user_id))
}

/// `GET /v1/b2b/organizations/{organization_id}`.
async fn get_organization(
    organization_id: web::Path<String>,
    id: web::ReqData<RequestId>,
) -> HttpResponse {
    HttpResponse::Ok().json(common::organization(id.as_str(), &organization_id))
}

/// `POST /v1/magic_links/authenticate`: only `valid-token` authenticates. A body that is
/// not `{"token": …}` is actix-web's error, which the middleware answers with
/// `bad_request`.
async fn authenticate_magic_link(
    id: web::ReqData<RequestId>,
    request: web::Json<AuthenticateMagicLink>,
) -> Result<HttpResponse, StytchError> {
    if request.token != common::VALID_TOKEN {
        return Err(StytchError::UnableToAuthMagicLink);
    }
    Ok(HttpResponse::Ok().json(common::magic_link_authenticated(id.as_str())))
}

/// `POST /v1/magic_links/email/send`.
async fn send_magic_link(id: web::ReqData<RequestId>) -> HttpResponse {
    HttpResponse::Ok().json(common::magic_link_sent(id.as_str()))
}

/// `POST /v1/sessions/authenticate`: the session store is down.
async fn authenticate_session(id: web::ReqData<RequestId>) -> Result<HttpResponse, SessionsError> {
    let id = id.into_inner();
    let session = common::load_session().inspect_err(|error| {
        eprintln!("POST /v1/sessions/authenticate ({id}): {error}");
    })?;
    Ok(HttpResponse::Ok().json(common::session(id.as_str(), &session)))
}

fn main() -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(serve())
}

async fn serve() -> std::io::Result<()> {
    let limit = web::Data::new(RateLimit::default());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(limit.clone())
            .app_data(web::JsonConfig::default().limit(common::BODY_LIMIT))
            .service(
                web::scope("/v1/magic_links")
                    .service(web::resource("/authenticate").post(authenticate_magic_link))
                    .service(
                        web::resource("/email/send")
                            .wrap(from_fn(rate_limit))
                            .post(send_magic_link),
                    ),
            )
            .service(
                web::resource("/v1/users/{user_id}")
                    .wrap(from_fn(require_credentials))
                    .get(get_user),
            )
            .service(
                web::resource("/v1/b2b/organizations/{organization_id}")
                    .wrap(from_fn(require_credentials))
                    .get(get_organization),
            )
            .service(
                web::resource("/v1/sessions/authenticate")
                    .wrap(from_fn(require_credentials))
                    .post(authenticate_session),
            )
            .wrap(from_fn(require_https))
            .wrap(RequestIdMiddleware::test().catalog::<StytchError>())
            .wrap(from_fn(log_errors))
    })
    .client_request_timeout(common::TIMEOUT)
    .bind((Ipv4Addr::LOCALHOST, common::port()?))?;
    for addr in server.addrs() {
        eprintln!("listening on http://{addr}");
    }
    server.run().await
}

//! End to end over loopback: an axum server answers with every variant of a small catalog,
//! and a reqwest client reads each back into a `ClientError` equal to what was sent; bodies
//! that are not error bodies (a proxy's HTML, empty, cut short) are `ClientError`s too.
#![cfg(all(feature = "axum", feature = "reqwest"))]
#![deny(warnings, missing_docs, clippy::pedantic)]

#[cfg(feature = "problem-details")]
#[path = "shapes/summary.rs"]
mod summary;

use std::net::SocketAddr;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::value::RawValue;
use stytch_errors::axum::RequestIdLayer;
use stytch_errors::reqwest::{CallError, RequestBuilderExt as _, ResponseExt as _};
use stytch_errors::{
    ApiError, ClientError, ErrorKind, MAX_BODY_LEN, ParseError, StytchError, parse_error,
};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// A catalog of its own, wrapped below: its values come back through the wrapper.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/cart-errors", round_trip)]
enum CartError {
    /// Details only, under a static message.
    #[api_error(status = 409, message = "The cart changed while it was being paid.")]
    CartChanged {
        #[api_error(details)]
        removed: Vec<u64>,
        #[api_error(details)]
        total_cents: Option<u64>,
    },
}

/// What a field the client got wrong is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
struct FieldProblem {
    field: String,
    reason: String,
}

/// The catalog the server answers with.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum ShopError {
    /// Details only: back with its values.
    #[api_error(status = 422, message = "{count} fields are invalid.")]
    InvalidFields {
        #[api_error(details)]
        count: usize,
        #[api_error(details)]
        problems: Vec<FieldProblem>,
    },
    /// A details field and one only in the message: back as its catalog entry.
    #[api_error(status = 409, message = "Order {order_id} is {state}.")]
    OrderClosed {
        order_id: u64,
        #[api_error(details)]
        state: String,
    },
    /// A unit variant, retryable by its status.
    #[api_error(status = 429, message = "Too many orders have been placed.")]
    TooManyOrders,
    /// A field only in the message: the body cannot give it back.
    #[api_error(status = 404, message = "No item {item_id} in the \"shop\".")]
    ItemNotFound { item_id: u64 },
    /// Not retryable, though 503.
    #[api_error(status = 503, message = "Down for maintenance.", retryable = false)]
    Maintenance,
    /// Stytch's errors, passed on as they are.
    #[api_error(transparent)]
    Stytch(#[from] StytchError),
    /// The cart's errors, through the same parse.
    #[api_error(transparent)]
    Cart(CartError),
}

/// Every value the server sends, by index.
fn samples() -> Vec<ShopError> {
    vec![
        ShopError::TooManyOrders,
        ShopError::InvalidFields {
            count: 2,
            problems: vec![
                FieldProblem {
                    field: "email".into(),
                    reason: "no \"@\" in it".into(),
                },
                FieldProblem {
                    field: "name".into(),
                    reason: "empty".into(),
                },
            ],
        },
        ShopError::OrderClosed {
            order_id: 7,
            state: "shipped".into(),
        },
        ShopError::ItemNotFound { item_id: 42 },
        ShopError::Maintenance,
        ShopError::Stytch(StytchError::TooManyRequests),
        ShopError::Stytch(StytchError::UnableToAuthMagicLink),
        ShopError::Cart(CartError::CartChanged {
            removed: vec![3, 5],
            total_cents: None,
        }),
    ]
}

/// The value the client must get back for `sent`: the value itself where the body carries
/// all of it, else its catalog entry.
fn expected_kind(sent: &ShopError) -> ErrorKind<ShopError> {
    match sent {
        ShopError::ItemNotFound { .. } | ShopError::OrderClosed { .. } => {
            ErrorKind::Cataloged(sent.info())
        }
        other => ErrorKind::Known(other.clone()),
    }
}

async fn sample(Path(index): Path<usize>) -> Response {
    samples()[index].clone().into_response()
}

fn app() -> Router {
    Router::new()
        .route("/errors/{index}", get(sample))
        .route("/ok", get(|| async { "fine" }))
        .route(
            "/proxy",
            get(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    [(header::CONTENT_TYPE, "text/html")],
                    "<html><body><h1>502 Bad Gateway</h1></body></html>",
                )
            }),
        )
        .route(
            "/empty",
            get(|| async {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, "100")],
                )
            }),
        )
        .route(
            "/cut",
            get(|| async {
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"status_code":500,"request_id":"request-id-test-1","error_ty"#,
                )
            }),
        )
        .route(
            "/huge",
            get(|| async { (StatusCode::BAD_REQUEST, "x".repeat(MAX_BODY_LEN + 10)) }),
        )
        .route(
            "/retry-at",
            get(|| async {
                let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(90));
                let mut response = ShopError::TooManyOrders.into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, at.parse().unwrap());
                response
            }),
        )
        .route(
            "/retry-soon",
            get(|| async {
                let mut response = ShopError::TooManyOrders.into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, "soon".parse().unwrap());
                response
            }),
        )
        .layer(RequestIdLayer::test())
}

/// The sample server, on an ephemeral loopback port, running on the test's runtime.
async fn serve() -> SocketAddr {
    serve_router(app()).await
}

/// A server that answers one request with a 500 whose body stops short of its
/// `content-length`, then closes the connection.
async fn serve_cut_connection() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0; 1024];
        let _ = socket.read(&mut request).await.unwrap();
        socket
            .write_all(b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{\"status_code\":500,\"err")
            .await
            .unwrap();
        socket.shutdown().await.unwrap();
    });
    addr
}

async fn get_error(url: &str) -> ClientError<ShopError> {
    let response = reqwest::get(url).await.unwrap();
    response
        .error_for_api::<ShopError>()
        .await
        .expect_err("an error status")
}

#[tokio::test]
async fn every_variant_comes_back_as_it_was_sent() {
    let addr = serve().await;
    for (index, sent) in samples().iter().enumerate() {
        let error = get_error(&format!("http://{addr}/errors/{index}")).await;
        let parsed = error.parsed().expect("an error body");
        assert_eq!(parsed.kind, expected_kind(sent), "{sent:?}");
        assert_eq!(error.status(), sent.status());
        // The id of the header, which is the body's.
        let id = error.request_id().expect("an x-request-id");
        assert!(id.starts_with("request-id-test-"), "{id}");
        assert_eq!(parsed.request_id, id);
        assert_eq!(parsed.status_code, Some(sent.status_code()));
        assert_eq!(parsed.error_type, sent.error_type());
        assert_eq!(parsed.error_message, sent.error_message());
        assert_eq!(parsed.error_url, sent.error_url());
        // `error_details` as sent: the variant's details fields.
        let body = sent.to_json(id);
        let details = parse_error::<ShopError>(body.as_bytes())
            .unwrap()
            .error_details
            .map(|details| details.get().to_owned());
        assert_eq!(
            parsed.error_details.as_deref().map(RawValue::get),
            details.as_deref()
        );
        assert_eq!(error.is_retryable(), sent.is_retryable(), "{sent:?}");
        // The id of the header, which is the body's.
        assert!(error.body_prefix().is_none());
        assert!(std::error::Error::source(&error).is_none());
        assert_eq!(error.to_string(), format!("{}: {parsed}", sent.status()));
    }
}

#[tokio::test]
async fn a_success_passes_through() {
    let addr = serve().await;
    let response = reqwest::get(format!("http://{addr}/ok")).await.unwrap();
    let response = response.error_for_api::<ShopError>().await.unwrap();
    assert_eq!(response.text().await.unwrap(), "fine");
}

#[tokio::test]
async fn a_proxy_page_is_kept_as_its_first_bytes() {
    let addr = serve().await;
    let error = get_error(&format!("http://{addr}/proxy")).await;
    assert_eq!(error.status(), StatusCode::BAD_GATEWAY);
    assert!(error.parsed().is_none());
    assert!(matches!(error.parse_error(), Some(ParseError::NotJson(_))));
    assert_eq!(
        error.body_prefix(),
        Some(&b"<html><body><h1>502 Bad Gateway</h1></body></html>"[..])
    );
    assert_eq!(
        error.to_string(),
        "502 Bad Gateway, and the body is not an error body: the error body is not JSON"
    );
    // The layer gave the response an id all the same.
    assert!(error.request_id().is_some());
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn an_empty_body_keeps_the_status_and_retry_after() {
    let addr = serve().await;
    let error = get_error(&format!("http://{addr}/empty")).await;
    assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(matches!(error.parse_error(), Some(ParseError::NotJson(_))));
    assert_eq!(error.body_prefix(), Some(&b""[..]));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(100)));
    // No catalog entry: the status decides.
    assert!(error.is_retryable());
}

#[tokio::test]
async fn a_body_cut_short_is_not_an_error_body() {
    let addr = serve().await;
    let error = get_error(&format!("http://{addr}/cut")).await;
    assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(matches!(error.parse_error(), Some(ParseError::NotJson(_))));
    assert_eq!(
        error.body_prefix(),
        Some(&br#"{"status_code":500,"request_id":"request-id-test-1","error_ty"#[..])
    );
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_a_client_error() {
    let addr = serve_cut_connection().await;
    let error = get_error(&format!("http://{addr}/")).await;
    assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(error.parsed().is_none());
    // Not a parse: the body could not be read to its end; the reader's error is the source.
    assert!(error.parse_error().is_none());
    assert!(std::error::Error::source(&error).is_some());
    assert_eq!(
        error.body_prefix(),
        Some(&b"{\"status_code\":500,\"err"[..])
    );
    assert_eq!(
        error.to_string(),
        "500 Internal Server Error, and the body could not be read"
    );
}

#[tokio::test]
async fn a_huge_body_is_read_no_further_than_the_limit() {
    let addr = serve().await;
    let error = get_error(&format!("http://{addr}/huge")).await;
    assert!(matches!(
        error.parse_error(),
        Some(ParseError::TooLarge { len, limit: MAX_BODY_LEN }) if *len == MAX_BODY_LEN + 10
    ));
    assert_eq!(
        error.body_prefix().map(<[u8]>::len),
        Some(stytch_errors::BODY_PREFIX_LEN)
    );
}

#[tokio::test]
async fn retry_after_as_a_date_and_as_nonsense() {
    let addr = serve().await;
    let error = get_error(&format!("http://{addr}/retry-at")).await;
    let wait = error.retry_after().expect("an HTTP-date");
    // The date has a resolution of a second, and the request took a moment.
    assert!(
        (Duration::from_secs(87)..=Duration::from_secs(90)).contains(&wait),
        "{wait:?}"
    );
    assert_eq!(error.known(), Some(&ShopError::TooManyOrders));

    let error = get_error(&format!("http://{addr}/retry-soon")).await;
    assert_eq!(error.retry_after(), None);
    assert_eq!(error.known(), Some(&ShopError::TooManyOrders));
}

#[cfg(feature = "problem-details")]
#[tokio::test]
async fn every_variant_comes_back_alike_in_every_shape() {
    use summary::summary;

    let addr = serve().await;
    let client = reqwest::Client::new();
    for (index, sent) in samples().iter().enumerate() {
        let mut summaries = Vec::new();
        for (accept, content_type) in [
            (None, "application/json"),
            (Some("application/json"), "application/json"),
            (Some("application/problem+json"), "application/problem+json"),
            (
                Some("text/html, application/problem+json;q=0.9"),
                "application/problem+json",
            ),
        ] {
            let mut request = client.get(format!("http://{addr}/errors/{index}"));
            if let Some(accept) = accept {
                request = request.header(header::ACCEPT, accept);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.headers()[header::CONTENT_TYPE], content_type);
            let error = response
                .error_for_api::<ShopError>()
                .await
                .expect_err("an error status");
            let parsed = error.parsed().expect("an error body");
            assert_eq!(parsed.kind, expected_kind(sent), "{sent:?} {accept:?}");
            assert_eq!(parsed.error_message, sent.error_message());
            assert_eq!(parsed.status_code, Some(sent.status_code()));
            assert_eq!(Some(&*parsed.request_id), error.request_id());
            assert_eq!(error.is_retryable(), sent.is_retryable());
            // Each request has an id of its own.
            let mut summary = summary(parsed);
            summary.2.clear();
            summaries.push(summary);
        }
        assert!(
            summaries.windows(2).all(|pair| pair[0] == pair[1]),
            "{sent:?}: {summaries:#?}"
        );
    }
}

#[tokio::test]
async fn one_error_for_a_call_the_transports_or_the_apis() {
    let addr = serve().await;
    let client = reqwest::Client::new();
    let response = client
        .get(format!("http://{addr}/ok"))
        .send_for_api::<ShopError>()
        .await
        .unwrap();
    assert_eq!(response.text().await.unwrap(), "fine");
    let error = client
        .get(format!("http://{addr}/errors/0"))
        .send_for_api::<ShopError>()
        .await
        .unwrap_err();
    assert!(matches!(&error, CallError::Api(_)));
    assert_eq!(error.known(), Some(&ShopError::TooManyOrders));
    assert!(error.is_retryable());
    // Nothing listens there any more.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed_addr = closed.local_addr().unwrap();
    drop(closed);
    let error = client
        .get(format!("http://{closed_addr}/"))
        .send_for_api::<ShopError>()
        .await
        .unwrap_err();
    assert!(matches!(&error, CallError::Transport(_)), "{error:?}");
    assert!(error.api().is_none());
    assert!(error.is_retryable());
    assert!(std::error::Error::source(&error).is_some());
}

/// An upstream service: Stytch's errors, and the id each request came with.
fn upstream() -> Router {
    Router::new()
        .route(
            "/stytch",
            get(|| async { StytchError::TooManyRequests.into_response() }),
        )
        .route(
            "/id",
            get(|headers: axum::http::HeaderMap| async move {
                headers
                    .get("x-request-id")
                    .map(|id| id.to_str().unwrap().to_owned())
                    .unwrap_or_default()
            }),
        )
        .layer(RequestIdLayer::test())
}

/// A service that calls the upstream one, passing its request's id along, and gives the
/// upstream's error back as its own.
fn downstream(upstream: SocketAddr) -> Router {
    Router::new()
        .route(
            "/id",
            get(move || async move {
                let client = reqwest::Client::new();
                client
                    .get(format!("http://{upstream}/id"))
                    .forward_request_id()
                    .send_for_api::<StytchError>()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }),
        )
        .route(
            "/stytch",
            get(move || async move {
                let client = reqwest::Client::new();
                let result = client
                    .get(format!("http://{upstream}/stytch"))
                    .forward_request_id()
                    .send_for_api::<StytchError>()
                    .await;
                match result.map_err(CallError::into_catalog::<ShopError>) {
                    Ok(_) => "no error".into_response(),
                    Err(CallError::Api(error)) => match error.into_parsed().map(|p| p.kind) {
                        Some(ErrorKind::Known(error)) => error.into_response(),
                        other => format!("{other:?}").into_response(),
                    },
                    Err(error) => error.to_string().into_response(),
                }
            }),
        )
        .layer(RequestIdLayer::test())
}

/// `router` on an ephemeral loopback port, running on the test's runtime.
async fn serve_router(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

#[tokio::test]
async fn the_request_id_and_an_upstream_error_pass_through_a_service() {
    let upstream = serve_router(upstream()).await;
    let downstream = serve_router(downstream(upstream)).await;
    let client = reqwest::Client::new();
    // The upstream service sees the id of the request the downstream one serves.
    let response = client
        .get(format!("http://{downstream}/id"))
        .header("x-request-id", "request-id-test-forwarded")
        .send()
        .await
        .unwrap();
    assert_eq!(response.text().await.unwrap(), "request-id-test-forwarded");
    // A generated id is passed along too.
    let response = client
        .get(format!("http://{downstream}/id"))
        .send()
        .await
        .unwrap();
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(response.text().await.unwrap(), id);
    // Stytch's error, in the downstream catalog, with the one id.
    let error = client
        .get(format!("http://{downstream}/stytch"))
        .header("x-request-id", "request-id-test-chain")
        .send_for_api::<ShopError>()
        .await
        .unwrap_err();
    assert_eq!(
        error.known(),
        Some(&ShopError::Stytch(StytchError::TooManyRequests))
    );
    assert_eq!(
        error.api().unwrap().request_id(),
        Some("request-id-test-chain")
    );
    // Outside any request being served, the request goes as it is.
    let response = client
        .get(format!("http://{upstream}/id"))
        .forward_request_id()
        .send()
        .await
        .unwrap();
    assert_eq!(response.text().await.unwrap(), "");
}

#[tokio::test]
async fn the_forwarded_request_id_is_the_only_one_sent() {
    use tower::ServiceExt as _;
    // An id set before, or forwarding twice, leaves one `x-request-id`: the served one.
    let app = Router::new()
        .route(
            "/",
            get(|| async {
                let request = reqwest::Client::new()
                    .get("http://127.0.0.1:1/")
                    .header("x-request-id", "request-id-test-stale")
                    .forward_request_id()
                    .forward_request_id()
                    .build()
                    .unwrap();
                let ids: Vec<&str> = request
                    .headers()
                    .get_all("x-request-id")
                    .iter()
                    .map(|id| id.to_str().unwrap())
                    .collect();
                ids.join(",")
            }),
        )
        .layer(RequestIdLayer::test());
    let request = axum::http::Request::get("/")
        .header("x-request-id", "request-id-test-served")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let body = axum::body::to_bytes(response.into_body(), 1024)
        .await
        .unwrap();
    assert_eq!(body, "request-id-test-served");
}

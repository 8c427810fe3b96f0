//! The axum layer's own tests.

use std::convert::Infallible;

use axum::body::Body;
use axum::response::IntoResponse as _;
use tower::{Layer as _, ServiceExt as _};

use super::RequestIdLayer;
use crate::serve::exchange::tests::{TestError as TestCatalog, bad_with_reason};
use crate::{ApiError, RenderedError, RequestId};

#[derive(Debug, ApiError)]
#[api_error(crate = "crate", docs_url = "https://example.com/errors")]
enum TestError {
    #[api_error(status = 404, message = "No user {0}.")]
    UserNotFound(String),
}

async fn body_of(response: http::Response<Body>) -> String {
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn errors_rendered_outside_the_scope_are_rendered_again() {
    // The error is rendered in a task of its own, outside the layer's scope.
    let service = RequestIdLayer::test().layer(tower::service_fn(|_: http::Request<Body>| async {
        let response =
            tokio::spawn(async { TestError::UserNotFound("user-test-1".into()).into_response() })
                .await
                .unwrap();
        Ok::<_, Infallible>(response)
    }));
    let request = http::Request::get("/")
        .header("x-request-id", "trace-7")
        .body(Body::empty())
        .unwrap();
    let response = service.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-request-id"], "trace-7");
    assert_eq!(response.headers()["content-type"], "application/json");
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert_eq!(rendered.request_id(), "trace-7");
    assert_eq!(
        body_of(response).await,
        TestError::UserNotFound("user-test-1".into()).to_json("trace-7")
    );
}

#[tokio::test]
async fn errors_rendered_inside_the_scope_are_kept() {
    let service = RequestIdLayer::test().layer(tower::service_fn(
        |request: http::Request<Body>| async move {
            let id = request.extensions().get::<RequestId>().cloned().unwrap();
            assert_eq!(RequestId::current(), Some(id));
            let mut response = TestError::UserNotFound("u".into()).into_response();
            // A marker the layer would drop if it rendered the body again.
            response
                .headers_mut()
                .insert("x-marker", "kept".parse().unwrap());
            Ok::<_, Infallible>(response)
        },
    ));
    let response = service
        .oneshot(http::Request::new(Body::empty()))
        .await
        .unwrap();
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(id.starts_with("request-id-test-"), "{id}");
    assert_eq!(response.headers()["x-marker"], "kept");
    assert_eq!(
        body_of(response).await,
        TestError::UserNotFound("u".into()).to_json(&id)
    );
}

#[tokio::test]
async fn successful_responses_get_the_header() {
    let service = RequestIdLayer::live().layer(tower::service_fn(|_: http::Request<Body>| async {
        Ok::<_, Infallible>(http::Response::new(Body::from("ok")))
    }));
    let request = http::Request::get("/")
        .header("x-request-id", "x".repeat(129))
        .body(Body::empty())
        .unwrap();
    let response = service.oneshot(request).await.unwrap();
    let id = response.headers()["x-request-id"].to_str().unwrap();
    assert!(id.starts_with("request-id-live-"), "{id}");
    assert_eq!(body_of(response).await, "ok");
}

/// A malformed JSON body behind `layer`: the stand-in's source chain (its log line) holds
/// the rejection's text, and its body too when `in_body`.
async fn reject_malformed_json(layer: RequestIdLayer, in_body: bool) {
    let app = axum::Router::new()
        .route(
            "/",
            axum::routing::post(
                |axum::Json(value): axum::Json<serde_json::Value>| async move { value.to_string() },
            ),
        )
        .layer(layer);
    let request = http::Request::post("/")
        .header("content-type", "application/json")
        .header("x-request-id", "trace-1")
        .body(Body::from("{\"title\": "))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 400);
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    let [reason] = rendered.source_chain() else {
        panic!("{:?}", rendered.source_chain());
    };
    let reason = reason.clone();
    assert!(
        reason.starts_with("Failed to parse the request body as JSON"),
        "{reason}"
    );
    assert_eq!(
        body_of(response).await,
        bad_with_reason("trace-1", &reason, in_body)
    );
}

#[tokio::test]
async fn a_rejections_text_is_the_stand_ins_source_chain_not_its_body() {
    reject_malformed_json(RequestIdLayer::test().catalog::<TestCatalog>(), false).await;
}

#[tokio::test]
async fn rejection_details_put_the_text_in_the_body() {
    let layer = RequestIdLayer::test()
        .catalog::<TestCatalog>()
        .rejection_details();
    reject_malformed_json(layer, true).await;
}

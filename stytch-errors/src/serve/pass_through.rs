//! [`PassThrough`]: a response the safety net leaves as the service made it.

/// Marks a failed response to reach the client as the service made it: the request-id
/// layer (axum) or middleware (actix-web) given a catalog adds `x-request-id` and changes
/// nothing else, where it would otherwise replace the response with the catalog's
/// stand-in (see [`FrameworkErrors`](crate::FrameworkErrors)). A service adopts the catalog
/// an endpoint at a time this way.
///
/// It goes into the response's extensions:
///
/// - axum: a handler returns it among the response's parts, `(StatusCode::CONFLICT,
///   PassThrough, Json(…))`; a route marks every response with
///   `.layer(axum::middleware::map_response(stytch_errors::axum::pass_through))`.
/// - actix-web: a handler inserts it, `HttpResponse::Conflict().extensions_mut().insert(PassThrough)`;
///   a scope or resource marks every response with
///   `.wrap(actix_web::middleware::from_fn(stytch_errors::actix_web::pass_through))`.
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use axum::{Json, Router, routing::get};
/// use http::StatusCode;
/// use stytch_errors::{ApiError, PassThrough};
/// use stytch_errors::axum::RequestIdLayer;
/// use tower::ServiceExt as _;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
///     BadRequest,
///     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
///     Internal,
/// }
///
/// let app = Router::new()
///     .route("/legacy", get(|| async {
///         (StatusCode::CONFLICT, PassThrough, Json(serde_json::json!({ "error": "taken" })))
///     }))
///     .layer(RequestIdLayer::test().catalog::<AppError>());
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let request = http::Request::get("/legacy").header("x-request-id", "trace-1")
///     .body(axum::body::Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["x-request-id"], "trace-1");
/// let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, r#"{"error":"taken"}"#);
/// # });
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PassThrough;

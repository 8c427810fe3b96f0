// A mistake in the catalog is reported once: the handlers that return the enum, and the
// layer given it as the catalog, add no error of their own.
use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 429, covers = "4xx", covers = "5xx")]
    TooManyRequests,
}

async fn axum_handler() -> Result<String, AppError> {
    Err(AppError::TooManyRequests)
}

async fn actix_handler() -> Result<String, AppError> {
    Err(AppError::TooManyRequests)
}

fn main() {
    let _ = axum::Router::<()>::new()
        .route("/", axum::routing::get(axum_handler))
        .layer(stytch_errors::axum::RequestIdLayer::test().catalog::<AppError>());
    let _ = actix_web::App::new()
        .wrap(stytch_errors::actix_web::RequestIdMiddleware::test().catalog::<AppError>())
        .route("/", actix_web::web::get().to(actix_handler));
}

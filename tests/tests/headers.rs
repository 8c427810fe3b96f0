//! `#[api_error(header("name", "template"))]`: the headers of an error response, on every
//! rendering path, and a value that a field makes invalid.

use stytch_errors::{ApiError, BodyFormat, RenderedError, to_http_response};

#[derive(Debug, ApiError)]
#[api_error(
    docs_url = "https://example.com/errors",
    header("cache-control", "no-store")
)]
enum AppError {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    #[api_error(header("retry-after", "{retry_after_secs}"))]
    TooManyRequests { retry_after_secs: u64 },
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    #[api_error(header("WWW-Authenticate", "Bearer realm=\"{realm}\""))]
    #[api_error(header("www-authenticate", "Basic"))]
    #[api_error(header("cache-control", "private"))]
    Unauthorized { realm: String },
    #[api_error(status = 404, message = "No such user.")]
    NotFound,
}

/// Every value of the header `name`, in order.
fn all<'r>(response: &'r http::Response<String>, name: &str) -> Vec<&'r http::HeaderValue> {
    response.headers().get_all(name).iter().collect()
}

#[test]
fn a_header_renders_its_template() {
    let error = AppError::TooManyRequests {
        retry_after_secs: 30,
    };
    let response = to_http_response(&error, "r-1", BodyFormat::Stytch);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["x-request-id"], "r-1");
    // The field is shown by the header only: the body is the catalog's, byte for byte.
    assert_eq!(response.body(), &error.to_json("r-1"));
    assert!(!response.body().contains("30"));
}

#[test]
fn repeated_headers_are_all_sent_and_a_variant_overrides_the_enum() {
    let error = AppError::Unauthorized {
        realm: "api".into(),
    };
    let response = to_http_response(&error, "r-1", BodyFormat::Stytch);
    assert_eq!(
        all(&response, "www-authenticate"),
        ["Bearer realm=\"api\"", "Basic"]
    );
    assert_eq!(all(&response, "cache-control"), ["private"]);
    assert!(!response.body().contains("api\""));
}

#[test]
fn the_enum_header_reaches_every_variant() {
    let response = to_http_response(&AppError::NotFound, "r-1", BodyFormat::Stytch);
    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[test]
fn a_field_that_makes_a_value_invalid_drops_that_header_only() {
    let error = AppError::Unauthorized {
        realm: "x\r\nset-cookie: session=stolen".into(),
    };
    let response = to_http_response(&error, "r-1", BodyFormat::Stytch);
    assert_eq!(all(&response, "www-authenticate"), ["Basic"]);
    assert!(response.headers().get("set-cookie").is_none());
    for (_, value) in response.headers() {
        assert!(!value.as_bytes().contains(&b'\n'));
    }
    let rendered = response.extensions().get::<RenderedError>().unwrap();
    assert_eq!(
        rendered.problems(),
        ["the header `www-authenticate` was dropped: its value is not a valid header value"]
    );
    assert_eq!(response.status(), 401);
}

#[test]
fn rendering_again_keeps_the_headers() {
    let error = AppError::TooManyRequests {
        retry_after_secs: 5,
    };
    let rendered = RenderedError::new(&error, "r-1", BodyFormat::Stytch);
    let response = rendered.to_http_response("r-2", BodyFormat::Stytch);
    assert_eq!(response.headers()["retry-after"], "5");
    assert_eq!(response.headers()["x-request-id"], "r-2");
}

#[cfg(feature = "problem-details")]
#[test]
fn problem_details_get_the_headers() {
    let error = AppError::TooManyRequests {
        retry_after_secs: 30,
    };
    let response = to_http_response(&error, "r-1", BodyFormat::ProblemDetails);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "30");
}

#[cfg(feature = "axum")]
#[tokio::test]
async fn axum_sends_the_headers() {
    use axum::routing::get;
    use tower::ServiceExt as _;

    let app = axum::Router::new()
        .route(
            "/",
            get(|| async {
                Err::<String, _>(AppError::TooManyRequests {
                    retry_after_secs: 9,
                })
            }),
        )
        .layer(stytch_errors::axum::RequestIdLayer::test());
    let request = http::Request::get("/")
        .header("accept", "application/problem+json")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "9");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_the_headers() {
    use actix_web::{App, test, web};

    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .wrap(stytch_errors::actix_web::RequestIdMiddleware::test())
                .route(
                    "/",
                    web::get().to(|| async {
                        Err::<String, _>(AppError::TooManyRequests {
                            retry_after_secs: 9,
                        })
                    }),
                ),
        )
        .await;
        let request = test::TestRequest::get().uri("/").to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers().get("retry-after").unwrap(), "9");
        assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
    });
}

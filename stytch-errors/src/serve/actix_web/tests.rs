//! The actix-web middleware's own tests.

use actix_web::dev::Service as _;
use actix_web::{App, HttpResponse, test, web};

use super::RequestIdMiddleware;
use crate::serve::exchange::tests::{TestError as TestCatalog, bad_with_reason};
use crate::{ApiError, RenderedError, RequestId};

fn run(test: impl Future<Output = ()>) {
    actix_web::rt::System::new().block_on(test);
}

#[derive(Debug, ApiError)]
#[api_error(crate = "crate", docs_url = "https://example.com/errors")]
enum TestError {
    #[api_error(status = 404, message = "No user {0}.")]
    UserNotFound(String),
}

#[test]
fn errors_returned_as_err_carry_the_rendered_response() {
    run(async {
        // A middleware inside ours that fails the request with `Err`.
        let app = test::init_service(
            App::new()
                .wrap_fn(|_request, _service| async {
                    Err::<actix_web::dev::ServiceResponse, _>(
                        TestError::UserNotFound("user-test-1".into()).into(),
                    )
                })
                .wrap(RequestIdMiddleware::test())
                .route("/", web::get().to(HttpResponse::Ok)),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/")
            .insert_header(("x-request-id", "trace-9"))
            .to_request();
        let Err(error) = app.call(request).await else {
            panic!("the error became a response");
        };
        // A logging middleware may ask first: the server still gets the same answer.
        let first = error.error_response();
        assert!(first.extensions().get::<RenderedError>().is_some());
        let response = error.error_response();
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(response.headers().get("x-request-id").unwrap(), "trace-9");
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        assert_eq!(
            body,
            TestError::UserNotFound("user-test-1".into()).to_json("trace-9")
        );
    });
}

#[test]
fn errors_rendered_outside_the_scope_are_rendered_again() {
    run(async {
        // The response is rendered outside the middleware's scope.
        let app = test::init_service(App::new().wrap(RequestIdMiddleware::test()).route(
            "/",
            web::get().to(|| async {
                // A task of its own does not inherit the scope.
                actix_web::rt::spawn(async {
                    super::error_response(&TestError::UserNotFound("u".into()))
                })
                .await
                .unwrap()
            }),
        ))
        .await;
        let request = test::TestRequest::get()
            .uri("/")
            .insert_header(("x-request-id", "trace-10"))
            .insert_header(("accept", "application/json"))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(response.headers().get("x-request-id").unwrap(), "trace-10");
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/json"
        );
        let rendered = response
            .response()
            .extensions()
            .get::<RenderedError>()
            .cloned()
            .unwrap();
        assert_eq!(rendered.request_id(), "trace-10");
        let body = test::read_body(response).await;
        assert_eq!(
            body,
            TestError::UserNotFound("u".into()).to_json("trace-10")
        );
    });
}

#[test]
fn handlers_see_the_id() {
    run(async {
        let app = test::init_service(App::new().wrap(RequestIdMiddleware::live()).route(
            "/",
            web::get().to(|id: web::ReqData<RequestId>| async move {
                assert_eq!(RequestId::current().as_ref(), Some(&*id));
                HttpResponse::Ok().body(id.to_string())
            }),
        ))
        .await;
        let request = test::TestRequest::get()
            .uri("/")
            .insert_header(("x-request-id", "bad id"))
            .to_request();
        let response = test::call_service(&app, request).await;
        let header = response
            .headers()
            .get("x-request-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(header.starts_with("request-id-live-"), "{header}");
        assert_eq!(test::read_body(response).await, header);
    });
}

/// A malformed JSON body behind `middleware`: the stand-in's source chain (its log line)
/// holds the rejection's text, and its body too when `in_body`.
fn reject_malformed_json(middleware: RequestIdMiddleware, in_body: bool) {
    run(async {
        let app = test::init_service(App::new().wrap(middleware).route(
            "/",
            web::post().to(|value: web::Json<serde_json::Value>| async move { value.to_string() }),
        ))
        .await;
        let request = test::TestRequest::post()
            .uri("/")
            .insert_header(("content-type", "application/json"))
            .insert_header(("x-request-id", "trace-1"))
            .set_payload("{\"title\": ")
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 400);
        let reason = {
            let extensions = response.response().extensions();
            let rendered = extensions.get::<RenderedError>().unwrap();
            let [reason] = rendered.source_chain() else {
                panic!("{:?}", rendered.source_chain());
            };
            reason.clone()
        };
        assert!(reason.starts_with("Json deserialize error"), "{reason}");
        assert_eq!(
            test::read_body(response).await,
            bad_with_reason("trace-1", &reason, in_body)
        );
    });
}

#[test]
fn a_rejections_text_is_the_stand_ins_source_chain_not_its_body() {
    reject_malformed_json(RequestIdMiddleware::test().catalog::<TestCatalog>(), false);
}

#[test]
fn rejection_details_put_the_text_in_the_body() {
    let middleware = RequestIdMiddleware::test()
        .catalog::<TestCatalog>()
        .rejection_details();
    reject_malformed_json(middleware, true);
}

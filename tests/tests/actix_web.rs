//! End to end over a real socket: an actix-web server on 127.0.0.1 with the request-id
//! middleware (given `StytchError` for the framework's failures), and a raw HTTP/1.1 client.
#![cfg(all(feature = "actix-web", feature = "problem-details"))]
#![deny(warnings, missing_docs, clippy::pedantic)]

mod serving;

use std::net::SocketAddr;

use actix_web::dev::{ServerHandle, Service as _};
use actix_web::http::header::{self, ContentType};
use actix_web::middleware::DefaultHeaders;
use actix_web::{App, HttpResponse, HttpServer, web};
use stytch_errors::PassThrough;
use stytch_errors::actix_web::{RequestIdMiddleware, pass_through};
use stytch_errors::{ApiError as _, ClientIds, RenderedError, RequestId, StytchError};

use serving::failures::{Missing, NewUser, SECRET, SLOW, Search, TIMEOUT, panics};
use serving::meaning::{CONFLICT_BODY, LAYER_HEADERS, OWN_FAILURES, PREFIX, ServiceError, trusted};

use serving::hygiene::{GenericError, WhereError};
use serving::{AppError, db, deep, spawned_error};

/// Renders the error in a task of its own, which does not inherit the request's scope.
async fn spawned() -> HttpResponse {
    actix_web::rt::spawn(async { stytch_errors::actix_web::error_response(&spawned_error()) })
        .await
        .unwrap()
}

async fn ok(id: web::ReqData<RequestId>) -> String {
    assert_eq!(RequestId::current().as_ref(), Some(&*id));
    id.to_string()
}

/// The routes behind a middleware of their own: see `serving` and `serving::failures`.
fn scopes(config: &mut web::ServiceConfig) {
    config
        .service(
            web::scope("/nested")
                .wrap(RequestIdMiddleware::test())
                .route("/ok", web::get().to(ok))
                .route(
                    "/error",
                    web::get().to(|id: web::ReqData<RequestId>| async move {
                        Err::<String, _>(serving::nested_error(&id))
                    }),
                ),
        )
        .service(
            web::scope("/details")
                .wrap(
                    RequestIdMiddleware::test()
                        .catalog::<StytchError>()
                        .rejection_details(),
                )
                .service(
                    web::resource("/json")
                        .post(|user: web::Json<NewUser>| async move { user.into_inner().email }),
                ),
        )
        .service(
            web::scope("/auth")
                .wrap_fn(|request, _service| {
                    // An auth middleware that answers before the handler.
                    let response = HttpResponse::Unauthorized()
                        .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
                        .body(SECRET);
                    async { Ok(request.into_response(response)) }
                })
                .route("", web::get().to(HttpResponse::Ok)),
        );
}

/// The routes: see `serving` and `serving::failures`.
fn routes(config: &mut web::ServiceConfig) {
    config
        .configure(scopes)
        .service(
            web::scope("/mw")
                .wrap_fn(|_request, _service| async {
                    // Inside it, a middleware that fails the request.
                    Err::<actix_web::dev::ServiceResponse, _>(
                        AppError::InvalidField { field: "mw".into() }.into(),
                    )
                })
                .route("", web::get().to(HttpResponse::Ok)),
        )
        .route(
            "/v1/users/{user_id}",
            web::get().to(|| async { Err::<String, _>(AppError::UnauthorizedCredentials) }),
        )
        .route("/deep", web::get().to(deep))
        .route("/db", web::get().to(|| async { db() }))
        .route("/spawned", web::get().to(spawned))
        .route(
            "/generic",
            web::get().to(|| async { Err::<String, _>(GenericError::OutOfRange(7_u32)) }),
        )
        .route(
            "/where",
            web::get().to(|| async { Err::<String, _>(WhereError::Taken { name: "ada" }) }),
        )
        .route(
            "/stytch",
            web::get().to(|| async { Err::<String, _>(StytchError::UseHttps) }),
        )
        .route("/ok", web::get().to(ok))
        .service(
            web::resource("/json")
                .post(|user: web::Json<NewUser>| async move { user.into_inner().email }),
        )
        .service(
            web::resource("/form")
                .post(|user: web::Form<NewUser>| async move { user.into_inner().email }),
        )
        .route(
            "/typed/{id}",
            web::get().to(|id: web::Path<u32>| async move { id.to_string() }),
        )
        .route(
            "/search",
            web::get().to(|search: web::Query<Search>| async move { search.limit.to_string() }),
        )
        .route(
            "/header",
            web::get().to(|content_type: web::Header<ContentType>| async move {
                content_type.into_inner().to_string()
            }),
        )
        .route(
            "/state",
            web::get().to(|_: web::Data<Missing>| async { "" }),
        )
        .route("/panic", web::get().to(panics))
        .route("/panic-caught", web::get().to(panics))
        .route(
            "/slow",
            web::get().to(|| async {
                actix_web::rt::time::sleep(SLOW).await;
                "late"
            }),
        )
        .route(
            "/throttled",
            web::get().to(|| async {
                HttpResponse::TooManyRequests()
                    .insert_header((header::RETRY_AFTER, "7"))
                    .insert_header(("x-limiter", "per-ip"))
                    .body(SECRET)
            }),
        );
}

/// The routes of the second test app: see `serving::meaning`.
fn meaning_routes(config: &mut web::ServiceConfig) {
    let layer = LAYER_HEADERS
        .into_iter()
        .fold(DefaultHeaders::new(), DefaultHeaders::add);
    let scope =
        OWN_FAILURES
            .into_iter()
            .fold(web::scope("/m"), |scope, (path, status, header, body)| {
                let status = actix_web::http::StatusCode::from_u16(status).unwrap();
                scope.route(
                    path,
                    web::get().to(move || async move {
                        HttpResponse::build(status).insert_header(header).body(body)
                    }),
                )
            });
    config.service(
        scope
            .app_data(web::JsonConfig::default().limit(1024))
            .wrap(layer)
            .route(
                "/conflict",
                web::get().to(|| async {
                    HttpResponse::Conflict()
                        .content_type("application/json")
                        .body(CONFLICT_BODY)
                }),
            )
            .route("/gone", web::get().to(HttpResponse::Gone))
            .route(
                "/own",
                web::get().to(|| async {
                    let mut response = HttpResponse::Conflict();
                    response.extensions_mut().insert(PassThrough);
                    response
                        .content_type("application/json")
                        .body(CONFLICT_BODY)
                }),
            )
            .service(
                web::resource("/legacy")
                    .wrap(actix_web::middleware::from_fn(pass_through))
                    .route(web::get().to(|| async {
                        HttpResponse::Gone()
                            .content_type("text/plain; charset=utf-8")
                            .body("gone")
                    })),
            )
            .route(
                "/upload",
                web::post()
                    .to(|value: web::Json<serde_json::Value>| async move { value.to_string() }),
            )
            .service(
                web::resource("/spawned")
                    // What a compression middleware does to the response it compressed.
                    .wrap(
                        DefaultHeaders::new()
                            .add((header::CONTENT_ENCODING, "gzip"))
                            .add((header::ETAG, "\"v1\"")),
                    )
                    .route(web::get().to(|| async {
                        actix_web::rt::spawn(async {
                            stytch_errors::actix_web::error_response(&ServiceError::Conflict)
                        })
                        .await
                        .unwrap()
                    })),
            )
            .default_service(web::to(HttpResponse::NotFound)),
    );
}

/// The middleware of the first test app.
fn stytch_middleware() -> RequestIdMiddleware {
    RequestIdMiddleware::test().catalog::<StytchError>()
}

/// The middleware of the second test app: see `serving::meaning`.
fn meaning_middleware() -> RequestIdMiddleware {
    RequestIdMiddleware::test()
        .catalog::<ServiceError>()
        .prefix(PREFIX)
        .client_ids(ClientIds::AcceptIf(trusted))
}

/// The server, stopped (gracefully) on drop.
struct Server {
    addr: SocketAddr,
    handle: ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(routes: fn(&mut web::ServiceConfig), middleware: RequestIdMiddleware) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (handle_out, handle_in) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || {
                    App::new()
                        .app_data(web::JsonConfig::default().limit(1024))
                        .configure(routes)
                        // A timeout of the app's, inside the request-id middleware.
                        .wrap_fn(|request, service| {
                            let response = service.call(request);
                            async move {
                                actix_web::rt::time::timeout(TIMEOUT, response)
                                    .await
                                    .map_err(|_| {
                                        actix_web::error::ErrorRequestTimeout("timed out")
                                    })?
                            }
                        })
                        .wrap(middleware)
                        .wrap_fn(|request, service| {
                            // Outside the request-id layer, a middleware that looks at an
                            // error's response once, as logging or metrics do.
                            let response = service.call(request);
                            async move {
                                let result = response.await;
                                if let Err(error) = &result {
                                    let response = error.error_response();
                                    assert!(response.extensions().get::<RenderedError>().is_some());
                                }
                                result
                            }
                        })
                })
                .workers(2)
                .disable_signals()
                .listen(listener)
                .unwrap()
                .run();
                handle_out.send(server.handle()).unwrap();
                server.await.unwrap();
            });
        });
        Self {
            addr,
            handle: handle_in.recv().unwrap(),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        actix_web::rt::System::new().block_on(self.handle.stop(true));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

serving::every_check!(Server::start(routes, stytch_middleware()).addr);
serving::failures::every_failure!(
    Server::start(routes, stytch_middleware()).addr,
    serving::Framework::ActixWeb
);
serving::meaning::every_meaning!(Server::start(meaning_routes, meaning_middleware()).addr);

/// An `Err` from a middleware inside the request-id layer, whose response a middleware outside
/// it has already looked at, still reaches the client whole.
#[test]
fn errors_from_middlewares_render_every_time_they_are_asked() {
    let server = Server::start(routes, stytch_middleware());
    let response = serving::wire::get(server.addr, "/mw", &[("x-request-id", b"trace-mw")]);
    assert_eq!(response.status, 400);
    assert_eq!(response.header("x-request-id"), "trace-mw");
    assert_eq!(
        response.body,
        AppError::InvalidField { field: "mw".into() }.to_json("trace-mw")
    );
}

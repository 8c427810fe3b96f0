//! What the request-id layer (axum) and middleware (actix-web) do around a request, written
//! once for both: each framework's module keeps only the glue to its types.
//!
//! - [`Exchange::served`] builds the request's scope from its `x-request-id` and `Accept`
//!   headers, or from the id a request-id layer further out gave it.
//! - [`Exchange::finish`] decides what becomes of the response on its way out: kept as it
//!   is (then only `x-request-id` is set), rendered again from its [`RenderedError`] for
//!   the request's id and shape (an error rendered outside the scope), or replaced by the
//!   catalog error that [stands](crate::FrameworkErrors) for its status (any response of
//!   400 or more that no catalog error made).
//! - [`CatchPanic`] turns a panic of the inner service into a value, which becomes the
//!   catalog's stand-in for 500.

use core::any::Any;
use core::future::Future;
use core::panic::AssertUnwindSafe;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::boxed::Box;
use std::string::String;

use http::header::CONNECTION;
use http::{HeaderMap, Response};
use stytch_errors_shared::headers::describes_body_or_connection;

use crate::model::ApiError;
use crate::serve::request_id::{ClientIds, Environment, IdGenerator, RequestId};
use crate::serve::scope::Served;
use crate::serve::{BodyFormat, FrameworkErrors, REQUEST_ID_HEADER, RenderedError};

/// The catalog's stand-in for `status`, for a request id and shape.
type StandIn = fn(u16, &str, BodyFormat) -> RenderedError;

/// What takes the place of a failed response: see [`Exchange::replacement`].
#[derive(Clone, Copy)]
pub(crate) enum Replacement<'r> {
    /// The catalog error the response was rendered from, rendered again.
    Again(&'r RenderedError),
    /// The catalog's stand-in for the response's status.
    StandIn(StandIn),
}

/// What a layer knows: the environment of the ids it generates and, once given a catalog,
/// how to render the catalog's stand-in for a status.
#[derive(Clone, Copy, Default)]
pub(crate) struct Exchange {
    generator: IdGenerator,
    client_ids: ClientIds,
    stand_in: Option<StandIn>,
    /// Whether a stand-in's body gives the framework's text for the failure.
    reason_in_body: bool,
}

impl core::fmt::Debug for Exchange {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Exchange")
            .field("generator", &self.generator)
            .field("client_ids", &self.client_ids)
            .field("catalog", &self.stand_in.is_some())
            .field("reason_in_body", &self.reason_in_body)
            .finish()
    }
}

/// The error of `E` that covers `status`, rendered with `status`: a stand-in never changes
/// the status of the response it replaces.
fn stand_in<E: ApiError + FrameworkErrors>(
    status: u16,
    request_id: &str,
    format: BodyFormat,
) -> RenderedError {
    RenderedError::new(&E::for_status(status), request_id, format).with_status(status)
}

impl Exchange {
    pub(crate) const fn new(environment: Environment) -> Self {
        Self {
            generator: IdGenerator::Stytch(environment),
            client_ids: ClientIds::Accept,
            stand_in: None,
            reason_in_body: false,
        }
    }

    /// The same, answering failures with `E`'s stand-ins.
    pub(crate) const fn catalog<E: ApiError + FrameworkErrors>(self) -> Self {
        Self {
            stand_in: Some(stand_in::<E>),
            ..self
        }
    }

    /// The same, generating ids with `generator`.
    pub(crate) const fn generator(self, generator: IdGenerator) -> Self {
        Self { generator, ..self }
    }

    /// The same, treating a client's id as `client_ids` says.
    pub(crate) const fn client_ids(self, client_ids: ClientIds) -> Self {
        Self { client_ids, ..self }
    }

    /// The same, giving the framework's text for a failure in the stand-in's body.
    pub(crate) const fn reason_in_body(self) -> Self {
        Self {
            reason_in_body: true,
            ..self
        }
    }

    /// The scope of a request whose `x-request-id` header is `client_id` and whose
    /// `Accept` headers are `accept`. `outer` is the id a request-id layer (or middleware)
    /// further out gave the request, in its extensions: a layer inside another reuses it,
    /// so that the handler, the body, the header and the log line agree on one id.
    pub(crate) fn served<'a>(
        &self,
        outer: Option<&RequestId>,
        client_id: Option<&[u8]>,
        accept: impl IntoIterator<Item = &'a [u8]>,
    ) -> Served {
        Served {
            id: outer.map_or_else(
                || self.client_ids.id_for(client_id, self.generator),
                RequestId::clone,
            ),
            format: BodyFormat::from_accept_values(accept),
        }
    }

    /// What takes the place of a response of `status` that was (or, `None`, was not)
    /// rendered from the catalog error `rendered`: the same error again when it was
    /// rendered outside the request's scope (for another id or shape), the catalog's
    /// stand-in for a failure no catalog error made; `None` to keep the response (with
    /// `x-request-id` set). Lets a framework skip reading a response otherwise.
    pub(crate) fn replacement<'r>(
        &self,
        status: u16,
        rendered: Option<&'r RenderedError>,
        served: &Served,
    ) -> Option<Replacement<'r>> {
        match rendered {
            Some(rendered) => (rendered.request_id() != served.id.as_str()
                || rendered.format() != served.format)
                .then_some(Replacement::Again(rendered)),
            None if status >= 400 => self.stand_in.map(Replacement::StandIn),
            None => None,
        }
    }

    /// The response that takes the place of one of `status` with `headers`, as
    /// `replacement` says; it carries every header it needs, `x-request-id` included.
    /// `reason` is the framework's text for a failure no catalog error made (a
    /// rejection's): it goes into the stand-in's source chain (the log), and into its body
    /// only when the layer says so.
    pub(crate) fn replace(
        &self,
        replacement: Replacement<'_>,
        status: u16,
        headers: &HeaderMap,
        reason: Option<String>,
        served: &Served,
    ) -> Response<String> {
        let id = served.id.as_str();
        let mut fresh = match replacement {
            // Rendered outside the scope: the same error, for this request.
            Replacement::Again(rendered) => rendered.to_http_response(id, served.format),
            Replacement::StandIn(stand_in) => {
                let mut rendered = stand_in(status, id, served.format);
                if let Some(reason) = reason {
                    rendered = rendered.with_reason(reason, self.reason_in_body);
                }
                #[cfg(feature = "tracing")]
                crate::serve::log::emit(&rendered);
                let body = rendered.body(id, served.format);
                rendered.into_response(body)
            }
        };
        keep_headers(fresh.headers_mut(), headers);
        fresh
    }

    /// [`replacement`](Self::replacement) and [`replace`](Self::replace) at once, for a
    /// response whose body is not read.
    pub(crate) fn finish(
        &self,
        status: u16,
        headers: &HeaderMap,
        rendered: Option<&RenderedError>,
        served: &Served,
    ) -> Option<Response<String>> {
        let replacement = self.replacement(status, rendered, served)?;
        Some(self.replace(replacement, status, headers, None, served))
    }

    /// The response for a request whose handler panicked: the stand-in for 500. The
    /// payload is dropped unread; the panic hook has already reported it.
    pub(crate) fn panicked(&self, served: &Served) -> Option<Response<String>> {
        self.finish(500, &HeaderMap::new(), None, served)
    }
}

/// Puts into `fresh`, a response rendered in place of another, the headers of the one it
/// replaces (`replaced`): every one but those that describe the replaced body or the
/// connection ([`BODY_OR_CONNECTION`](stytch_errors_shared::headers::BODY_OR_CONNECTION),
/// and the fields its `Connection` header names) and `x-request-id`, which `fresh` sets. A
/// header both have is the replaced response's alone: it is never sent twice.
fn keep_headers(fresh: &mut HeaderMap, replaced: &HeaderMap) {
    let connection_fields = || {
        replaced
            .get_all(CONNECTION)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
    };
    for name in replaced.keys() {
        if name == REQUEST_ID_HEADER
            || describes_body_or_connection(name.as_str())
            || connection_fields().any(|field| field.eq_ignore_ascii_case(name.as_str()))
        {
            continue;
        }
        fresh.remove(name);
        for value in replaced.get_all(name) {
            fresh.append(name.clone(), value.clone());
        }
    }
}

pin_project_lite::pin_project! {
    /// A future that yields `Err` with the payload when the inner future panics.
    pub(crate) struct CatchPanic<F> {
        #[pin]
        inner: F,
    }
}

impl<F> CatchPanic<F> {
    pub(crate) fn new(inner: F) -> Self {
        Self { inner }
    }
}

impl<F: Future> Future for CatchPanic<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.project().inner;
        match std::panic::catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// The constructors of a framework's request-id type (a struct whose one field is an
/// [`Exchange`] named `exchange`): `new`, `test`, `live` and `catalog`, documented as the
/// `$what` ("layer", "middleware") they make; attributes after it (an example) go on `live`.
macro_rules! exchange_constructors {
    ($ty:ident, $what:literal $(, $(#[$live:meta])*)?) => {
        impl $ty {
            #[doc = ::core::concat!("A ", $what, " that generates ids of `environment`.")]
            #[must_use]
            pub const fn new(environment: $crate::serve::request_id::Environment) -> Self {
                Self {
                    exchange: $crate::serve::exchange::Exchange::new(environment),
                }
            }

            #[doc = ::core::concat!("A ", $what, " that generates `request-id-test-…` ids.")]
            #[must_use]
            pub const fn test() -> Self {
                Self::new($crate::serve::request_id::Environment::Test)
            }

            #[doc = ::core::concat!("A ", $what, " that generates `request-id-live-…` ids.")]
            $($(#[$live])*)?
            #[must_use]
            pub const fn live() -> Self {
                Self::new($crate::serve::request_id::Environment::Live)
            }

            #[doc = ::core::concat!(
                "The same ", $what, ", answering every failure of the service (an ",
                "extractor's rejection, an unmatched route, a wrong method, a panic, a ",
                "timeout, any response of 400 or more that no catalog error made) with the ",
                "error of `E` that stands for its status: see [`FrameworkErrors`]",
                "(crate::FrameworkErrors) and the [module docs](self)."
            )]
            #[must_use]
            pub const fn catalog<E: $crate::ApiError + $crate::FrameworkErrors>(self) -> Self {
                Self {
                    exchange: self.exchange.catalog::<E>(),
                }
            }

            #[doc = ::core::concat!(
                "The same ", $what, ", generating `<prefix><uuid v4>` ids (`req_…`, say) ",
                "instead of Stytch's.\n\n# Panics\n\nIf `prefix` is longer than 92 bytes or ",
                "holds anything but visible ASCII (see [`IdGenerator::prefix`]",
                "(crate::IdGenerator::prefix))."
            )]
            #[must_use]
            pub const fn prefix(self, prefix: &'static str) -> Self {
                Self {
                    exchange: self
                        .exchange
                        .generator($crate::IdGenerator::prefix(prefix)),
                }
            }

            #[doc = ::core::concat!(
                "The same ", $what, ", generating ids with the service's own function."
            )]
            #[must_use]
            pub const fn generate_with(self, generate: fn() -> $crate::RequestId) -> Self {
                Self {
                    exchange: self
                        .exchange
                        .generator($crate::IdGenerator::Function(generate)),
                }
            }

            #[doc = ::core::concat!(
                "The same ", $what, ", treating the `x-request-id` a client sends as ",
                "`client_ids` says: take it ([`ClientIds::Accept`](crate::ClientIds::Accept), ",
                "the default), replace it, or take it when a check passes. An id that is ",
                "not safe to echo is never taken."
            )]
            #[must_use]
            pub const fn client_ids(self, client_ids: $crate::ClientIds) -> Self {
                Self {
                    exchange: self.exchange.client_ids(client_ids),
                }
            }

            #[doc = ::core::concat!(
                "The same ", $what, ", giving clients the framework's own text for a failure ",
                "it answers with a stand-in (a rejection's reason, such as a missing field's ",
                "name) in the body, as `error_details`: `{\"reason\": \"…\"}` (problem ",
                "details: a `reason` member). Without it, the text goes to the log only (the ",
                "stand-in's [source chain](crate::RenderedError::source_chain)): it may quote ",
                "the request."
            )]
            #[must_use]
            pub const fn rejection_details(self) -> Self {
                Self {
                    exchange: self.exchange.reason_in_body(),
                }
            }
        }
    };
}

pub(crate) use exchange_constructors;

#[cfg(test)]
pub(crate) mod tests {
    use http::HeaderMap;

    use super::Exchange;
    use crate::serve::request_id::Environment;
    use crate::serve::scope::Served;
    use crate::{ApiError, BodyFormat, RenderedError};

    /// A catalog with covers, for the framework integrations' tests too.
    #[derive(Debug, ApiError)]
    #[api_error(crate = "crate", docs_url = "https://example.com/errors")]
    pub(crate) enum TestError {
        #[api_error(status = 400, message = "Bad.", covers = "4xx")]
        Bad,
        #[api_error(status = 405, message = "Wrong method.", covers = 405)]
        Method,
        #[api_error(status = 429, message = "Slow down.", covers = 429)]
        #[api_error(header("retry-after", "60"))]
        Slow,
        #[api_error(status = 500, message = "Broken.", covers = "5xx")]
        Broken,
    }

    /// The body of `TestError::Bad` for `request_id` standing for a rejection whose text is
    /// `reason`: with it as `error_details` when `in_body`.
    pub(crate) fn bad_with_reason(request_id: &str, reason: &str, in_body: bool) -> String {
        let body = TestError::Bad.to_json(request_id);
        if in_body {
            let details = serde_json::json!({ "reason": reason }).to_string();
            body.replace('}', &format!(",\"error_details\":{details}}}"))
        } else {
            body
        }
    }

    fn served() -> Served {
        Exchange::new(Environment::Test).served(None, Some(b"trace-1".as_slice()), [])
    }

    #[test]
    fn a_failure_becomes_its_stand_in_with_its_status_and_headers() {
        let exchange = Exchange::new(Environment::Test).catalog::<TestError>();
        let mut headers = HeaderMap::new();
        headers.insert("allow", "GET,HEAD".parse().unwrap());
        headers.insert("vary", "origin".parse().unwrap());
        headers.append("vary", "accept".parse().unwrap());
        headers.insert("content-type", "text/plain".parse().unwrap());
        headers.insert("content-encoding", "gzip".parse().unwrap());
        headers.insert("etag", "\"v1\"".parse().unwrap());
        headers.insert("connection", "x-hop, keep-alive".parse().unwrap());
        headers.insert("x-hop", "1".parse().unwrap());
        headers.insert("keep-alive", "timeout=5".parse().unwrap());
        headers.insert("x-request-id", "inner".parse().unwrap());
        let fresh = exchange.finish(405, &headers, None, &served()).unwrap();
        assert_eq!(fresh.status(), 405);
        assert_eq!(fresh.headers()["allow"], "GET,HEAD");
        let vary: Vec<_> = fresh.headers().get_all("vary").iter().collect();
        assert_eq!(vary, ["origin", "accept"]);
        assert_eq!(fresh.headers()["content-type"], "application/json");
        assert_eq!(fresh.headers()["x-request-id"], "trace-1");
        for dropped in [
            "content-encoding",
            "etag",
            "connection",
            "x-hop",
            "keep-alive",
        ] {
            assert!(fresh.headers().get(dropped).is_none(), "{dropped}");
        }
        assert_eq!(fresh.headers().len(), 5, "{:?}", fresh.headers());
        assert_eq!(fresh.body(), &TestError::Method.to_json("trace-1"));
        // The class's cover, with the status it stands for.
        let fresh = exchange.finish(413, &headers, None, &served()).unwrap();
        assert_eq!(fresh.status(), 413);
        assert_eq!(
            fresh.body(),
            &TestError::Bad
                .to_json("trace-1")
                .replace(r#""status_code":400"#, r#""status_code":413"#)
        );
        let fresh = exchange.panicked(&served()).unwrap();
        assert_eq!(fresh.body(), &TestError::Broken.to_json("trace-1"));
    }

    #[test]
    fn a_declared_header_the_replaced_response_has_is_sent_once() {
        let exchange = Exchange::new(Environment::Test).catalog::<TestError>();
        let fresh = exchange
            .finish(429, &HeaderMap::new(), None, &served())
            .unwrap();
        assert_eq!(fresh.headers()["retry-after"], "60");
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", "5".parse().unwrap());
        let fresh = exchange.finish(429, &headers, None, &served()).unwrap();
        let values: Vec<_> = fresh.headers().get_all("retry-after").iter().collect();
        assert_eq!(values, ["5"]);
    }

    #[test]
    fn successes_and_catalog_errors_are_kept() {
        let exchange = Exchange::new(Environment::Test).catalog::<TestError>();
        let headers = HeaderMap::new();
        assert!(exchange.finish(200, &headers, None, &served()).is_none());
        assert!(exchange.finish(302, &headers, None, &served()).is_none());
        let rendered = RenderedError::new(&TestError::Bad, "trace-1", BodyFormat::Stytch);
        assert!(
            exchange
                .finish(400, &headers, Some(&rendered), &served())
                .is_none()
        );
        // Without a catalog, a failure stays as it is.
        let bare = Exchange::new(Environment::Test);
        assert!(bare.finish(404, &headers, None, &served()).is_none());
    }
}

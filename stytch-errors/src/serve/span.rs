//! The span around a request (feature `tracing`): `request`, with the request's
//! `request_id`, entered while the inner service runs, so that every event of the handler
//! and of the layers inside carries the id; `error.type` is recorded on it when an error
//! response is rendered. Without the feature it is nothing.

use crate::serve::request_id::RequestId;

/// The span of a request.
#[cfg(feature = "tracing")]
pub(crate) type RequestSpan = tracing::Span;
/// The span of a request: nothing, without `tracing`.
#[cfg(not(feature = "tracing"))]
#[derive(Debug, Clone, Copy)]
pub(crate) struct RequestSpan;

/// The span of the request `id`; none for a layer inside another (`nested`), whose span
/// already carries it.
#[cfg(feature = "tracing")]
pub(crate) fn request_span(id: &RequestId, nested: bool) -> RequestSpan {
    if nested {
        return tracing::Span::none();
    }
    tracing::info_span!(
        "request",
        request_id = id.as_str(),
        "error.type" = tracing::field::Empty
    )
}

/// The span of a request: nothing, without `tracing`.
#[cfg(not(feature = "tracing"))]
pub(crate) fn request_span(_: &RequestId, _: bool) -> RequestSpan {
    RequestSpan
}

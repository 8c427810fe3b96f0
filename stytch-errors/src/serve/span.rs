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

/// What a `tracing-subscriber` fmt layer writes, kept for a test to read.
#[cfg(all(test, feature = "tracing"))]
#[derive(Clone, Default)]
pub(crate) struct Written(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

#[cfg(all(test, feature = "tracing"))]
impl Written {
    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

#[cfg(all(test, feature = "tracing"))]
impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(all(test, feature = "tracing"))]
impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Written {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

//! The log line of an error response (feature `tracing`): one event, emitted when the
//! response is rendered, while the error and its source chain still exist.

use tracing::Level;

use super::RenderedError;
use crate::model::LogLevel;

/// Emits the event of `rendered` at its catalog entry's level, and records `error.type` on
/// the current span (the name OpenTelemetry's semantic conventions give it).
pub(super) fn emit(rendered: &RenderedError) {
    let info = rendered.info();
    if info.log_level == LogLevel::Off {
        return;
    }
    tracing::Span::current().record("error.type", info.error_type);
    let source_chain = rendered.source_chain();
    let problems = rendered.problems();
    // `tracing`'s macros take a constant level: one call per level.
    macro_rules! event {
        ($level:expr) => {
            tracing::event!(
                $level,
                error_type = info.error_type,
                status_code = rendered.status_code(),
                request_id = rendered.request_id(),
                error_message = rendered.error_message(),
                source_chain = ?source_chain,
                problems = ?problems,
                "error response"
            )
        };
    }
    match info.log_level {
        LogLevel::Off => {}
        LogLevel::Error => event!(Level::ERROR),
        LogLevel::Warn => event!(Level::WARN),
        LogLevel::Info => event!(Level::INFO),
        LogLevel::Debug => event!(Level::DEBUG),
        LogLevel::Trace => event!(Level::TRACE),
    }
}

//! What every shape of body must give back alike, as one comparable value.

use serde_json::value::RawValue;
use stytch_errors::{ErrorKind, ParsedError};

/// The kind, status, request id, type, message, URL and details text of a parsed error.
pub type Summary<E> = (
    ErrorKind<E>,
    Option<u16>,
    String,
    String,
    String,
    String,
    Option<String>,
);

/// The [`Summary`] of `parsed`.
pub fn summary<E: Clone>(parsed: &ParsedError<'_, E>) -> Summary<E> {
    (
        parsed.kind.clone(),
        parsed.status_code,
        parsed.request_id.to_string(),
        parsed.error_type.to_string(),
        parsed.error_message.to_string(),
        parsed.error_url.to_string(),
        parsed
            .error_details
            .as_deref()
            .map(RawValue::get)
            .map(str::to_owned),
    )
}

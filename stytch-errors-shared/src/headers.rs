//! The header fields that describe a message's body or its connection rather than the
//! error: a response rendered in place of another may not keep them, and a header template
//! may not set them.

/// The header fields, lowercase, that describe the body they came with or the connection
/// they travel on: the representation's framing and metadata (`content-type`,
/// `content-length`, `content-encoding`, `content-range`, `content-language`,
/// `content-location`, `etag`, `last-modified`, the digests) and RFC 9110's connection
/// fields (`connection`, `keep-alive`, `proxy-connection`, `te`, `trailer`,
/// `transfer-encoding`, `upgrade`).
pub const BODY_OR_CONNECTION: [&str; 19] = [
    "content-type",
    "content-length",
    "content-encoding",
    "content-range",
    "content-language",
    "content-location",
    "content-md5",
    "content-digest",
    "repr-digest",
    "digest",
    "etag",
    "last-modified",
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// Whether the header field `name` (in any case) is one of [`BODY_OR_CONNECTION`].
///
/// ```
/// use stytch_errors_shared::headers::describes_body_or_connection;
///
/// assert!(describes_body_or_connection("Content-Encoding"));
/// assert!(describes_body_or_connection("transfer-encoding"));
/// assert!(!describes_body_or_connection("retry-after"));
/// assert!(!describes_body_or_connection("access-control-allow-origin"));
/// ```
#[must_use]
pub fn describes_body_or_connection(name: &str) -> bool {
    BODY_OR_CONNECTION
        .iter()
        .any(|field| field.eq_ignore_ascii_case(name))
}

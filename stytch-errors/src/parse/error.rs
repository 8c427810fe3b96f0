//! Why an error body could not be parsed.

use core::fmt;

/// Why [`parse_error`](crate::parse_error) could not read an error body.
///
/// A body that parses is never rejected for what it says: an unknown `error_type`, unknown
/// fields and missing optional fields are all accepted. Only these are errors:
///
/// ```
/// use stytch_errors::{ApiError, ParseError, parse_error};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let not_json = parse_error::<AppError>(b"<html>502 Bad Gateway</html>");
/// assert!(matches!(not_json, Err(ParseError::NotJson(_))));
///
/// let not_utf8 = parse_error::<AppError>(b"{\"error_type\":\"\xff\"}");
/// assert!(matches!(not_utf8, Err(ParseError::NotUtf8(_))));
///
/// let not_an_object = parse_error::<AppError>(b"[1, 2, 3]");
/// assert!(matches!(not_an_object, Err(ParseError::NotAnObject { found: "an array" })));
///
/// let no_type = parse_error::<AppError>(br#"{"status_code":500}"#);
/// assert!(matches!(no_type, Err(ParseError::MissingErrorType)));
///
/// let bad_field = parse_error::<AppError>(br#"{"error_type":"x","status_code":"429"}"#);
/// assert!(matches!(bad_field, Err(ParseError::InvalidField { field: "status_code", .. })));
///
/// let huge = vec![b' '; stytch_errors::MAX_BODY_LEN + 1];
/// assert!(matches!(parse_error::<AppError>(&huge), Err(ParseError::TooLarge { .. })));
/// ```
#[non_exhaustive]
#[derive(Debug)]
pub enum ParseError {
    /// The body is longer than the limit; it was not read at all.
    TooLarge {
        /// The body's length in bytes.
        len: usize,
        /// The limit it exceeds, in bytes.
        limit: usize,
    },
    /// The body is not UTF-8, which JSON requires. The source says where.
    NotUtf8(core::str::Utf8Error),
    /// The body is not JSON: a syntax error, a truncated body, trailing characters, or
    /// nesting deeper than 128 levels where the parser reads values. The source says where.
    NotJson(serde_json::Error),
    /// The body is JSON, but not an object.
    NotAnObject {
        /// What it is instead: `"an array"`, `"a string"`, `"a number"`, `"a boolean"` or
        /// `"null"`.
        found: &'static str,
    },
    /// The body is a JSON object without `error_type` (nor the OAuth 2 `error`), or with
    /// `null` there.
    MissingErrorType,
    /// A known field has a value of the wrong type (such as a string `status_code`, or a
    /// status code outside `0..=65535`), or is given twice.
    InvalidField {
        /// The field, as the body names it: `status_code`, `error_type`, `error`, ….
        field: &'static str,
        /// What is wrong with it, and where.
        source: serde_json::Error,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::TooLarge { len, limit } => write!(
                f,
                "the error body is {len} bytes long, more than the limit of {limit} bytes"
            ),
            ParseError::NotUtf8(_) => f.write_str("the error body is not UTF-8"),
            ParseError::NotJson(_) => f.write_str("the error body is not JSON"),
            ParseError::NotAnObject { found } => {
                write!(f, "the error body is {found}, not a JSON object")
            }
            ParseError::MissingErrorType => {
                f.write_str("the error body has no `error_type` (nor an OAuth 2 `error`)")
            }
            ParseError::InvalidField { field, .. } => {
                write!(f, "the error body's `{field}` is invalid")
            }
        }
    }
}

impl std::error::Error for ParseError {
    /// The JSON parser's error, which says what is wrong and where (line and column).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::NotJson(source) | ParseError::InvalidField { source, .. } => Some(source),
            ParseError::NotUtf8(source) => Some(source),
            ParseError::TooLarge { .. }
            | ParseError::NotAnObject { .. }
            | ParseError::MissingErrorType => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::ParseError;

    #[test]
    fn display_and_source() {
        let syntax = serde_json::from_str::<u8>("{").unwrap_err();
        let error = ParseError::NotJson(syntax);
        assert_eq!(error.to_string(), "the error body is not JSON");
        assert!(error.source().unwrap().to_string().contains("line 1"));
        let error = ParseError::TooLarge { len: 10, limit: 5 };
        assert_eq!(
            error.to_string(),
            "the error body is 10 bytes long, more than the limit of 5 bytes"
        );
        assert!(error.source().is_none());
    }
}

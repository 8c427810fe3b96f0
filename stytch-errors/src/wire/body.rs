//! The JSON error body, as Stytch sends it.

use core::hash::{Hash, Hasher};
use std::borrow::Cow;
use std::boxed::Box;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// An error body: the five fields of every Stytch error response, in the order Stytch
/// sends them.
///
/// [`ApiError::to_body`](crate::ApiError::to_body) builds one that borrows from the error;
/// serializing it with any serde format gives the same fields in the same order as
/// [`ApiError::to_json`](crate::ApiError::to_json). Deserializing borrows the strings from
/// the input where they hold no escapes.
///
/// ```
/// use stytch_errors::{ApiError, ErrorBody};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let body: ErrorBody<'_> = AppError::TooManyRequests.to_body("request-id-test-1");
/// assert_eq!(body.status_code, 429);
/// assert_eq!(
///     serde_json::to_string(&body).unwrap(),
///     AppError::TooManyRequests.to_json("request-id-test-1"),
/// );
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody<'a> {
    /// The HTTP status code.
    pub status_code: u16,
    /// The id of the request that failed.
    #[serde(borrow)]
    pub request_id: Cow<'a, str>,
    /// The catalog's name for the error, e.g. `too_many_requests`.
    #[serde(borrow)]
    pub error_type: Cow<'a, str>,
    /// The human-readable message.
    #[serde(borrow)]
    pub error_message: Cow<'a, str>,
    /// The reference page of the error: `{docs_url}/{status_code}#{error_type}`.
    #[serde(borrow)]
    pub error_url: Cow<'a, str>,
    /// The `#[api_error(details)]` fields of the variant, by name; `None` (and no key in
    /// the JSON) when it has none.
    /// As raw JSON, so that its members keep the order the variant declares them in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_details: Option<Box<RawValue>>,
}

impl ErrorBody<'_> {
    /// The fields compared and hashed: `error_details` by its JSON text.
    fn key(&self) -> (u16, &str, &str, &str, &str, Option<&str>) {
        (
            self.status_code,
            &self.request_id,
            &self.error_type,
            &self.error_message,
            &self.error_url,
            self.error_details.as_deref().map(RawValue::get),
        )
    }
}

impl PartialEq for ErrorBody<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for ErrorBody<'_> {}

impl Hash for ErrorBody<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl ErrorBody<'_> {
    /// A copy that owns its strings, free of the input's lifetime.
    ///
    /// ```
    /// use stytch_errors::ErrorBody;
    ///
    /// let owned: ErrorBody<'static> = {
    ///     let input = String::from(r#"{"status_code":400,"request_id":"r","error_type":"bad_request","error_message":"Bad.","error_url":"https://example.com/errors/400#bad_request"}"#);
    ///     let body: ErrorBody<'_> = serde_json::from_str(&input).unwrap();
    ///     body.into_owned()
    /// };
    /// assert_eq!(owned.error_type, "bad_request");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ErrorBody<'static> {
        ErrorBody {
            status_code: self.status_code,
            request_id: Cow::Owned(self.request_id.into_owned()),
            error_type: Cow::Owned(self.error_type.into_owned()),
            error_message: Cow::Owned(self.error_message.into_owned()),
            error_url: Cow::Owned(self.error_url.into_owned()),
            error_details: self.error_details,
        }
    }
}

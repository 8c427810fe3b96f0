//! The `ApiError` trait: what every error of a catalog can say about itself.

use std::borrow::Cow;
use std::string::String;
use std::vec::Vec;

use crate::model::ErrorInfo;
use crate::serve::HeadersOut;
use crate::wire::ErrorBody;
use crate::wire::{DetailsOut, JsonOut};

/// An error of an HTTP API's catalog: its status, its `error_type`, its reference URL, its
/// message and its JSON body.
///
/// Implement it with `#[derive(ApiError)]` (see the [crate docs](crate) for the attributes);
/// the derive knows everything but the field values at compile time, so every method but
/// the message's rendering returns static data. A catalog written by hand implements
/// [`catalog`](Self::catalog), [`info`](Self::info), [`error_message`](Self::error_message)
/// and [`from_error_type`](Self::from_error_type); every other method has a default body
/// (see [`StaticCatalog`](crate::StaticCatalog) for an example).
///
/// ```
/// use stytch_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
/// pub enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// let error = AppError::InvalidField { field: "email".into() };
/// assert_eq!(error.status_code(), 400);
/// assert_eq!(error.error_type(), "invalid_field");
/// assert_eq!(error.error_message(), "The email value is invalid.");
/// assert_eq!(
///     error.error_url(),
///     "https://stytch.com/docs/api-reference/b2b/api/errors/400#invalid_field",
/// );
/// assert_eq!(
///     AppError::TooManyRequests.to_json("request-id-test-1"),
///     r#"{"status_code":429,"request_id":"request-id-test-1","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#,
/// );
/// ```
pub trait ApiError {
    /// Every variant's catalog entry, in declaration order.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 429, message = "Too many requests have been made.")]
    /// #     TooManyRequests,
    /// #     #[api_error(status = 400, message = "The {field} value is invalid.")]
    /// #     InvalidField { field: String },
    /// # }
    /// let types: Vec<&str> = AppError::catalog().iter().map(|info| info.error_type).collect();
    /// assert_eq!(types, ["too_many_requests", "invalid_field"]);
    /// ```
    fn catalog() -> &'static [ErrorInfo]
    where
        Self: Sized;

    /// The catalog entry of this value's variant.
    fn info(&self) -> &'static ErrorInfo;

    /// The HTTP status code, e.g. `429`.
    fn status_code(&self) -> u16 {
        self.info().status_code
    }

    /// The HTTP status, e.g. [`http::StatusCode::TOO_MANY_REQUESTS`].
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError { #[api_error(status = 429, message = "Slow down.")] TooManyRequests }
    /// assert_eq!(AppError::TooManyRequests.status(), http::StatusCode::TOO_MANY_REQUESTS);
    /// ```
    fn status(&self) -> http::StatusCode {
        self.info().status()
    }

    /// Whether a client may retry the request that failed with this error: the catalog
    /// entry's [`retryable`](ErrorInfo::retryable), true by default for 429, 499 and 503,
    /// and as `#[api_error(retryable = …)]` says for a variant.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 429, message = "Slow down.")]
    /// #     TooManyRequests,
    /// #     #[api_error(status = 503, message = "Down for maintenance.", retryable = false)]
    /// #     Maintenance,
    /// #     #[api_error(status = 409, message = "Locked by another write.", retryable = true)]
    /// #     Contended,
    /// # }
    /// assert!(AppError::TooManyRequests.is_retryable());
    /// assert!(!AppError::Maintenance.is_retryable());
    /// assert!(AppError::Contended.is_retryable());
    /// ```
    fn is_retryable(&self) -> bool {
        self.info().retryable
    }

    /// The `error_type` string, e.g. `too_many_requests`.
    fn error_type(&self) -> &'static str {
        self.info().error_type
    }

    /// The error's reference page: `{docs_url}/{status_code}#{error_type}`.
    fn error_url(&self) -> &'static str {
        self.info().error_url
    }

    /// The message with the field values filled in; borrowed from the catalog when the
    /// message has no fields.
    ///
    /// Every rendering of the message gives this text: `Display` (which, as thiserror's,
    /// writes it whole and ignores the caller's width, precision and alignment), the JSON
    /// body and the HTTP responses. A field whose `Display` fails on its own shows what it
    /// wrote before failing, and the message goes on after it; nothing panics.
    ///
    /// ```
    /// # use std::borrow::Cow;
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 429, message = "Too many requests have been made.")]
    /// #     TooManyRequests,
    /// #     #[api_error(status = 400, message = "The {field} value is invalid.")]
    /// #     InvalidField { field: String },
    /// # }
    /// assert!(matches!(AppError::TooManyRequests.error_message(), Cow::Borrowed(_)));
    /// let error = AppError::InvalidField { field: "email".into() };
    /// assert_eq!(error.error_message(), "The email value is invalid.");
    /// ```
    fn error_message(&self) -> Cow<'_, str>;

    /// The body with `request_id`, as a value that implements [`serde::Serialize`].
    fn to_body<'a>(&'a self, request_id: &'a str) -> ErrorBody<'a> {
        let info = self.info();
        ErrorBody {
            status_code: info.status_code,
            request_id: Cow::Borrowed(request_id),
            error_type: Cow::Borrowed(info.error_type),
            error_message: self.error_message(),
            error_url: Cow::Borrowed(info.error_url),
            error_details: crate::wire::details::details_json(self)
                .ok()
                .flatten()
                .and_then(|json| serde_json::value::RawValue::from_string(json).ok()),
        }
    }

    /// The JSON body with `request_id`: the same bytes as `serde_json::to_string` gives for
    /// [`to_body`](Self::to_body), in one allocation.
    fn to_json(&self, request_id: &str) -> String {
        // `__write_json` reserves the body's length before it writes (all of it when the
        // message is static), so that this is the one allocation.
        let mut json = String::new();
        self.__write_json(request_id, &mut JsonOut::text(&mut json));
        json
    }

    /// Appends the JSON body with `request_id` to `out`: the bytes of
    /// [`to_json`](Self::to_json), without allocating when `out` has room.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError { #[api_error(status = 429, message = "Slow down.")] TooManyRequests }
    /// let mut buffer = Vec::with_capacity(512);
    /// AppError::TooManyRequests.write_json("request-id-test-1", &mut buffer);
    /// assert_eq!(buffer, AppError::TooManyRequests.to_json("request-id-test-1").as_bytes());
    /// ```
    fn write_json(&self, request_id: &str, out: &mut Vec<u8>) {
        self.__write_json(request_id, &mut JsonOut::bytes(out));
    }

    /// The unit variant whose `error_type` is `error_type`; `None` for an unknown type and
    /// for variants with fields (their values cannot be made up).
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, PartialEq, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 429, message = "Too many requests have been made.")]
    /// #     TooManyRequests,
    /// #     #[api_error(status = 400, message = "The {field} value is invalid.")]
    /// #     InvalidField { field: String },
    /// # }
    /// assert_eq!(AppError::from_error_type("too_many_requests"), Some(AppError::TooManyRequests));
    /// assert_eq!(AppError::from_error_type("invalid_field"), None);
    /// assert_eq!(AppError::from_error_type("no_such_error"), None);
    /// ```
    fn from_error_type(error_type: &str) -> Option<Self>
    where
        Self: Sized;

    /// The catalog entry whose `error_type` is `error_type`, for variants with fields too.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 400, message = "The {field} value is invalid.")]
    /// #     InvalidField { field: String },
    /// # }
    /// let info = AppError::info_for("invalid_field").unwrap();
    /// assert_eq!(info.variant, "InvalidField");
    /// assert!(AppError::info_for("no_such_error").is_none());
    /// ```
    #[must_use]
    fn info_for(error_type: &str) -> Option<&'static ErrorInfo>
    where
        Self: Sized,
    {
        Self::__index_of(error_type).and_then(|index| Self::catalog().get(index))
    }

    /// The catalog index of `error_type`. The derive generates a lookup in a table built at
    /// compile time; this default, for catalogs written by hand, searches the catalog.
    #[doc(hidden)]
    #[must_use]
    fn __index_of(error_type: &str) -> Option<usize>
    where
        Self: Sized,
    {
        Self::catalog()
            .iter()
            .position(|info| info.error_type == error_type)
    }

    /// The variant at `index` in the catalog, rebuilt from the body's `error_details`:
    /// generated under `#[api_error(round_trip)]` for the variants whose every field is a
    /// details field; `None` for the others, and when the details do not deserialize.
    #[doc(hidden)]
    #[must_use]
    fn __from_details(index: usize, details: &serde_json::value::RawValue) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = (index, details);
        None
    }

    /// Writes the JSON body. The derive generates a writer with every fragment known at
    /// compile time pre-rendered; this default, for catalogs written by hand, writes the
    /// [`info`](Self::info), the [`error_message`](Self::error_message) and, as
    /// [`to_body`](Self::to_body) does, the details that `__write_details` writes.
    #[doc(hidden)]
    fn __write_json(&self, request_id: &str, out: &mut JsonOut<'_>) {
        let info = self.info();
        out.push_body_of(
            info,
            info.status_code,
            request_id,
            &self.error_message(),
            None,
        );
        out.push_details(&|details| self.__write_details(details));
    }

    /// Writes the message with the field values filled in. The derive generates it; this
    /// default, for catalogs written by hand, writes the
    /// [`error_message`](Self::error_message).
    #[doc(hidden)]
    fn __fmt_message(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.error_message())
    }

    /// Writes the `#[api_error(details)]` fields: generated when a variant has any.
    #[doc(hidden)]
    fn __write_details(&self, out: &mut DetailsOut<'_>) {
        let _ = out;
    }

    /// Adds the `header(…)` headers: generated when a variant sends any.
    #[doc(hidden)]
    fn __headers(&self, out: &mut HeadersOut<'_>) {
        let _ = out;
    }

    /// The underlying error, the `#[source]` or `#[from]` field: generated when a variant
    /// has one, whether or not the derive implements `std::error::Error`.
    #[doc(hidden)]
    fn __source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::ApiError;
    use crate::model::ErrorInfo;
    use crate::wire::DetailsOut;

    static CATALOG: [ErrorInfo; 1] = [ErrorInfo::new(
        "Invalid",
        "invalid",
        422,
        "Invalid.",
        "https://example.com/errors",
        "https://example.com/errors/422#invalid",
    )
    .with_details(&["field"])];

    /// A catalog by hand whose one error has details.
    #[derive(Debug)]
    struct Invalid;

    impl ApiError for Invalid {
        fn catalog() -> &'static [ErrorInfo] {
            &CATALOG
        }

        fn info(&self) -> &'static ErrorInfo {
            &CATALOG[0]
        }

        fn error_message(&self) -> Cow<'_, str> {
            Cow::Borrowed("Invalid.")
        }

        fn from_error_type(error_type: &str) -> Option<Self> {
            (error_type == "invalid").then_some(Invalid)
        }

        fn __write_details(&self, out: &mut DetailsOut<'_>) {
            out.member("\"field\":", "email");
        }
    }

    #[test]
    fn the_default_writer_writes_the_details_that_to_body_has() {
        let json = Invalid.to_json("r");
        assert_eq!(json, serde_json::to_string(&Invalid.to_body("r")).unwrap());
        assert!(
            json.ends_with(r#","error_details":{"field":"email"}}"#),
            "{json}"
        );
    }
}

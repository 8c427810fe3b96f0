//! RFC 9457 problem details: the other shape of an error body.

use std::borrow::Cow;
use std::string::String;

use serde::{Deserialize, Serialize};

use crate::model::ApiError;
use crate::model::ErrorInfo;

/// An error as RFC 9457 problem details (`application/problem+json`), for clients that ask
/// for them with `Accept: application/problem+json` (see
/// [`BodyFormat::from_accept`](crate::BodyFormat::from_accept)).
///
/// | member | value |
/// |---|---|
/// | `type` | the `error_url` |
/// | `title` | the catalog message: the same for every occurrence of the error (the template, placeholders and all, when the message has fields) |
/// | `status` | the status code |
/// | `detail` | the `error_message` of this occurrence |
/// | `error_type` | extension member: the `error_type` |
/// | `request_id` | extension member: the request id |
/// | each `#[api_error(details)]` field | extension member, under the field's name |
///
/// ```
/// use stytch_errors::{ApiError, ProblemDetails};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// let problem = ProblemDetails::new(&AppError::TooManyRequests, "request-id-test-1");
/// assert_eq!(
///     problem.to_json(),
///     r#"{"type":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests","title":"Too many requests have been made.","status":429,"detail":"Too many requests have been made.","error_type":"too_many_requests","request_id":"request-id-test-1"}"#,
/// );
///
/// let error = AppError::InvalidField { field: "email".into() };
/// let problem = ProblemDetails::new(&error, "request-id-test-2");
/// assert_eq!(problem.title, "The {field} value is invalid.");
/// assert_eq!(problem.detail, "The email value is invalid.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProblemDetails<'a> {
    /// The problem type: the error's reference page, `error_url`.
    #[serde(rename = "type", borrow)]
    pub type_url: Cow<'a, str>,
    /// The catalog message.
    #[serde(borrow)]
    pub title: Cow<'a, str>,
    /// The HTTP status code.
    pub status: u16,
    /// The message of this occurrence.
    #[serde(borrow)]
    pub detail: Cow<'a, str>,
    /// The catalog's name for the error, e.g. `too_many_requests`.
    #[serde(borrow)]
    pub error_type: Cow<'a, str>,
    /// The id of the request that failed.
    #[serde(borrow)]
    pub request_id: Cow<'a, str>,
    /// Extension members: the `#[api_error(details)]` fields of the variant, by name
    /// (the members of `error_details` in the Stytch shape), in the order of `serde_json`'s
    /// maps; on parsing, every other member.
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

impl<'a> ProblemDetails<'a> {
    /// The problem details of `error` with `request_id`.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &'a E, request_id: &'a str) -> Self {
        let details = crate::wire::details::details_json(error).ok().flatten();
        Self::of(
            error.info(),
            error.error_message(),
            request_id,
            details.as_deref(),
        )
    }

    /// The problem details of an error whose message is `message`.
    #[must_use]
    pub fn from_parts(info: &'static ErrorInfo, message: &'a str, request_id: &'a str) -> Self {
        Self::of(info, Cow::Borrowed(message), request_id, None)
    }

    /// The problem details of the error `info` whose message is `detail`, with the
    /// `error_details` object `details` (JSON text) as its extension members.
    pub(crate) fn of(
        info: &'static ErrorInfo,
        detail: Cow<'a, str>,
        request_id: &'a str,
        details: Option<&str>,
    ) -> Self {
        let title = if info.is_static_message() {
            detail.clone()
        } else {
            Cow::Borrowed(info.message_template)
        };
        Self {
            type_url: Cow::Borrowed(info.error_url),
            title,
            status: info.status_code,
            detail,
            error_type: Cow::Borrowed(info.error_type),
            request_id: Cow::Borrowed(request_id),
            extensions: details
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default(),
        }
    }

    /// The JSON text, members in the order of the table above.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing strings and a number into memory cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A copy that owns its strings, free of the input's lifetime.
    ///
    /// ```
    /// use stytch_errors::ProblemDetails;
    ///
    /// let owned: ProblemDetails<'static> = {
    ///     let input = String::from(r#"{"type":"https://example.com/errors/400#bad_request","title":"Bad.","status":400,"detail":"Bad.","error_type":"bad_request","request_id":"r"}"#);
    ///     let problem: ProblemDetails<'_> = serde_json::from_str(&input).unwrap();
    ///     problem.into_owned()
    /// };
    /// assert_eq!(owned.status, 400);
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ProblemDetails<'static> {
        ProblemDetails {
            type_url: Cow::Owned(self.type_url.into_owned()),
            title: Cow::Owned(self.title.into_owned()),
            status: self.status,
            detail: Cow::Owned(self.detail.into_owned()),
            error_type: Cow::Owned(self.error_type.into_owned()),
            request_id: Cow::Owned(self.request_id.into_owned()),
            extensions: self.extensions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ProblemDetails;
    use crate::{ApiError, BodyFormat, RenderedError, to_http_response};

    #[derive(Debug, ApiError)]
    #[api_error(crate = "crate", docs_url = "https://example.com/errors")]
    enum TestError {
        #[api_error(status = 400, message = "The {field} value is invalid.")]
        InvalidField { field: String },
        #[api_error(status = 500, message = "Braces {{ stay }}.")]
        Braces,
    }

    #[test]
    fn the_response_is_problem_json() {
        let error = TestError::InvalidField {
            field: "\"email\"".into(),
        };
        let response = to_http_response(&error, "r-1", BodyFormat::ProblemDetails);
        assert_eq!(response.status(), 400);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        assert_eq!(response.headers()["x-request-id"], "r-1");
        let problem: ProblemDetails<'_> = serde_json::from_str(response.body()).unwrap();
        assert_eq!(problem.type_url, error.error_url());
        assert_eq!(problem.title, "The {field} value is invalid.");
        assert_eq!(problem.status, 400);
        assert_eq!(problem.detail, "The \"email\" value is invalid.");
        assert_eq!(problem.error_type, "invalid_field");
        assert_eq!(problem.request_id, "r-1");
    }

    #[test]
    fn rendering_again_gives_the_same_bytes() {
        let errors = [
            TestError::InvalidField {
                field: "x\n".into(),
            },
            TestError::Braces,
        ];
        for error in &errors {
            let rendered = RenderedError::new(error, "a", BodyFormat::Stytch);
            assert_eq!(
                rendered.body("b", BodyFormat::ProblemDetails),
                ProblemDetails::new(error, "b").to_json()
            );
        }
        assert_eq!(
            ProblemDetails::new(&TestError::Braces, "b").title,
            "Braces { stay }."
        );
    }
}

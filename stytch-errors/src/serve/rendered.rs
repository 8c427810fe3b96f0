//! [`RenderedError`]: what an error response was rendered from, kept in its extensions.

use std::borrow::Cow;
use std::string::{String, ToString};
use std::vec::Vec;

use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, Response};

use super::{BodyFormat, HeadersOut, REQUEST_ID_HEADER};
use crate::model::{ApiError, ErrorInfo};
use crate::wire::details::details_json;

/// What an error response was rendered from, kept in its extensions so that a middleware
/// can read it (to log the `error_type`, say) or render the body again for another request
/// id or shape.
///
/// [`to_http_response`](crate::to_http_response) and the framework integrations insert one into every error
/// response; the request-id layer of each framework uses it to make sure the body carries
/// the id of the request being served.
///
/// ```
/// use stytch_errors::{ApiError, BodyFormat, RenderedError, to_http_response};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let response = to_http_response(&AppError::TooManyRequests, "request-id-test-1", BodyFormat::Stytch);
/// let rendered = response.extensions().get::<RenderedError>().unwrap();
/// assert_eq!(rendered.info().error_type, "too_many_requests");
/// assert_eq!(rendered.request_id(), "request-id-test-1");
/// assert_eq!(
///     rendered.body("request-id-test-2", BodyFormat::Stytch),
///     AppError::TooManyRequests.to_json("request-id-test-2"),
/// );
/// ```
///
/// It also keeps what only the server may see: the text of each error in the source chain
/// ([`source_chain`](Self::source_chain)), and what could not be rendered
/// ([`problems`](Self::problems)). Neither is ever sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedError {
    info: &'static ErrorInfo,
    /// The status the response carries: the entry's own, or the one it stands for.
    status_code: u16,
    message: Cow<'static, str>,
    request_id: String,
    format: BodyFormat,
    /// The `error_details` object as JSON text.
    details: Option<String>,
    headers: HeaderMap,
    source_chain: Vec<String>,
    problems: Vec<String>,
}

impl RenderedError {
    /// What `error` renders from, with `request_id` and `format`.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &E, request_id: &str, format: BodyFormat) -> Self {
        let info = error.info();
        let message = error.error_message();
        // A static message (the template's text, `{{` and `}}` unescaped) is borrowed.
        let message = match info.static_message {
            Some(text) if message == text => Cow::Borrowed(text),
            _ => Cow::Owned(message.into_owned()),
        };
        let mut problems = Vec::new();
        let details = details_json(error).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
        let mut headers = HeaderMap::new();
        error.__headers(&mut HeadersOut::new(&mut headers, &mut problems));
        let source_chain = core::iter::successors(error.__source(), |source| source.source())
            .map(ToString::to_string)
            .collect();
        Self {
            info,
            status_code: info.status_code,
            message,
            request_id: request_id.into(),
            format,
            details,
            headers,
            source_chain,
            problems,
        }
    }

    /// The catalog entry of the error.
    #[must_use]
    pub fn info(&self) -> &'static ErrorInfo {
        self.info
    }

    /// The status of the response and of the body's `status_code`: the catalog entry's,
    /// unless [`with_status`](Self::with_status) said otherwise.
    #[must_use]
    pub fn status_code(&self) -> u16 {
        self.status_code
    }

    /// The same error standing for a response of `status_code`: the response's status and
    /// the body's `status_code` say `status_code`; the `error_type`, the message and the
    /// `error_url` stay the error's own, so that a client parses the body back to the same
    /// variant. This is how the request-id layer (axum) and middleware (actix-web) answer
    /// a failure with the catalog error that [covers](crate::FrameworkErrors) its status
    /// without changing the status. A status that is not an error status (400 to 599) is
    /// ignored.
    ///
    /// ```
    /// use stytch_errors::{ApiError, BodyFormat, RenderedError, parse_error};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
    ///     BadRequest,
    ///     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
    ///     Internal,
    /// }
    ///
    /// let rendered = RenderedError::new(&AppError::BadRequest, "r-1", BodyFormat::Stytch).with_status(409);
    /// let response = rendered.to_http_response("r-1", BodyFormat::Stytch);
    /// assert_eq!(response.status(), 409);
    /// assert_eq!(
    ///     response.body(),
    ///     r#"{"status_code":409,"request_id":"r-1","error_type":"bad_request","error_message":"The request is invalid.","error_url":"https://example.com/errors/400#bad_request"}"#,
    /// );
    /// assert_eq!(parse_error::<AppError>(response.body().as_bytes()).unwrap().known(), Some(&AppError::BadRequest));
    /// ```
    #[must_use]
    pub fn with_status(mut self, status_code: u16) -> Self {
        if stytch_errors_shared::status::RANGE.contains(&status_code) {
            self.status_code = status_code;
        }
        self
    }

    /// The message, with the field values filled in.
    #[must_use]
    pub fn error_message(&self) -> &str {
        &self.message
    }

    /// The request id the body carries.
    #[must_use]
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The shape of the body.
    #[must_use]
    pub fn format(&self) -> BodyFormat {
        self.format
    }

    /// The body's `error_details` object as JSON text, when the variant has
    /// `#[api_error(details)]` fields (and they serialized).
    #[must_use]
    pub fn error_details(&self) -> Option<&str> {
        self.details.as_deref()
    }

    /// The headers of the error's `header(…)` attributes, as the response carries them.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The `Display` of each error in the source chain, the `#[source]` or `#[from]` field
    /// first: for the server's logs, never sent.
    ///
    /// ```
    /// use stytch_errors::{ApiError, BodyFormat, RenderedError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 500, message = "Something went wrong.")]
    ///     Database(#[from] std::io::Error),
    /// }
    ///
    /// let error = AppError::from(std::io::Error::other("connection refused"));
    /// let rendered = RenderedError::new(&error, "request-id-test-1", BodyFormat::Stytch);
    /// assert_eq!(rendered.source_chain(), ["connection refused"]);
    /// assert!(!rendered.body("request-id-test-1", BodyFormat::Stytch).contains("refused"));
    /// ```
    #[must_use]
    pub fn source_chain(&self) -> &[String] {
        &self.source_chain
    }

    /// What could not be rendered, for the server's logs: a details field whose
    /// `Serialize` failed (the body then has no `error_details`), a header whose value was
    /// not a valid header value (the response then lacks it).
    #[must_use]
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The body for `request_id` in `format`: the bytes the error itself renders.
    #[must_use]
    pub fn body(&self, request_id: &str, format: BodyFormat) -> String {
        match format {
            BodyFormat::Stytch => self.info.body_json(
                self.status_code,
                request_id,
                &self.message,
                self.details.as_deref(),
            ),
            #[cfg(feature = "problem-details")]
            BodyFormat::ProblemDetails => {
                let mut problem = crate::wire::ProblemDetails::of(
                    self.info,
                    Cow::Borrowed(&self.message),
                    request_id,
                    self.details.as_deref(),
                );
                problem.status = self.status_code;
                problem.to_json()
            }
        }
    }

    /// The whole response for `request_id` in `format`, as [`to_http_response`](crate::to_http_response) makes it.
    #[must_use]
    pub fn to_http_response(&self, request_id: &str, format: BodyFormat) -> Response<String> {
        let body = self.body(request_id, format);
        self.with_request(request_id, format).into_response(body)
    }

    /// The same standing for a failure whose framework gave `reason` as its text (a
    /// rejection's): the reason is the first of its [source chain](Self::source_chain), for
    /// the log, and with `in_body` also the body's `error_details`, `{"reason": "…"}` (a
    /// stand-in is a unit variant, without details of its own).
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn with_reason(mut self, reason: String, in_body: bool) -> Self {
        if in_body && self.details.is_none() {
            self.details = Some(serde_json::json!({ "reason": reason }).to_string());
        }
        self.source_chain.insert(0, reason);
        self
    }

    /// A copy for `request_id` and `format`.
    pub(crate) fn with_request(&self, request_id: &str, format: BodyFormat) -> Self {
        Self {
            request_id: request_id.into(),
            format,
            ..self.clone()
        }
    }

    pub(super) fn into_response(self, body: String) -> Response<String> {
        let mut response = Response::new(body);
        *response.status_mut() =
            http::StatusCode::from_u16(self.status_code).unwrap_or_else(|_| self.info.status());
        let headers = response.headers_mut();
        headers.extend(self.headers.clone());
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(self.format.content_type()),
        );
        if let Ok(id) = HeaderValue::from_str(&self.request_id) {
            headers.insert(REQUEST_ID_HEADER, id);
        }
        response.extensions_mut().insert(self);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::{BodyFormat, RenderedError};
    use crate::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(crate = "crate", docs_url = "https://example.com/errors")]
    enum TestError {
        #[api_error(status = 500, message = "Braces {{ and }} stay.")]
        Braces,
        #[api_error(status = 503, message = "Down.")]
        Down(#[source] std::io::Error),
    }

    #[test]
    fn static_messages_are_not_copied() {
        let rendered = RenderedError::new(&TestError::Braces, "r", BodyFormat::Stytch);
        assert_eq!(rendered.error_message(), "Braces { and } stay.");
        assert!(matches!(rendered.message, std::borrow::Cow::Borrowed(_)));
        let rendered = RenderedError::new(
            &TestError::Down(std::io::Error::other("x")),
            "r",
            BodyFormat::Stytch,
        );
        assert!(matches!(rendered.message, std::borrow::Cow::Borrowed(_)));
    }
}

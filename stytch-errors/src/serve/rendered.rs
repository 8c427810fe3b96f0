//! [`RenderedError`]: what an error response was rendered from, kept in its extensions.

use std::borrow::Cow;
use std::string::String;

use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response};

use super::{BodyFormat, REQUEST_ID_HEADER};
use crate::model::{ApiError, ErrorInfo};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedError {
    info: &'static ErrorInfo,
    message: Cow<'static, str>,
    request_id: String,
    format: BodyFormat,
}

impl RenderedError {
    /// What `error` renders from, with `request_id` and `format`.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &E, request_id: &str, format: BodyFormat) -> Self {
        let info = error.info();
        let message = error.error_message();
        let message = if message == info.message_template {
            Cow::Borrowed(info.message_template)
        } else {
            Cow::Owned(message.into_owned())
        };
        Self {
            info,
            message,
            request_id: request_id.into(),
            format,
        }
    }

    /// The catalog entry of the error.
    #[must_use]
    pub fn info(&self) -> &'static ErrorInfo {
        self.info
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

    /// The body for `request_id` in `format`: the bytes the error itself renders.
    #[must_use]
    pub fn body(&self, request_id: &str, format: BodyFormat) -> String {
        match format {
            BodyFormat::Stytch => self.info.body_json(request_id, &self.message),
            #[cfg(feature = "problem-details")]
            BodyFormat::ProblemDetails => {
                crate::wire::ProblemDetails::from_parts(self.info, &self.message, request_id)
                    .to_json()
            }
        }
    }

    /// The whole response for `request_id` in `format`, as [`to_http_response`](crate::to_http_response) makes it.
    #[must_use]
    pub fn to_http_response(&self, request_id: &str, format: BodyFormat) -> Response<String> {
        let body = self.body(request_id, format);
        self.with_request(request_id, format).into_response(body)
    }

    /// A copy for `request_id` and `format`.
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn with_request(&self, request_id: &str, format: BodyFormat) -> Self {
        Self {
            info: self.info,
            message: self.message.clone(),
            request_id: request_id.into(),
            format,
        }
    }

    pub(super) fn into_response(self, body: String) -> Response<String> {
        let mut response = Response::new(body);
        *response.status_mut() = self.info.status();
        let headers = response.headers_mut();
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
        let rendered = RenderedError::new(
            &TestError::Down(std::io::Error::other("x")),
            "r",
            BodyFormat::Stytch,
        );
        assert!(matches!(rendered.message, std::borrow::Cow::Borrowed(_)));
    }
}

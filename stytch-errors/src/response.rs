//! Error responses at the `http` level: status, headers and body of any [`ApiError`].

use std::borrow::Cow;
use std::string::String;

use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, Response};

use crate::api_error::ApiError;
use crate::error_info::ErrorInfo;

/// The header that carries a request's id (the same name as `REQUEST_ID_HEADER`, which
/// needs the `request-id` feature).
const X_REQUEST_ID: http::HeaderName = http::HeaderName::from_static("x-request-id");

/// The media type of Stytch's error bodies.
pub const APPLICATION_JSON: &str = "application/json";

/// The media type of RFC 9457 problem details.
pub const APPLICATION_PROBLEM_JSON: &str = "application/problem+json";

/// The shape of an error body.
///
/// Stytch's shape is the default; with the `problem-details` feature, a client whose
/// `Accept` header asks for `application/problem+json` gets RFC 9457 problem details
/// (see [`from_accept`](Self::from_accept)).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BodyFormat {
    /// `application/json`: `status_code`, `request_id`, `error_type`, `error_message`,
    /// `error_url`, as Stytch sends them.
    #[default]
    Stytch,
    /// `application/problem+json`: see [`ProblemDetails`](crate::ProblemDetails).
    #[cfg(feature = "problem-details")]
    ProblemDetails,
}

impl BodyFormat {
    /// The `content-type` of a body of this shape.
    ///
    /// ```
    /// assert_eq!(stytch_errors::BodyFormat::Stytch.content_type(), "application/json");
    /// ```
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Stytch => APPLICATION_JSON,
            #[cfg(feature = "problem-details")]
            Self::ProblemDetails => APPLICATION_PROBLEM_JSON,
        }
    }

    /// The shape an `Accept` header asks for.
    ///
    /// Problem details are chosen when `application/problem+json` is named with a quality
    /// above zero and no lower than that of `application/json` (or, failing that,
    /// `application/*`, then `*/*`); wildcards alone never choose them, so a client that
    /// does not ask gets Stytch's shape. Without the `problem-details` feature, always
    /// [`Stytch`](Self::Stytch).
    ///
    /// ```
    /// use stytch_errors::BodyFormat;
    ///
    /// assert_eq!(BodyFormat::from_accept("*/*"), BodyFormat::Stytch);
    /// assert_eq!(BodyFormat::from_accept("application/json"), BodyFormat::Stytch);
    /// # #[cfg(feature = "problem-details")] {
    /// assert_eq!(
    ///     BodyFormat::from_accept("application/problem+json"),
    ///     BodyFormat::ProblemDetails,
    /// );
    /// assert_eq!(
    ///     BodyFormat::from_accept("application/json, application/problem+json;q=0.5"),
    ///     BodyFormat::Stytch,
    /// );
    /// # }
    /// ```
    #[must_use]
    pub fn from_accept(accept: &str) -> Self {
        #[cfg(feature = "problem-details")]
        if prefers_problem_json(accept) {
            return Self::ProblemDetails;
        }
        let _ = accept;
        Self::Stytch
    }

    /// The shape the request's `Accept` headers ask for (all of them, in order), see
    /// [`from_accept`](Self::from_accept); [`Stytch`](Self::Stytch) when there are none.
    #[must_use]
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let mut accept = String::new();
        for value in headers.get_all(http::header::ACCEPT) {
            if let Ok(value) = value.to_str() {
                if !accept.is_empty() {
                    accept.push(',');
                }
                accept.push_str(value);
            }
        }
        Self::from_accept(&accept)
    }
}

/// Whether an `Accept` header prefers `application/problem+json` to `application/json`.
#[cfg(feature = "problem-details")]
fn prefers_problem_json(accept: &str) -> bool {
    // Qualities in thousandths; for JSON, the most specific range that matches wins.
    let mut problem: Option<u16> = None;
    let mut json: [Option<u16>; 3] = [None; 3]; // application/json, application/*, */*
    for element in accept.split(',') {
        let mut parts = element.split(';');
        let range = parts.next().unwrap_or_default().trim();
        let mut quality = Some(1000);
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim());
                }
            }
        }
        let Some(quality) = quality else {
            continue;
        };
        let slot = if range.eq_ignore_ascii_case(APPLICATION_PROBLEM_JSON) {
            &mut problem
        } else if range.eq_ignore_ascii_case(APPLICATION_JSON) {
            &mut json[0]
        } else if range.eq_ignore_ascii_case("application/*") {
            &mut json[1]
        } else if range == "*/*" {
            &mut json[2]
        } else {
            continue;
        };
        *slot = Some(slot.map_or(quality, |q| q.max(quality)));
    }
    let json = json.into_iter().flatten().next().unwrap_or(0);
    problem.is_some_and(|problem| problem > 0 && problem >= json)
}

/// An RFC 9110 `qvalue` in thousandths: `0`, `1`, `0.5`, `0.125`, `1.000`.
#[cfg(feature = "problem-details")]
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// What an error response was rendered from, kept in its extensions so that a middleware
/// can read it (to log the `error_type`, say) or render the body again for another request
/// id or shape.
///
/// [`to_http_response`] and the framework integrations insert one into every error
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
        let message = if message == info.message {
            Cow::Borrowed(info.message)
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
                crate::problem::ProblemDetails::from_parts(self.info, &self.message, request_id)
                    .to_json()
            }
        }
    }

    /// The whole response for `request_id` in `format`, as [`to_http_response`] makes it.
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

    fn into_response(self, body: String) -> Response<String> {
        let mut response = Response::new(body);
        *response.status_mut() = self.info.status();
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(self.format.content_type()),
        );
        if let Ok(id) = HeaderValue::from_str(&self.request_id) {
            headers.insert(X_REQUEST_ID, id);
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// The response for `error`: its status, `content-type` (`application/json`, or
/// `application/problem+json` for problem details), `x-request-id: {request_id}` (when
/// `request_id` is a valid header value) and the body in `format`. The extensions hold the
/// [`RenderedError`].
///
/// The body holds the error's public message only: the text of an underlying error never
/// reaches the status, the headers or the body.
///
/// ```
/// use stytch_errors::{ApiError, BodyFormat, to_http_response};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
/// enum AppError {
///     #[api_error(status = 401, message = "Unauthorized credentials.")]
///     UnauthorizedCredentials,
/// }
///
/// let request_id = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";
/// let response = to_http_response(&AppError::UnauthorizedCredentials, request_id, BodyFormat::Stytch);
/// assert_eq!(response.status(), 401);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.headers()["x-request-id"], request_id);
/// assert_eq!(response.body(), &AppError::UnauthorizedCredentials.to_json(request_id));
/// ```
#[must_use]
pub fn to_http_response<E: ApiError + ?Sized>(
    error: &E,
    request_id: &str,
    format: BodyFormat,
) -> Response<String> {
    let body = match format {
        BodyFormat::Stytch => error.to_json(request_id),
        #[cfg(feature = "problem-details")]
        BodyFormat::ProblemDetails => crate::ProblemDetails::new(error, request_id).to_json(),
    };
    RenderedError::new(error, request_id, format).into_response(body)
}

#[cfg(test)]
mod tests {
    use super::{BodyFormat, RenderedError, to_http_response};
    use crate::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(crate = "crate", docs_url = "https://example.com/errors")]
    enum TestError {
        #[api_error(status = 400, message = "The {field} value is \"invalid\".")]
        InvalidField { field: String },
        #[api_error(status = 500, message = "Braces {{ and }} stay.")]
        Braces,
        #[api_error(status = 503, message = "Down.")]
        Down(#[source] std::io::Error),
    }

    #[test]
    fn rendering_again_gives_the_derived_bytes() {
        let errors = [
            TestError::InvalidField {
                field: "e\u{1}mail\n".into(),
            },
            TestError::Braces,
            TestError::Down(std::io::Error::other("secret")),
        ];
        for error in &errors {
            for id in ["request-id-test-1", "quote\"and\\", ""] {
                let rendered = RenderedError::new(error, "first", BodyFormat::Stytch);
                assert_eq!(
                    rendered.body(id, BodyFormat::Stytch),
                    error.to_json(id),
                    "{error:?}"
                );
            }
        }
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

    #[test]
    fn ids_that_are_not_header_values_stay_in_the_body_only() {
        let response = to_http_response(&TestError::Braces, "line\nbreak", BodyFormat::Stytch);
        assert!(response.headers().get("x-request-id").is_none());
        assert!(response.body().contains(r#""request_id":"line\nbreak""#));
        assert_eq!(response.status(), 500);
    }

    #[test]
    fn nothing_of_the_source_reaches_the_response() {
        let error = TestError::Down(std::io::Error::other("postgres://app:hunter2@db"));
        let response = to_http_response(&error, "r", BodyFormat::default());
        assert!(!response.body().contains("hunter2"));
        for (name, value) in response.headers() {
            assert!(!value.to_str().unwrap().contains("hunter2"), "{name}");
        }
    }

    #[cfg(feature = "problem-details")]
    #[test]
    fn accept_negotiation() {
        let cases = [
            ("", BodyFormat::Stytch),
            ("*/*", BodyFormat::Stytch),
            ("application/*", BodyFormat::Stytch),
            ("application/json", BodyFormat::Stytch),
            ("text/html, */*;q=0.8", BodyFormat::Stytch),
            ("application/problem+json", BodyFormat::ProblemDetails),
            ("Application/Problem+JSON", BodyFormat::ProblemDetails),
            (
                "application/problem+json, application/json",
                BodyFormat::ProblemDetails,
            ),
            (
                "application/json;q=0.9, application/problem+json",
                BodyFormat::ProblemDetails,
            ),
            (
                "application/problem+json;q=0.5, application/json",
                BodyFormat::Stytch,
            ),
            (
                "application/problem+json;q=0.5, */*;q=0.1",
                BodyFormat::ProblemDetails,
            ),
            // application/json is more specific than */*, and refused.
            (
                "application/problem+json;q=0.1, application/json;q=0, */*",
                BodyFormat::ProblemDetails,
            ),
            ("application/problem+json;q=0", BodyFormat::Stytch),
            ("application/problem+json;q=0.000", BodyFormat::Stytch),
            (
                "application/problem+json ; q=1.000",
                BodyFormat::ProblemDetails,
            ),
            // A malformed quality drops the element.
            ("application/problem+json;q=2", BodyFormat::Stytch),
            ("application/problem+json;q=0.1234", BodyFormat::Stytch),
            ("application/problem+json;q=abc", BodyFormat::Stytch),
        ];
        for (accept, expected) in cases {
            assert_eq!(BodyFormat::from_accept(accept), expected, "{accept:?}");
        }
    }

    #[cfg(feature = "problem-details")]
    #[test]
    fn accept_headers_are_combined() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(BodyFormat::from_headers(&headers), BodyFormat::Stytch);
        headers.append("accept", "application/json;q=0.5".parse().unwrap());
        headers.append("accept", "application/problem+json".parse().unwrap());
        assert_eq!(
            BodyFormat::from_headers(&headers),
            BodyFormat::ProblemDetails
        );
    }
}

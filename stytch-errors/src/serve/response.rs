//! [`to_http_response`]: error responses at the `http` level.

use std::string::String;

use http::Response;

use super::{BodyFormat, RenderedError};
use crate::model::ApiError;

/// The response for `error`: its status, `content-type` (`application/json`, or
/// `application/problem+json` for problem details), `x-request-id: {request_id}` (when
/// `request_id` is a valid header value) and the body in `format`. The extensions hold the
/// [`RenderedError`].
///
/// The headers of the error's `header(…)` attributes come with it, and its
/// `#[api_error(details)]` fields are in the body's `error_details` (problem details: as
/// extension members). The body holds the error's public message only: the text of an
/// underlying error never reaches the status, the headers or the body.
///
/// With the `tracing` feature, rendering the response emits one event (this function is
/// what the axum and actix-web integrations render with, so each error response they send
/// emits one): `error_type`, `status_code`, `request_id`, `error_message`, `source_chain`
/// (the `Display` of each error in the source chain) and `problems` (a header dropped,
/// details that did not serialize), at `ERROR` for a server error and `DEBUG` for a client
/// error unless the variant or the enum says `log = "…"`; and `error.type` is recorded on
/// the current span, if it declares that field (`tracing::field::Empty`). An error rendered
/// outside the request's scope (in a spawned task) logs the id it was rendered with.
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
    let rendered = RenderedError::new(error, request_id, format);
    #[cfg(feature = "tracing")]
    super::log::emit(&rendered);
    let body = match (format, rendered.error_details().is_some()) {
        // The derive's pre-rendered body, when no details are to be written into it.
        (BodyFormat::Stytch, false) => error.to_json(request_id),
        // The details serialized once already, for the log's sake: put into the body.
        _ => rendered.body(request_id, format),
    };
    rendered.into_response(body)
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
}

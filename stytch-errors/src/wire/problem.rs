//! RFC 9457 problem details: the other shape of an error body.

use core::fmt;
use core::hash::{Hash, Hasher};
use std::borrow::Cow;
use std::string::String;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap as _, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

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
/// The extension members are the `error_details` object of Stytch's shape, written as the
/// same text (integers of any size, nesting at any depth, the variant's order), and read
/// back as the text they came as; [`parse_error`](crate::parse_error) gives them as
/// `error_details`.
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
#[derive(Debug, Clone)]
pub struct ProblemDetails<'a> {
    /// The problem type: the error's reference page, `error_url`.
    pub type_url: Cow<'a, str>,
    /// The catalog message.
    pub title: Cow<'a, str>,
    /// The HTTP status code.
    pub status: u16,
    /// The message of this occurrence.
    pub detail: Cow<'a, str>,
    /// The catalog's name for the error, e.g. `too_many_requests`.
    pub error_type: Cow<'a, str>,
    /// The id of the request that failed.
    pub request_id: Cow<'a, str>,
    /// Extension members, as one JSON object: the `#[api_error(details)]` fields of the
    /// variant, by name, in the order the variant declares them (the `error_details` of
    /// Stytch's shape); on parsing, every other member, each value as the input has it.
    /// `None` (or `null`) when there are none.
    pub extensions: Option<Cow<'a, RawValue>>,
}

impl<'a> ProblemDetails<'a> {
    /// The problem details of `error` with `request_id`.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &'a E, request_id: &'a str) -> Self {
        let details = crate::wire::details::details_json(error).ok().flatten();
        let mut problem = Self::of(error.info(), error.error_message(), request_id, None);
        problem.extensions = details
            .and_then(|json| RawValue::from_string(json).ok())
            .map(Cow::Owned);
        problem
    }

    /// The problem details of an error whose message is `message`.
    #[must_use]
    pub fn from_parts(info: &'static ErrorInfo, message: &'a str, request_id: &'a str) -> Self {
        Self::of(info, Cow::Borrowed(message), request_id, None)
    }

    /// The problem details of the error `info` whose message is `detail`, with the
    /// `error_details` object `details` (JSON text, as the writer made it) as its extension
    /// members.
    pub(crate) fn of(
        info: &'static ErrorInfo,
        detail: Cow<'a, str>,
        request_id: &'a str,
        details: Option<&'a str>,
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
                .and_then(|json| serde_json::from_str::<&RawValue>(json).ok())
                .map(Cow::Borrowed),
        }
    }

    /// The JSON text, members in the order of the table above. Extensions that are not a
    /// JSON object (set by hand) are left out, as `null` is.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing strings and a number into memory cannot fail; only extensions that
        // are not members can.
        serde_json::to_string(self).unwrap_or_else(|_| {
            let bare = ProblemDetails {
                extensions: None,
                ..self.clone()
            };
            serde_json::to_string(&bare).unwrap_or_default()
        })
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
            extensions: self
                .extensions
                .map(|extensions| Cow::Owned(extensions.into_owned())),
        }
    }

    /// The members compared and hashed: the extensions by their JSON text.
    fn key(&self) -> (&str, &str, u16, &str, &str, &str, Option<&str>) {
        (
            &self.type_url,
            &self.title,
            self.status,
            &self.detail,
            &self.error_type,
            &self.request_id,
            self.extensions.as_deref().map(RawValue::get),
        )
    }
}

impl PartialEq for ProblemDetails<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for ProblemDetails<'_> {}

impl Hash for ProblemDetails<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl Serialize for ProblemDetails<'_> {
    /// The members in the order of the table above, then each extension member, its value
    /// the extensions' own text (with `serde_json`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let extensions = match &self.extensions {
            // `null`: no members, as `to_raw_value(&None::<T>)` says it.
            Some(extensions) if extensions.get().trim() == "null" => Vec::new(),
            Some(extensions) => {
                serde_json::from_str::<Extensions<'_>>(extensions.get())
                    .map_err(serde::ser::Error::custom)?
                    .0
            }
            None => Vec::new(),
        };
        let mut map = serializer.serialize_map(Some(6 + extensions.len()))?;
        map.serialize_entry("type", &self.type_url)?;
        map.serialize_entry("title", &self.title)?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("detail", &self.detail)?;
        map.serialize_entry("error_type", &self.error_type)?;
        map.serialize_entry("request_id", &self.request_id)?;
        for (name, value) in &extensions {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The members of the extensions object, in order, each value as its text.
struct Extensions<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Extensions<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ExtensionsVisitor)
    }
}

struct ExtensionsVisitor;

impl<'de> Visitor<'de> for ExtensionsVisitor {
    type Value = Extensions<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            members.push((name, map.next_value::<&'de RawValue>()?));
        }
        Ok(Extensions(members))
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
    fn extensions_that_are_not_members_never_empty_the_body() {
        use std::borrow::Cow;

        use serde_json::value::RawValue;

        let bare = ProblemDetails::new(&TestError::Braces, "r").to_json();
        for extensions in ["null", "[1]", "7"] {
            let mut problem = ProblemDetails::new(&TestError::Braces, "r");
            problem.extensions = Some(Cow::Owned(
                RawValue::from_string(extensions.into()).unwrap(),
            ));
            assert_eq!(problem.to_json(), bare, "{extensions}");
        }
        // `null`, as `serde_json::value::to_raw_value(&None::<T>)` gives: no members.
        let mut problem = ProblemDetails::new(&TestError::Braces, "r");
        problem.extensions = Some(Cow::Owned(RawValue::from_string("null".into()).unwrap()));
        assert_eq!(serde_json::to_string(&problem).unwrap(), bare);
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

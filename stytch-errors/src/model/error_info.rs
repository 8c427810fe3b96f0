//! What the catalog knows about one error, at compile time.

use std::borrow::Cow;
use std::string::String;

use serde::Serialize;

use crate::model::{Cover, LogLevel};
use crate::wire::JsonOut;

/// The catalog entry of one variant: everything `#[derive(ApiError)]` knows about it at
/// compile time.
///
/// [`ApiError::catalog`](crate::ApiError::catalog) lists one per variant, in declaration
/// order, and [`ApiError::info`](crate::ApiError::info) returns the one of a value.
///
/// ```
/// use stytch_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     /// The caller sent too many requests.
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     #[api_error(cause = "A retry loop without backoff.", fix = "Back off exponentially.")]
///     TooManyRequests,
/// }
///
/// let info = AppError::TooManyRequests.info();
/// assert_eq!(info.variant, "TooManyRequests");
/// assert_eq!(info.error_type, "too_many_requests");
/// assert_eq!(info.status_code, 429);
/// assert_eq!(info.error_url, "https://example.com/errors/429#too_many_requests");
/// assert_eq!(info.description, "The caller sent too many requests.");
/// assert_eq!(info.causes, ["A retry loop without backoff."]);
/// assert_eq!(info.title(), "Too many requests");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is a fact of its own about the error, not a state of one"
)]
pub struct ErrorInfo {
    /// The variant's name in the enum, e.g. `TooManyRequests`.
    pub variant: &'static str,
    /// The `error_type` string of the body, e.g. `too_many_requests`.
    pub error_type: &'static str,
    /// The HTTP status code, 400 to 599.
    pub status_code: u16,
    /// The message template as written in `message = "…"`: `{field}` and `{0}` stand for
    /// field values, `{{` and `}}` for braces.
    #[serde(rename = "message")]
    pub message_template: &'static str,
    /// The message itself when the template shows no field (its `{{` and `}}` turned into
    /// braces): the same for every value of the variant. `None` when it shows fields.
    #[serde(skip)]
    pub static_message: Option<&'static str>,
    /// The docs base the URL was built from (the variant's `docs_url` or the enum's).
    pub docs_url: &'static str,
    /// `{docs_url}/{status_code}#{error_type}`.
    pub error_url: &'static str,
    /// The variant's doc comment, one space of indentation removed, trimmed.
    pub description: &'static str,
    /// The `cause = "…"` entries: the "Common causes" of the reference page.
    pub causes: &'static [&'static str],
    /// The `fix = "…"` entries: the "Troubleshooting" steps of the reference page.
    pub fixes: &'static [&'static str],
    /// Whether the variant has no fields, so that
    /// [`ApiError::from_error_type`](crate::ApiError::from_error_type) can build it.
    pub is_unit: bool,
    /// Whether a client may send the same request again and expect another answer: by
    /// default for 429, 499 and 503 (see [`retryable_by_default`](Self::retryable_by_default)),
    /// or as `#[api_error(retryable = …)]` says.
    pub retryable: bool,
    /// The names of the `#[api_error(details)]` fields: the members of the body's
    /// `error_details`, in declaration order (none: the body has no `error_details`).
    pub details: &'static [&'static str],
    /// The types of the [`details`](Self::details) fields as the derive spells them
    /// (`Vec<InvalidField>`), in the same order; empty for a catalog written by hand that
    /// does not give them. What an [error contract](crate::contract) compares.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub details_types: &'static [&'static str],
    /// The names of the response headers the variant declares with `header("name", …)`
    /// (its own and the enum's), lowercase.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub headers: &'static [&'static str],
    /// Whether the variant is `#[deprecated]`: clients should move off it before it goes.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub deprecated: bool,
    /// The level of the log line of a response with this error (feature `tracing`): the
    /// server's concern, left out of the catalog's JSON.
    #[serde(skip)]
    pub log_level: LogLevel,
    /// Whether the variant's enum is `#[non_exhaustive]`: the catalog may gain errors that
    /// this version does not know, so a client must accept any `error_type`. The `OpenAPI`
    /// and JSON Schemas then describe `error_type` as an open set.
    #[serde(skip)]
    pub non_exhaustive: bool,
    /// The `covers = …` entries of the variant: the failures it stands for, with their own
    /// status (see [`Cover`]). Empty for a variant that stands for none.
    #[serde(skip_serializing_if = "<[Cover]>::is_empty")]
    pub covers: &'static [Cover],
}

impl ErrorInfo {
    /// An entry with no description, causes or fixes, for a unit variant; the builder
    /// methods below add the rest. `const`, so that a catalog written by hand can be a
    /// `static`, as the derive's is.
    ///
    /// `error_url` is `{docs_url}/{status_code}#{error_type}`. The message counts as
    /// [static](Self::static_message) when the template holds no brace at all; a template
    /// with `{{` or `}}` and no field says so with
    /// [`with_static_message`](Self::with_static_message).
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// static CATALOG: [ErrorInfo; 2] = [
    ///     ErrorInfo::new(
    ///         "TooManyRequests",
    ///         "too_many_requests",
    ///         429,
    ///         "Too many requests have been made.",
    ///         "https://example.com/errors",
    ///         "https://example.com/errors/429#too_many_requests",
    ///     )
    ///     .with_description("The caller sent too many requests.")
    ///     .with_causes(&["A retry loop without backoff."])
    ///     .with_fixes(&["Back off exponentially."]),
    ///     ErrorInfo::new(
    ///         "InvalidField",
    ///         "invalid_field",
    ///         400,
    ///         "The {field} value is invalid.",
    ///         "https://example.com/errors",
    ///         "https://example.com/errors/400#invalid_field",
    ///     )
    ///     .with_fields(),
    /// ];
    /// assert!(CATALOG[0].is_unit && CATALOG[0].is_static_message());
    /// assert!(!CATALOG[1].is_unit && !CATALOG[1].is_static_message());
    /// assert_eq!(CATALOG[0].fixes, ["Back off exponentially."]);
    /// ```
    #[must_use]
    pub const fn new(
        variant: &'static str,
        error_type: &'static str,
        status_code: u16,
        message_template: &'static str,
        docs_url: &'static str,
        error_url: &'static str,
    ) -> Self {
        Self {
            variant,
            error_type,
            status_code,
            message_template,
            static_message: if has_braces(message_template) {
                None
            } else {
                Some(message_template)
            },
            docs_url,
            error_url,
            description: "",
            causes: &[],
            fixes: &[],
            is_unit: true,
            retryable: Self::retryable_by_default(status_code),
            details: &[],
            details_types: &[],
            headers: &[],
            deprecated: false,
            log_level: LogLevel::for_status(status_code),
            non_exhaustive: false,
            covers: &[],
        }
    }

    /// Whether an error with this status is [retryable](Self::retryable) unless its variant
    /// says otherwise: 429 Too Many Requests, 499 (the client closed the request) and 503
    /// Service Unavailable.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// assert!(ErrorInfo::retryable_by_default(429));
    /// assert!(ErrorInfo::retryable_by_default(503));
    /// assert!(!ErrorInfo::retryable_by_default(500));
    /// assert!(!ErrorInfo::retryable_by_default(400));
    /// ```
    #[must_use]
    pub const fn retryable_by_default(status_code: u16) -> bool {
        matches!(status_code, 429 | 499 | 503)
    }

    /// The entry with [`retryable`](Self::retryable) as `retryable` says, whatever its status.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Locked", "locked", 423, "Try later.", "https://e.com", "https://e.com/423#locked");
    /// assert!(!info.retryable);
    /// assert!(info.with_retryable(true).retryable);
    /// ```
    #[must_use]
    pub const fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// The entry with `details`, the names of the fields of its `error_details`.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Invalid", "invalid", 422, "Invalid.", "https://e.com", "https://e.com/422#invalid")
    ///     .with_fields()
    ///     .with_details(&["invalid_fields"]);
    /// assert_eq!(info.details, ["invalid_fields"]);
    /// ```
    #[must_use]
    pub const fn with_details(mut self, details: &'static [&'static str]) -> Self {
        self.details = details;
        self
    }

    /// The entry with `types`, the types of its [`details`](Self::details) fields as
    /// written, in the same order.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Invalid", "invalid", 422, "Invalid.", "https://e.com", "https://e.com/422#invalid")
    ///     .with_fields()
    ///     .with_details(&["invalid_fields"])
    ///     .with_details_types(&["Vec<String>"]);
    /// assert_eq!(info.details_types, ["Vec<String>"]);
    /// ```
    #[must_use]
    pub const fn with_details_types(mut self, types: &'static [&'static str]) -> Self {
        self.details_types = types;
        self
    }

    /// The entry with `headers`, the names of the response headers it declares.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Slow", "slow", 429, "Slow down.", "https://e.com", "https://e.com/429#slow")
    ///     .with_headers(&["retry-after"]);
    /// assert_eq!(info.headers, ["retry-after"]);
    /// ```
    #[must_use]
    pub const fn with_headers(mut self, headers: &'static [&'static str]) -> Self {
        self.headers = headers;
        self
    }

    /// The entry of a `#[deprecated]` variant.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Old", "old", 400, "Old.", "https://e.com", "https://e.com/400#old");
    /// assert!(!info.deprecated && info.with_deprecated().deprecated);
    /// ```
    #[must_use]
    pub const fn with_deprecated(mut self) -> Self {
        self.deprecated = true;
        self
    }

    /// The entry with `log_level` instead of the status's default.
    #[must_use]
    pub const fn with_log_level(mut self, log_level: LogLevel) -> Self {
        self.log_level = log_level;
        self
    }

    /// The entry with `description`, the variant's documentation.
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }

    /// The entry with `causes`, the "Common causes" of its reference page.
    #[must_use]
    pub const fn with_causes(mut self, causes: &'static [&'static str]) -> Self {
        self.causes = causes;
        self
    }

    /// The entry with `fixes`, the "Troubleshooting" steps of its reference page.
    #[must_use]
    pub const fn with_fixes(mut self, fixes: &'static [&'static str]) -> Self {
        self.fixes = fixes;
        self
    }

    /// The entry of a variant with fields, which
    /// [`ApiError::from_error_type`](crate::ApiError::from_error_type) cannot build.
    #[must_use]
    pub const fn with_fields(mut self) -> Self {
        self.is_unit = false;
        self
    }

    /// The entry with `covers`, the failures it stands for.
    ///
    /// ```
    /// use stytch_errors::{Cover, ErrorInfo};
    ///
    /// let info = ErrorInfo::new("Gone", "gone", 410, "Gone.", "https://e.com", "https://e.com/410#gone")
    ///     .with_covers(&[Cover::Status(410)]);
    /// assert!(info.covers.iter().any(|cover| cover.contains(410)));
    /// ```
    #[must_use]
    pub const fn with_covers(mut self, covers: &'static [Cover]) -> Self {
        self.covers = covers;
        self
    }

    /// The entry of a variant of a `#[non_exhaustive]` enum: see
    /// [`non_exhaustive`](Self::non_exhaustive).
    ///
    /// ```
    /// use stytch_errors::{ApiError, ErrorInfo, StytchError};
    ///
    /// assert!(StytchError::catalog().iter().all(|info| info.non_exhaustive));
    /// let info = ErrorInfo::new("Gone", "gone", 410, "Gone.", "https://e.com", "https://e.com/410#gone");
    /// assert!(!info.non_exhaustive && info.with_non_exhaustive().non_exhaustive);
    /// ```
    #[must_use]
    pub const fn with_non_exhaustive(mut self) -> Self {
        self.non_exhaustive = true;
        self
    }

    /// The entry with its [`static_message`](Self::static_message): `Some` message when the
    /// template shows no field, `None` when it does.
    ///
    /// ```
    /// use stytch_errors::ErrorInfo;
    ///
    /// let info = ErrorInfo::new("Braces", "braces", 400, "Use {{ and }}.", "https://e.com", "https://e.com/400#braces")
    ///     .with_static_message(Some("Use { and }."));
    /// assert_eq!(info.example_message(), "Use { and }.");
    /// ```
    #[must_use]
    pub const fn with_static_message(mut self, message: Option<&'static str>) -> Self {
        self.static_message = message;
        self
    }

    /// The status as an [`http::StatusCode`].
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError { #[api_error(status = 499, message = "Client closed request.")] ClientClosedRequest }
    /// assert_eq!(AppError::ClientClosedRequest.info().status().as_u16(), 499);
    /// ```
    #[must_use]
    pub fn status(&self) -> http::StatusCode {
        // The derive accepts 400..=599 only, which are all valid status codes.
        http::StatusCode::from_u16(self.status_code)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// A heading for the error: the `error_type` in words, first letter capitalised
    /// (`too_many_requests` → `Too many requests`), as Stytch's reference pages title it.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError { #[api_error(status = 400, error_type = "argon_2_key_length_mismatch", message = "…")] Argon2 }
    /// assert_eq!(AppError::Argon2.info().title(), "Argon 2 key length mismatch");
    /// ```
    #[must_use]
    pub fn title(&self) -> String {
        let mut title = String::with_capacity(self.error_type.len());
        for (i, c) in self.error_type.chars().enumerate() {
            match c {
                '_' => title.push(' '),
                c if i == 0 => title.push(c.to_ascii_uppercase()),
                c => title.push(c),
            }
        }
        title
    }

    /// Whether the message has no `{field}` placeholders, so that every value of the variant
    /// has the same body.
    #[must_use]
    pub const fn is_static_message(&self) -> bool {
        self.static_message.is_some()
    }

    /// The `error_message` of the examples: the message itself when it has no fields (its
    /// `{{` and `}}` standing for braces), the template as written otherwise.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError {
    /// #     #[api_error(status = 400, message = "Expected {{\"key\": value}}.")]
    /// #     NotAnObject,
    /// #     #[api_error(status = 400, message = "The {field} value is invalid.")]
    /// #     InvalidField { field: String },
    /// # }
    /// let [not_an_object, invalid_field] = AppError::catalog() else { unreachable!() };
    /// assert_eq!(not_an_object.example_message(), "Expected {\"key\": value}.");
    /// assert_eq!(invalid_field.example_message(), "The {field} value is invalid.");
    /// ```
    #[must_use]
    pub fn example_message(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.static_message.unwrap_or(self.message_template))
    }

    /// The JSON body this error has with `request_id` and the
    /// [`example_message`](Self::example_message): exactly the body of a unit variant, and the
    /// documented shape of the others.
    ///
    /// ```
    /// # use stytch_errors::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api_error(docs_url = "https://example.com/errors")]
    /// # enum AppError { #[api_error(status = 400, message = "The {field} value is invalid.")] InvalidField { field: String } }
    /// let info = &AppError::catalog()[0];
    /// assert_eq!(
    ///     info.example_json("request-id-test-1"),
    ///     r#"{"status_code":400,"request_id":"request-id-test-1","error_type":"invalid_field","error_message":"The {field} value is invalid.","error_url":"https://example.com/errors/400#invalid_field"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn example_json(&self, request_id: &str) -> String {
        self.body_json(self.status_code, request_id, &self.example_message(), None)
    }

    /// The JSON body of this error with `status_code` (its own, or the status of a response
    /// it stands for), `request_id` and `message`: with its own status, byte for byte what
    /// the derive's `to_json` writes.
    pub(crate) fn body_json(
        &self,
        status_code: u16,
        request_id: &str,
        message: &str,
        details: Option<&str>,
    ) -> String {
        let mut json = String::new();
        JsonOut::text(&mut json).push_body_of(self, status_code, request_id, &message, details);
        json
    }
}

/// Whether `text` holds a `{` or a `}`.
const fn has_braces(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'{' || bytes[at] == b'}' {
            return true;
        }
        at += 1;
    }
    false
}

//! What a parsed body is: [`ParsedError`], and what a catalog makes of its `error_type`,
//! [`ErrorKind`].

use core::fmt;
use std::borrow::Cow;

use serde_json::value::RawValue;

use crate::model::{ApiError, CatalogKind, ErrorInfo};

/// An error body, read back: its fields as they came, and what the catalog `E` makes of its
/// `error_type`.
///
/// The strings borrow from the input unless they hold JSON escapes;
/// [`into_owned`](Self::into_owned) makes a copy free of the input's lifetime, to return or
/// to keep. A field the body does not have is empty (`""`), or `None` for `status_code` and
/// `error_details`. For an OAuth 2 body, `error`, `error_description` and `error_uri` fill
/// `error_type`, `error_message` and `error_url`, unless the body also has those.
///
/// It implements `Display` (`error_type: error_message`) and `std::error::Error`, so that a
/// client can return it as its error.
///
/// ```
/// use stytch_errors::{ApiError, ErrorKind, parse_error};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// let body = br#"{"status_code":400,"request_id":"r-1","error_type":"invalid_field","error_message":"The email value is invalid.","error_url":"https://example.com/errors/400#invalid_field","error_details":{"field":"email"}}"#;
/// let error = parse_error::<AppError>(body)?;
/// // A variant with fields is not rebuilt from the body (unless the catalog is derived with
/// // `round_trip` and its fields are details): its catalog entry is given.
/// let ErrorKind::Cataloged(info) = error.kind else { panic!() };
/// assert_eq!(info.variant, "InvalidField");
/// assert_eq!(error.error_details.as_deref().unwrap().get(), r#"{"field":"email"}"#);
/// assert_eq!(error.to_string(), "invalid_field: The email value is invalid.");
///
/// // OAuth 2's shape.
/// let body = br#"{"error":"invalid_grant","error_description":"The code has expired."}"#;
/// let error = parse_error::<AppError>(body)?;
/// assert_eq!(error.error_type, "invalid_grant");
/// assert_eq!(error.error_message, "The code has expired.");
/// assert_eq!(error.status_code, None);
/// # Ok::<(), stytch_errors::ParseError>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone)]
pub struct ParsedError<'a, E> {
    /// What the catalog makes of `error_type`.
    pub kind: ErrorKind<E>,
    /// The status code the body states; `None` if it states none (OAuth 2 bodies often
    /// don't: the response's status then says it).
    pub status_code: Option<u16>,
    /// The id of the request that failed.
    pub request_id: Cow<'a, str>,
    /// The error's type, as it came: `error_type`, or OAuth 2's `error`.
    pub error_type: Cow<'a, str>,
    /// The message: `error_message`, or OAuth 2's `error_description`.
    pub error_message: Cow<'a, str>,
    /// The reference page: `error_url`, or OAuth 2's `error_uri`, or the `type` of problem
    /// details (none for `about:blank`, the type of a problem without a page).
    pub error_url: Cow<'a, str>,
    /// `error_details`, as raw JSON, when the body has it (and it is not `null`).
    pub error_details: Option<Cow<'a, RawValue>>,
}

impl<E> ParsedError<'_, E> {
    /// A copy that owns its strings, free of the input's lifetime.
    ///
    /// ```
    /// use stytch_errors::{ApiError, ParseError, ParsedError, parse_error};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 429, message = "Too many requests have been made.")]
    ///     TooManyRequests,
    /// }
    ///
    /// fn read(response: Vec<u8>) -> Result<ParsedError<'static, AppError>, ParseError> {
    ///     Ok(parse_error(&response)?.into_owned())
    /// }
    /// let error = read(br#"{"error_type":"too_many_requests"}"#.to_vec())?;
    /// assert!(error.known().is_some());
    /// # Ok::<(), ParseError>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ParsedError<'static, E> {
        ParsedError {
            kind: self.kind,
            status_code: self.status_code,
            request_id: Cow::Owned(self.request_id.into_owned()),
            error_type: Cow::Owned(self.error_type.into_owned()),
            error_message: Cow::Owned(self.error_message.into_owned()),
            error_url: Cow::Owned(self.error_url.into_owned()),
            error_details: self
                .error_details
                .map(|details| Cow::Owned(details.into_owned())),
        }
    }

    /// The catalog's unit variant for this error, if it has one.
    ///
    /// ```
    /// use stytch_errors::{ApiError, parse_error};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 429, message = "Too many requests have been made.")]
    ///     TooManyRequests,
    /// }
    ///
    /// let error = parse_error::<AppError>(br#"{"error_type":"too_many_requests"}"#)?;
    /// assert_eq!(error.known(), Some(&AppError::TooManyRequests));
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<&E> {
        match &self.kind {
            ErrorKind::Known(error) => Some(error),
            ErrorKind::Cataloged(_) | ErrorKind::Unknown => None,
        }
    }
}

impl<'a, E: ApiError> ParsedError<'a, E> {
    /// The same error as the catalog `O` sees it, `O` being a catalog that wraps `E`
    /// transparently (with `From<E>`): a value of `E` wrapped, and otherwise the
    /// `error_type` looked up in `O`, as [`parse_error`](crate::parse_error) would have
    /// given it for `O`.
    ///
    /// ```
    /// use stytch_errors::{ApiError, ErrorKind, StytchError, parse_error};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 503, message = "Down for maintenance.")]
    ///     Maintenance,
    ///     #[api_error(transparent)]
    ///     Stytch(#[from] StytchError),
    /// }
    ///
    /// let body = br#"{"error_type":"too_many_requests"}"#;
    /// let upstream = parse_error::<StytchError>(body)?;
    /// let ours = upstream.into_catalog::<AppError>();
    /// assert_eq!(ours.known(), Some(&AppError::Stytch(StytchError::TooManyRequests)));
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    #[must_use]
    pub fn into_catalog<O: ApiError + From<E>>(self) -> ParsedError<'a, O> {
        let kind = match self.kind {
            ErrorKind::Known(error) => ErrorKind::Known(O::from(error)),
            ErrorKind::Cataloged(_) | ErrorKind::Unknown => {
                ErrorKind::resolve_with_details(&self.error_type, self.error_details.as_deref())
            }
        };
        ParsedError {
            kind,
            status_code: self.status_code,
            request_id: self.request_id,
            error_type: self.error_type,
            error_message: self.error_message,
            error_url: self.error_url,
            error_details: self.error_details,
        }
    }

    /// The catalog's entry for this error (a unit variant or not); `None` for an unknown
    /// `error_type`.
    ///
    /// ```
    /// use stytch_errors::{ApiError, parse_error};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     /// The caller sent too many requests.
    ///     #[api_error(status = 429, message = "Too many requests have been made.")]
    ///     TooManyRequests,
    /// }
    ///
    /// let error = parse_error::<AppError>(br#"{"error_type":"too_many_requests"}"#)?;
    /// assert_eq!(error.info().unwrap().description, "The caller sent too many requests.");
    /// let error = parse_error::<AppError>(br#"{"error_type":"teapot"}"#)?;
    /// assert!(error.info().is_none());
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    #[must_use]
    pub fn info(&self) -> Option<&'static ErrorInfo> {
        match &self.kind {
            ErrorKind::Known(error) => Some(error.info()),
            ErrorKind::Cataloged(info) => Some(info),
            ErrorKind::Unknown => None,
        }
    }
}

impl<E: CatalogKind> ParsedError<'_, E> {
    /// The fieldless kind of this error (see [`CatalogKind`]), whether or not the body gave
    /// its values back; `None` for an `error_type` the catalog does not have.
    ///
    /// ```
    /// use stytch_errors::{ApiError, parse_error};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors", kind = "AppErrorKind")]
    /// enum AppError {
    ///     #[api_error(status = 404, message = "No note {note_id}.")]
    ///     NoteNotFound { note_id: u64 },
    /// }
    ///
    /// let error = parse_error::<AppError>(br#"{"error_type":"note_not_found"}"#)?;
    /// match error.variant_kind() {
    ///     Some(AppErrorKind::NoteNotFound) => {}
    ///     None => panic!("an error this version does not know"),
    /// }
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    #[must_use]
    pub fn variant_kind(&self) -> Option<E::Kind> {
        match &self.kind {
            ErrorKind::Known(error) => Some(error.kind()),
            ErrorKind::Cataloged(_) | ErrorKind::Unknown => E::kind_of(&self.error_type),
        }
    }
}

impl<E> fmt::Display for ParsedError<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.error_message.is_empty() {
            f.write_str(&self.error_type)
        } else {
            write!(f, "{}: {}", self.error_type, self.error_message)
        }
    }
}

impl<E: fmt::Debug> std::error::Error for ParsedError<'_, E> {}

/// What a catalog `E` makes of an `error_type`.
///
/// ```
/// use stytch_errors::{ApiError, ErrorKind};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// assert_eq!(ErrorKind::resolve("too_many_requests"), ErrorKind::Known(AppError::TooManyRequests));
/// assert!(matches!(
///     ErrorKind::<AppError>::resolve("invalid_field"),
///     ErrorKind::Cataloged(info) if info.variant == "InvalidField",
/// ));
/// assert_eq!(ErrorKind::<AppError>::resolve("teapot"), ErrorKind::Unknown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind<E> {
    /// A variant of the catalog, with its values: a unit variant, a wrapped catalog's, or
    /// one that `round_trip` rebuilds from `error_details`.
    Known(E),
    /// A variant with fields, whose values the body does not give back: its catalog entry.
    /// (Under `#[api_error(round_trip)]`, a variant whose every field is a details field
    /// comes back as [`Known`](Self::Known) when the details deserialize.)
    Cataloged(&'static ErrorInfo),
    /// An `error_type` the catalog does not have; [`ParsedError::error_type`] keeps it.
    Unknown,
}

impl<E: ApiError> ErrorKind<E> {
    /// The variant or the catalog entry of `error_type`, or [`Unknown`](Self::Unknown).
    #[must_use]
    pub fn resolve(error_type: &str) -> Self {
        Self::resolve_with_details(error_type, None)
    }

    /// [`resolve`](Self::resolve), and for a variant with fields of a catalog derived with
    /// `#[api_error(round_trip)]`, the variant rebuilt from the body's `error_details` when
    /// its every field is a details field and the details deserialize into them. Otherwise
    /// (other variants, details missing or of other types) its catalog entry.
    ///
    /// ```
    /// use serde_json::value::RawValue;
    /// use stytch_errors::{ApiError, ErrorKind};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(docs_url = "https://example.com/errors")]
    /// enum AppError {
    ///     #[api_error(status = 429, message = "Too many requests have been made.")]
    ///     TooManyRequests,
    /// }
    ///
    /// let details = RawValue::from_string(r#"{"limit":10}"#.into()).unwrap();
    /// assert_eq!(
    ///     ErrorKind::resolve_with_details("too_many_requests", Some(&details)),
    ///     ErrorKind::Known(AppError::TooManyRequests),
    /// );
    /// ```
    #[must_use]
    pub fn resolve_with_details(error_type: &str, details: Option<&RawValue>) -> Self {
        if let Some(error) = E::from_error_type(error_type) {
            return ErrorKind::Known(error);
        }
        let Some(index) = E::__index_of(error_type) else {
            return ErrorKind::Unknown;
        };
        if let Some(error) = details.and_then(|details| E::__from_details(index, details)) {
            return ErrorKind::Known(error);
        }
        match E::catalog().get(index) {
            Some(info) => ErrorKind::Cataloged(info),
            None => ErrorKind::Unknown,
        }
    }
}

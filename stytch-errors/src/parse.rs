//! Reading an error body back, on the client's side: a response body in, a typed error out.
//!
//! One pass of `serde_json` over the input, straight into the fields: no `Value` is built,
//! and strings without escapes are borrowed from the input, so a body without escapes is
//! parsed without allocating.

use core::fmt;
use std::borrow::Cow;
use std::string::String;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::api_error::ApiError;
use crate::error_info::ErrorInfo;
use crate::parse_error::ParseError;

/// The largest body [`parse_error`] reads: 64 KiB. An error body is a few hundred bytes; a
/// longer one is refused with [`ParseError::TooLarge`] before it is read.
/// [`parse_error_with_limit`] takes another limit.
pub const MAX_BODY_LEN: usize = 64 * 1024;

/// Parses an error response's body into a [`ParsedError`] of the catalog `E`.
///
/// Takes Stytch's shape (`status_code`, `request_id`, `error_type`, `error_message`,
/// `error_url`, and `error_details` when present) and the OAuth 2 shape (`error`,
/// `error_description`, `error_uri`); fields of neither are skipped. An `error_type` the
/// catalog does not know is kept as it came, as [`ErrorKind::Unknown`]: APIs add errors.
///
/// Refuses, with a [`ParseError`] and never a panic: a body longer than [`MAX_BODY_LEN`],
/// one that is not JSON, not an object, without `error_type`, or with a known field of the
/// wrong type.
///
/// ```
/// use stytch_errors::{ErrorKind, StytchError, parse_error};
///
/// let body = br#"{"status_code":429,"request_id":"request-id-test-1","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#;
/// let error = parse_error::<StytchError>(body)?;
/// assert_eq!(error.kind, ErrorKind::Known(StytchError::TooManyRequests));
/// assert_eq!(error.status_code, Some(429));
/// assert_eq!(error.request_id, "request-id-test-1");
///
/// // An error type this version of the catalog does not know yet.
/// let body = br#"{"status_code":400,"request_id":"r","error_type":"brand_new_error","error_message":"New.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#brand_new_error"}"#;
/// let error = parse_error::<StytchError>(body)?;
/// assert_eq!(error.kind, ErrorKind::Unknown);
/// assert_eq!(error.error_type, "brand_new_error");
/// # Ok::<(), stytch_errors::ParseError>(())
/// ```
///
/// # Errors
///
/// A [`ParseError`] saying why the body is not an error body.
pub fn parse_error<E: ApiError>(input: &[u8]) -> Result<ParsedError<'_, E>, ParseError> {
    parse_error_with_limit(input, MAX_BODY_LEN)
}

/// [`parse_error`] with another limit than [`MAX_BODY_LEN`] on the body's length, in bytes.
///
/// ```
/// use stytch_errors::{ApiError, ParseError, parse_error_with_limit};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let body = br#"{"error_type":"too_many_requests"}"#;
/// assert!(parse_error_with_limit::<AppError>(body, 1024).is_ok());
/// assert!(matches!(
///     parse_error_with_limit::<AppError>(body, 16),
///     Err(ParseError::TooLarge { len: 34, limit: 16 }),
/// ));
/// ```
///
/// # Errors
///
/// A [`ParseError`] saying why the body is not an error body.
pub fn parse_error_with_limit<E: ApiError>(
    input: &[u8],
    limit: usize,
) -> Result<ParsedError<'_, E>, ParseError> {
    if input.len() > limit {
        return Err(ParseError::TooLarge {
            len: input.len(),
            limit,
        });
    }
    // JSON is UTF-8: checked once here, so that the parser can borrow strings as they are
    // and so that no byte of the body, read or skipped, is left unchecked.
    let input = core::str::from_utf8(input).map_err(ParseError::NotUtf8)?;
    let mut fields = Fields::default();
    let mut deserializer = serde_json::Deserializer::from_str(input);
    let read = BodySeed(&mut fields)
        .deserialize(&mut deserializer)
        .and_then(|shape| deserializer.end().map(|()| shape));
    match read {
        Ok(Shape::Object) => {}
        Ok(Shape::Other(found)) => return Err(ParseError::NotAnObject { found }),
        Err(error) => return Err(refusal(input, error, fields.reading)),
    }
    let error_type = fields
        .error_type
        .or(fields.error)
        .ok_or(ParseError::MissingErrorType)?;
    Ok(ParsedError {
        kind: ErrorKind::resolve(&error_type),
        status_code: fields.status_code,
        request_id: fields.request_id.unwrap_or_default(),
        error_type,
        error_message: fields
            .error_message
            .or(fields.error_description)
            .unwrap_or_default(),
        error_url: fields.error_url.or(fields.error_uri).unwrap_or_default(),
        error_details: fields.error_details.map(Cow::Borrowed),
    })
}

/// Why the parser stopped: a known field of the wrong type (or given twice), unless the body
/// is not even JSON further on; or a syntax error.
#[cold]
fn refusal(input: &str, error: serde_json::Error, reading: Option<&'static str>) -> ParseError {
    match (error.classify(), reading) {
        // Only a known field's value can fail with a data error, and it names itself first.
        (serde_json::error::Category::Data, Some(field)) => {
            // The parser stopped at the field: a syntax error after it says more.
            match serde_json::from_str::<IgnoredAny>(input) {
                Err(syntax) => ParseError::NotJson(syntax),
                Ok(IgnoredAny) => ParseError::InvalidField {
                    field,
                    source: error,
                },
            }
        }
        _ => ParseError::NotJson(error),
    }
}

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
/// // A variant with fields cannot be rebuilt from the body: its catalog entry is given.
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
    /// The reference page: `error_url`, or OAuth 2's `error_uri`.
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

impl<E: ApiError> ParsedError<'_, E> {
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
    /// A unit variant of the catalog.
    Known(E),
    /// A variant with fields, whose values the body cannot give back: its catalog entry.
    Cataloged(&'static ErrorInfo),
    /// An `error_type` the catalog does not have; [`ParsedError::error_type`] keeps it.
    Unknown,
}

impl<E: ApiError> ErrorKind<E> {
    /// The variant or the catalog entry of `error_type`, or [`Unknown`](Self::Unknown).
    #[must_use]
    pub fn resolve(error_type: &str) -> Self {
        if let Some(error) = E::from_error_type(error_type) {
            ErrorKind::Known(error)
        } else if let Some(info) = E::info_for(error_type) {
            ErrorKind::Cataloged(info)
        } else {
            ErrorKind::Unknown
        }
    }
}

/// What the top level of the body is: an object (its fields read), or something else.
enum Shape {
    Object,
    Other(&'static str),
}

/// The known fields of both shapes, as given (`None` for absent or `null`), and the known
/// field whose value is being read, so that a data error can name it.
#[derive(Default)]
struct Fields<'de> {
    status_code: Option<u16>,
    request_id: Option<Cow<'de, str>>,
    error_type: Option<Cow<'de, str>>,
    error_message: Option<Cow<'de, str>>,
    error_url: Option<Cow<'de, str>>,
    error_details: Option<&'de RawValue>,
    error: Option<Cow<'de, str>>,
    error_description: Option<Cow<'de, str>>,
    error_uri: Option<Cow<'de, str>>,
    reading: Option<&'static str>,
}

/// A key of the body.
#[derive(Clone, Copy)]
enum Key {
    StatusCode,
    RequestId,
    ErrorType,
    ErrorMessage,
    ErrorUrl,
    ErrorDetails,
    Error,
    ErrorDescription,
    ErrorUri,
    Other,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::StatusCode => "status_code",
            Key::RequestId => "request_id",
            Key::ErrorType => "error_type",
            Key::ErrorMessage => "error_message",
            Key::ErrorUrl => "error_url",
            Key::ErrorDetails => "error_details",
            Key::Error => "error",
            Key::ErrorDescription => "error_description",
            Key::ErrorUri => "error_uri",
            Key::Other => "",
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<Err: de::Error>(self, key: &str) -> Result<Key, Err> {
        Ok(match key {
            "status_code" => Key::StatusCode,
            "request_id" => Key::RequestId,
            "error_type" => Key::ErrorType,
            "error_message" => Key::ErrorMessage,
            "error_url" => Key::ErrorUrl,
            "error_details" => Key::ErrorDetails,
            "error" => Key::Error,
            "error_description" => Key::ErrorDescription,
            "error_uri" => Key::ErrorUri,
            _ => Key::Other,
        })
    }
}

/// A string field or `null`; the string borrowed from the input when it holds no escapes.
struct Text<'de>(Option<Cow<'de, str>>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `any`, not `option` then `str`: one look at the value's first byte.
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }

    fn visit_borrowed_str<Err: de::Error>(self, text: &'de str) -> Result<Self::Value, Err> {
        Ok(Text(Some(Cow::Borrowed(text))))
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<Self::Value, Err> {
        Ok(Text(Some(Cow::Owned(text.into()))))
    }

    fn visit_string<Err: de::Error>(self, text: String) -> Result<Self::Value, Err> {
        Ok(Text(Some(Cow::Owned(text))))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
        Ok(Text(None))
    }
}

/// A status code or `null`.
struct Status(Option<u16>);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StatusVisitor)
    }
}

struct StatusVisitor;

impl Visitor<'_> for StatusVisitor {
    type Value = Status;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a status code (an integer from 0 to 65535) or null")
    }

    fn visit_u64<Err: de::Error>(self, code: u64) -> Result<Status, Err> {
        u16::try_from(code)
            .map(|code| Status(Some(code)))
            .map_err(|_| Err::invalid_value(de::Unexpected::Unsigned(code), &self))
    }

    fn visit_i64<Err: de::Error>(self, code: i64) -> Result<Status, Err> {
        u16::try_from(code)
            .map(|code| Status(Some(code)))
            .map_err(|_| Err::invalid_value(de::Unexpected::Signed(code), &self))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Status, Err> {
        Ok(Status(None))
    }
}

/// Reads the body into the fields it borrows.
struct BodySeed<'f, 'de>(&'f mut Fields<'de>);

impl<'de> DeserializeSeed<'de> for BodySeed<'_, 'de> {
    type Value = Shape;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for BodySeed<'_, 'de> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let fields = self.0;
        let mut seen = 0u16;
        while let Some(key) = map.next_key::<Key>()? {
            if let Key::Other = key {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let name = key.name();
            fields.reading = Some(name);
            let bit = 1u16 << (key as u16);
            if seen & bit != 0 {
                return Err(de::Error::duplicate_field(name));
            }
            seen |= bit;
            match key {
                Key::StatusCode => fields.status_code = map.next_value::<Status>()?.0,
                Key::RequestId => fields.request_id = map.next_value::<Text<'de>>()?.0,
                Key::ErrorType => fields.error_type = map.next_value::<Text<'de>>()?.0,
                Key::ErrorMessage => fields.error_message = map.next_value::<Text<'de>>()?.0,
                Key::ErrorUrl => fields.error_url = map.next_value::<Text<'de>>()?.0,
                Key::ErrorDetails => fields.error_details = map.next_value()?,
                Key::Error => fields.error = map.next_value::<Text<'de>>()?.0,
                Key::ErrorDescription => {
                    fields.error_description = map.next_value::<Text<'de>>()?.0;
                }
                Key::ErrorUri => fields.error_uri = map.next_value::<Text<'de>>()?.0,
                Key::Other => {}
            }
            fields.reading = None;
        }
        Ok(Shape::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        // Read to the end, so that what follows is checked as JSON too.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Shape::Other("an array"))
    }

    fn visit_str<Err: de::Error>(self, _: &str) -> Result<Shape, Err> {
        Ok(Shape::Other("a string"))
    }

    fn visit_bool<Err: de::Error>(self, _: bool) -> Result<Shape, Err> {
        Ok(Shape::Other("a boolean"))
    }

    fn visit_i64<Err: de::Error>(self, _: i64) -> Result<Shape, Err> {
        Ok(Shape::Other("a number"))
    }

    fn visit_u64<Err: de::Error>(self, _: u64) -> Result<Shape, Err> {
        Ok(Shape::Other("a number"))
    }

    fn visit_f64<Err: de::Error>(self, _: f64) -> Result<Shape, Err> {
        Ok(Shape::Other("a number"))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Shape, Err> {
        Ok(Shape::Other("null"))
    }
}

//! Reading one shape of body back ([`ShapeReader`]), and choosing among the shapes a client
//! expects: by media type, then by members, in the order given.

use std::borrow::Cow;

use serde::de::{DeserializeSeed as _, IgnoredAny};
use serde_json::value::RawValue;

use super::error::ParseError;
use super::fields::{BodySeed, Fields, Members, Shape};
use crate::wire::BodyFormat;

/// What a body of any shape says, as it came: the same members whatever the shape.
pub(super) struct Read<'de> {
    pub(super) status_code: Option<u16>,
    pub(super) request_id: Option<Cow<'de, str>>,
    pub(super) error_type: Option<Cow<'de, str>>,
    pub(super) error_message: Option<Cow<'de, str>>,
    pub(super) error_url: Option<Cow<'de, str>>,
    pub(super) error_details: Option<Cow<'de, RawValue>>,
    /// Whether the body has a member that only this shape has, which tells it apart from
    /// the shapes that share its media type.
    pub(super) claimed: bool,
}

/// The reader of one shape of error body.
pub(super) trait ShapeReader {
    /// Reads `input` (UTF-8, within the limit) as a body of this shape.
    fn read<'de>(&self, input: &'de str) -> Result<Read<'de>, ParseError>;
}

/// The reader of a shape.
fn reader(format: BodyFormat) -> &'static dyn ShapeReader {
    match format {
        BodyFormat::Stytch => &StytchReader,
        #[cfg(feature = "problem-details")]
        BodyFormat::ProblemDetails => &ProblemReader,
    }
}

/// Reads `input` as the first of `formats` that fits: among those whose media type is the
/// `content_type` (all of them when none is, or when there is no content type), the first
/// that has a member of its own, else the first that reads the body at all.
pub(super) fn read<'de>(
    input: &'de str,
    content_type: Option<&str>,
    formats: &[BodyFormat],
) -> Result<Read<'de>, ParseError> {
    let formats = if formats.is_empty() {
        BodyFormat::ALL
    } else {
        formats
    };
    let media_type = content_type.map(essence);
    let named = |format: &&BodyFormat| {
        media_type.is_some_and(|media| media.eq_ignore_ascii_case(format.content_type()))
    };
    // Only the shapes of the media type the body says it is, when one is expected.
    let narrowed = formats.iter().any(|format| named(&format));
    let candidates = formats.iter().filter(|format| !narrowed || named(format));
    let mut fallback = None;
    for format in candidates {
        match reader(*format).read(input) {
            Ok(read) if read.claimed => return Ok(read),
            // Not JSON, not an object: so in every shape.
            Err(
                error @ (ParseError::NotJson(_)
                | ParseError::NotUtf8(_)
                | ParseError::NotAnObject { .. }
                | ParseError::TooLarge { .. }),
            ) => return Err(error),
            other => {
                fallback.get_or_insert(other);
            }
        }
    }
    fallback.unwrap_or(Err(ParseError::MissingErrorType))
}

/// A media type without its parameters: `application/json` of
/// `application/json; charset=utf-8`.
fn essence(content_type: &str) -> &str {
    content_type
        .split_once(';')
        .map_or(content_type, |(essence, _)| essence)
        .trim()
}

/// Reads `input` into the members `members` of one shape.
fn read_members<'de, M: Members<'de>>(input: &'de str, members: &mut M) -> Result<(), ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(input);
    let read = BodySeed(&mut *members)
        .deserialize(&mut deserializer)
        .and_then(|shape| deserializer.end().map(|()| shape));
    match read {
        Ok(Shape::Object) => Ok(()),
        Ok(Shape::Other(found)) => Err(ParseError::NotAnObject { found }),
        Err(error) => Err(refusal(input, error, members.reading())),
    }
}

/// Why the parser stopped: a known member of the wrong type (or given twice), unless the
/// body is not even JSON further on; or a syntax error.
#[cold]
fn refusal(input: &str, error: serde_json::Error, reading: Option<&'static str>) -> ParseError {
    match (error.classify(), reading) {
        // Only a known member's value can fail with a data error, and it names itself
        // first. The status is also wrong, not the JSON, when it is a number that JSON
        // allows and a float cannot hold (`1e400`), which `serde_json` reports as a syntax
        // error.
        (serde_json::error::Category::Data, Some(field))
        | (serde_json::error::Category::Syntax, Some(field @ ("status_code" | "status"))) => {
            // The parser stopped at the member: a syntax error in the body (skipped without
            // converting numbers) says more.
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

/// Stytch's shape, and OAuth 2's (`error`, `error_description`, `error_uri`), which Stytch
/// also sends: one reader, as both are `application/json`.
struct StytchReader;

impl ShapeReader for StytchReader {
    fn read<'de>(&self, input: &'de str) -> Result<Read<'de>, ParseError> {
        let mut fields = Fields::default();
        read_members(input, &mut fields)?;
        Ok(Read {
            claimed: fields.claimed(),
            status_code: fields.status_code,
            request_id: fields.request_id,
            error_type: fields.error_type.or(fields.error),
            error_message: fields.error_message.or(fields.error_description),
            error_url: fields.error_url.or(fields.error_uri),
            error_details: fields.error_details.map(Cow::Borrowed),
        })
    }
}

/// RFC 9457 problem details, as [`ProblemDetails`](crate::ProblemDetails) writes them.
#[cfg(feature = "problem-details")]
struct ProblemReader;

#[cfg(feature = "problem-details")]
impl ShapeReader for ProblemReader {
    fn read<'de>(&self, input: &'de str) -> Result<Read<'de>, ParseError> {
        let mut fields = super::problem::ProblemFields::default();
        read_members(input, &mut fields)?;
        Ok(Read {
            claimed: fields.claimed(),
            error_details: fields.extensions().map(Cow::Owned),
            status_code: fields.status,
            request_id: fields.request_id,
            error_type: fields.error_type,
            error_message: fields.detail,
            // RFC 9457: `about:blank` is the type of a problem that has no page of its own,
            // as when `type` is absent.
            error_url: fields.type_url.filter(|url| url != "about:blank"),
        })
    }
}

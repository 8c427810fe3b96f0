//! Problem details (RFC 9457) read back: the members this crate writes, and every other
//! member, as sent, into one extension object (the `error_details` of Stytch's shape).

use core::fmt;
use std::borrow::Cow;
use std::string::String;

use serde::de::{self, DeserializeSeed as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::fields::{BodySeed, Members, Seen, Shape, Status, Text};
use crate::wire::ProblemDetails;

/// The members of a problem details object, as given (`None` for absent or `null`), and
/// every other member as one JSON object, its values the input's own text.
#[derive(Default)]
pub(super) struct ProblemFields<'de> {
    pub(super) type_url: Option<Cow<'de, str>>,
    pub(super) title: Option<Cow<'de, str>>,
    pub(super) status: Option<u16>,
    pub(super) detail: Option<Cow<'de, str>>,
    pub(super) error_type: Option<Cow<'de, str>>,
    pub(super) request_id: Option<Cow<'de, str>>,
    /// `{"name":value,…}` of the extension members; empty when there are none.
    pub(super) extensions: String,
    seen: Seen,
}

/// A member of problem details that this crate writes.
#[derive(Clone, Copy)]
pub(super) enum Key {
    Type,
    Title,
    Status,
    Detail,
    ErrorType,
    RequestId,
}

impl Key {
    fn of(key: &str) -> Option<Key> {
        Some(match key {
            "type" => Key::Type,
            "title" => Key::Title,
            "status" => Key::Status,
            "detail" => Key::Detail,
            "error_type" => Key::ErrorType,
            "request_id" => Key::RequestId,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Key::Type => "type",
            Key::Title => "title",
            Key::Status => "status",
            Key::Detail => "detail",
            Key::ErrorType => "error_type",
            Key::RequestId => "request_id",
        }
    }
}

impl ProblemFields<'_> {
    /// Whether the body has a member that only problem details have: every one this crate
    /// writes but `error_type` and `request_id`, which Stytch's shape shares.
    pub(super) fn claimed(&self) -> bool {
        self.seen
            .any_but(&[Key::ErrorType as u16, Key::RequestId as u16])
    }

    /// Reads the extension member `key`: its value as sent, parsed once, at any depth.
    fn extension<'m, A: MapAccess<'m>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        let value = map.next_value::<&'m RawValue>()?;
        let separator = if self.extensions.is_empty() { '{' } else { ',' };
        self.extensions.push(separator);
        self.extensions.push('"');
        stytch_errors_shared::escape::escape_into(key, &mut self.extensions);
        self.extensions.push_str("\":");
        self.extensions.push_str(value.get());
        Ok(())
    }

    /// The extension members as one JSON object, `None` when there are none.
    pub(super) fn extensions(&self) -> Option<Box<RawValue>> {
        if self.extensions.is_empty() {
            return None;
        }
        // Names written by `serde_json`, values as the input has them, already checked.
        RawValue::from_string(format!("{}}}", self.extensions)).ok()
    }
}

/// A member's name: one this crate writes, or another, its name borrowed from the input
/// when it holds no escapes.
pub(super) enum Name<'de> {
    Known(Key),
    Other(Cow<'de, str>),
}

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor)
    }
}

struct NameVisitor;

impl<'de> Visitor<'de> for NameVisitor {
    type Value = Name<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<Err: de::Error>(self, key: &'de str) -> Result<Self::Value, Err> {
        Ok(Key::of(key).map_or(Name::Other(Cow::Borrowed(key)), Name::Known))
    }

    fn visit_str<Err: de::Error>(self, key: &str) -> Result<Self::Value, Err> {
        Ok(Key::of(key).map_or_else(|| Name::Other(Cow::Owned(key.into())), Name::Known))
    }
}

impl<'de> Members<'de> for ProblemFields<'de> {
    type Key = Name<'de>;

    fn member<A: MapAccess<'de>>(&mut self, key: Name<'de>, map: &mut A) -> Result<(), A::Error> {
        let known = match key {
            Name::Known(known) => known,
            Name::Other(key) => return self.extension(&key, map),
        };
        self.seen.start(known as u16, known.name())?;
        match known {
            Key::Type => self.type_url = map.next_value::<Text<'de>>()?.0,
            Key::Title => self.title = map.next_value::<Text<'de>>()?.0,
            Key::Status => self.status = map.next_value::<Status>()?.0,
            Key::Detail => self.detail = map.next_value::<Text<'de>>()?.0,
            Key::ErrorType => self.error_type = map.next_value::<Text<'de>>()?.0,
            Key::RequestId => self.request_id = map.next_value::<Text<'de>>()?.0,
        }
        self.seen.done();
        Ok(())
    }

    fn reading(&self) -> Option<&'static str> {
        self.seen.reading()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for ProblemDetails<'a> {
    /// Reads problem details as [`ProblemDetails::to_json`] writes them: every member but
    /// the extensions required; the extension members kept as one object, each value the
    /// input's own text (`serde_json` only).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = ProblemFields::default();
        match BodySeed(&mut fields).deserialize(deserializer)? {
            Shape::Object => {}
            Shape::Other(found) => {
                return Err(de::Error::invalid_type(
                    de::Unexpected::Other(found),
                    &Expecting,
                ));
            }
        }
        let extensions = fields.extensions().map(Cow::Owned);
        let missing = de::Error::missing_field;
        Ok(ProblemDetails {
            type_url: fields.type_url.ok_or_else(|| missing("type"))?,
            title: fields.title.ok_or_else(|| missing("title"))?,
            status: fields.status.ok_or_else(|| missing("status"))?,
            detail: fields.detail.ok_or_else(|| missing("detail"))?,
            error_type: fields.error_type.ok_or_else(|| missing("error_type"))?,
            request_id: fields.request_id.ok_or_else(|| missing("request_id"))?,
            extensions,
        })
    }
}

/// What [`ProblemDetails`] deserializes from.
struct Expecting;

impl de::Expected for Expecting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("problem details, a JSON object")
    }
}

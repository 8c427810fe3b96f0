//! The serde visitors behind [`parse_error`](super::parse_error): one pass over the input,
//! each member handed to the reader of a shape ([`Members`]); Stytch's reader, straight
//! into the known fields of Stytch's and OAuth 2's members.

use core::fmt;
use std::borrow::Cow;
use std::string::String;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// What the top level of the body is: an object (its fields read), or something else.
pub(super) enum Shape {
    Object,
    Other(&'static str),
}

/// The known fields of Stytch's and OAuth 2's shapes, as given (`None` for absent or
/// `null`), and those seen.
#[derive(Default)]
pub(super) struct Fields<'de> {
    pub(super) status_code: Option<u16>,
    pub(super) request_id: Option<Cow<'de, str>>,
    pub(super) error_type: Option<Cow<'de, str>>,
    pub(super) error_message: Option<Cow<'de, str>>,
    pub(super) error_url: Option<Cow<'de, str>>,
    pub(super) error_details: Option<&'de RawValue>,
    pub(super) error: Option<Cow<'de, str>>,
    pub(super) error_description: Option<Cow<'de, str>>,
    pub(super) error_uri: Option<Cow<'de, str>>,
    pub(super) seen: Seen,
}

/// The known members of one shape seen so far, one bit each by their index, and the one
/// whose value is being read, so that a data error can name it.
#[derive(Default)]
pub(super) struct Seen {
    bits: u16,
    reading: Option<&'static str>,
}

impl Seen {
    /// Starts reading the known member `name`, whose index is `index`: refused when the
    /// body gave it already.
    pub(super) fn start<Err: de::Error>(
        &mut self,
        index: u16,
        name: &'static str,
    ) -> Result<(), Err> {
        self.reading = Some(name);
        let bit = 1u16 << index;
        if self.bits & bit != 0 {
            return Err(Err::duplicate_field(name));
        }
        self.bits |= bit;
        Ok(())
    }

    /// The value of the member being read was read.
    pub(super) fn done(&mut self) {
        self.reading = None;
    }

    /// Whether a member other than those of the indexes `shared` was seen.
    pub(super) fn any_but(&self, shared: &[u16]) -> bool {
        let shared = shared.iter().fold(0, |bits, index| bits | (1 << index));
        self.bits & !shared != 0
    }

    /// The known member whose value is being read.
    pub(super) fn reading(&self) -> Option<&'static str> {
        self.reading
    }
}

impl Fields<'_> {
    /// Whether the body has a member that only Stytch's (or OAuth 2's) shape has: every
    /// known one but `error_type` and `request_id`, which problem details share.
    pub(super) fn claimed(&self) -> bool {
        self.seen
            .any_but(&[Key::ErrorType as u16, Key::RequestId as u16])
    }
}

/// The reader of one shape's members: what [`BodySeed`] hands each member of the body to.
pub(super) trait Members<'de> {
    /// A member's name, as this shape tells its members apart.
    type Key: Deserialize<'de>;

    /// Reads the value of the member `key` from `map`.
    fn member<A: MapAccess<'de>>(&mut self, key: Self::Key, map: &mut A) -> Result<(), A::Error>;

    /// The known member whose value is being read, so that a data error can name it.
    fn reading(&self) -> Option<&'static str>;
}

/// A member of Stytch's or OAuth 2's shape.
#[derive(Clone, Copy)]
pub(super) enum Key {
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

    fn of(key: &str) -> Key {
        match key {
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
        f.write_str("a member name")
    }

    fn visit_str<Err: de::Error>(self, key: &str) -> Result<Key, Err> {
        Ok(Key::of(key))
    }
}

/// A string field or `null`; the string borrowed from the input when it holds no escapes.
pub(super) struct Text<'de>(pub(super) Option<Cow<'de, str>>);

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
pub(super) struct Status(pub(super) Option<u16>);

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

/// Reads the body, handing each member to the reader `M` of a shape.
pub(super) struct BodySeed<'f, M>(pub(super) &'f mut M);

impl<'de, M: Members<'de>> DeserializeSeed<'de> for BodySeed<'_, M> {
    type Value = Shape;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, M: Members<'de>> Visitor<'de> for BodySeed<'_, M> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        while let Some(key) = map.next_key::<M::Key>()? {
            self.0.member(key, &mut map)?;
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

impl<'de> Members<'de> for Fields<'de> {
    type Key = Key;

    fn member<A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        if let Key::Other = key {
            map.next_value::<IgnoredAny>()?;
            return Ok(());
        }
        self.seen.start(key as u16, key.name())?;
        match key {
            Key::StatusCode => self.status_code = map.next_value::<Status>()?.0,
            Key::RequestId => self.request_id = map.next_value::<Text<'de>>()?.0,
            Key::ErrorType => self.error_type = map.next_value::<Text<'de>>()?.0,
            Key::ErrorMessage => self.error_message = map.next_value::<Text<'de>>()?.0,
            Key::ErrorUrl => self.error_url = map.next_value::<Text<'de>>()?.0,
            Key::ErrorDetails => self.error_details = map.next_value()?,
            Key::Error => self.error = map.next_value::<Text<'de>>()?.0,
            Key::ErrorDescription => {
                self.error_description = map.next_value::<Text<'de>>()?.0;
            }
            Key::ErrorUri => self.error_uri = map.next_value::<Text<'de>>()?.0,
            Key::Other => {}
        }
        self.seen.done();
        Ok(())
    }

    fn reading(&self) -> Option<&'static str> {
        self.seen.reading()
    }
}

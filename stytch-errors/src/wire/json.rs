//! JSON string output with the exact escaping of `serde_json`.
//!
//! The generated `write_json` pushes pre-rendered, already escaped fragments and escapes only
//! what is known at run time: the request id and the message's field values.

use core::fmt;
use std::string::String;
use std::vec::Vec;

use stytch_errors_shared::escape::{self, needs_escape};

use crate::model::ErrorInfo;

/// The bytes reserved for a message that shows fields, whose length is known only once it
/// is rendered.
const MESSAGE_ROOM: usize = 160;

/// Where the JSON text goes: a byte buffer or a `String`.
///
/// Both hold valid UTF-8 after every push, because only `&str` pieces are pushed.
#[doc(hidden)]
#[derive(Debug)]
pub struct JsonOut<'a> {
    sink: Sink<'a>,
}

#[derive(Debug)]
enum Sink<'a> {
    Bytes(&'a mut Vec<u8>),
    Text(&'a mut String),
}

impl<'a> JsonOut<'a> {
    /// Appends to a byte buffer.
    pub fn bytes(out: &'a mut Vec<u8>) -> Self {
        Self {
            sink: Sink::Bytes(out),
        }
    }

    /// Appends to a `String`.
    pub fn text(out: &'a mut String) -> Self {
        Self {
            sink: Sink::Text(out),
        }
    }

    /// Appends `s` as it is: for fragments that are already valid JSON.
    #[inline]
    pub fn push_raw(&mut self, s: &str) {
        match &mut self.sink {
            Sink::Bytes(out) => out.extend_from_slice(s.as_bytes()),
            Sink::Text(out) => out.push_str(s),
        }
    }

    /// Makes room for at least `additional` more bytes, so that the pushes that follow do
    /// not reallocate.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        match &mut self.sink {
            Sink::Bytes(out) => out.reserve(additional),
            Sink::Text(out) => out.reserve(additional),
        }
    }

    /// Appends the contents of a JSON string holding `s` (without the quotes).
    #[inline]
    pub fn push_escaped(&mut self, s: &str) {
        if is_clean(s.as_bytes()) {
            // The common case: nothing to escape, one copy.
            self.push_raw(s);
        } else {
            self.push_escaped_slowly(s);
        }
    }

    /// `push_escaped` of a string with something to escape: byte by byte.
    #[cold]
    fn push_escaped_slowly(&mut self, s: &str) {
        escape::escape_into(s, self);
    }

    /// Appends a whole error body from its pieces, pre-rendered by the derive: `head`, the
    /// escaped `request_id`, `before`, and then, when the message shows fields (`after` is
    /// not empty), the escaped `message` and `after`. A static message is part of `before`.
    ///
    /// Not generic and not inlined: compiled once, here, rather than into every crate that
    /// derives `ApiError` (in release builds, inlining it cost each such crate more build
    /// time than it saved a call: about 2 ns).
    pub fn push_body(&mut self, pieces: [&str; 3], request_id: &str, message: &dyn fmt::Display) {
        let [head, before, after] = pieces;
        if let Sink::Bytes(out) = &mut self.sink {
            if after.is_empty() && is_clean(request_id.as_bytes()) {
                out.reserve(head.len() + request_id.len() + before.len());
                // `{"status_code":NNN,"request_id":"` is 33 bytes: copied as a fixed-size
                // array, without a call to `memcpy`.
                match <&[u8; 33]>::try_from(head.as_bytes()) {
                    Ok(head) => out.extend_from_slice(head),
                    Err(_) => out.extend_from_slice(head.as_bytes()),
                }
                out.extend_from_slice(request_id.as_bytes());
                out.extend_from_slice(before.as_bytes());
                return;
            }
        }
        self.push_body_slowly(pieces, request_id, message);
    }

    /// Appends the body of `info` with `status_code` (the entry's own, or the status of a
    /// response it stands for), `request_id` and `message`, from the entry's fields: the
    /// bytes of the derive's pre-rendered writer, for catalogs written by hand and for the
    /// examples.
    pub fn push_body_of(
        &mut self,
        info: &ErrorInfo,
        status_code: u16,
        request_id: &str,
        message: &dyn fmt::Display,
        details: Option<&str>,
    ) {
        self.reserve(
            96 + request_id.len()
                + info.error_type.len()
                + MESSAGE_ROOM
                + info.error_url.len()
                + details.map_or(0, |details| details.len() + 17),
        );
        self.push_raw("{\"status_code\":");
        self.push_display(&status_code);
        self.push_raw(",\"request_id\":\"");
        self.push_escaped(request_id);
        self.push_raw("\",\"error_type\":\"");
        self.push_escaped(info.error_type);
        self.push_raw("\",\"error_message\":\"");
        self.push_display(message);
        self.push_raw("\",\"error_url\":\"");
        self.push_escaped(info.error_url);
        self.push_raw("\"");
        if let Some(details) = details {
            self.push_raw(",\"error_details\":");
            self.push_raw(details);
        }
        self.push_raw("}");
    }

    /// `push_body` in general: a message that shows fields, a request id to escape, or text.
    fn push_body_slowly(
        &mut self,
        [head, before, after]: [&str; 3],
        request_id: &str,
        message: &dyn fmt::Display,
    ) {
        // A message that shows fields is rendered as it is written: room for a sentence and
        // its values, so that `to_json` allocates once for all but long messages.
        let message_room = if after.is_empty() { 0 } else { MESSAGE_ROOM };
        self.reserve(head.len() + request_id.len() + before.len() + after.len() + message_room);
        self.push_raw(head);
        self.push_escaped(request_id);
        self.push_raw(before);
        if !after.is_empty() {
            self.push_display(message);
            self.push_raw(after);
        }
    }

    /// Appends the contents of a JSON string holding `value`'s `Display` output, without
    /// rendering it into a temporary `String` first.
    pub fn push_display<T: fmt::Display + ?Sized>(&mut self, value: &T) {
        use fmt::Write as _;
        // Writing into memory cannot fail; an error could only come from a `Display`
        // impl that reports one without cause, and then the text so far is kept.
        let _ = write!(Escaping(self), "{value}");
    }

    /// The length written so far, in bytes.
    pub(crate) fn len(&self) -> usize {
        match &self.sink {
            Sink::Bytes(out) => out.len(),
            Sink::Text(out) => out.len(),
        }
    }

    /// Cuts what was written back to `len` bytes (a length this writer gave, so a char
    /// boundary).
    pub(crate) fn truncate(&mut self, len: usize) {
        match &mut self.sink {
            Sink::Bytes(out) => out.truncate(len),
            Sink::Text(out) => out.truncate(len),
        }
    }

    /// A writer to the same buffer, for a while.
    pub(crate) fn reborrow(&mut self) -> JsonOut<'_> {
        match &mut self.sink {
            Sink::Bytes(out) => JsonOut::bytes(out),
            Sink::Text(out) => JsonOut::text(out),
        }
    }
}

/// Whether no byte of `bytes` needs escaping: sixteen bytes at a time (loops over arrays
/// that the compiler turns into vector compares), the last sixteen overlapping the others.
#[inline]
fn is_clean(bytes: &[u8]) -> bool {
    let Some(last) = bytes.last_chunk::<16>() else {
        return !bytes.iter().any(|&byte| needs_escape(byte));
    };
    let mut rest = bytes;
    while let Some(chunk) = rest.first_chunk::<16>() {
        if any_needs_escape(chunk) {
            return false;
        }
        rest = &rest[16..];
    }
    !any_needs_escape(last)
}

/// Whether any byte of `chunk` needs escaping, without branching byte by byte.
#[inline]
fn any_needs_escape(chunk: &[u8; 16]) -> bool {
    chunk
        .iter()
        .fold(false, |any, &byte| any | needs_escape(byte))
}

impl escape::Sink for JsonOut<'_> {
    fn push_str(&mut self, s: &str) {
        self.push_raw(s);
    }

    fn push_ascii(&mut self, ascii: &[u8]) {
        match &mut self.sink {
            Sink::Bytes(out) => out.extend_from_slice(ascii),
            Sink::Text(out) => escape::Sink::push_ascii(&mut **out, ascii),
        }
    }
}

/// What `serde_json` writes into: the bytes as they are, or, into a `String`, each piece
/// that is UTF-8 (`serde_json` writes whole `str` pieces; anything else fails the write).
impl std::io::Write for JsonOut<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.sink {
            Sink::Bytes(out) => out.extend_from_slice(buf),
            Sink::Text(out) => {
                out.push_str(core::str::from_utf8(buf).map_err(std::io::Error::other)?);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A `fmt::Write` that escapes everything written through it.
struct Escaping<'o, 'a>(&'o mut JsonOut<'a>);

impl fmt::Write for Escaping<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.push_escaped(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::JsonOut;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        JsonOut::text(&mut out).push_escaped(s);
        out
    }

    #[test]
    fn escapes_like_serde_json() {
        let samples = [
            "plain",
            "quote \" and backslash \\",
            "controls \u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}",
            "non-ASCII: é ✓ 😀 \u{2028}",
            "</script> / slash",
            "",
        ];
        for sample in samples {
            let expected = serde_json::to_string(sample).unwrap();
            assert_eq!(format!("\"{}\"", escaped(sample)), expected, "{sample:?}");
        }
    }

    #[test]
    fn escapes_every_ascii_byte_at_every_position() {
        // Around and across the sixteen-byte chunks of the fast path, the last overlapping.
        for len in 0..36 {
            for at in 0..len {
                for byte in 0..=0x7f_u8 {
                    let mut sample = vec![b'a'; len];
                    sample[at] = byte;
                    let sample = String::from_utf8(sample).unwrap();
                    let expected = serde_json::to_string(&sample).unwrap();
                    assert_eq!(format!("\"{}\"", escaped(&sample)), expected, "{sample:?}");
                }
            }
        }
    }

    #[test]
    fn reserving_changes_nothing_but_the_capacity() {
        let mut out = Vec::new();
        let mut json = JsonOut::bytes(&mut out);
        json.reserve(64);
        json.push_raw("\"");
        json.push_escaped("tab\there é");
        json.push_raw("\"");
        assert_eq!(out, serde_json::to_vec("tab\there é").unwrap());
        assert!(out.capacity() >= 64);
    }

    #[test]
    fn bytes_and_text_agree() {
        let sample = "a\"b\\c\nd\u{1}é";
        let mut bytes = Vec::new();
        JsonOut::bytes(&mut bytes).push_escaped(sample);
        assert_eq!(String::from_utf8(bytes).unwrap(), escaped(sample));
    }

    #[test]
    fn display_values_are_escaped() {
        let mut out = String::new();
        JsonOut::text(&mut out).push_display(&"say \"hi\"\n");
        assert_eq!(out, "say \\\"hi\\\"\\n");
    }
}

//! JSON string escaping, byte for byte as `serde_json` writes it: `"`, `\` and the control
//! characters, the short forms (`\n`, `\t`, …) where JSON has one and `\u00XX` otherwise.

use alloc::string::String;

/// What each byte becomes inside a JSON string: `0` for itself, `u` for `\u00XX`, and
/// otherwise the letter after the backslash.
pub const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `byte` needs escaping in a JSON string: a control character, `"` or a backslash.
///
/// ```
/// use stytch_errors_shared::escape::needs_escape;
///
/// assert!(needs_escape(b'"') && needs_escape(b'\n') && !needs_escape(b'a'));
/// ```
#[inline]
#[must_use]
#[allow(
    clippy::needless_bitwise_bool,
    reason = "no branches, so that a caller's loop over chunks vectorizes"
)]
pub const fn needs_escape(byte: u8) -> bool {
    (byte < 0x20) | (byte == b'"') | (byte == b'\\')
}

/// Where escaped text goes.
pub trait Sink {
    /// Appends text that needs no escaping.
    fn push_str(&mut self, s: &str);
    /// Appends an escape sequence (ASCII).
    fn push_ascii(&mut self, ascii: &[u8]);
}

impl Sink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }

    fn push_ascii(&mut self, ascii: &[u8]) {
        self.extend(ascii.iter().map(|&byte| char::from(byte)));
    }
}

/// Appends the contents of a JSON string holding `s` (without the quotes) to `out`: the runs
/// that need no escaping as they are, each byte that does as its escape sequence.
///
/// ```
/// let mut out = String::new();
/// stytch_errors_shared::escape::escape_into("a\u{1}b", &mut out);
/// assert_eq!(out, "a\\u0001b");
/// ```
pub fn escape_into<S: Sink + ?Sized>(s: &str, out: &mut S) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        if start < i {
            out.push_str(&s[start..i]);
        }
        if escape == b'u' {
            out.push_ascii(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]);
        } else {
            out.push_ascii(&[b'\\', escape]);
        }
        start = i + 1;
    }
    if start < bytes.len() {
        out.push_str(&s[start..]);
    }
}

/// The contents of a JSON string holding `s`, without the quotes.
///
/// ```
/// assert_eq!(stytch_errors_shared::escape::escape("tab\there"), "tab\\there");
/// ```
#[must_use]
pub fn escape(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    escape_into(s, &mut escaped);
    escaped
}

#[cfg(test)]
mod tests {
    use super::{escape, needs_escape};

    #[test]
    fn every_byte_that_needs_escaping_is_escaped() {
        for byte in 0..=0x7fu8 {
            let text = char::from(byte).to_string();
            let escaped = escape(&text);
            assert_eq!(escaped != text, needs_escape(byte), "{byte:#x}");
        }
        assert_eq!(escape("\u{8}\u{c}\r\u{1f}\\"), "\\b\\f\\r\\u001f\\\\");
    }
}

//! Reading `Accept` headers as RFC 9110 writes them: a comma-separated list of media ranges,
//! each `type/subtype` with `;`-separated parameters whose values are tokens or quoted
//! strings.
//!
//! Each range is read on its own: a range that breaks the grammar (a byte that is not
//! visible ASCII outside a quoted string, say) is skipped, and the others still count. Commas
//! and semicolons inside a quoted string belong to it.

use crate::serve::{APPLICATION_JSON, APPLICATION_PROBLEM_JSON};

/// Whether the `Accept` header values, taken together in order, prefer
/// `application/problem+json` to `application/json`: named with a quality above zero and no
/// lower than that of `application/json` (or, failing that, `application/*`, then `*/*`).
pub(crate) fn prefers_problem_json<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> bool {
    // Qualities in thousandths; for JSON, the most specific range that matches wins.
    let mut problem: Option<u16> = None;
    let mut json: [Option<u16>; 3] = [None; 3]; // application/json, application/*, */*
    for range in values.into_iter().flat_map(|value| split(value, b',')) {
        let Some((range, quality)) = media_range(range) else {
            continue;
        };
        let slot = if range.eq_ignore_ascii_case(APPLICATION_PROBLEM_JSON.as_bytes()) {
            &mut problem
        } else if range.eq_ignore_ascii_case(APPLICATION_JSON.as_bytes()) {
            &mut json[0]
        } else if range.eq_ignore_ascii_case(b"application/*") {
            &mut json[1]
        } else if range == b"*/*" {
            &mut json[2]
        } else {
            continue;
        };
        *slot = Some(slot.map_or(quality, |q| q.max(quality)));
    }
    let json = json.into_iter().flatten().next().unwrap_or(0);
    problem.is_some_and(|problem| problem > 0 && problem >= json)
}

/// A media range's `type/subtype` and quality (`q`, 1 when absent); `None` when the range
/// breaks the grammar or its quality is malformed.
fn media_range(element: &[u8]) -> Option<(&[u8], u16)> {
    if !is_well_formed(element) {
        return None;
    }
    let mut parts = split(element, b';');
    // Outside its quoted strings a well-formed element's only whitespace is spaces and tabs.
    let range = parts.next()?.trim_ascii();
    if range.is_empty() {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let Some(at) = parameter.iter().position(|&b| b == b'=') else {
            continue;
        };
        let (name, value) = (
            parameter[..at].trim_ascii(),
            parameter[at + 1..].trim_ascii(),
        );
        if name.eq_ignore_ascii_case(b"q") {
            quality = parse_quality(value)?;
        }
    }
    Some((range, quality))
}

/// Whether every byte outside a quoted string is visible ASCII, a space or a tab, and every
/// quoted string is closed.
fn is_well_formed(element: &[u8]) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for &byte in element {
        if quoted {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => quoted = false,
                // `obs-text` (0x80 to 0xff) is allowed in a quoted string, controls are not.
                b'\t' | b' '..=b'~' | 0x80.. => {}
                _ => return false,
            }
        } else {
            match byte {
                b'"' => quoted = true,
                b'\t' | b' '..=b'~' => {}
                _ => return false,
            }
        }
    }
    !quoted
}

/// `value` split at each `separator` outside a quoted string.
fn split(value: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(value);
    core::iter::from_fn(move || {
        let value = rest?;
        let mut quoted = false;
        let mut escaped = false;
        for (at, &byte) in value.iter().enumerate() {
            match byte {
                _ if escaped => escaped = false,
                b'\\' if quoted => escaped = true,
                b'"' => quoted = !quoted,
                _ if byte == separator && !quoted => {
                    rest = Some(&value[at + 1..]);
                    return Some(&value[..at]);
                }
                _ => {}
            }
        }
        rest = None;
        Some(value)
    })
}

/// An RFC 9110 `qvalue` in thousandths: `0`, `1`, `0.5`, `0.125`, `1.000`.
fn parse_quality(value: &[u8]) -> Option<u16> {
    let (whole, fraction) = match value.iter().position(|&b| b == b'.') {
        Some(dot) => (&value[..dot], &value[dot + 1..]),
        None => (value, &[][..]),
    };
    if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.iter().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_well_formed, split};

    #[test]
    fn splitting_keeps_quoted_separators() {
        let parts: Vec<&[u8]> = split(br#"a;b="x;y\";z";c"#, b';').collect();
        assert_eq!(parts, [&b"a"[..], br#"b="x;y\";z""#, b"c"]);
        let parts: Vec<&[u8]> = split(b"", b',').collect();
        assert_eq!(parts, [&b""[..]]);
    }

    #[test]
    fn well_formed_ranges() {
        assert!(is_well_formed(b"text/html; q=0.5"));
        assert!(is_well_formed("text/html;x=\"é\"".as_bytes()));
        assert!(!is_well_formed("text/html;q=é".as_bytes()));
        assert!(!is_well_formed(b"text/html;x=\"open"));
        assert!(!is_well_formed(b"text/html\x01"));
    }
}

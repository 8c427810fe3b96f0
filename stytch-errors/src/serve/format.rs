//! The shape of an error body, and the `Accept` negotiation that chooses it.

use std::string::String;

use http::HeaderMap;

/// The media type of Stytch's error bodies.
pub const APPLICATION_JSON: &str = "application/json";

/// The media type of RFC 9457 problem details.
pub const APPLICATION_PROBLEM_JSON: &str = "application/problem+json";

/// The shape of an error body.
///
/// Stytch's shape is the default; with the `problem-details` feature, a client whose
/// `Accept` header asks for `application/problem+json` gets RFC 9457 problem details
/// (see [`from_accept`](Self::from_accept)).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BodyFormat {
    /// `application/json`: `status_code`, `request_id`, `error_type`, `error_message`,
    /// `error_url`, as Stytch sends them.
    #[default]
    Stytch,
    /// `application/problem+json`: see [`ProblemDetails`](crate::ProblemDetails).
    #[cfg(feature = "problem-details")]
    ProblemDetails,
}

impl BodyFormat {
    /// The `content-type` of a body of this shape.
    ///
    /// ```
    /// assert_eq!(stytch_errors::BodyFormat::Stytch.content_type(), "application/json");
    /// ```
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Stytch => APPLICATION_JSON,
            #[cfg(feature = "problem-details")]
            Self::ProblemDetails => APPLICATION_PROBLEM_JSON,
        }
    }

    /// The shape an `Accept` header asks for.
    ///
    /// Problem details are chosen when `application/problem+json` is named with a quality
    /// above zero and no lower than that of `application/json` (or, failing that,
    /// `application/*`, then `*/*`); wildcards alone never choose them, so a client that
    /// does not ask gets Stytch's shape. Without the `problem-details` feature, always
    /// [`Stytch`](Self::Stytch).
    ///
    /// ```
    /// use stytch_errors::BodyFormat;
    ///
    /// assert_eq!(BodyFormat::from_accept("*/*"), BodyFormat::Stytch);
    /// assert_eq!(BodyFormat::from_accept("application/json"), BodyFormat::Stytch);
    /// # #[cfg(feature = "problem-details")] {
    /// assert_eq!(
    ///     BodyFormat::from_accept("application/problem+json"),
    ///     BodyFormat::ProblemDetails,
    /// );
    /// assert_eq!(
    ///     BodyFormat::from_accept("application/json, application/problem+json;q=0.5"),
    ///     BodyFormat::Stytch,
    /// );
    /// # }
    /// ```
    #[must_use]
    pub fn from_accept(accept: &str) -> Self {
        #[cfg(feature = "problem-details")]
        if prefers_problem_json(accept) {
            return Self::ProblemDetails;
        }
        let _ = accept;
        Self::Stytch
    }

    /// The shape the request's `Accept` headers ask for (all of them, in order), see
    /// [`from_accept`](Self::from_accept); [`Stytch`](Self::Stytch) when there are none.
    #[must_use]
    pub fn from_headers(headers: &HeaderMap) -> Self {
        Self::from_values(
            headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(http::HeaderValue::as_bytes),
        )
    }

    /// [`from_headers`](Self::from_headers) for the raw values of the `Accept` headers, in
    /// order; values that are not text are skipped.
    pub(crate) fn from_values<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut values = values
            .into_iter()
            .filter_map(|value| core::str::from_utf8(value).ok());
        let first = values.next().unwrap_or_default();
        let Some(second) = values.next() else {
            // One header (the common case) is read where it is.
            return Self::from_accept(first);
        };
        let mut accept = String::from(first);
        for value in core::iter::once(second).chain(values) {
            accept.push(',');
            accept.push_str(value);
        }
        Self::from_accept(&accept)
    }
}

/// Whether an `Accept` header prefers `application/problem+json` to `application/json`.
#[cfg(feature = "problem-details")]
fn prefers_problem_json(accept: &str) -> bool {
    // Qualities in thousandths; for JSON, the most specific range that matches wins.
    let mut problem: Option<u16> = None;
    let mut json: [Option<u16>; 3] = [None; 3]; // application/json, application/*, */*
    for element in accept.split(',') {
        let mut parts = element.split(';');
        let range = parts.next().unwrap_or_default().trim();
        let mut quality = Some(1000);
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim());
                }
            }
        }
        let Some(quality) = quality else {
            continue;
        };
        let slot = if range.eq_ignore_ascii_case(APPLICATION_PROBLEM_JSON) {
            &mut problem
        } else if range.eq_ignore_ascii_case(APPLICATION_JSON) {
            &mut json[0]
        } else if range.eq_ignore_ascii_case("application/*") {
            &mut json[1]
        } else if range == "*/*" {
            &mut json[2]
        } else {
            continue;
        };
        *slot = Some(slot.map_or(quality, |q| q.max(quality)));
    }
    let json = json.into_iter().flatten().next().unwrap_or(0);
    problem.is_some_and(|problem| problem > 0 && problem >= json)
}

/// An RFC 9110 `qvalue` in thousandths: `0`, `1`, `0.5`, `0.125`, `1.000`.
#[cfg(feature = "problem-details")]
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(all(test, feature = "problem-details"))]
mod tests {
    use super::BodyFormat;

    #[test]
    fn accept_negotiation() {
        let cases = [
            ("", BodyFormat::Stytch),
            ("*/*", BodyFormat::Stytch),
            ("application/*", BodyFormat::Stytch),
            ("application/json", BodyFormat::Stytch),
            ("text/html, */*;q=0.8", BodyFormat::Stytch),
            ("application/problem+json", BodyFormat::ProblemDetails),
            ("Application/Problem+JSON", BodyFormat::ProblemDetails),
            (
                "application/problem+json, application/json",
                BodyFormat::ProblemDetails,
            ),
            (
                "application/json;q=0.9, application/problem+json",
                BodyFormat::ProblemDetails,
            ),
            (
                "application/problem+json;q=0.5, application/json",
                BodyFormat::Stytch,
            ),
            (
                "application/problem+json;q=0.5, */*;q=0.1",
                BodyFormat::ProblemDetails,
            ),
            // application/json is more specific than */*, and refused.
            (
                "application/problem+json;q=0.1, application/json;q=0, */*",
                BodyFormat::ProblemDetails,
            ),
            ("application/problem+json;q=0", BodyFormat::Stytch),
            ("application/problem+json;q=0.000", BodyFormat::Stytch),
            (
                "application/problem+json ; q=1.000",
                BodyFormat::ProblemDetails,
            ),
            // A malformed quality drops the element.
            ("application/problem+json;q=2", BodyFormat::Stytch),
            ("application/problem+json;q=0.1234", BodyFormat::Stytch),
            ("application/problem+json;q=abc", BodyFormat::Stytch),
        ];
        for (accept, expected) in cases {
            assert_eq!(BodyFormat::from_accept(accept), expected, "{accept:?}");
        }
    }

    #[test]
    fn accept_headers_are_combined() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(BodyFormat::from_headers(&headers), BodyFormat::Stytch);
        headers.append("accept", "application/json;q=0.5".parse().unwrap());
        headers.append("accept", "application/problem+json".parse().unwrap());
        assert_eq!(
            BodyFormat::from_headers(&headers),
            BodyFormat::ProblemDetails
        );
    }
}

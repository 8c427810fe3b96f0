//! The `Accept` negotiation that chooses the shape of an error body ([`BodyFormat`]).

use http::HeaderMap;

use crate::wire::BodyFormat;

impl BodyFormat {
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
        Self::from_accept_values([accept.as_bytes()])
    }

    /// The shape the request's `Accept` headers ask for (all of them, in order), see
    /// [`from_accept`](Self::from_accept); [`Stytch`](Self::Stytch) when there are none.
    /// Each media range is read on its own, as RFC 9110 writes it: one that is malformed
    /// (a byte that is not visible ASCII outside a quoted string) is skipped, and a comma
    /// in a quoted parameter does not end a range.
    #[must_use]
    pub fn from_headers(headers: &HeaderMap) -> Self {
        Self::from_accept_values(
            headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(http::HeaderValue::as_bytes),
        )
    }

    /// The shape that `Accept` header values ask for, as bytes: what
    /// [`from_headers`](Self::from_headers) reads, for a framework with a header map of
    /// its own.
    pub(crate) fn from_accept_values<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> Self {
        #[cfg(feature = "problem-details")]
        if crate::serve::accept::prefers_problem_json(values) {
            return Self::ProblemDetails;
        }
        #[cfg(not(feature = "problem-details"))]
        drop(values);
        Self::Stytch
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

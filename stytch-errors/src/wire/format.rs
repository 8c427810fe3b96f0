//! The shapes of an error body: [`BodyFormat`], and the media type of each.

/// The media type of Stytch's error bodies.
pub const APPLICATION_JSON: &str = "application/json";

/// The media type of RFC 9457 problem details.
pub const APPLICATION_PROBLEM_JSON: &str = "application/problem+json";

/// The shape of an error body.
///
/// Stytch's shape is the default; with the `problem-details` feature, a client whose
/// `Accept` header asks for `application/problem+json` gets RFC 9457 problem details
/// (see [`from_accept`](Self::from_accept)). On the client's side,
/// [`ErrorReader::formats`](crate::ErrorReader::formats) says which shapes a client expects.
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
    /// Every shape the server side of this build writes, Stytch's first: what a client
    /// expects unless told otherwise.
    ///
    /// ```
    /// use stytch_errors::BodyFormat;
    ///
    /// assert_eq!(BodyFormat::ALL[0], BodyFormat::Stytch);
    /// # #[cfg(feature = "problem-details")]
    /// assert_eq!(BodyFormat::ALL, [BodyFormat::Stytch, BodyFormat::ProblemDetails]);
    /// ```
    pub const ALL: &'static [BodyFormat] = &[
        Self::Stytch,
        #[cfg(feature = "problem-details")]
        Self::ProblemDetails,
    ];

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
}

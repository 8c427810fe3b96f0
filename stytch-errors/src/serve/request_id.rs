//! Request ids: Stytch-shaped ones, and the checks on a client's own.

use core::fmt;
use core::str::FromStr;
use std::string::String;

use http::{HeaderMap, HeaderValue};

use super::REQUEST_ID_HEADER;

/// Which of a project's environments the service runs in: the word in its request ids.
///
/// ```
/// use stytch_errors::{Environment, RequestId};
///
/// assert!(RequestId::generate(Environment::Live).as_str().starts_with("request-id-live-"));
/// assert_eq!(Environment::default(), Environment::Test);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Environment {
    /// `request-id-test-…`, as Stytch's test environment sends.
    #[default]
    Test,
    /// `request-id-live-…`, as Stytch's live environment sends.
    Live,
}

impl Environment {
    /// The id prefix of the environment: `request-id-test-` or `request-id-live-`.
    ///
    /// ```
    /// assert_eq!(stytch_errors::Environment::Test.prefix(), "request-id-test-");
    /// ```
    #[must_use]
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::Test => "request-id-test-",
            Self::Live => "request-id-live-",
        }
    }
}

/// The id of one request: the `request_id` of its error body and the value of its
/// `x-request-id` response header.
///
/// A service generates one per request, shaped as Stytch's
/// (`request-id-test-<uuid v4>` or `request-id-live-<uuid v4>`), unless the client sent an
/// `x-request-id` of its own that is safe to send back: at most
/// [`MAX_LEN`](Self::MAX_LEN) bytes of visible ASCII (`!` to `~`, no spaces or controls).
/// Anything else is dropped, never echoed, and a generated id takes its place.
///
/// Cloning is cheap: the id is a reference-counted [`HeaderValue`].
///
/// ```
/// use http::{HeaderMap, HeaderValue};
/// use stytch_errors::{Environment, REQUEST_ID_HEADER, RequestId};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(REQUEST_ID_HEADER, HeaderValue::from_static("trace-7f3a"));
/// assert_eq!(RequestId::from_headers(&headers, Environment::Test), "trace-7f3a");
///
/// headers.insert(REQUEST_ID_HEADER, HeaderValue::from_static("has spaces"));
/// let id = RequestId::from_headers(&headers, Environment::Test);
/// assert!(id.as_str().starts_with("request-id-test-"));
/// assert_eq!(id.as_str().len(), "request-id-test-".len() + 36);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RequestId(HeaderValue);

impl RequestId {
    /// The longest client-supplied id accepted, in bytes.
    pub const MAX_LEN: usize = 128;

    /// A new id: the environment's prefix and a random (version 4) UUID, hyphenated.
    ///
    /// ```
    /// use stytch_errors::{Environment, RequestId};
    ///
    /// let id = RequestId::generate(Environment::Test);
    /// let uuid = id.as_str().strip_prefix("request-id-test-").unwrap();
    /// assert_eq!(uuid.len(), 36);
    /// assert_eq!(&uuid[14..15], "4"); // the version digit
    /// assert_ne!(id, RequestId::generate(Environment::Test));
    /// ```
    #[must_use]
    pub fn generate(environment: Environment) -> Self {
        let prefix = environment.prefix();
        let mut id = String::with_capacity(prefix.len() + uuid::fmt::Hyphenated::LENGTH);
        id.push_str(prefix);
        id.push_str(
            uuid::Uuid::new_v4()
                .hyphenated()
                .encode_lower(&mut uuid::Uuid::encode_buffer()),
        );
        // A prefix of ASCII letters and dashes and a hyphenated UUID are a valid header value.
        Self(HeaderValue::try_from(id).unwrap_or_else(|_| HeaderValue::from_static("")))
    }

    /// The client's id if it is safe to send back: 1 to [`MAX_LEN`](Self::MAX_LEN) bytes of
    /// visible ASCII.
    ///
    /// ```
    /// use stytch_errors::RequestId;
    ///
    /// assert!(RequestId::parse("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141").is_some());
    /// assert!(RequestId::parse("").is_none());
    /// assert!(RequestId::parse("two words").is_none());
    /// assert!(RequestId::parse("line\nbreak").is_none());
    /// assert!(RequestId::parse("é").is_none());
    /// assert!(RequestId::parse(&"x".repeat(129)).is_none());
    /// ```
    #[must_use]
    pub fn parse(client_id: &str) -> Option<Self> {
        Self::from_bytes(client_id.as_bytes())
    }

    /// [`parse`](Self::parse) for a header's raw bytes.
    ///
    /// ```
    /// use stytch_errors::RequestId;
    ///
    /// assert!(RequestId::from_bytes(b"trace-1").is_some());
    /// assert!(RequestId::from_bytes(b"\xff").is_none());
    /// ```
    #[must_use]
    pub fn from_bytes(client_id: &[u8]) -> Option<Self> {
        if client_id.is_empty()
            || client_id.len() > Self::MAX_LEN
            || !client_id.iter().all(u8::is_ascii_graphic)
        {
            return None;
        }
        HeaderValue::from_bytes(client_id).ok().map(Self)
    }

    /// The client's `x-request-id` from `headers` when [`parse`](Self::parse) accepts it
    /// (the first one, if there are several), a [generated](Self::generate) id otherwise.
    #[must_use]
    pub fn from_headers(headers: &HeaderMap, environment: Environment) -> Self {
        Self::from_client(
            headers.get(REQUEST_ID_HEADER).map(HeaderValue::as_bytes),
            environment,
        )
    }

    /// The client's id `client_id` (an `x-request-id` header's bytes) when
    /// [`from_bytes`](Self::from_bytes) accepts it, a [generated](Self::generate) id otherwise.
    pub(crate) fn from_client(client_id: Option<&[u8]>, environment: Environment) -> Self {
        client_id
            .and_then(Self::from_bytes)
            .unwrap_or_else(|| Self::generate(environment))
    }

    /// The id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only visible ASCII is ever stored.
        self.0.to_str().unwrap_or_default()
    }

    /// The id as a header value, for the `x-request-id` response header.
    ///
    /// ```
    /// use stytch_errors::RequestId;
    ///
    /// let id = RequestId::parse("trace-1").unwrap();
    /// assert_eq!(id.header_value(), "trace-1");
    /// ```
    #[must_use]
    pub fn header_value(&self) -> &HeaderValue {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for RequestId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RequestId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The error of [`RequestId::from_str`]: the text is not an id a client may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidRequestId;

impl fmt::Display for InvalidRequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a request id is 1 to {} bytes of visible ASCII",
            RequestId::MAX_LEN
        )
    }
}

impl std::error::Error for InvalidRequestId {}

impl FromStr for RequestId {
    type Err = InvalidRequestId;

    /// [`RequestId::parse`], as a `Result`.
    ///
    /// ```
    /// use stytch_errors::RequestId;
    ///
    /// let id: RequestId = "trace-1".parse().unwrap();
    /// assert_eq!(id, "trace-1");
    /// assert!("".parse::<RequestId>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or(InvalidRequestId)
    }
}

#[cfg(test)]
mod tests {
    use super::{Environment, RequestId};

    #[test]
    fn generated_ids_are_stytch_shaped_v4_uuids() {
        for environment in [Environment::Test, Environment::Live] {
            let id = RequestId::generate(environment);
            let uuid = id.as_str().strip_prefix(environment.prefix()).unwrap();
            let parsed = uuid::Uuid::parse_str(uuid).unwrap();
            assert_eq!(parsed.get_version_num(), 4);
            assert_eq!(parsed.hyphenated().to_string(), uuid);
            // A generated id passes the checks on a client's id too.
            assert_eq!(RequestId::parse(id.as_str()), Some(id));
        }
    }

    #[test]
    fn client_ids_are_bounded_visible_ascii() {
        assert!(RequestId::parse(&"a".repeat(RequestId::MAX_LEN)).is_some());
        assert!(RequestId::parse(&"a".repeat(RequestId::MAX_LEN + 1)).is_none());
        assert!(RequestId::parse("!~").is_some());
        for byte in 0..=u8::MAX {
            let visible = (0x21..=0x7e).contains(&byte);
            assert_eq!(
                RequestId::from_bytes(&[byte]).is_some(),
                visible,
                "{byte:#x}"
            );
            assert_eq!(
                RequestId::from_bytes(&[b'a', byte, b'z']).is_some(),
                visible,
                "{byte:#x}"
            );
        }
        assert!(RequestId::from_bytes(b"").is_none());
        assert!(RequestId::parse("tab\there").is_none());
    }
}

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
/// Anything else is dropped, never echoed, and a generated id takes its place. The
/// request-id layer (axum) and middleware (actix-web) can generate the service's own ids
/// ([`IdGenerator`]) and take a client's only as a policy says ([`ClientIds`]).
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
        Self::with_prefix(environment.prefix())
    }

    /// A new id: `prefix` and a random (version 4) UUID, hyphenated. A prefix that is not
    /// [`valid`](IdGenerator::prefix) is left out.
    ///
    /// ```
    /// use stytch_errors::RequestId;
    ///
    /// let id = RequestId::with_prefix("req_");
    /// assert_eq!(id.as_str().len(), "req_".len() + 36);
    /// assert!(id.as_str().starts_with("req_"));
    /// ```
    #[must_use]
    pub fn with_prefix(prefix: &str) -> Self {
        let prefix = if is_valid_prefix(prefix) { prefix } else { "" };
        let mut id = String::with_capacity(prefix.len() + uuid::fmt::Hyphenated::LENGTH);
        id.push_str(prefix);
        id.push_str(
            uuid::Uuid::new_v4()
                .hyphenated()
                .encode_lower(&mut uuid::Uuid::encode_buffer()),
        );
        // Visible ASCII and a hyphenated UUID are a valid header value.
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
        ClientIds::Accept.id_for(
            headers.get(REQUEST_ID_HEADER).map(HeaderValue::as_bytes),
            IdGenerator::Stytch(environment),
        )
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

/// The longest prefix of a generated id: a UUID must fit after it within
/// [`RequestId::MAX_LEN`].
const MAX_PREFIX_LEN: usize = RequestId::MAX_LEN - 36;

/// Whether `prefix` is at most [`MAX_PREFIX_LEN`] bytes of visible ASCII.
const fn is_valid_prefix(prefix: &str) -> bool {
    let bytes = prefix.as_bytes();
    if bytes.len() > MAX_PREFIX_LEN {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_graphic() {
            return false;
        }
        at += 1;
    }
    true
}

/// How the request-id layer (axum) or middleware (actix-web) makes the id of a request that
/// brings none it accepts; Stytch's form by default.
///
/// ```
/// use stytch_errors::{Environment, IdGenerator, RequestId};
///
/// assert!(IdGenerator::Stytch(Environment::Live).generate().as_str().starts_with("request-id-live-"));
/// assert!(IdGenerator::prefix("req_").generate().as_str().starts_with("req_"));
/// fn sequential() -> RequestId {
///     RequestId::parse("req-1").unwrap()
/// }
/// assert_eq!(IdGenerator::Function(sequential).generate(), "req-1");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum IdGenerator {
    /// Stytch's: `request-id-test-<uuid v4>` or `request-id-live-<uuid v4>`.
    Stytch(Environment),
    /// `<prefix><uuid v4>`: build it with [`IdGenerator::prefix`], which checks the prefix.
    Prefix(&'static str),
    /// The service's own function.
    Function(fn() -> RequestId),
}

impl IdGenerator {
    /// `<prefix><uuid v4>`.
    ///
    /// # Panics
    ///
    /// If `prefix` is longer than 92 bytes (so that the id stays within
    /// [`RequestId::MAX_LEN`]) or holds anything but visible ASCII; at compile time in a
    /// `const`.
    #[must_use]
    pub const fn prefix(prefix: &'static str) -> Self {
        assert!(
            is_valid_prefix(prefix),
            "a request id prefix is at most 92 bytes of visible ASCII"
        );
        Self::Prefix(prefix)
    }

    /// A new id.
    #[must_use]
    pub fn generate(self) -> RequestId {
        match self {
            Self::Stytch(environment) => RequestId::generate(environment),
            Self::Prefix(prefix) => RequestId::with_prefix(prefix),
            Self::Function(generate) => generate(),
        }
    }
}

impl Default for IdGenerator {
    fn default() -> Self {
        Self::Stytch(Environment::default())
    }
}

/// What the request-id layer (axum) or middleware (actix-web) does with the `x-request-id`
/// a client sends, once it passes [`RequestId::from_bytes`] (an id that does not is never
/// echoed): take it as the request's id (the default), replace it with a generated one,
/// or take it when the service's check passes.
///
/// ```
/// use stytch_errors::{ClientIds, Environment, IdGenerator, RequestId};
///
/// fn ours(id: &RequestId) -> bool {
///     id.as_str().starts_with("req_")
/// }
/// let generator = IdGenerator::Stytch(Environment::Test);
/// let policy = ClientIds::AcceptIf(ours);
/// assert_eq!(policy.id_for(Some(b"req_1"), generator), "req_1");
/// assert!(policy.id_for(Some(b"other"), generator).as_str().starts_with("request-id-test-"));
/// assert!(ClientIds::Replace.id_for(Some(b"req_1"), generator).as_str().starts_with("request-id-test-"));
/// assert_eq!(ClientIds::Accept.id_for(Some(b"other"), generator), "other");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub enum ClientIds {
    /// The client's id is the request's.
    #[default]
    Accept,
    /// Every request gets a generated id; the client's is dropped.
    Replace,
    /// The client's id is the request's when the function says so.
    AcceptIf(fn(&RequestId) -> bool),
}

impl ClientIds {
    /// The id of a request whose `x-request-id` is `client_id`: the client's, as the
    /// policy says, or one `generator` makes.
    #[must_use]
    pub fn id_for(self, client_id: Option<&[u8]>, generator: IdGenerator) -> RequestId {
        let client = match self {
            Self::Accept => client_id.and_then(RequestId::from_bytes),
            Self::Replace => None,
            Self::AcceptIf(check) => client_id.and_then(RequestId::from_bytes).filter(check),
        };
        client.unwrap_or_else(|| generator.generate())
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

//! `Retry-After` (RFC 9110, section 10.2.3): a number of seconds or an HTTP-date.

use std::time::{Duration, SystemTime};

use http::HeaderMap;

/// How long the response's `Retry-After` asks the client to wait, as of `now`: `None` when
/// the header is absent or is neither a number of seconds nor an HTTP-date. A date already
/// past means "now": [`Duration::ZERO`].
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        // More seconds than a `u64` holds is no wait a client can act on.
        return value.parse().ok().map(Duration::from_secs);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use http::{HeaderMap, HeaderValue};

    use super::retry_after;

    fn after(value: &[u8], now: SystemTime) -> Option<Duration> {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_bytes(value).unwrap());
        retry_after(&headers, now)
    }

    #[test]
    fn seconds() {
        let now = SystemTime::now();
        assert_eq!(after(b"150", now), Some(Duration::from_secs(150)));
        assert_eq!(after(b"0", now), Some(Duration::ZERO));
        assert_eq!(after(b" 7 ", now), Some(Duration::from_secs(7)));
    }

    #[test]
    fn http_dates_in_each_form_rfc_9110_accepts() {
        // Sun, 06 Nov 1994 08:49:37 GMT, as RFC 9110 writes it in its three forms.
        let date = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        let now = date - Duration::from_secs(90);
        for form in [
            &b"Sun, 06 Nov 1994 08:49:37 GMT"[..],
            b"Sunday, 06-Nov-94 08:49:37 GMT",
            b"Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(after(form, now), Some(Duration::from_secs(90)));
        }
        // A date already past: retry now.
        let later = date + Duration::from_secs(5);
        assert_eq!(
            after(b"Sun, 06 Nov 1994 08:49:37 GMT", later),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn invalid_values_are_ignored() {
        let now = SystemTime::now();
        for value in [
            &b""[..],
            b"-5",
            b"1.5",
            b"soon",
            b"99999999999999999999999",
            b"Sun, 31 Nov 1994 08:49:37 GMT",
            b"Sun, 06 Nov 1994 08:49:37",
            b"\xff\xfe",
        ] {
            assert_eq!(after(value, now), None, "{value:?}");
        }
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }
}

//! The `docs_url` rule: what the base of every `error_url` may be.

/// What is wrong with `url` as a `docs_url`, if anything: it must be an absolute `https://`
/// URL with a host, of the characters a URL may hold, and without a trailing `/`.
pub fn problem(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!(
            "`docs_url` must be an absolute `https://` URL, like `https://example.com/docs/errors`; got `{url}`"
        ));
    };
    if let Some(bad) = url.chars().find(|&c| !is_url_char(c)) {
        return Err(format!(
            "`docs_url` must not contain {bad:?}: a URL holds ASCII letters, digits and `-._~:/[]@!$&'()*+,;=%` only (percent-encode the rest), and the status and `#error_type` are appended to it"
        ));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    // `user@host:port`: the host is what is left without the user and the port.
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (host, port) = match host_port.strip_prefix('[') {
        // An IPv6 address: `[::1]:443`.
        Some(v6) => match v6.split_once(']') {
            Some((host, port)) => (host, port.strip_prefix(':').unwrap_or(port)),
            None => ("", ""),
        },
        None => host_port.split_once(':').unwrap_or((host_port, "")),
    };
    if host.is_empty() {
        return Err(format!(
            "`docs_url` has no host after `https://`: write one, as in `https://example.com/docs/errors`; got `{url}`"
        ));
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`docs_url` has a port that is not a number: `{port}`; write `https://host:443/…` or leave the port out"
        ));
    }
    if url.ends_with('/') {
        return Err(format!(
            "`docs_url` must not end in `/`: the URL is built as `{{docs_url}}/{{status}}#{{error_type}}`; write `{}`",
            url.trim_end_matches('/')
        ));
    }
    Ok(())
}

/// Whether a URL may hold `c` as it is (RFC 3986's unreserved and reserved characters, and
/// `%` for percent-encoding), leaving out `?` and `#`, which would end the path that the status
/// and `#error_type` extend.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/[]@!$&'()*+,;=%".contains(c)
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn urls() {
        for good in [
            "https://example.com/errors",
            "https://example.com",
            "https://example.com:8443/docs/errors",
            "https://[::1]:8443/errors",
            "https://user@example.com/errors",
            "https://example.com/a%20b/(c)",
        ] {
            assert_eq!(problem(good), Ok(()), "{good}");
        }
        for bad in [
            "http://example.com",
            "https://",
            "https://@",
            "https://:443",
            "https://user@/errors",
            "https://[::1",
            "https://example.com:port",
            "https://example.com/",
            "https://example.com/a|b",
            "https://example.com/a b",
            "https://example.com/#x",
            "https://exämple.com",
            "https://example.com/\u{200b}",
        ] {
            assert!(problem(bad).is_err(), "{bad}");
        }
    }
}

//! The headers of `#[api_error(header("name", "template"))]`.

use core::fmt;
use std::string::{String, ToString};
use std::vec::Vec;

use http::{HeaderMap, HeaderName, HeaderValue};

/// Where the generated `__headers` puts each header: the header map of a response, and a
/// note for the log line of each header that had to be dropped.
#[doc(hidden)]
#[derive(Debug)]
pub struct HeadersOut<'o> {
    headers: &'o mut HeaderMap,
    problems: &'o mut Vec<String>,
}

impl<'o> HeadersOut<'o> {
    pub(crate) fn new(headers: &'o mut HeaderMap, problems: &'o mut Vec<String>) -> Self {
        Self { headers, problems }
    }

    /// Adds `name: value` for a value with no field in it (checked by the derive).
    pub fn push_static(&mut self, name: &'static str, value: &'static str) {
        self.add(name, HeaderValue::from_str(value).ok());
    }

    /// Adds `name` with the rendered `value`, or drops it (and says so in the log line)
    /// when a field made it something a header cannot hold, such as a line break.
    pub fn push(&mut self, name: &'static str, value: fmt::Arguments<'_>) {
        let value = match value.as_str() {
            Some(text) => HeaderValue::from_str(text).ok(),
            None => HeaderValue::try_from(value.to_string()).ok(),
        };
        self.add(name, value);
    }

    fn add(&mut self, name: &'static str, value: Option<HeaderValue>) {
        match (HeaderName::from_bytes(name.as_bytes()), value) {
            (Ok(name), Some(value)) => {
                self.headers.append(name, value);
            }
            _ => self.problems.push(format!(
                "the header `{name}` was dropped: its value is not a valid header value"
            )),
        }
    }
}

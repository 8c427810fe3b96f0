//! The `error_details` object: the `#[api_error(details)]` fields, written by `serde_json`
//! straight into the body's buffer.

use std::string::String;

use serde::Serialize;

use crate::model::ApiError;
use crate::wire::JsonOut;

/// Where the generated `__write_details` puts each details field: a member of one JSON
/// object, written by `serde_json` into the buffer the body is written to.
///
/// A field whose `Serialize` fails drops the whole object: the buffer is cut back to where
/// the object began, and the error is kept for the log line.
#[doc(hidden)]
#[derive(Debug)]
pub struct DetailsOut<'o> {
    out: JsonOut<'o>,
    /// Where the object begins: what is cut back to when a field fails.
    start: usize,
    /// Written before the first member.
    prefix: &'static str,
    /// Written after the last member.
    suffix: &'static str,
    /// Written when the object is dropped, in place of what was cut.
    restore: &'static str,
    members: usize,
    error: Option<String>,
}

impl DetailsOut<'_> {
    /// Appends the member `key` (`"name":`, pre-rendered) with `value`, unless a member
    /// before it failed.
    pub fn member<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if self.error.is_some() {
            return;
        }
        if self.members == 0 {
            self.out.truncate(self.start);
            self.out.push_raw(self.prefix);
        } else {
            self.out.push_raw(",");
        }
        self.out.push_raw(key);
        match serde_json::to_writer(&mut self.out, value) {
            Ok(()) => self.members += 1,
            Err(error) => {
                let name = key.trim_end_matches(':').trim_matches('"');
                self.error = Some(format!(
                    "the details field `{name}` could not be serialized, so the body has no `error_details`: {error}"
                ));
            }
        }
    }

    /// Closes the object, or cuts it back out when a member failed: `Ok(true)` when there
    /// is an object, `Ok(false)` when the variant has no details, the reason otherwise.
    fn finish(mut self) -> Result<bool, String> {
        match self.error.take() {
            Some(error) => {
                self.out.truncate(self.start);
                self.out.push_raw(self.restore);
                Err(error)
            }
            None if self.members == 0 => Ok(false),
            None => {
                self.out.push_raw(self.suffix);
                Ok(true)
            }
        }
    }
}

impl JsonOut<'_> {
    /// Adds `"error_details":{…}` to the body just written (which ends with its `}`), with
    /// the members `write` gives; leaves the body as it is when `write` gives none, or when
    /// one fails ([`RenderedError`](crate::RenderedError) keeps the reason for the log).
    pub fn push_details(&mut self, write: &dyn Fn(&mut DetailsOut<'_>)) {
        let start = self.len().saturating_sub(1);
        let mut details = DetailsOut {
            out: self.reborrow(),
            start,
            prefix: ",\"error_details\":{",
            suffix: "}}",
            restore: "}",
            members: 0,
            error: None,
        };
        write(&mut details);
        let _ = details.finish();
    }
}

/// The `error_details` object of `error` as JSON text: `Ok(None)` when its variant has no
/// details, the reason when a field's `Serialize` fails.
pub(crate) fn details_json<E: ApiError + ?Sized>(error: &E) -> Result<Option<String>, String> {
    let mut json = String::new();
    let mut details = DetailsOut {
        out: JsonOut::text(&mut json),
        start: 0,
        prefix: "{",
        suffix: "}",
        restore: "",
        members: 0,
        error: None,
    };
    error.__write_details(&mut details);
    Ok(details.finish()?.then_some(json))
}

//! The lock file of a catalog: what each error promises its clients, as JSON in a stable
//! order.

use std::string::{String, ToString};
use std::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::{ApiError, ErrorInfo};

/// The lock file of a catalog: one entry per error, ordered by `error_type`, so that
/// reordering the variants changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Lock {
    pub(crate) errors: Vec<Entry>,
}

/// What one error promises: the facts a client branches on, then the ones it only shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) error_type: String,
    pub(crate) status: u16,
    pub(crate) variant: String,
    /// The message as written, and the fields it shows (`{name}` or `{0}`, without format
    /// specs), in order of first use.
    pub(crate) message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) placeholders: Vec<String>,
    /// The members of `error_details`, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) details: Vec<Member>,
    /// The names of the declared response headers, lowercase, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) headers: Vec<String>,
    pub(crate) retryable: bool,
    /// What the error stands for among the framework's failures: statuses and classes
    /// (`404`, `4xx`), as `covers = …` gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) covers: Vec<String>,
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub(crate) deprecated: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) causes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) fixes: Vec<String>,
}

/// A member of `error_details`: its name and its type as the derive spells it (empty for a
/// catalog written by hand that does not say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Member {
    pub(crate) name: String,
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub(crate) ty: String,
}

impl Member {
    /// Whether a client may go without the member: its type is an `Option`.
    pub(crate) fn is_optional(&self) -> bool {
        let ty = self.ty.trim_start_matches("::");
        ["Option<", "core::option::Option<", "std::option::Option<"]
            .iter()
            .any(|prefix| ty.starts_with(prefix))
    }
}

impl Lock {
    /// The lock of `E`'s catalog as it is now.
    pub(crate) fn of<E: ApiError>() -> Self {
        let mut errors: Vec<Entry> = E::catalog().iter().map(Entry::of).collect();
        errors.sort_by(|a, b| a.error_type.cmp(&b.error_type));
        Self { errors }
    }

    /// The lock file's text: pretty JSON and a final newline, as a file under review is.
    pub(crate) fn to_text(&self) -> String {
        // Strings, numbers, booleans and lists only: serializing cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

impl Entry {
    fn of(info: &ErrorInfo) -> Self {
        let mut headers: Vec<String> = info
            .headers
            .iter()
            .map(|name| name.to_ascii_lowercase())
            .collect();
        headers.sort_unstable();
        Self {
            error_type: info.error_type.into(),
            status: info.status_code,
            variant: info.variant.into(),
            message: info.message_template.into(),
            placeholders: placeholders(info.message_template),
            details: info
                .details
                .iter()
                .enumerate()
                .map(|(at, name)| Member {
                    name: (*name).into(),
                    ty: info
                        .details_types
                        .get(at)
                        .copied()
                        .unwrap_or_default()
                        .into(),
                })
                .collect(),
            headers,
            retryable: info.retryable,
            covers: info.covers.iter().map(ToString::to_string).collect(),
            deprecated: info.deprecated,
            description: info.description.into(),
            causes: info.causes.iter().map(|&cause| cause.into()).collect(),
            fixes: info.fixes.iter().map(|&fix| fix.into()).collect(),
        }
    }
}

/// The fields a message template shows, in order of first use: the argument of each
/// `{…}` before its format spec (`{count:>4}` shows `count`), an implicit `{}` as its
/// position; `{{` and `}}` are braces.
pub(crate) fn placeholders(template: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut implicit = 0;
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let (brace, after) = (rest.as_bytes()[at], &rest[at + 1..]);
        if after.as_bytes().first() == Some(&brace) {
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            rest = after;
            continue;
        }
        let Some(end) = after.find('}') else { break };
        let argument = after[..end].split(':').next().unwrap_or_default().trim();
        let name = if argument.is_empty() {
            implicit += 1;
            (implicit - 1).to_string()
        } else {
            argument.to_string()
        };
        if !found.contains(&name) {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{Member, placeholders};

    #[test]
    fn placeholders_in_order_of_first_use() {
        assert_eq!(placeholders("Plain."), Vec::<String>::new());
        assert_eq!(placeholders("{{literal}} and }} {{"), Vec::<String>::new());
        assert_eq!(
            placeholders("{b} then {a:>4} then {b:?} and {{x}} {0}"),
            ["b", "a", "0"]
        );
        assert_eq!(placeholders("{} of {}"), ["0", "1"]);
    }

    #[test]
    fn optional_members() {
        let member = |ty: &str| Member {
            name: "m".into(),
            ty: ty.into(),
        };
        assert!(member("Option<u32>").is_optional());
        assert!(member("::core::option::Option<String>").is_optional());
        assert!(!member("Vec<Option<u32>>").is_optional());
        assert!(!member("").is_optional());
    }
}

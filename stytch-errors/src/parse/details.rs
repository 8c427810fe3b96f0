//! The members of a body's `error_details`, read back into a variant's details fields: what
//! `#[api_error(round_trip)]` generates code around.

use std::collections::BTreeMap;
use std::string::String;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

/// The members of an `error_details` object, each as raw JSON, read once so that each
/// field is then looked up by name.
pub struct Details<'a> {
    members: BTreeMap<String, &'a RawValue>,
}

impl<'a> Details<'a> {
    /// The members of `details`; `None` when it is not a JSON object.
    #[must_use]
    pub fn parse(details: &'a RawValue) -> Option<Self> {
        let members = serde_json::from_str(details.get()).ok()?;
        Some(Details { members })
    }

    /// The member `name` as a `T`: a member the object does not have reads as `null` (so an
    /// `Option` field is `None`); `None` when it does not deserialize into a `T`.
    #[must_use]
    pub fn field<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let raw = self.members.get(name).map_or("null", |raw| raw.get());
        serde_json::from_str(raw).ok()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::Details;

    fn raw(json: &str) -> Box<RawValue> {
        RawValue::from_string(json.into()).unwrap()
    }

    #[test]
    fn members_by_name() {
        let raw = raw(r#"{"fields":["email","name"],"limit":3,"note":"a \"quoted\" word"}"#);
        let details = Details::parse(&raw).unwrap();
        assert_eq!(
            details.field::<Vec<String>>("fields"),
            Some(vec!["email".to_owned(), "name".to_owned()])
        );
        assert_eq!(details.field::<u8>("limit"), Some(3));
        assert_eq!(
            details.field::<String>("note").as_deref(),
            Some("a \"quoted\" word")
        );
        // Absent: `null`, which an `Option` takes and a number does not.
        assert_eq!(details.field::<Option<u8>>("missing"), Some(None));
        assert_eq!(details.field::<u8>("missing"), None);
        // Of another type.
        assert_eq!(details.field::<u8>("fields"), None);
        assert_eq!(details.field::<u8>("note"), None);
    }

    #[test]
    fn not_an_object() {
        for json in ["[1]", "\"text\"", "3", "null"] {
            assert!(Details::parse(&raw(json)).is_none(), "{json}");
        }
    }
}

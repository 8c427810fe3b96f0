//! Property tests of the body, both ways: for any request id and any field values (all of
//! Unicode, quotes, backslashes, control characters), the derive's JSON is valid, equals what
//! `serde_json` writes for the same values, and `parse_error` gives the same values back (for
//! a `round_trip` catalog's details-only variants, the very value); and `parse_error` answers
//! every mangled body without a panic, as `serde_json` judges it.
//!
//! Each property runs `PROPTEST_CASES` cases: 1024, from the workspace's `.cargo/config.toml`,
//! unless the environment says otherwise.

use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;
use stytch_errors::{ApiError, ErrorKind, ParseError, parse_error};

/// proptest's configuration, which reads `PROPTEST_CASES`, without a regressions file.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Wire {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    #[api_error(status = 400, message = "The {field} value is invalid: {value}.")]
    InvalidValue { field: String, value: String },
    #[api_error(status = 409, message = "{0}")]
    Conflict(String),
    #[api_error(
        status = 422,
        error_type = "odd_text",
        message = "\"quoted\" \\ back\tslash {{braces}} \u{1}\u{7f} é ✓ 😀 \u{2028} {0} end"
    )]
    Odd(String),
}

/// What the body must hold, worked out by hand rather than by the derive.
#[derive(Serialize)]
struct Expected<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'static str,
    error_message: String,
    error_url: &'static str,
}

fn expected<'a>(error: &Wire, request_id: &'a str) -> Expected<'a> {
    let (status_code, error_type, error_message) = match error {
        Wire::TooManyRequests => (
            429,
            "too_many_requests",
            "Too many requests have been made.".to_owned(),
        ),
        Wire::InvalidValue { field, value } => (
            400,
            "invalid_value",
            format!("The {field} value is invalid: {value}."),
        ),
        Wire::Conflict(text) => (409, "conflict", text.clone()),
        Wire::Odd(text) => (
            422,
            "odd_text",
            format!("\"quoted\" \\ back\tslash {{braces}} \u{1}\u{7f} é ✓ 😀 \u{2028} {text} end"),
        ),
    };
    let error_url = match error_type {
        "too_many_requests" => "https://example.com/errors/429#too_many_requests",
        "invalid_value" => "https://example.com/errors/400#invalid_value",
        "conflict" => "https://example.com/errors/409#conflict",
        _ => "https://example.com/errors/422#odd_text",
    };
    Expected {
        status_code,
        request_id,
        error_type,
        error_message,
        error_url,
    }
}

/// The characters JSON escapes or that trip escaping code: quotes, backslashes, every
/// control character, the line separators JavaScript minds, braces, the edges of the planes.
fn hard_char() -> impl Strategy<Value = char> {
    let mut hard: Vec<char> = (0u8..0x20).map(char::from).collect();
    hard.extend([
        '"',
        '\\',
        '/',
        '{',
        '}',
        '\u{7f}',
        '\u{80}',
        '\u{2028}',
        '\u{2029}',
        '\u{d7ff}',
        '\u{e000}',
        '\u{fffd}',
        '\u{feff}',
        '\u{ffff}',
        '\u{10000}',
        '\u{10ffff}',
    ]);
    prop::sample::select(hard)
}

/// Any string: any Unicode scalar value (proptest's `char` covers the whole range), with a
/// good share of the hard ones, or printable text from the `\PC*` regex.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop_oneof![any::<char>(), hard_char()], 0..40)
            .prop_map(String::from_iter),
        1 => "\\PC{0,40}",
    ]
}

fn wire() -> impl Strategy<Value = Wire> {
    prop_oneof![
        Just(Wire::TooManyRequests),
        (text(), text()).prop_map(|(field, value)| Wire::InvalidValue { field, value }),
        text().prop_map(Wire::Conflict),
        text().prop_map(Wire::Odd),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_body_is_what_serde_json_writes(error in wire(), request_id in text()) {
        let json = error.to_json(&request_id);
        let by_hand = serde_json::to_string(&expected(&error, &request_id)).unwrap();
        prop_assert_eq!(&json, &by_hand);
        let body = serde_json::to_string(&error.to_body(&request_id)).unwrap();
        prop_assert_eq!(&json, &body);
        let mut bytes = Vec::new();
        error.write_json(&request_id, &mut bytes);
        prop_assert_eq!(json.as_bytes(), &bytes[..]);
    }

    #[test]
    fn the_body_is_valid_json_with_the_values(error in wire(), request_id in text()) {
        let json = error.to_json(&request_id);
        let value: Value = serde_json::from_str(&json).unwrap();
        let object = value.as_object().unwrap();
        let want = expected(&error, &request_id);
        prop_assert_eq!(object.len(), 5);
        prop_assert_eq!(object["status_code"].as_u64(), Some(u64::from(want.status_code)));
        prop_assert_eq!(object["request_id"].as_str(), Some(request_id.as_str()));
        prop_assert_eq!(object["error_type"].as_str(), Some(want.error_type));
        prop_assert_eq!(object["error_message"].as_str(), Some(want.error_message.as_str()));
        prop_assert_eq!(object["error_url"].as_str(), Some(want.error_url));
        prop_assert_eq!(error.to_string(), want.error_message.clone());
        prop_assert_eq!(error.error_message(), want.error_message);
    }

    #[test]
    fn the_body_parses_back_to_the_same_values(error in wire(), request_id in text()) {
        let json = error.to_json(&request_id);
        let parsed = parse_error::<Wire>(json.as_bytes()).unwrap();
        let want = expected(&error, &request_id);
        prop_assert_eq!(parsed.status_code, Some(want.status_code));
        prop_assert_eq!(&parsed.request_id, &request_id);
        prop_assert_eq!(&parsed.error_type, want.error_type);
        prop_assert_eq!(&parsed.error_message, &want.error_message);
        prop_assert_eq!(&parsed.error_url, want.error_url);
        prop_assert!(parsed.error_details.is_none());
        if error == Wire::TooManyRequests {
            prop_assert_eq!(parsed.kind, ErrorKind::Known(error.clone()));
        } else {
            prop_assert_eq!(parsed.kind, ErrorKind::Cataloged(error.info()));
        }
    }

    /// Bodies written by `serde_json` from a map: random extra fields with random values,
    /// either shape, any order of keys, any `error_details`.
    #[test]
    fn any_body_serde_json_writes_parses_back(
        oauth in any::<bool>(),
        status in prop::option::of(any::<u16>()),
        error_type in prop_oneof![
            prop::sample::select(vec!["too_many_requests", "invalid_value", "conflict", "odd_text"])
                .prop_map(str::to_owned),
            text(),
        ],
        request_id in prop::option::of(text()),
        message in prop::option::of(text()),
        url in prop::option::of(text()),
        details in prop::option::of(json_value()),
        extras in prop::collection::vec((text(), json_value()), 0..6),
    ) {
        let names = if oauth {
            ["error", "error_description", "error_uri"]
        } else {
            ["error_type", "error_message", "error_url"]
        };
        let mut map = serde_json::Map::new();
        for (key, value) in extras {
            map.insert(key, value);
        }
        let known = [
            "status_code", "request_id", "error_type", "error_message", "error_url",
            "error_details", "error", "error_description", "error_uri",
        ];
        map.retain(|key, _| !known.contains(&key.as_str()));
        map.insert(names[0].to_owned(), Value::String(error_type.clone()));
        if let Some(status) = status {
            map.insert("status_code".to_owned(), Value::from(status));
        }
        if let Some(request_id) = &request_id {
            map.insert("request_id".to_owned(), Value::String(request_id.clone()));
        }
        if let Some(message) = &message {
            map.insert(names[1].to_owned(), Value::String(message.clone()));
        }
        if let Some(url) = &url {
            map.insert(names[2].to_owned(), Value::String(url.clone()));
        }
        if let Some(details) = &details {
            map.insert("error_details".to_owned(), details.clone());
        }
        let json = serde_json::to_vec(&Value::Object(map)).unwrap();
        let parsed = parse_error::<Wire>(&json).unwrap();
        prop_assert_eq!(&parsed.error_type, &error_type);
        prop_assert_eq!(parsed.status_code, status);
        prop_assert_eq!(&parsed.request_id, request_id.as_deref().unwrap_or_default());
        prop_assert_eq!(&parsed.error_message, message.as_deref().unwrap_or_default());
        prop_assert_eq!(&parsed.error_url, url.as_deref().unwrap_or_default());
        // The raw text, as `serde_json` wrote it (floats do not all survive a round trip
        // through `Value`, whose parser is not exact without `float_roundtrip`).
        let parsed_details = parsed.error_details.as_ref().map(|raw| raw.get().to_owned());
        let details = details
            .filter(|d| !d.is_null())
            .map(|d| serde_json::to_string(&d).unwrap());
        prop_assert_eq!(parsed_details, details);
        let want = match error_type.as_str() {
            "too_many_requests" => ErrorKind::Known(Wire::TooManyRequests),
            "invalid_value" => ErrorKind::Cataloged(&Wire::catalog()[1]),
            "conflict" => ErrorKind::Cataloged(&Wire::catalog()[2]),
            "odd_text" => ErrorKind::Cataloged(&Wire::catalog()[3]),
            _ => ErrorKind::Unknown,
        };
        prop_assert_eq!(parsed.kind, want);
    }

    /// Valid bodies with random edits (bytes inserted, replaced, removed): `parse_error`
    /// never panics, and its verdict agrees with `serde_json`'s reading of the same bytes.
    #[test]
    fn mangled_bodies_get_an_answer_that_agrees_with_serde_json(
        error in wire(),
        request_id in text(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, edit_byte()), 1..8),
    ) {
        let mut body = error.to_json(&request_id).into_bytes();
        for (at, op, byte) in edits {
            let at = if body.is_empty() { 0 } else { at.index(body.len()) };
            match op {
                0 => body.insert(at, byte),
                1 if !body.is_empty() => body[at] = byte,
                _ if !body.is_empty() => { body.remove(at); }
                _ => {}
            }
        }
        check_against_serde_json(&body)?;
    }

    /// Any bytes at all.
    #[test]
    fn random_bytes_get_an_answer(body in prop::collection::vec(any::<u8>(), 0..256)) {
        check_against_serde_json(&body)?;
    }
}

/// Bytes that matter to a JSON parser, and some that don't.
fn edit_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        prop::sample::select(b"{}[]\":,\\/ \t\n0123456789-+.eEtrufalsn".to_vec()),
        any::<u8>(),
    ]
}

/// A JSON value up to three levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// `parse_error`'s verdict on `body`, checked against `serde_json`'s: its `Value` of the
/// body where it has one, and otherwise its grammar check (`IgnoredAny`), which is all that
/// unknown fields get. The two differ on what RFC 8259 allows but `Value` refuses: nesting
/// deeper than 128 and escapes of lone surrogates (`"\ud800"`).
fn check_against_serde_json(body: &[u8]) -> Result<(), TestCaseError> {
    let parsed = parse_error::<Wire>(body);
    let value = serde_json::from_slice::<Value>(body);
    let grammar = serde_json::from_slice::<serde::de::IgnoredAny>(body);
    let shown = String::from_utf8_lossy(body);
    let string = |object: &serde_json::Map<String, Value>, key: &str| {
        object.get(key).and_then(Value::as_str).map(str::to_owned)
    };
    if let (Ok(_), Err(refused)) = (&parsed, &value) {
        // Accepted what `Value` refuses: only for a reason of `Value`'s own.
        let reason = refused.to_string();
        prop_assert!(
            reason.contains("surrogate") || reason.contains("recursion limit"),
            "accepted, but {reason}: {shown}"
        );
        prop_assert!(grammar.is_ok(), "accepted, but not JSON: {shown}");
        return Ok(());
    }
    match &parsed {
        Ok(parsed) => {
            let value =
                value.map_err(|e| TestCaseError::fail(format!("accepted, but {e}: {shown}")))?;
            let object = value
                .as_object()
                .ok_or_else(|| TestCaseError::fail(format!("accepted a non-object: {shown}")))?;
            let error_type = string(object, "error_type").or_else(|| string(object, "error"));
            prop_assert_eq!(Some(parsed.error_type.to_string()), error_type);
            for (field, got) in [
                ("request_id", &parsed.request_id),
                ("error_message", &parsed.error_message),
                ("error_url", &parsed.error_url),
            ] {
                prop_assert_eq!(string(object, field).unwrap_or_default(), got.to_string());
            }
            let status = object.get("status_code").and_then(Value::as_u64);
            prop_assert_eq!(status, parsed.status_code.map(u64::from));
        }
        Err(ParseError::NotUtf8(_)) => prop_assert!(std::str::from_utf8(body).is_err()),
        Err(ParseError::NotJson(e)) => {
            prop_assert!(
                value.is_err(),
                "refused ({e}), but serde_json reads it: {shown}"
            );
        }
        Err(ParseError::NotAnObject { .. }) => {
            prop_assert!(grammar.is_ok(), "{shown}");
            if let Ok(value) = &value {
                prop_assert!(!value.is_object());
            }
        }
        Err(ParseError::MissingErrorType) => {
            prop_assert!(
                grammar.is_ok(),
                "refused as {parsed:?}, but not JSON: {shown}"
            );
            if let Ok(value) = &value {
                let object = value.as_object().unwrap();
                prop_assert!(
                    !matches!(object.get("error_type"), Some(Value::String(_)))
                        && !matches!(object.get("error"), Some(Value::String(_)))
                );
            }
        }
        Err(ParseError::InvalidField { field, .. }) => {
            prop_assert!(
                grammar.is_ok(),
                "refused as {parsed:?}, but not JSON: {shown}"
            );
            if let Ok(value) = &value {
                prop_assert!(value.as_object().unwrap().contains_key(*field));
            }
        }
        Err(other) => prop_assert!(false, "{other:?}"),
    }
    Ok(())
}

/// A catalog whose details-only variants come back from the body with their values.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum RoundTrip {
    #[api_error(status = 422, message = "The {field} field is invalid.")]
    InvalidField {
        #[api_error(details)]
        field: String,
        #[api_error(details)]
        allowed: Vec<String>,
        #[api_error(details)]
        limit: Option<u64>,
    },
    #[api_error(status = 409, message = "Conflicting values.")]
    Conflicts {
        #[api_error(details)]
        counts: std::collections::BTreeMap<String, i64>,
        #[api_error(details)]
        retry: bool,
        #[api_error(details)]
        note: Note,
    },
}

/// A details value of a struct type, nested.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
struct Note {
    text: String,
    tags: Vec<Option<String>>,
}

fn round_trip() -> impl Strategy<Value = RoundTrip> {
    prop_oneof![
        (
            text(),
            prop::collection::vec(text(), 0..5),
            prop::option::of(any::<u64>())
        )
            .prop_map(|(field, allowed, limit)| RoundTrip::InvalidField {
                field,
                allowed,
                limit
            }),
        (
            prop::collection::btree_map(text(), any::<i64>(), 0..5),
            any::<bool>(),
            text(),
            prop::collection::vec(prop::option::of(text()), 0..4),
        )
            .prop_map(|(counts, retry, text, tags)| RoundTrip::Conflicts {
                counts,
                retry,
                note: Note { text, tags },
            }),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Render then parse: a details-only variant comes back equal to the value sent.
    #[test]
    fn details_only_values_come_back_equal(error in round_trip(), request_id in text()) {
        let json = error.to_json(&request_id);
        let parsed = parse_error::<RoundTrip>(json.as_bytes()).unwrap();
        prop_assert_eq!(parsed.kind, ErrorKind::Known(error.clone()));
        prop_assert_eq!(&parsed.request_id, &request_id);
        prop_assert_eq!(parsed.error_message, error.error_message());
        // And through `write_json` into a reused buffer.
        let mut bytes = b"left over".to_vec();
        bytes.clear();
        error.write_json(&request_id, &mut bytes);
        let parsed = parse_error::<RoundTrip>(&bytes).unwrap();
        prop_assert_eq!(parsed.kind, ErrorKind::Known(error));
    }
}

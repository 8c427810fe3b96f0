//! The checks of the fuzz targets, as plain functions: the targets in `fuzz_targets/` call
//! them on libFuzzer's inputs, and `tests/seeds.rs` calls them on the seed corpus, so that
//! they also run on a stable toolchain without the fuzzer.
//!
//! The derive is a proc-macro crate, which no other crate can link: its modules are compiled
//! into this crate, unchanged, by `#[path]`. They refer to each other as `crate::…`, so they
//! sit at this crate's root: the stages' folders (`parse`, `check`, `expand`) by their
//! `mod.rs`, which bring their own files, and the modules below them one by one.

use std::str::FromStr;

use proc_macro2::TokenStream;
use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use stytch_errors::{
    ApiError, ErrorKind, MAX_BODY_LEN, ParseError, parse_error, parse_error_with_limit,
};

#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/case.rs"]
mod case;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/check/mod.rs"]
mod check;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/errors.rs"]
mod errors;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/expand/mod.rs"]
mod expand;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/generics.rs"]
mod generics;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/parse/mod.rs"]
mod parse;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/prop.rs"]
mod prop;
#[allow(dead_code)]
#[path = "../../stytch-errors-derive/src/suggest.rs"]
mod suggest;

/// The catalog the bodies are parsed with: unit variants and variants with fields.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
pub enum Catalog {
    /// A unit variant.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    /// A unit variant.
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    /// A variant with a named field.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// Shown.
        field: String,
    },
    /// A variant with tuple fields, one hidden.
    #[api_error(
        status = 409,
        error_type = "conflict",
        message = "{0} \"conflicts\" {{}}"
    )]
    Conflict(String, String),
}

/// A parsed body, written again.
#[derive(Serialize)]
struct Rewritten<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    status_code: Option<u16>,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_details: Option<&'a serde_json::value::RawValue>,
}

/// `parse_error` on any bytes: never a panic; what it accepts is JSON, and written again it
/// parses back to the same values; what it refuses, it refuses for the reason it gives.
///
/// # Panics
///
/// When a check fails: the fuzzer reports it as a crash.
pub fn parse_body(data: &[u8]) {
    let grammar = || serde_json::from_slice::<IgnoredAny>(data);
    match parse_error::<Catalog>(data) {
        Ok(parsed) => {
            assert!(data.len() <= MAX_BODY_LEN);
            assert!(grammar().is_ok(), "accepted a body that is not JSON");
            match &parsed.kind {
                ErrorKind::Known(error) => assert_eq!(error.error_type(), parsed.error_type),
                ErrorKind::Cataloged(info) => {
                    assert_eq!(info.error_type, parsed.error_type);
                    assert!(!info.is_unit);
                }
                ErrorKind::Unknown => assert!(Catalog::info_for(&parsed.error_type).is_none()),
            }
            if let Some(details) = &parsed.error_details {
                assert!(serde_json::from_str::<IgnoredAny>(details.get()).is_ok());
            }
            let rewritten = serde_json::to_vec(&Rewritten {
                status_code: parsed.status_code,
                request_id: &parsed.request_id,
                error_type: &parsed.error_type,
                error_message: &parsed.error_message,
                error_url: &parsed.error_url,
                error_details: parsed.error_details.as_deref(),
            })
            .expect("a parsed body can be written again");
            let again = parse_error_with_limit::<Catalog>(&rewritten, usize::MAX)
                .expect("a parsed body, written again, parses");
            assert_eq!(again.kind, parsed.kind);
            assert_eq!(again.status_code, parsed.status_code);
            assert_eq!(again.request_id, parsed.request_id);
            assert_eq!(again.error_type, parsed.error_type);
            assert_eq!(again.error_message, parsed.error_message);
            assert_eq!(again.error_url, parsed.error_url);
            assert_eq!(
                again.error_details.as_deref().map(|d| d.get()),
                parsed.error_details.as_deref().map(|d| d.get())
            );
            let owned = parsed.clone().into_owned();
            assert_eq!(owned.request_id, parsed.request_id);
            assert_eq!(owned.error_type, parsed.error_type);
        }
        Err(ParseError::TooLarge { len, limit }) => {
            assert!(len > limit && len == data.len() && limit == MAX_BODY_LEN);
        }
        Err(ParseError::NotUtf8(_)) => assert!(std::str::from_utf8(data).is_err()),
        Err(ParseError::NotJson(_)) => {
            assert!(
                serde_json::from_slice::<Value>(data).is_err(),
                "refused a body that serde_json reads"
            );
        }
        Err(
            ParseError::NotAnObject { .. }
            | ParseError::MissingErrorType
            | ParseError::InvalidField { .. },
        ) => assert!(
            grammar().is_ok(),
            "refused JSON for a reason other than syntax"
        ),
        Err(other) => panic!("an error this harness does not know: {other:?}"),
    }
}

/// The derive's JSON writer on any request id and field values: the body is what
/// `serde_json` writes for them, is valid JSON, and parses back to the same values; a field
/// the message does not name changes nothing in it.
///
/// # Panics
///
/// When a check fails: the fuzzer reports it as a crash.
pub fn write_body(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{0}');
    let request_id = parts.next().unwrap_or_default();
    let first = parts.next().unwrap_or_default().to_owned();
    let second = parts.next().unwrap_or_default().to_owned();
    let errors = [
        Catalog::TooManyRequests,
        Catalog::InvalidField {
            field: first.clone(),
        },
        Catalog::Conflict(first, second),
    ];
    for error in errors {
        let json = error.to_json(request_id);
        let by_serde = serde_json::to_string(&error.to_body(request_id)).unwrap();
        assert_eq!(json, by_serde);
        let mut bytes = Vec::new();
        error.write_json(request_id, &mut bytes);
        assert_eq!(json.as_bytes(), bytes);
        let value: Value = serde_json::from_str(&json).expect("the body is JSON");
        assert_eq!(value["request_id"], request_id);
        assert_eq!(value["error_message"], *error.error_message());
        let parsed = parse_error_with_limit::<Catalog>(json.as_bytes(), usize::MAX).unwrap();
        assert_eq!(parsed.request_id, request_id);
        assert_eq!(parsed.error_message, error.error_message());
        assert_eq!(parsed.error_type, error.error_type());
        assert_eq!(parsed.error_url, error.error_url());
        assert_eq!(parsed.status_code, Some(error.status_code()));
        assert_eq!(parsed.info(), Some(error.info()));
        assert_eq!(error.to_string(), error.error_message());
        // The field the message does not name has no say in the body: the body is the same
        // whatever it holds (its text may still appear by chance, in the request id say).
        if let Catalog::Conflict(shown, hidden) = &error {
            let without = Catalog::Conflict(shown.clone(), String::new());
            assert_eq!(
                json,
                without.to_json(request_id),
                "{hidden:?} reached the body"
            );
        }
    }
}

/// How deep [`expand`] lets brackets nest, `<` included.
///
/// syn's parser is recursive: each level of `Box<Box<…>>` or `((…))` in a type takes a stack
/// frame per grammar rule, some 40 to 80 KiB a level in a debug build, about 7 KiB in a release
/// build. Deep enough, any syn-based derive overflows the compiler's stack: with a debug-built
/// derive, rustc 1.95 compiles a field of 150 nested `Box<…>` and crashes at 300, with this
/// derive and with `thiserror`'s alike (the same field without a derive compiles at 1,000).
/// That limit is syn's, not this crate's, so the fuzzer stays under it.
pub const MAX_NESTING: usize = 64;

/// The deepest nesting of `(`, `[`, `{` and `<` in `text`, closers ending a level each.
#[must_use]
pub fn nesting(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for byte in text.bytes() {
        match byte {
            b'(' | b'[' | b'{' | b'<' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' | b'>' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The derive's expansion on any text that lexes (and nests no deeper than
/// [`MAX_NESTING`]): never a panic; the output lexes again; an
/// item it accepts is an enum, and beside every rejection of an item that parses are the stub
/// impls.
///
/// # Panics
///
/// When a check fails: the fuzzer reports it as a crash.
pub fn expand(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if nesting(text) > MAX_NESTING {
        return;
    }
    let Ok(input) = TokenStream::from_str(text) else {
        return;
    };
    let output = expand::derive(input.clone());
    let rendered = output.to_string();
    assert!(
        TokenStream::from_str(&rendered).is_ok(),
        "the output does not lex: {rendered}"
    );
    let rejected = rendered.contains("compile_error");
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => {
            if rejected {
                assert!(rendered.contains("ApiError for"), "no stubs: {rendered}");
            } else {
                assert!(
                    matches!(item.data, syn::Data::Enum(_)),
                    "accepted a non-enum"
                );
                assert!(rendered.contains("__API_ERROR_CATALOG"), "{rendered}");
            }
        }
        Err(_) => assert!(rejected, "no error for an item that does not parse"),
    }
}

//! Reference documentation rendered from any catalog: one Markdown page per status code,
//! or the whole catalog as one JSON document for other tools and languages.
//!
//! Everything comes from [`ApiError::catalog`]: the order of the entries is the order of
//! the variants, the texts are their doc comments and `cause`/`fix` attributes.
//!
//! ```
//! use stytch_errors::{docs, ApiError};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! enum AppError {
//!     /// The caller sent too many requests.
//!     #[api_error(status = 429, message = "Too many requests have been made.")]
//!     #[api_error(fix = "Back off exponentially.")]
//!     TooManyRequests,
//! }
//!
//! let pages = docs::markdown_pages::<AppError>();
//! assert_eq!(pages[0].file_name, "429.md");
//! assert!(pages[0].markdown.contains("## `too_many_requests`"));
//! assert!(docs::catalog_json::<AppError>().contains("\"fixes\": ["));
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;
use std::string::String;
use std::vec::Vec;

use serde::Serialize;

use crate::model::ApiError;
use crate::model::{Cover, ErrorInfo};
use crate::wire::JsonOut;

/// The request id the example bodies of the pages carry: the one of Stytch's reference.
///
/// ```
/// # use stytch_errors::{docs, ApiError};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(docs_url = "https://example.com/errors")]
/// # enum AppError { #[api_error(status = 404, message = "Not found.")] NotFound }
/// let page = &docs::markdown_pages::<AppError>()[0];
/// let line = format!("  \"request_id\": \"{}\",\n", docs::EXAMPLE_REQUEST_ID);
/// assert!(page.markdown.contains(&line));
/// ```
pub const EXAMPLE_REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// One rendered reference page: the errors of one status code.
///
/// ```
/// # use stytch_errors::{docs, ApiError};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(docs_url = "https://example.com/errors")]
/// # enum AppError { #[api_error(status = 404, message = "Not found.")] NotFound }
/// let page = &docs::markdown_pages::<AppError>()[0];
/// assert_eq!((page.status_code, page.file_name.as_str()), (404, "404.md"));
/// assert!(page.markdown.starts_with("# 404 errors\n"));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Page {
    /// The HTTP status code of every error on the page.
    pub status_code: u16,
    /// A file name for the page: `{status_code}.md`.
    pub file_name: String,
    /// The page, as Markdown.
    pub markdown: String,
}

/// What the page of a [retryable](ErrorInfo::retryable) error says under "Retrying".
///
/// ```
/// # use stytch_errors::{docs, ApiError};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(docs_url = "https://example.com/errors")]
/// # enum AppError {
/// #     #[api_error(status = 503, message = "Unavailable.")] Unavailable,
/// #     #[api_error(status = 500, message = "Internal.")] Internal,
/// # }
/// let pages = docs::markdown_pages::<AppError>();
/// let note = format!("### Retrying\n\n{}\n", docs::RETRYABLE_NOTE);
/// assert!(!pages[0].markdown.contains(&note));
/// assert!(pages[1].markdown.contains(&note));
/// ```
pub const RETRYABLE_NOTE: &str = "A client may send the same request again, after the delay of the response's `Retry-After` header when it has one.";

/// Renders one Markdown page per status code of `E`'s catalog, in ascending status order.
///
/// A page has an entry per error, in catalog order: a `` ## `error_type` `` heading (its
/// anchor is the fragment of the `error_url`), the status and title (`429 Too many
/// requests`), the description, the "Common causes" and "Troubleshooting" lists when the
/// error has any, a "Stands for" list of its [`covers`](ErrorInfo::covers) (`404`, `4xx`: any
/// other client error), a "Retrying" note when it is [retryable](ErrorInfo::retryable), and the
/// JSON body pretty-printed with [`EXAMPLE_REQUEST_ID`]. For a variant
/// with fields, the body shows the message template.
///
/// ```
/// use stytch_errors::{docs, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     /// The caller sent too many requests.
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     #[api_error(cause = "A retry loop without backoff.", fix = "Back off exponentially.")]
///     TooManyRequests,
///     /// A field has a value the API does not accept.
///     #[api_error(status = 400, message = "The {field} value is invalid.")]
///     InvalidField { field: String },
/// }
///
/// let pages = docs::markdown_pages::<AppError>();
/// let statuses: Vec<u16> = pages.iter().map(|page| page.status_code).collect();
/// assert_eq!(statuses, [400, 429]);
/// let page = &pages[1].markdown;
/// assert!(page.contains("## `too_many_requests`\n\n**429 Too many requests**\n\nThe caller sent too many requests.\n"));
/// assert!(page.contains("### Common causes\n\n- A retry loop without backoff.\n"));
/// assert!(page.contains("### Troubleshooting\n\n- Back off exponentially.\n"));
/// assert!(page.contains("  \"error_message\": \"Too many requests have been made.\",\n"));
/// assert!(pages[0].markdown.contains("\"error_message\": \"The {field} value is invalid.\""));
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum Service {
///     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
///     BadRequest,
///     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx", covers = 503)]
///     Internal,
/// }
/// let pages = docs::markdown_pages::<Service>();
/// assert!(pages[0].markdown.contains("### Stands for\n\n"));
/// assert!(pages[0].markdown.contains("- `4xx`: any other client error\n"));
/// assert!(pages[1].markdown.contains("- `5xx`: any other server error\n- `503`\n"));
/// ```
#[must_use]
pub fn markdown_pages<E: ApiError>() -> Vec<Page> {
    crate::model::by_status(E::catalog())
        .into_iter()
        .map(|(status_code, entries)| Page {
            status_code,
            file_name: format!("{status_code}.md"),
            markdown: render_page(status_code, &entries),
        })
        .collect()
}

/// Renders `E`'s whole catalog as one pretty-printed JSON document: `{"errors": […]}`, one
/// object per variant in declaration order, with the fields of [`ErrorInfo`].
///
/// ```
/// use stytch_errors::{docs, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     /// The caller sent too many requests.
///     #[api_error(status = 429, message = "Too many requests have been made.")]
///     TooManyRequests,
/// }
///
/// let json: serde_json::Value = serde_json::from_str(&docs::catalog_json::<AppError>()).unwrap();
/// let entry = &json["errors"][0];
/// assert_eq!(entry["error_type"], "too_many_requests");
/// assert_eq!(entry["status_code"], 429);
/// assert_eq!(entry["error_url"], "https://example.com/errors/429#too_many_requests");
/// assert_eq!(entry["description"], "The caller sent too many requests.");
/// ```
#[must_use]
pub fn catalog_json<E: ApiError>() -> String {
    #[derive(Serialize)]
    struct Catalog {
        errors: &'static [ErrorInfo],
    }
    // `ErrorInfo` holds strings, numbers, booleans and lists only: serializing cannot fail.
    serde_json::to_string_pretty(&Catalog {
        errors: E::catalog(),
    })
    .unwrap_or_default()
}

fn render_page(status_code: u16, entries: &[&ErrorInfo]) -> String {
    let mut page = String::with_capacity(1024 * entries.len());
    // Writing into a `String` cannot fail.
    let _ = writeln!(page, "# {status_code} errors\n");
    let reason = http::StatusCode::from_u16(status_code)
        .ok()
        .and_then(|status| status.canonical_reason());
    let _ = match reason {
        Some(reason) => writeln!(
            page,
            "Errors returned with HTTP status {status_code} {reason}."
        ),
        None => writeln!(page, "Errors returned with HTTP status {status_code}."),
    };
    for info in entries {
        page.push('\n');
        render_entry(&mut page, info);
    }
    page
}

fn render_entry(page: &mut String, info: &ErrorInfo) {
    let _ = writeln!(page, "## `{}`\n", info.error_type);
    let _ = writeln!(page, "**{} {}**\n", info.status_code, info.title());
    if !info.description.is_empty() {
        let _ = writeln!(page, "{}\n", info.description);
    }
    render_list(page, "Common causes", info.causes);
    render_list(page, "Troubleshooting", info.fixes);
    render_covers(page, info);
    if info.retryable {
        page.push_str("### Retrying\n\n");
        page.push_str(RETRYABLE_NOTE);
        page.push_str("\n\n");
    }
    if !info.details.is_empty() {
        let _ = writeln!(
            page,
            "### Details\n\nThe body's `error_details` object has the members:\n"
        );
        for (at, name) in info.details.iter().enumerate() {
            match info.details_types.get(at) {
                Some(ty) => {
                    let _ = writeln!(page, "- `{name}`: `{ty}`");
                }
                None => {
                    let _ = writeln!(page, "- `{name}`");
                }
            }
        }
        page.push('\n');
    }
    page.push_str("```json\n");
    push_pretty_body(page, info);
    page.push_str("```\n");
}

/// The "Stands for" section of a variant with `covers`: the failures the service answers
/// with it, each with its own status.
fn render_covers(page: &mut String, info: &ErrorInfo) {
    if info.covers.is_empty() {
        return;
    }
    page.push_str("### Stands for\n\n");
    page.push_str("A failure the service answers without a handler's error, with the failure's own status (the body's `status_code` says it):\n\n");
    for cover in info.covers {
        let _ = match cover {
            Cover::Status(status) => writeln!(page, "- `{status}`"),
            Cover::Class(class) => writeln!(
                page,
                "- `{cover}`: any other {} error",
                if *class == 4 { "client" } else { "server" }
            ),
        };
    }
    page.push('\n');
}

fn render_list(page: &mut String, heading: &str, items: &[&str]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(page, "### {heading}\n");
    for item in items {
        // A line break inside an item stays inside it.
        let _ = writeln!(page, "- {}", item.replace('\n', "\n  "));
    }
    page.push('\n');
}

/// The body of [`ErrorInfo::example_json`] with [`EXAMPLE_REQUEST_ID`], laid out as the
/// reference pages show it: one field a line, two spaces of indentation.
fn push_pretty_body(page: &mut String, info: &ErrorInfo) {
    let _ = writeln!(page, "{{\n  \"status_code\": {},", info.status_code);
    let fields = [
        ("request_id", Cow::Borrowed(EXAMPLE_REQUEST_ID)),
        ("error_type", Cow::Borrowed(info.error_type)),
        ("error_message", info.example_message()),
        ("error_url", Cow::Borrowed(info.error_url)),
    ];
    for (i, (key, value)) in fields.iter().enumerate() {
        let _ = write!(page, "  \"{key}\": \"");
        JsonOut::text(page).push_escaped(value);
        page.push_str(if i + 1 < fields.len() || !info.details.is_empty() {
            "\",\n"
        } else {
            "\"\n"
        });
    }
    if !info.details.is_empty() {
        page.push_str("  \"error_details\": {\n");
        for (at, name) in info.details.iter().enumerate() {
            let ty = info.details_types.get(at).copied().unwrap_or_default();
            let _ = write!(page, "    \"{name}\": {}", example_value(ty));
            page.push_str(if at + 1 < info.details.len() {
                ",\n"
            } else {
                "\n"
            });
        }
        page.push_str("  }\n");
    }
    page.push_str("}\n");
}

/// An example value, as JSON text, of a details member of the type `ty` as written: `0` for
/// a number, `false`, `"string"`, `[]` for a sequence, `null` for an `Option`, `{}` for
/// anything else (a map, a type of the catalog's own, or a type the catalog does not give).
fn example_value(ty: &str) -> &'static str {
    let ty = ty.trim_start_matches("::");
    let base = ty.split('<').next().unwrap_or_default();
    let base = base.rsplit("::").next().unwrap_or_default();
    match base {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" | "f32" | "f64" | "NonZeroU32" | "NonZeroU64" => "0",
        "bool" => "false",
        "String" | "&str" | "&'static str" | "str" | "Cow" | "char" => "\"string\"",
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => "[]",
        "Option" => "null",
        _ if ty.starts_with('[') || ty.starts_with("&[") => "[]",
        _ => "{}",
    }
}

//! Reads Stytch's reference pages (text captures under `tests/data/reference-pages`): every
//! JSON example, with the documentation the page gives around it.
//!
//! The pages come in three layouts (the newer docs, the older 401 page, the older 400 page),
//! but in all of them an error's text sits between the previous JSON example and its own:
//! its `error_type`, a status line, the description, then optionally "Common causes" and
//! "Troubleshooting" lists, mixed with page chrome ("Need help?", "How to get help", …).

use std::fs;
use std::path::{Path, PathBuf};

/// One error of a reference page.
#[derive(Debug, Clone)]
pub struct Example {
    /// The page's file name.
    pub page: String,
    /// The JSON example exactly as the page prints it.
    pub json_text: String,
    /// The example with the layout whitespace (outside strings) removed.
    pub compact_json: String,
    pub status_code: u16,
    pub error_type: String,
    pub error_message: String,
    pub error_url: String,
    pub request_id: String,
    /// The heading the page gives the error (`429 Too many requests`), if it gives one.
    pub title: Option<String>,
    /// The page's description: its lines joined with `\n`; empty when the page gives none.
    pub description: String,
    pub causes: Vec<String>,
    pub fixes: Vec<String>,
}

/// Lines of page chrome: navigation, help boxes, the "Error" label above each example.
const CHROME: &[&str] = &[
    "Skip to main content",
    "Need help?",
    "How to get help",
    "Visit our forum",
    "Stytch Forum",
    "Send us an email",
    "support@stytch.com",
    "Ask in Slack",
    "Slack",
    "Error",
];

pub fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference-pages")
}

/// The text of the page `name`.
pub fn page_text(name: &str) -> String {
    let path = pages_dir().join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The pages' file names, sorted.
pub fn page_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(pages_dir())
        .expect("the reference pages directory")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .into_string()
                .expect("a UTF-8 name")
        })
        .filter(|name| Path::new(name).extension().is_some_and(|ext| ext == "txt"))
        .collect();
    names.sort();
    names
}

/// Every example of every page, page by page, in page order.
pub fn all_examples() -> Vec<Example> {
    page_names()
        .iter()
        .flat_map(|name| examples_of(name))
        .collect()
}

/// The examples of the page `name`, in page order.
pub fn examples_of(name: &str) -> Vec<Example> {
    let text = page_text(name);
    let lines: Vec<&str> = text.lines().collect();
    let mut examples = Vec::new();
    let mut region_start = 0;
    let mut i = 0;
    while i < lines.len() {
        let starts_example = lines[i].trim() == "{"
            && lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with("\"status_code\""));
        if !starts_example {
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| lines[j].trim() == "}")
            .unwrap_or_else(|| panic!("{name}: unterminated example at line {}", i + 1));
        let json_text = lines[i..=end].join("\n");
        examples.push(example(name, &json_text, &lines[region_start..i]));
        region_start = end + 1;
        i = end + 1;
    }
    examples
}

fn example(page: &str, json_text: &str, region: &[&str]) -> Example {
    let value: serde_json::Value =
        serde_json::from_str(json_text).unwrap_or_else(|e| panic!("{page}: {e}\n{json_text}"));
    let field = |key: &str| {
        value[key]
            .as_str()
            .unwrap_or_else(|| panic!("{page}: no string `{key}` in\n{json_text}"))
            .to_owned()
    };
    let status_code = value["status_code"]
        .as_u64()
        .and_then(|status| u16::try_from(status).ok())
        .unwrap_or_else(|| panic!("{page}: no status_code in\n{json_text}"));
    let error_type = field("error_type");
    let status_prefix = status_code.to_string();

    let mut title = None;
    let mut description = Vec::new();
    let mut causes = Vec::new();
    let mut fixes = Vec::new();
    let mut section = &mut description;
    for line in region {
        let line = line.trim();
        let line = line.strip_prefix("• ").unwrap_or(line).trim();
        if line.is_empty() || CHROME.contains(&line) || line == error_type {
            continue;
        }
        if let Some(rest) = line.strip_prefix(&status_prefix) {
            // `400 errors` (the page heading), `400Bad request` (the status line of the older
            // layout) or `429 Too many requests` (the error's heading in the newer one).
            if rest != " errors" && rest.starts_with(' ') {
                title = Some(line.to_owned());
            }
            continue;
        }
        if line.eq_ignore_ascii_case("Common causes") {
            section = &mut causes;
        } else if line == "Troubleshooting" || line == "Troubleshooting steps" {
            section = &mut fixes;
        } else {
            section.push(line.to_owned());
        }
    }
    Example {
        page: page.to_owned(),
        json_text: json_text.to_owned(),
        compact_json: compact(json_text),
        status_code,
        error_message: field("error_message"),
        error_url: field("error_url"),
        request_id: field("request_id"),
        error_type,
        title,
        description: description.join("\n"),
        causes,
        fixes,
    }
}

/// `json` without the whitespace between tokens: the bytes a compact serializer writes for
/// the same keys in the same order.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

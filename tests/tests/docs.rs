//! The reference docs rendered from `StytchError` carry every fact of Stytch's reference
//! pages; the JSON document carries the whole catalog.

mod support;

use std::collections::BTreeSet;

use stytch_errors::docs::{self, Page};
use stytch_errors::{ApiError, ErrorBody, StytchError};

/// One entry of a rendered Markdown page.
#[derive(Debug, Default)]
struct Entry {
    error_type: String,
    title: Option<String>,
    description: Vec<String>,
    causes: Vec<String>,
    fixes: Vec<String>,
    retrying: Vec<String>,
    json: Vec<String>,
    /// The "Stands for" list: the failures the error answers.
    stands_for: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Description,
    Causes,
    Fixes,
    Retrying,
    StandsFor,
    Json,
}

/// Reads the entries back from a rendered page.
fn entries(markdown: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut section = Section::Description;
    for line in markdown.lines() {
        if let Some(error_type) = line
            .strip_prefix("## `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            entries.push(Entry {
                error_type: error_type.to_owned(),
                ..Entry::default()
            });
            section = Section::Description;
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            continue;
        };
        match (section, line) {
            (Section::Json, "```") => section = Section::Description,
            (Section::Json, line) => entry.json.push(line.to_owned()),
            (_, "```json") => section = Section::Json,
            (_, "### Common causes") => section = Section::Causes,
            (_, "### Troubleshooting") => section = Section::Fixes,
            (_, "### Retrying") => section = Section::Retrying,
            (_, "### Stands for") => section = Section::StandsFor,
            (_, "") => {}
            (Section::StandsFor, line) => {
                if let Some(item) = line.strip_prefix("- ") {
                    entry.stands_for.push(item.to_owned());
                }
            }
            (Section::Retrying, line) => entry.retrying.push(line.to_owned()),
            (Section::Causes, line) => entry
                .causes
                .push(line.strip_prefix("- ").unwrap_or(line).to_owned()),
            (Section::Fixes, line) => entry
                .fixes
                .push(line.strip_prefix("- ").unwrap_or(line).to_owned()),
            (Section::Description, line) => {
                match line
                    .strip_prefix("**")
                    .and_then(|rest| rest.strip_suffix("**"))
                {
                    Some(title) if entry.title.is_none() => entry.title = Some(title.to_owned()),
                    _ => entry.description.push(line.to_owned()),
                }
            }
        }
    }
    entries
}

fn page(status_code: u16) -> Page {
    docs::markdown_pages::<StytchError>()
        .into_iter()
        .find(|page| page.status_code == status_code)
        .unwrap_or_else(|| panic!("no {status_code} page"))
}

/// The rendered page of `status_code` holds the errors of the reference page of that status,
/// in its order, with its headings, descriptions, causes, troubleshooting steps and bodies.
fn check_page_against_reference(status_code: u16) {
    let examples: Vec<support::Example> = support::all_examples()
        .into_iter()
        .filter(|example| example.status_code == status_code)
        .collect();
    assert!(!examples.is_empty(), "no reference page for {status_code}");
    let page = page(status_code);
    assert_eq!(page.file_name, format!("{status_code}.md"));
    // The page also has the errors known from elsewhere (tests/data/stytch-catalog), in the
    // catalog's order.
    let documented: BTreeSet<&str> = examples.iter().map(|e| e.error_type.as_str()).collect();
    let entries: Vec<Entry> = entries(&page.markdown)
        .into_iter()
        .filter(|entry| documented.contains(entry.error_type.as_str()))
        .collect();

    let rendered: Vec<&str> = entries
        .iter()
        .map(|entry| entry.error_type.as_str())
        .collect();
    let expected: Vec<&str> = examples
        .iter()
        .map(|example| example.error_type.as_str())
        .collect();
    assert_eq!(rendered, expected, "the entries of the {status_code} page");

    for (entry, example) in entries.iter().zip(&examples) {
        let error_type = &format!("{} ({})", example.error_type, example.page);
        assert_eq!(example.request_id, docs::EXAMPLE_REQUEST_ID, "{error_type}");
        let title = entry
            .title
            .as_deref()
            .unwrap_or_else(|| panic!("{error_type}: no title"));
        let expected_title = example.title.clone().unwrap_or_else(|| {
            format!(
                "{status_code} {}",
                StytchError::info_for(&example.error_type).unwrap().title()
            )
        });
        assert_eq!(title, expected_title, "{error_type}");
        assert_eq!(
            entry.description.join("\n"),
            example.description,
            "{error_type}"
        );
        assert_eq!(entry.causes, example.causes, "{error_type}");
        assert_eq!(entry.fixes, example.fixes, "{error_type}");
        // A retryable error says so under its own heading, and only it.
        let retryable = StytchError::info_for(&example.error_type)
            .unwrap()
            .retryable;
        let note: &[&str] = if retryable {
            &[docs::RETRYABLE_NOTE]
        } else {
            &[]
        };
        assert_eq!(entry.retrying, note, "{error_type}");

        let json = entry.json.join("\n");
        assert_eq!(
            support::compact(&json),
            example.compact_json,
            "{error_type}"
        );
        // Pretty-printed as the reference pages print it, with serde_json's layout.
        let body: ErrorBody<'_> = serde_json::from_str(&example.json_text).unwrap();
        assert_eq!(
            json,
            serde_json::to_string_pretty(&body).unwrap(),
            "{error_type}"
        );
        if example.json_text.contains("\n  \"status_code\"") {
            assert_eq!(json, example.json_text, "{error_type}");
        }
    }
}

#[test]
fn the_429_page_carries_every_fact_of_the_reference_page() {
    let page = page(429);
    assert!(
        page.markdown.starts_with(
            "# 429 errors\n\nErrors returned with HTTP status 429 Too Many Requests.\n"
        )
    );
    check_page_against_reference(429);
}

#[test]
fn the_400_401_and_403_pages_carry_every_fact_of_the_reference_pages() {
    for status_code in [400, 401, 403] {
        check_page_against_reference(status_code);
    }
}

#[test]
fn a_class_cover_is_listed_under_its_class() {
    let bad_request = entries(&page(400).markdown)
        .into_iter()
        .find(|entry| entry.error_type == "bad_request")
        .expect("bad_request");
    assert_eq!(bad_request.stands_for, ["`4xx`: any other client error"]);
    let unavailable = entries(&page(503).markdown)
        .into_iter()
        .find(|entry| entry.error_type == "server_unavailable")
        .expect("server_unavailable");
    assert_eq!(unavailable.stands_for, ["`408`", "`503`", "`504`"]);
}

#[test]
fn the_404_page_has_the_not_found_errors() {
    let page = page(404);
    assert!(
        page.markdown
            .starts_with("# 404 errors\n\nErrors returned with HTTP status 404 Not Found.\n")
    );
    let entries = entries(&page.markdown);
    let error_types: Vec<&str> = entries.iter().map(|e| e.error_type.as_str()).collect();
    assert_eq!(
        error_types,
        [
            "billing_info_not_found",
            "biometric_registration_not_found",
            "captcha_provider_not_found",
            "cname_record_not_found",
            "connected_app_not_found",
            "default_provider_not_allowed",
            "intermediate_session_not_found",
            "organization_not_found",
            "route_not_found",
            "user_not_found",
        ]
    );
    let route = &entries[8];
    assert_eq!(route.title.as_deref(), Some("404 Route not found"));
    assert_eq!(route.description, ["The route provided is not supported."]);
    assert_eq!(route.stands_for, ["`404`"]);
    assert_eq!(
        support::compact(&route.json.join("\n")),
        format!(
            r#"{{"status_code":404,"request_id":"{}","error_type":"route_not_found","error_message":"The route provided is not supported.","error_url":"https://stytch.com/docs/api/errors/404#route_not_found"}}"#,
            docs::EXAMPLE_REQUEST_ID
        )
    );
}

#[test]
fn one_page_per_status_with_every_entry_once() {
    let pages = docs::markdown_pages::<StytchError>();
    let statuses: Vec<u16> = pages.iter().map(|page| page.status_code).collect();
    let expected: Vec<u16> = StytchError::catalog()
        .iter()
        .map(|info| info.status_code)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(statuses, expected);

    for page in &pages {
        assert_eq!(page.file_name, format!("{}.md", page.status_code));
        assert!(
            page.markdown
                .starts_with(&format!("# {} errors\n", page.status_code))
        );
        let rendered: Vec<String> = entries(&page.markdown)
            .into_iter()
            .map(|entry| entry.error_type)
            .collect();
        let expected: Vec<&str> = StytchError::catalog()
            .iter()
            .filter(|info| info.status_code == page.status_code)
            .map(|info| info.error_type)
            .collect();
        assert_eq!(rendered, expected, "the {} page", page.status_code);
    }
}

#[test]
fn every_rendered_body_is_the_error_body() {
    for page in docs::markdown_pages::<StytchError>() {
        for entry in entries(&page.markdown) {
            let error = StytchError::from_error_type(&entry.error_type).unwrap();
            assert_eq!(
                support::compact(&entry.json.join("\n")),
                error.to_json(docs::EXAMPLE_REQUEST_ID)
            );
        }
    }
}

#[test]
fn the_json_document_holds_the_whole_catalog() {
    let document: serde_json::Value =
        serde_json::from_str(&docs::catalog_json::<StytchError>()).unwrap();
    let errors = document["errors"].as_array().expect("an `errors` array");
    let catalog = StytchError::catalog();
    assert_eq!(errors.len(), catalog.len());
    for (entry, info) in errors.iter().zip(catalog) {
        assert_eq!(entry["variant"], info.variant);
        assert_eq!(entry["error_type"], info.error_type);
        assert_eq!(entry["status_code"], info.status_code);
        assert_eq!(entry["message"], info.message_template);
        assert_eq!(entry["docs_url"], info.docs_url);
        assert_eq!(entry["error_url"], info.error_url);
        assert_eq!(entry["description"], info.description);
        assert_eq!(entry["causes"], serde_json::json!(info.causes));
        assert_eq!(entry["fixes"], serde_json::json!(info.fixes));
        assert_eq!(entry["is_unit"], info.is_unit);
        assert_eq!(entry["retryable"], info.retryable);
    }
    // 429, 499 and 503 by default; a lockout is not worth sending again.
    let retryable: BTreeSet<u16> = errors
        .iter()
        .filter(|entry| entry["retryable"] == true)
        .map(|entry| u16::try_from(entry["status_code"].as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(retryable, BTreeSet::from([429, 499, 503]));
    assert!(!StytchError::UserLockLimitReached.is_retryable());
    assert!(StytchError::TooManyRequests.is_retryable());

    // And so the facts of the reference pages.
    for example in support::all_examples() {
        let entry = errors
            .iter()
            .find(|entry| entry["error_type"] == example.error_type.as_str())
            .unwrap_or_else(|| panic!("{} is not in the document", example.error_type));
        assert_eq!(entry["status_code"], example.status_code);
        assert_eq!(entry["message"], example.error_message.as_str());
        assert_eq!(entry["error_url"], example.error_url.as_str());
        assert_eq!(entry["description"], example.description.as_str());
    }
}

/// Another catalog: a message with braces and one with a field.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum OtherError {
    /// A JSON object was expected.
    #[api_error(status = 422, message = "Expected {{\"key\": value}}.")]
    #[api_error(cause = "A list was sent.\nOr a string.", fix = "Send an object.")]
    NotAnObject,
    /// A field is invalid.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField { field: String },
}

#[test]
fn any_catalog_renders_its_bodies() {
    let pages = docs::markdown_pages::<OtherError>();
    assert_eq!(
        pages
            .iter()
            .map(|page| page.status_code)
            .collect::<Vec<_>>(),
        [400, 422]
    );

    let not_an_object = &entries(&pages[1].markdown)[0];
    assert_eq!(not_an_object.title.as_deref(), Some("422 Not an object"));
    assert_eq!(not_an_object.description, ["A JSON object was expected."]);
    // A line break inside a cause stays inside its list item.
    assert_eq!(not_an_object.causes, ["A list was sent.", "  Or a string."]);
    assert!(
        pages[1]
            .markdown
            .contains("- A list was sent.\n  Or a string.\n")
    );
    // A unit variant's body is the body it sends: braces unescaped.
    let body = support::compact(&not_an_object.json.join("\n"));
    assert_eq!(
        body,
        OtherError::NotAnObject.to_json(docs::EXAMPLE_REQUEST_ID)
    );
    assert!(body.contains(r#""error_message":"Expected {\"key\": value}.""#));

    // A variant with fields shows its template.
    let invalid_field = &entries(&pages[0].markdown)[0];
    let body = support::compact(&invalid_field.json.join("\n"));
    assert_eq!(
        body,
        OtherError::catalog()[1].example_json(docs::EXAMPLE_REQUEST_ID)
    );

    let document: serde_json::Value =
        serde_json::from_str(&docs::catalog_json::<OtherError>()).unwrap();
    assert_eq!(document["errors"][1]["is_unit"], false);
    let _ = OtherError::InvalidField {
        field: String::new(),
    };
}

/// A catalog whose errors have details of several kinds of types.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum FormError {
    #[api_error(status = 422, message = "{count} fields are invalid.")]
    InvalidFields {
        count: usize,
        #[api_error(details)]
        fields: Vec<String>,
        #[api_error(details)]
        limit: u32,
        #[api_error(details)]
        hint: Option<String>,
        #[api_error(details)]
        form: Form,
    },
}

/// A type of the catalog's own.
#[derive(Debug, serde::Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
struct Form {
    name: String,
}

#[test]
fn an_example_body_has_the_error_details_of_its_variant() {
    let page = &docs::markdown_pages::<FormError>()[0];
    let entry = &entries(&page.markdown)[0];
    let body: serde_json::Value =
        serde_json::from_str(&entry.json.join("\n")).expect("the example body is JSON");
    assert_eq!(
        body["error_details"],
        serde_json::json!({ "fields": [], "limit": 0, "hint": null, "form": {} })
    );
    assert!(
        page.markdown
            .contains("- `fields`: `Vec<String>`\n- `limit`: `u32`\n- `hint`: `Option<String>`\n- `form`: `Form`\n"),
        "{}",
        page.markdown
    );
    let _ = FormError::InvalidFields {
        count: 0,
        fields: Vec::new(),
        limit: 0,
        hint: None,
        form: Form {
            name: String::new(),
        },
    };
}

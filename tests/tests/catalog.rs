//! `StytchError` against Stytch's reference pages: every JSON example of the pages is a body
//! the catalog reproduces byte for byte, and every description, cause and troubleshooting
//! step of the pages is in the catalog's metadata.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use stytch_errors::{ApiError, ErrorBody, ErrorInfo, StytchError};
use support::Example;

/// Runs `check` on every example and fails once with every mismatch listed.
fn check_all(examples: &[Example], check: impl Fn(&Example, &'static ErrorInfo) -> Vec<String>) {
    let mut failures = Vec::new();
    for example in examples {
        match StytchError::info_for(&example.error_type) {
            Some(info) => failures.extend(
                check(example, info)
                    .into_iter()
                    .map(|failure| format!("{} ({}): {failure}", example.error_type, example.page)),
            ),
            None => failures.push(format!(
                "{} ({}): not in the catalog",
                example.error_type, example.page
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn differs<T: PartialEq + std::fmt::Debug + ?Sized>(
    what: &str,
    catalog: &T,
    page: &T,
) -> Option<String> {
    (catalog != page).then(|| format!("{what}: catalog {catalog:?}, page {page:?}"))
}

#[test]
fn the_pages_hold_every_example_once() {
    let examples = support::all_examples();
    // Every `"error_type"` key of the pages belongs to an example that was read.
    let keys: usize = support::page_names()
        .iter()
        .map(|name| support::page_text(name).matches("\"error_type\"").count())
        .sum();
    assert_eq!(examples.len(), keys);
    let distinct: BTreeSet<&str> = examples.iter().map(|e| e.error_type.as_str()).collect();
    assert_eq!(distinct.len(), examples.len(), "an error_type is repeated");
    // The figures the pages' README gives.
    let mut per_status = BTreeMap::new();
    for example in &examples {
        *per_status.entry(example.status_code).or_insert(0) += 1;
    }
    assert_eq!(examples.len(), 164);
    assert_eq!(
        per_status,
        BTreeMap::from([(400, 127), (401, 25), (403, 8), (429, 4)])
    );
}

#[test]
fn every_example_body_is_reproduced_exactly() {
    let examples = support::all_examples();
    assert!(!examples.is_empty());
    let mut failures = Vec::new();
    for example in &examples {
        let Some(error) = StytchError::from_error_type(&example.error_type) else {
            failures.push(format!(
                "{}: from_error_type finds no variant",
                example.error_type
            ));
            continue;
        };
        let json = error.to_json(&example.request_id);
        if json != example.compact_json {
            failures.push(format!(
                "{}:\n  catalog {json}\n  page    {}",
                example.error_type, example.compact_json
            ));
        }
        let mut bytes = Vec::new();
        error.write_json(&example.request_id, &mut bytes);
        if bytes != json.as_bytes() {
            failures.push(format!(
                "{}: write_json differs from to_json",
                example.error_type
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_example_field_is_in_the_catalog() {
    check_all(&support::all_examples(), |example, info| {
        let error = StytchError::from_error_type(&example.error_type).expect("a unit variant");
        let body = error.to_body(&example.request_id);
        let parsed: ErrorBody<'_> = serde_json::from_str(&example.json_text).expect("a body");
        [
            differs("status_code", &info.status_code, &example.status_code),
            differs("error_type", info.error_type, example.error_type.as_str()),
            differs(
                "message",
                info.message_template,
                example.error_message.as_str(),
            ),
            differs("error_url", info.error_url, example.error_url.as_str()),
            differs("Display", &error.to_string(), &example.error_message),
            differs("body", &body, &parsed),
            differs("status", &error.status().as_u16(), &example.status_code),
            differs("is_unit", &info.is_unit, &true),
        ]
        .into_iter()
        .flatten()
        .collect()
    });
}

#[test]
fn descriptions_causes_and_fixes_are_the_pages() {
    check_all(&support::all_examples(), |example, info| {
        let causes: Vec<&str> = example.causes.iter().map(String::as_str).collect();
        let fixes: Vec<&str> = example.fixes.iter().map(String::as_str).collect();
        [
            differs(
                "description",
                info.description,
                example.description.as_str(),
            ),
            differs("causes", info.causes, causes.as_slice()),
            differs("fixes", info.fixes, fixes.as_slice()),
        ]
        .into_iter()
        .flatten()
        .collect()
    });
}

#[test]
fn titles_are_the_pages_headings() {
    let examples = support::all_examples();
    let titled: Vec<Example> = examples.into_iter().filter(|e| e.title.is_some()).collect();
    assert!(
        !titled.is_empty(),
        "the newer pages give each error a heading"
    );
    check_all(&titled, |example, info| {
        let title = format!("{} {}", info.status_code, info.title());
        differs("title", &Some(title), &example.title)
            .into_iter()
            .collect()
    });
}

#[test]
fn the_catalog_follows_the_pages_order_grouped_by_status() {
    let mut examples = support::all_examples();
    // Pages of one status keep their order; the groups go by ascending status.
    examples.sort_by_key(|example| example.status_code);
    let expected: Vec<&str> = examples.iter().map(|e| e.error_type.as_str()).collect();
    let documented: BTreeSet<&str> = expected.iter().copied().collect();
    let catalog: Vec<&str> = StytchError::catalog()
        .iter()
        .map(|info| info.error_type)
        .filter(|error_type| documented.contains(error_type))
        .collect();
    assert_eq!(catalog, expected);

    let statuses: Vec<u16> = StytchError::catalog()
        .iter()
        .map(|info| info.status_code)
        .collect();
    assert!(
        statuses.is_sorted(),
        "the catalog is grouped by ascending status: {statuses:?}"
    );
}

#[test]
fn every_status_is_a_group_of_the_errors_overview() {
    // The overview's navigation lists the status groups under "Errors", after "Error object".
    let overview = support::page_text("consumer-overview.txt");
    let groups: BTreeSet<u16> = overview
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != "Error object")
        .skip(1)
        .map_while(|line| line.parse().ok())
        .collect();
    assert!(
        groups.contains(&429),
        "groups read from the overview: {groups:?}"
    );
    for info in StytchError::catalog() {
        assert!(
            groups.contains(&info.status_code),
            "{}: status {} is not a group",
            info.error_type,
            info.status_code
        );
    }
}

#[test]
fn every_entry_is_consistent() {
    let catalog = StytchError::catalog();
    let mut error_types = BTreeSet::new();
    for (index, info) in catalog.iter().enumerate() {
        assert!(
            error_types.insert(info.error_type),
            "{} is repeated",
            info.error_type
        );
        assert_eq!(
            info.error_url,
            format!("{}/{}#{}", info.docs_url, info.status_code, info.error_type)
        );
        let error =
            StytchError::from_error_type(info.error_type).expect("every variant is a unit variant");
        assert_eq!(error.info(), &catalog[index]);
        assert_eq!(format!("{error:?}"), info.variant);
        assert_eq!(
            error.to_json("request-id-test-1"),
            info.example_json("request-id-test-1")
        );
        assert!(!info.message_template.is_empty(), "{}", info.error_type);
    }
    assert_eq!(StytchError::from_error_type("no_such_error"), None);
}

#[test]
fn the_server_and_other_groups_have_their_errors() {
    // The overview lists these groups; their bodies are documented under the B2B API's
    // newer reference.
    let base = "https://stytch.com/docs/api-reference/b2b/api/errors";
    for (error, status, error_type, message) in [
        (
            StytchError::MethodNotAllowed,
            405,
            "method_not_allowed",
            "The method used is not supported.",
        ),
        (
            StytchError::ClientClosedRequest,
            499,
            "client_closed_request",
            "Client closed request.",
        ),
        (
            StytchError::InternalServerError,
            500,
            "internal_server_error",
            "Oops, something seems to have gone wrong. If this issue persists, please reach out to support.",
        ),
        (
            StytchError::ServerUnavailable,
            503,
            "server_unavailable",
            "Oops, something seems to have gone wrong. Please retry the request. If this issue persists, please reach out to support.",
        ),
    ] {
        assert_eq!(StytchError::from_error_type(error_type), Some(error));
        assert_eq!(error.status_code(), status);
        assert_eq!(error.error_message(), message);
        assert_eq!(error.error_url(), format!("{base}/{status}#{error_type}"));
    }
}

#[test]
fn the_compact_form_is_serde_jsons() {
    let body = StytchError::TooManyRequests.to_body("request-id-test-1");
    let pretty = serde_json::to_string_pretty(&body).unwrap();
    assert_ne!(pretty, serde_json::to_string(&body).unwrap());
    assert_eq!(
        support::compact(&pretty),
        serde_json::to_string(&body).unwrap()
    );
    assert_eq!(
        support::compact("{ \"a b\" : \"c \\\" d\" }"),
        "{\"a b\":\"c \\\" d\"}"
    );
}

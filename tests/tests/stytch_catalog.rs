//! `StytchError` and `StytchErrorType` against the rest of Stytch's catalog: every body of
//! `tests/data/stytch-catalog/more-errors.tsv` reproduced byte for byte, and every name of
//! `stytch-errors/data/error-types.txt` (the list `StytchErrorType` is generated from) typed.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use stytch_errors::{
    ApiError, ErrorKind, StytchError, StytchErrorType, UnknownErrorType, parse_error,
};

const MORE_ERRORS: &str = include_str!("../data/stytch-catalog/more-errors.tsv");
const ERROR_TYPES: &str = include_str!("../../stytch-errors/data/error-types.txt");

/// A row of `more-errors.tsv`.
struct Row<'a> {
    error_type: &'a str,
    status_code: u16,
    error_message: &'a str,
    error_url_base: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = MORE_ERRORS.lines();
    assert_eq!(
        lines.next(),
        Some("error_type\tstatus\terror_message\terror_url_base\tsource")
    );
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "{line}");
            Row {
                error_type: fields[0],
                status_code: fields[1].parse().expect("a status"),
                error_message: fields[2],
                error_url_base: fields[3],
            }
        })
        .collect()
}

fn names() -> Vec<&'static str> {
    ERROR_TYPES.lines().collect()
}

/// The body Stytch sends for `row`, written here from the row's fields alone.
fn expected_body(row: &Row<'_>, request_id: &str) -> String {
    let string = |s: &str| serde_json::to_string(s).expect("a string");
    let url = format!(
        "{}/{}#{}",
        row.error_url_base, row.status_code, row.error_type
    );
    format!(
        r#"{{"status_code":{},"request_id":{},"error_type":{},"error_message":{},"error_url":{}}}"#,
        row.status_code,
        string(request_id),
        string(row.error_type),
        string(row.error_message),
        string(&url),
    )
}

#[test]
fn every_row_of_more_errors_is_reproduced_exactly() {
    let rows = rows();
    assert_eq!(rows.len(), 29);
    let mut failures = Vec::new();
    for row in &rows {
        let Some(error) = StytchError::from_error_type(row.error_type) else {
            failures.push(format!("{}: not in the catalog", row.error_type));
            continue;
        };
        let expected = expected_body(row, "request-id-test-1");
        let json = error.to_json("request-id-test-1");
        if json != expected {
            failures.push(format!("catalog {json}\n  file    {expected}"));
        }
        let mut bytes = Vec::new();
        error.write_json("request-id-test-1", &mut bytes);
        if bytes != expected.as_bytes() {
            failures.push(format!("{}: write_json differs", row.error_type));
        }
        let info = error.info();
        if (info.status_code, info.docs_url) != (row.status_code, row.error_url_base) {
            failures.push(format!("{}: status or base differs", row.error_type));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_catalog_is_grouped_by_status_in_alphabetical_order() {
    let catalog = StytchError::catalog();
    let keys: Vec<(u16, &str)> = catalog
        .iter()
        .map(|info| (info.status_code, info.error_type))
        .collect();
    assert!(keys.is_sorted(), "{keys:?}");
    let mut per_status = BTreeMap::new();
    for info in catalog {
        *per_status.entry(info.status_code).or_insert(0) += 1;
    }
    // The reference pages' 164, the server errors' 4, the 29 rows of more-errors.tsv.
    assert_eq!(catalog.len(), 164 + 4 + 29);
    assert_eq!(
        per_status,
        BTreeMap::from([
            (400, 127 + 13),
            (401, 25 + 3),
            (403, 8 + 2),
            (404, 10),
            (405, 1),
            (429, 4),
            (499, 1),
            (500, 1),
            (503, 1 + 1),
        ])
    );
}

#[test]
fn route_not_found_is_the_live_apis_404() {
    let error = StytchError::RouteNotFound;
    assert_eq!(
        error.to_json("request-id-test-1"),
        r#"{"status_code":404,"request_id":"request-id-test-1","error_type":"route_not_found","error_message":"The route provided is not supported.","error_url":"https://stytch.com/docs/api/errors/404#route_not_found"}"#
    );
}

#[test]
fn every_name_round_trips_in_the_lists_order() {
    let names = names();
    assert_eq!(names.len(), 825);
    let all: Vec<&str> = StytchErrorType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(all, names);
    for (index, name) in names.iter().enumerate() {
        let parsed = StytchErrorType::from_str(name).unwrap_or_else(|_| panic!("{name}"));
        assert_eq!(parsed, StytchErrorType::ALL[index]);
        assert_eq!(parsed.as_str(), *name);
        assert_eq!(parsed.to_string(), *name);
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(
            serde_json::from_str::<StytchErrorType>(&json).unwrap(),
            parsed
        );
    }
}

#[test]
fn no_two_variants_share_a_string_or_a_name() {
    let strings: BTreeSet<&str> = StytchErrorType::ALL.iter().map(|t| t.as_str()).collect();
    let variants: BTreeSet<String> = StytchErrorType::ALL
        .iter()
        .map(|t| format!("{t:?}"))
        .collect();
    assert_eq!(strings.len(), StytchErrorType::ALL.len());
    assert_eq!(variants.len(), StytchErrorType::ALL.len());
}

#[test]
fn a_variant_is_its_name_in_upper_camel_case() {
    for error_type in StytchErrorType::ALL {
        let camel: String = error_type
            .as_str()
            .split('_')
            .map(|word| word[..1].to_uppercase() + &word[1..])
            .collect();
        assert_eq!(format!("{error_type:?}"), camel);
    }
    // Names the case conversion would not give back keep their exact string.
    assert_eq!(StytchErrorType::Twitter401.as_str(), "twitter_401");
    assert_eq!(
        StytchErrorType::InvalidSha512Hash.as_str(),
        "invalid_sha_512_hash"
    );
}

#[test]
fn an_unknown_name_is_an_error() {
    let long = "a".repeat(10_000);
    for name in [
        "",
        "_",
        "no_such_error",
        "Twitter401",
        "twitter401",
        "TOO_MANY_REQUESTS",
        "too_many_requests ",
        "too_many_requests\0",
        "too_many_request",
        "too_many_requestss",
        long.as_str(),
    ] {
        assert_eq!(
            StytchErrorType::from_str(name),
            Err(UnknownErrorType),
            "{name}"
        );
    }
    for name in names() {
        let (more, upper) = (format!("{name}_"), name.to_uppercase());
        for changed in [&name[1..], &name[..name.len() - 1], &more, &upper] {
            assert!(StytchErrorType::from_str(changed).is_err(), "{changed}");
        }
    }
    let error = serde_json::from_str::<StytchErrorType>(r#""no_such_error""#).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "invalid value: string \"no_such_error\", expected an error type of Stytch's list"
        ),
        "{error}"
    );
    assert!(serde_json::from_str::<StytchErrorType>("429").is_err());
}

#[test]
fn every_catalog_entry_has_its_type_both_ways() {
    for info in StytchError::catalog() {
        let error = StytchError::from_error_type(info.error_type).expect("a unit variant");
        let error_type = error.stytch_type();
        assert_eq!(error_type.as_str(), info.error_type);
        assert_eq!(StytchErrorType::from(error), error_type);
        assert_eq!(error_type.to_error(), Some(error));
        assert!(std::ptr::eq(error_type.info().expect("an entry"), info));
    }
    let with_entry = StytchErrorType::ALL
        .iter()
        .filter(|t| t.to_error().is_some())
        .count();
    assert_eq!(with_entry, StytchError::catalog().len());
    assert_eq!(
        StytchErrorType::InvalidSecretAuthentication.to_error(),
        None
    );
    assert_eq!(StytchErrorType::InvalidSecretAuthentication.info(), None);
}

#[test]
fn a_parsed_error_gives_every_listed_type() {
    for name in names() {
        let body = format!(r#"{{"status_code":400,"request_id":"r","error_type":"{name}"}}"#);
        let parsed = parse_error::<StytchError>(body.as_bytes()).expect("a body");
        let error_type = parsed.stytch_type().expect("a listed type");
        assert_eq!(error_type.as_str(), name);
        match parsed.kind {
            ErrorKind::Known(error) => assert_eq!(error.stytch_type(), error_type),
            ErrorKind::Unknown => assert_eq!(error_type.to_error(), None),
            ErrorKind::Cataloged(info) => panic!("{info:?}: StytchError has unit variants only"),
        }
    }
    let parsed = parse_error::<StytchError>(br#"{"error_type":"brand_new_error"}"#).unwrap();
    assert_eq!(parsed.stytch_type(), None);
}

//! Error contracts: every kind of difference between a catalog and its lock file, judged as
//! the docs say, and the lock file's life cycle (written, compared, never written in CI).

use stytch_errors::contract::{self, ChangeKind, Mode};
use stytch_errors::{ApiError, StytchError};

/// The changes from `Before`'s lock to `After`'s, as (kind, line).
fn changes<Before: ApiError, After: ApiError>() -> Vec<(ChangeKind, String)> {
    contract::changes(
        &contract::lock_file::<Before>(),
        &contract::lock_file::<After>(),
    )
    .expect("lock files")
    .into_iter()
    .map(|change| (change.kind, change.to_string()))
    .collect()
}

/// Asserts that the one change is of `kind` and says `says`.
#[track_caller]
fn one(found: &[(ChangeKind, String)], kind: ChangeKind, says: &str) {
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, kind, "{found:#?}");
    assert!(found[0].1.contains(says), "{found:#?}");
}

mod v1 {
    use stytch_errors::ApiError;

    #[derive(Debug, ApiError)]
    #[allow(dead_code)]
    #[api_error(docs_url = "https://example.com/errors")]
    pub enum Notes {
        /// A note that is not there.
        #[api_error(status = 404, message = "No note {note_id}.")]
        #[api_error(cause = "A stale link.")]
        NoteNotFound {
            note_id: u64,
            #[api_error(details)]
            tried: Vec<u64>,
        },
        #[api_error(status = 429, message = "Slow down.", header("retry-after", "60"))]
        TooManyRequests,
        #[api_error(status = 400, message = "Bad note.")]
        BadNote,
    }
}

/// Another version of `v1::Notes`, with `$variants` in place of its variants.
macro_rules! version {
    ($name:ident { $($variants:tt)* }) => {
        mod $name {
            use stytch_errors::ApiError;

            #[derive(Debug, ApiError)]
            #[api_error(docs_url = "https://example.com/errors")]
            #[allow(dead_code)]
            pub enum Notes { $($variants)* }
        }
    };
}

version!(same {
    #[api_error(status = 400, message = "Bad note.")]
    BadNote,
    #[api_error(status = 429, message = "Slow down.", header("retry-after", "60"))]
    TooManyRequests,
    /// A note that is not there.
    #[api_error(status = 404, message = "No note {note_id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound { note_id: u64, #[api_error(details)] tried: Vec<u64> },
});

version!(breaking {
    /// A note that is not there.
    #[api_error(status = 410, message = "No note {note_id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound { note_id: u64, #[api_error(details)] tried: Vec<u32> },
    #[api_error(status = 429, message = "Slow down.", retryable = false)]
    TooManyRequests,
    #[api_error(status = 400, error_type = "invalid_note", message = "Bad note.")]
    BadNote,
});

version!(removed {
    /// A note that is not there.
    #[api_error(status = 404, message = "No note {note_id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound { note_id: u64 },
    #[api_error(status = 429, message = "Slow down.", header("retry-after", "60"))]
    TooManyRequests,
});

version!(additive {
    /// A note that is not there.
    #[api_error(status = 404, message = "No note {note_id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound {
        note_id: u64,
        #[api_error(details)]
        tried: Vec<u64>,
        #[api_error(details)]
        hint: Option<String>,
    },
    #[api_error(status = 429, message = "Slow down.", header("retry-after", "60"), header("ratelimit-policy", "100;w=60"))]
    TooManyRequests,
    #[deprecated]
    #[api_error(status = 400, message = "Bad note.", retryable = true)]
    BadNote,
    #[api_error(status = 409, message = "The note changed meanwhile.")]
    NoteConflict,
});

version!(review {
    /// A note that is not there.
    #[api_error(status = 404, message = "No note {id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound { id: u64, #[api_error(details)] tried: Vec<u64>, #[api_error(details)] owner: String },
    #[api_error(status = 429, error_type = "too_many_requests", message = "Slow down.", header("retry-after", "60"))]
    RateLimited,
    #[api_error(status = 400, message = "Bad note.")]
    BadNote,
});

version!(cosmetic {
    /// A note that cannot be found.
    #[api_error(status = 404, message = "There is no note {note_id}.")]
    #[api_error(cause = "A stale link.", fix = "Reload the list.")]
    NoteNotFound { note_id: u64, #[api_error(details)] tried: Vec<u64> },
    #[api_error(status = 429, message = "Slow down, please.", header("retry-after", "60"))]
    TooManyRequests,
    #[api_error(status = 400, message = "Bad note.")]
    BadNote,
});

version!(deprecated {
    /// A note that is not there.
    #[api_error(status = 404, message = "No note {note_id}.")]
    #[api_error(cause = "A stale link.")]
    NoteNotFound { note_id: u64, #[api_error(details)] tried: Vec<u64> },
    #[api_error(status = 429, message = "Slow down.", header("retry-after", "60"))]
    TooManyRequests,
    #[deprecated]
    #[api_error(status = 400, message = "Bad note.")]
    BadNote,
});

#[test]
fn the_same_catalog_in_another_order_has_no_change() {
    assert_eq!(changes::<v1::Notes, same::Notes>(), []);
    assert_eq!(
        contract::lock_file::<v1::Notes>(),
        contract::lock_file::<same::Notes>()
    );
}

#[test]
fn the_lock_file_records_what_clients_rely_on() {
    let lock: serde_json::Value =
        serde_json::from_str(&contract::lock_file::<v1::Notes>()).expect("JSON");
    let errors = lock["errors"].as_array().expect("errors");
    let types: Vec<&str> = errors
        .iter()
        .map(|e| e["error_type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["bad_note", "note_not_found", "too_many_requests"]);
    assert_eq!(
        errors[1],
        serde_json::json!({
            "error_type": "note_not_found",
            "status": 404,
            "variant": "NoteNotFound",
            "message": "No note {note_id}.",
            "placeholders": ["note_id"],
            "details": [{ "name": "tried", "type": "Vec<u64>" }],
            "retryable": false,
            "description": "A note that is not there.",
            "causes": ["A stale link."],
        })
    );
    assert_eq!(errors[2]["headers"], serde_json::json!(["retry-after"]));
    assert_eq!(errors[2]["retryable"], true);
}

#[test]
fn breaking_changes_name_what_broke_and_the_way_out() {
    let found = changes::<v1::Notes, breaking::Notes>();
    let lines: Vec<&str> = found.iter().map(|(_, line)| line.as_str()).collect();
    assert!(
        found.iter().all(|(kind, _)| *kind == ChangeKind::Breaking),
        "{lines:#?}"
    );
    assert_eq!(
        lines,
        [
            "breaking: `bad_note` was renamed to `invalid_note` (variant `BadNote`): clients matching on `bad_note` break; keep it with `#[api_error(error_type = \"bad_note\")]`, and add the new error as a variant of its own",
            "breaking: `note_not_found` changed status 404 → 410: clients branching on the status break; keep 404 and add a new error for 410",
            "breaking: `note_not_found`'s details member `tried` changed type `Vec<u64>` → `Vec<u32>`: clients reading it break; keep the type, and add a member of the new type",
            "breaking: `too_many_requests` no longer sends the header `retry-after`: clients reading it break; keep declaring it",
            "breaking: `too_many_requests` is no longer retryable: clients that retry it give up now; keep `retryable = true`",
        ]
    );
}

#[test]
fn a_removed_error_or_details_member_is_breaking() {
    let found = changes::<v1::Notes, removed::Notes>();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0]
            .1
            .starts_with("breaking: `bad_note` (variant `BadNote`, 400) was removed"),
        "{found:#?}"
    );
    assert!(
        found[1]
            .1
            .contains("`note_not_found` lost the details member `tried`"),
        "{found:#?}"
    );
}

#[test]
fn removing_a_deprecated_error_is_a_planned_removal() {
    one(
        &changes::<deprecated::Notes, removed::Notes>()
            .into_iter()
            .filter(|(_, line)| !line.contains("details member"))
            .collect::<Vec<_>>(),
        ChangeKind::PlannedRemoval,
        "breaking (planned removal): `bad_note` (variant `BadNote`, deprecated in the lock file) was removed",
    );
    assert!(ChangeKind::PlannedRemoval.is_breaking());
}

#[test]
fn additions_are_additive() {
    let found = changes::<v1::Notes, additive::Notes>();
    let lines: Vec<&str> = found.iter().map(|(_, line)| line.as_str()).collect();
    assert!(
        found.iter().all(|(kind, _)| *kind == ChangeKind::Additive),
        "{lines:#?}"
    );
    assert_eq!(
        lines,
        [
            "additive: `bad_note` is now retryable",
            "additive: `bad_note` is now deprecated",
            "additive: a new error `note_conflict` (409)",
            "additive: `note_not_found` has a new optional details member `hint`",
            "additive: `too_many_requests` sends a new header `ratelimit-policy`",
        ]
    );
}

#[test]
fn what_cannot_be_judged_is_to_review_and_fails_as_breaking() {
    let found = changes::<v1::Notes, review::Notes>();
    let lines: Vec<&str> = found.iter().map(|(_, line)| line.as_str()).collect();
    assert!(
        found.iter().all(|(kind, _)| *kind == ChangeKind::Review),
        "{lines:#?}"
    );
    assert_eq!(
        lines,
        [
            "changed, review: `note_not_found` has a new details member `owner` of type `String`: a client may not go without it; make it an `Option` if it can",
            "changed, review: `note_not_found`'s message shows other fields: [note_id] → [id]",
            "changed, review: `too_many_requests` is now the variant `RateLimited` (was `TooManyRequests`): Rust clients that match on the enum break",
        ]
    );
    assert!(ChangeKind::Review.is_breaking());
}

#[test]
fn wording_and_docs_are_cosmetic() {
    let found = changes::<v1::Notes, cosmetic::Notes>();
    let lines: Vec<&str> = found.iter().map(|(_, line)| line.as_str()).collect();
    assert!(
        found.iter().all(|(kind, _)| *kind == ChangeKind::Cosmetic),
        "{lines:#?}"
    );
    assert_eq!(
        lines,
        [
            "cosmetic: `note_not_found`'s message reads \"There is no note {note_id}.\"",
            "cosmetic: `note_not_found`'s description changed",
            "cosmetic: `note_not_found`'s fixes changed",
            "cosmetic: `too_many_requests`'s message reads \"Slow down, please.\"",
        ]
    );
    assert!(!ChangeKind::Cosmetic.is_breaking() && !ChangeKind::Additive.is_breaking());
}

/// A catalog that stands for the framework's failures, before and after it drops a cover.
mod covers {
    use stytch_errors::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    #[allow(dead_code)]
    pub enum Before {
        #[api_error(status = 404, message = "No such route.", covers = 404)]
        RouteNotFound,
        #[api_error(status = 400, message = "Bad request.", covers = "4xx")]
        BadRequest,
        #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
        Internal,
    }

    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    #[allow(dead_code)]
    pub enum After {
        #[api_error(status = 404, message = "No such route.")]
        RouteNotFound,
        #[api_error(status = 400, message = "Bad request.", covers = "4xx", covers = 405)]
        BadRequest,
        #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
        Internal,
    }
}

#[test]
fn a_dropped_cover_is_breaking_and_a_new_one_additive() {
    let found = changes::<covers::Before, covers::After>();
    let lines: Vec<&str> = found.iter().map(|(_, line)| line.as_str()).collect();
    assert_eq!(
        lines,
        [
            "breaking: `route_not_found` no longer covers 404: the framework's failures of 404 now reach clients as another error; keep `covers = 404` on it",
            "additive: `bad_request` now covers 405",
        ]
    );
}

/// A service's catalog that wraps `Notes`, before and after `Notes` changed.
mod composed {
    use stytch_errors::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/app/errors")]
    #[allow(dead_code)]
    pub enum Before {
        #[api_error(status = 401, message = "Sign in.")]
        Unauthorized,
        #[api_error(transparent)]
        Notes(super::v1::Notes),
    }

    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/app/errors")]
    #[allow(dead_code)]
    pub enum After {
        #[api_error(status = 401, message = "Sign in.")]
        Unauthorized,
        #[api_error(transparent)]
        Notes(super::breaking::Notes),
    }
}

#[test]
fn a_wrapped_catalog_s_change_shows_in_the_lock_of_the_catalog_that_wraps_it() {
    let lock = contract::lock_file::<composed::Before>();
    assert!(lock.contains("\"error_type\": \"unauthorized\""), "{lock}");
    assert!(
        lock.contains("\"error_type\": \"note_not_found\""),
        "{lock}"
    );
    let found = changes::<composed::Before, composed::After>();
    assert_eq!(found, changes::<v1::Notes, breaking::Notes>());
}

/// A lock file of its own for a test, removed when dropped.
struct TempLock(std::path::PathBuf);

impl TempLock {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "stytch-errors-contract-{}-{name}.json",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        Self(path)
    }
}

impl Drop for TempLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_missing_lock_file_is_written_except_in_ci() {
    let lock = TempLock::new("missing");
    let report = contract::check_with::<v1::Notes>(&lock.0, Mode::Ci).unwrap_err();
    assert!(report.contains("no lock file at"), "{report}");
    assert!(!lock.0.exists());
    contract::check_with::<v1::Notes>(&lock.0, Mode::Check).expect("written");
    assert_eq!(
        std::fs::read_to_string(&lock.0).unwrap(),
        contract::lock_file::<v1::Notes>()
    );
    contract::check_with::<same::Notes>(&lock.0, Mode::Ci).expect("the same contract");
}

#[test]
fn a_stale_lock_file_fails_until_overwritten_and_ci_never_writes() {
    let lock = TempLock::new("stale");
    contract::check_with::<v1::Notes>(&lock.0, Mode::Check).expect("written");

    let report = contract::check_with::<additive::Notes>(&lock.0, Mode::Check).unwrap_err();
    assert!(
        report.contains("additive: a new error `note_conflict` (409)"),
        "{report}"
    );
    assert!(report.ends_with("nothing breaks: update the lock file with STYTCH_ERRORS_CONTRACT=overwrite cargo test and commit it"), "{report}");
    let report = contract::check_with::<breaking::Notes>(&lock.0, Mode::Ci).unwrap_err();
    assert!(
        report.contains("undo the breaking changes, or accept them"),
        "{report}"
    );
    assert_eq!(
        std::fs::read_to_string(&lock.0).unwrap(),
        contract::lock_file::<v1::Notes>(),
        "a check never writes a lock file that exists"
    );

    contract::check_with::<additive::Notes>(&lock.0, Mode::Overwrite).expect("overwritten");
    contract::check_with::<additive::Notes>(&lock.0, Mode::Ci).expect("up to date");
}

#[test]
#[should_panic(expected = "the error catalog differs from its lock file")]
fn check_panics_with_the_report() {
    let lock = TempLock::new("panics");
    contract::check_with::<v1::Notes>(&lock.0, Mode::Overwrite).expect("written");
    // `Mode::from_env` is `Check` or `Ci` in the suite's runs, and either compares. (Update
    // the repository's lock files with this test file's `stytch_error` test alone:
    // `STYTCH_ERRORS_CONTRACT=overwrite cargo test --test contract stytch_error`.)
    contract::check::<breaking::Notes>(&lock.0);
}

/// Stytch's catalog, locked in the repository: a change to it is a reviewed diff.
#[test]
fn stytch_error_holds_its_contract() {
    contract::check::<StytchError>("contracts/StytchError.json");
}

//! Error contracts: a lock file of a catalog, and a test that names every breaking change.
//!
//! Clients branch on an error's `error_type`, its status, its details' members and its
//! headers: these are part of the API's contract. [`check`] compares a catalog with its lock
//! file, a JSON file committed beside the code, and fails a `#[test]` with one line per
//! difference, judged by what it does to a client built against the lock file (see
//! [`ChangeKind`]):
//!
//! - a **breaking** change (an `error_type` removed or renamed, a status changed, a details
//!   member removed or retyped, a header removed, retrying turned off, a cover dropped), a
//!   **planned removal** (of an error the lock file records as deprecated) or a change to
//!   **review** fails until it is undone or accepted by overwriting the lock file;
//! - an **additive** change (a new error, an optional details member, a header) or a
//!   **cosmetic** one (a message's wording, docs, causes, fixes) fails only until the lock file
//!   is updated, as a snapshot test does.
//!
//! `STYTCH_ERRORS_CONTRACT=overwrite cargo test` writes the lock file instead of comparing. A
//! missing lock file is written on the first run; with `CI` set, a missing or stale lock file
//! is a failure, never written. The file's content never depends on cargo features.
//!
//! ```
//! use stytch_errors::{ApiError, contract};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! pub enum V1 {
//!     #[api_error(status = 404, message = "No such note.")]
//!     NoteNotFound,
//!     #[api_error(status = 429, message = "Slow down.")]
//!     TooManyRequests,
//! }
//!
//! // The next version renames an error_type, changes a status and adds an error.
//! #[derive(Debug, ApiError)]
//! #[api_error(docs_url = "https://example.com/errors")]
//! pub enum V2 {
//!     #[api_error(status = 404, error_type = "note_missing", message = "No such note.")]
//!     NoteNotFound,
//!     #[api_error(status = 503, message = "Slow down.")]
//!     TooManyRequests,
//!     #[api_error(status = 409, message = "The note changed meanwhile.")]
//!     NoteConflict,
//! }
//!
//! let report: Vec<String> = contract::changes(&contract::lock_file::<V1>(), &contract::lock_file::<V2>())
//!     .unwrap()
//!     .iter()
//!     .map(ToString::to_string)
//!     .collect();
//! assert_eq!(report, [
//!     "breaking: `note_not_found` was renamed to `note_missing` (variant `NoteNotFound`): clients \
//!      matching on `note_not_found` break; keep it with `#[api_error(error_type = \"note_not_found\")]`, \
//!      and add the new error as a variant of its own",
//!     "breaking: `too_many_requests` changed status 429 → 503: clients branching on the status \
//!      break; keep 429 and add a new error for 503",
//!     "additive: a new error `note_conflict` (409)",
//! ]);
//! ```
//!
//! In a test of the crate that declares the catalog:
//!
//! ```no_run
//! # use stytch_errors::{ApiError, contract};
//! # #[derive(Debug, ApiError)]
//! # #[api_error(docs_url = "https://example.com/errors")]
//! # pub enum AppError { #[api_error(status = 429, message = "Slow down.")] TooManyRequests }
//! #[test]
//! fn the_error_contract_holds() {
//!     contract::check::<AppError>("contracts/AppError.json");
//! }
//! ```

mod diff;
mod lock;

use std::format;
use std::path::Path;
use std::string::String;
use std::vec::Vec;

pub use self::diff::{Change, ChangeKind};
use self::lock::Lock;
use crate::ApiError;

/// The environment variable that makes [`check`] write the lock file (value `overwrite`).
pub const OVERWRITE_VAR: &str = "STYTCH_ERRORS_CONTRACT";

/// What [`check_with`] does with the lock file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Compare, and write the lock file only when there is none.
    Check,
    /// Write the lock file, whatever it held.
    Overwrite,
    /// Compare, and never write: a missing or stale lock file fails.
    Ci,
}

impl Mode {
    /// The mode the environment asks for: [`Ci`](Self::Ci) when `CI` is set (to anything
    /// but `false` or `0`), else [`Overwrite`](Self::Overwrite) when
    /// `STYTCH_ERRORS_CONTRACT=overwrite`, else [`Check`](Self::Check).
    #[must_use]
    pub fn from_env() -> Self {
        let ci = std::env::var_os("CI").is_some_and(|value| value != "false" && value != "0");
        if ci {
            Self::Ci
        } else if std::env::var_os(OVERWRITE_VAR).is_some_and(|value| value == "overwrite") {
            Self::Overwrite
        } else {
            Self::Check
        }
    }
}

/// Compares the catalog `E` with the lock file at `path`, in the mode the environment asks
/// for ([`Mode::from_env`]), for a `#[test]`.
///
/// # Panics
///
/// With the report, when the catalog differs from the lock file, or the lock file cannot be
/// read or written; see [`check_with`].
#[track_caller]
pub fn check<E: ApiError>(path: impl AsRef<Path>) {
    if let Err(report) = check_with::<E>(path.as_ref(), Mode::from_env()) {
        panic!("{report}");
    }
}

/// Compares the catalog `E` with the lock file at `path` in `mode`; `Err` holds the report:
/// a line per difference (breaking ones first, each with the usual way out), then what to do.
///
/// ```
/// use stytch_errors::{ApiError, contract::{self, Mode}};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 429, message = "Slow down.")]
///     TooManyRequests,
/// }
///
/// let path = std::env::temp_dir().join(format!("stytch-errors-doc-{}.json", std::process::id()));
/// let _ = std::fs::remove_file(&path);
/// assert!(contract::check_with::<AppError>(&path, Mode::Ci).unwrap_err().contains("no lock file"));
/// contract::check_with::<AppError>(&path, Mode::Check).unwrap(); // written
/// contract::check_with::<AppError>(&path, Mode::Ci).unwrap(); // and it holds
/// std::fs::remove_file(&path).unwrap();
/// ```
///
/// # Errors
///
/// The report, when the catalog differs from the lock file (in [`Mode::Check`] and
/// [`Mode::Ci`]), when the lock file is missing in [`Mode::Ci`], or when it cannot be read,
/// parsed or written.
pub fn check_with<E: ApiError>(path: &Path, mode: Mode) -> Result<(), String> {
    let current = Lock::of::<E>();
    let write = |why: &str| {
        std::fs::write(path, current.to_text()).map_err(|error| {
            format!(
                "cannot write the lock file {} ({why}): {error}",
                path.display()
            )
        })
    };
    if mode == Mode::Overwrite {
        return write("overwrite");
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return if mode == Mode::Ci {
                Err(format!(
                    "no lock file at {}: run the tests once without CI set (or with {OVERWRITE_VAR}=overwrite) and commit it",
                    path.display()
                ))
            } else {
                write("a first lock")
            };
        }
        Err(error) => {
            return Err(format!(
                "cannot read the lock file {}: {error}",
                path.display()
            ));
        }
    };
    let locked = parse(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    let found = diff::changes(&locked, &current);
    if found.is_empty() {
        return Ok(());
    }
    Err(report(path, &found))
}

/// The report of `found`: a line each, then what to do about them.
fn report(path: &Path, found: &[Change]) -> String {
    let mut report = format!(
        "the error catalog differs from its lock file {}:\n",
        path.display()
    );
    for change in found {
        report.push_str("  ");
        report.push_str(&change.to_string());
        report.push('\n');
    }
    let (what, then) = if found.iter().any(|change| change.kind.is_breaking()) {
        (
            "undo the breaking changes, or accept them with ",
            "=overwrite cargo test and commit the lock file",
        )
    } else {
        (
            "nothing breaks: update the lock file with ",
            "=overwrite cargo test and commit it",
        )
    };
    report.push_str(what);
    report.push_str(OVERWRITE_VAR);
    report.push_str(then);
    report
}

/// The lock file of the catalog `E` as it is now: JSON, one entry per error ordered by
/// `error_type` (its status, variant, message and the fields it shows, details members and
/// their types, declared headers, retry hint, deprecation, docs, causes and fixes).
///
/// ```
/// use stytch_errors::{ApiError, contract};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 429, message = "Slow down.")]
///     TooManyRequests,
/// }
///
/// let lock: serde_json::Value = serde_json::from_str(&contract::lock_file::<AppError>()).unwrap();
/// assert_eq!(lock["errors"][0]["error_type"], "too_many_requests");
/// assert_eq!(lock["errors"][0]["retryable"], true);
/// ```
#[must_use]
pub fn lock_file<E: ApiError>() -> String {
    Lock::of::<E>().to_text()
}

/// Every difference between two lock files' texts, most serious first.
///
/// # Errors
///
/// When either text is not a lock file.
pub fn changes(locked: &str, current: &str) -> Result<Vec<Change>, serde_json::Error> {
    Ok(diff::changes(&parse(locked)?, &parse(current)?))
}

fn parse(text: &str) -> Result<Lock, serde_json::Error> {
    serde_json::from_str(text)
}

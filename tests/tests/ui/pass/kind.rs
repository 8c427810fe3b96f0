#![no_implicit_prelude]
#![deny(warnings, missing_docs, clippy::pedantic)]
//! An enum of kinds under the strictest settings, for a composed catalog.

extern crate std;
extern crate stytch_errors;

use stytch_errors::{ApiError, CatalogKind, StytchError};

/// The errors.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "AppErrorKind")]
#[non_exhaustive]
pub enum AppError {
    /// Gone.
    #[api_error(status = 404, message = "No note {note_id}.")]
    NoteNotFound {
        /// The note.
        note_id: u64,
    },
    /// Deprecated.
    #[deprecated]
    #[api_error(status = 410, message = "Gone.")]
    Gone,
    /// Stytch's.
    #[api_error(transparent)]
    Stytch(StytchError),
    /// A raw name.
    #[api_error(status = 400, message = "Type.")]
    r#Type,
}

fn main() {
    let error = AppError::NoteNotFound { note_id: 7 };
    std::assert_eq!(error.kind(), AppErrorKind::NoteNotFound);
    std::assert_eq!(AppError::kind_of("too_many_requests"), std::option::Option::Some(AppErrorKind::Stytch));
    std::assert_eq!(AppError::kind_of("type"), std::option::Option::Some(AppErrorKind::r#Type));
}

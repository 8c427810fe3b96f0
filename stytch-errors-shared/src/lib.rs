//! What `stytch-errors-derive` (at compile time) and `stytch-errors` (at run time) must agree
//! on, written once: the hash behind the `error_type` lookup table, JSON string escaping, the
//! range of statuses an error may have, and the header fields that describe a body or a
//! connection.
//!
//! Not public API of stytch-errors: it may change in any release, in step with the two crates
//! that use it.
//!
//! ```
//! use stytch_errors_shared::{escape, hash, status};
//!
//! assert_eq!(escape::escape("say \"hi\"\n"), r#"say \"hi\"\n"#);
//! assert_ne!(hash::hash(1, b"too_many_requests"), hash::hash(2, b"too_many_requests"));
//! assert!(status::RANGE.contains(&429));
//! ```

#![cfg_attr(not(test), no_std)]

extern crate alloc;

pub mod escape;
pub mod hash;
pub mod headers;
pub mod status;

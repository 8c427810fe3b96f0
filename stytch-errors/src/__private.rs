//! What the generated code uses. Not public API: it may change in any release.

pub use crate::json::JsonOut;

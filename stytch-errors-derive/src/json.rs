//! JSON string escaping at compile time: `stytch_errors_shared::escape`, the one definition
//! that the runtime's writer uses too, so that pre-rendered and run-time fragments agree.

pub use stytch_errors_shared::escape::escape;

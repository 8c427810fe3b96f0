//! Stytch's own catalog, declared with the derive.

mod error;

pub use self::error::StytchError;

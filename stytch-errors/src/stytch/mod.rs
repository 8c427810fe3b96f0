//! Stytch's own catalog, declared with the derive, and every `error_type` name Stytch sends.

mod error;
mod error_type;

pub use self::error::StytchError;
pub use self::error_type::{StytchErrorType, UnknownErrorType};

//! The client's side of a response: a failed one read into a typed [`ClientError`].

mod error;
#[cfg(feature = "reqwest")]
pub mod reqwest;
mod response;
mod retry_after;

pub use self::error::{BODY_PREFIX_LEN, ClientError};
pub use self::response::parse_response;

//! The wire format: the shapes of a body ([`BodyFormat`]), the body as a serde value
//! ([`ErrorBody`]), the fast writer of the same bytes ([`JsonOut`]), RFC 9457 problem
//! details, and the `error_type` lookup table.

mod body;
pub(crate) mod details;
mod format;
pub(crate) mod json;
pub(crate) mod lookup;
#[cfg(feature = "problem-details")]
mod problem;

pub use self::body::ErrorBody;
pub use self::details::DetailsOut;
pub use self::format::{APPLICATION_JSON, APPLICATION_PROBLEM_JSON, BodyFormat};
pub use self::json::JsonOut;
pub use self::lookup::Lookup;
#[cfg(feature = "problem-details")]
#[cfg_attr(docsrs, doc(cfg(feature = "problem-details")))]
pub use self::problem::ProblemDetails;

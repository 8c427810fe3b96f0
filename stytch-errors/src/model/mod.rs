//! The model: what an error of a catalog can say about itself ([`ApiError`]), and what the
//! catalog knows about each of its errors at compile time ([`ErrorInfo`]).

mod api_error;
mod by_status;
mod error_info;

pub use self::api_error::ApiError;
pub(crate) use self::by_status::by_status;
pub use self::error_info::ErrorInfo;

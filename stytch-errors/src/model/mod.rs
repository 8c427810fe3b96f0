//! The model: what an error of a catalog can say about itself ([`ApiError`]), what the
//! catalog knows about each of its errors at compile time ([`ErrorInfo`]), catalogs that
//! contain others ([`StaticCatalog`], `compose`), and the fieldless kind of each variant
//! ([`CatalogKind`]).

mod api_error;
mod by_status;
mod catalog_kind;
pub(crate) mod compose;
mod cover;
mod error_info;
mod log_level;
mod static_catalog;

pub use self::api_error::ApiError;
pub(crate) use self::by_status::by_status;
pub use self::catalog_kind::CatalogKind;
pub use self::cover::Cover;
pub use self::error_info::ErrorInfo;
pub use self::log_level::LogLevel;
pub use self::static_catalog::StaticCatalog;

//! Schemas of the body: the typed body of a catalog ([`CatalogBody`]), its `OpenAPI` side
//! (utoipa) and its JSON Schema side (schemars).

#[cfg(any(feature = "utoipa", feature = "schemars"))]
pub(crate) mod catalog_body;
#[cfg(feature = "utoipa")]
pub(crate) mod details;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
#[cfg(feature = "schemars")]
pub(crate) mod schemars;
#[cfg(any(feature = "utoipa", feature = "schemars"))]
pub(crate) mod shape;

#[cfg(any(feature = "utoipa", feature = "schemars"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "utoipa", feature = "schemars"))))]
pub use self::catalog_body::CatalogBody;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub use self::schemars::JsonSchemaDetails;

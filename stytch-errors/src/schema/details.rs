//! The `error_details` fields as the derive lists them for the `OpenAPI` responses (feature
//! `utoipa`).

use std::string::String;
use std::vec::Vec;

use utoipa::openapi::{RefOr, Schema};

/// One `#[api_error(details)]` field, as the derive lists it: the variant's `error_type`,
/// the field's name, its type's schema, and the component schemas that one refers to.
#[doc(hidden)]
pub type DetailsSchema = (
    &'static str,
    &'static str,
    fn() -> RefOr<Schema>,
    fn(&mut Vec<(String, RefOr<Schema>)>),
);

//! [`Documented`]: what the components of a catalog need beyond its `ApiError`, and the
//! derive's `utoipa` hook, which implements it with `IntoResponses`.

use super::DetailsSchema;
#[cfg(doc)]
use super::{add_components, responses};
use crate::ApiError;

/// A catalog that [`add_components`] can document: what its components need beyond
/// [`ApiError::catalog`], the schemas of its `#[api_error(details)]` fields (from each
/// field type's [`utoipa::ToSchema`]), which describe and exemplify its `error_details`.
///
/// `#[derive(ApiError)]` implements it, along with `IntoResponses`, when the `utoipa`
/// feature is on (for a generic enum, where each details field's type is `ToSchema`); for a
/// type whose `ApiError` impl is written by hand, [`impl_into_responses!`](crate::impl_into_responses)
/// implements both.
///
/// ```
/// use serde::Serialize;
/// use stytch_errors::{ApiError, openapi};
///
/// #[derive(Debug, Serialize, utoipa::ToSchema)]
/// #[serde(rename_all = "snake_case")]
/// pub enum Reason {
///     Missing,
///     Malformed,
/// }
///
/// #[derive(Debug, Serialize, utoipa::ToSchema)]
/// pub struct InvalidField {
///     field: String,
///     reason: Reason,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// pub enum AppError {
///     #[api_error(status = 422, message = "Some fields are invalid.")]
///     Invalid {
///         #[api_error(details)]
///         invalid_fields: Vec<InvalidField>,
///     },
/// }
///
/// let mut document = utoipa::openapi::OpenApi::default();
/// openapi::add_components::<AppError>(&mut document);
/// let components = &serde_json::to_value(&document).unwrap()["components"];
/// let details = &components["schemas"]["AppErrorBody422"]["properties"]["error_details"];
/// let items = &details["properties"]["invalid_fields"]["items"];
/// assert_eq!(items["properties"]["field"]["type"], "string");
/// // A type the field's type refers to is a component of its own, as utoipa makes it.
/// assert_eq!(items["properties"]["reason"]["$ref"], "#/components/schemas/Reason");
/// assert_eq!(components["schemas"]["Reason"]["enum"], serde_json::json!(["missing", "malformed"]));
/// assert_eq!(
///     components["examples"]["invalid"]["value"]["error_details"],
///     serde_json::json!({ "invalid_fields": [{ "field": "string", "reason": "missing" }] }),
/// );
/// ```
pub trait Documented: ApiError {
    /// The details fields, as the derive lists them.
    #[doc(hidden)]
    fn __details() -> std::vec::Vec<DetailsSchema>;
}

/// Implements [`utoipa::IntoResponses`] (as [`responses`] gives them) and [`Documented`]
/// (with no details fields) for types that implement [`ApiError`] by hand. `#[derive(ApiError)]` already does it when the `utoipa` feature
/// is on, so calling this for a derived type is a conflicting impl.
///
/// ```
/// use std::borrow::Cow;
/// use stytch_errors::{ApiError, ErrorInfo};
///
/// #[derive(Debug)]
/// pub struct Overloaded;
///
/// static CATALOG: [ErrorInfo; 1] = [ErrorInfo::new(
///     "Overloaded", "overloaded", 503, "Try again later.", "https://example.com/errors",
///     "https://example.com/errors/503#overloaded",
/// )];
///
/// impl ApiError for Overloaded {
///     fn catalog() -> &'static [ErrorInfo] { &CATALOG }
///     fn info(&self) -> &'static ErrorInfo { &CATALOG[0] }
///     fn error_message(&self) -> Cow<'_, str> { Cow::Borrowed(CATALOG[0].message_template) }
///     fn from_error_type(error_type: &str) -> Option<Self> {
///         (error_type == "overloaded").then_some(Overloaded)
///     }
/// }
///
/// stytch_errors::impl_into_responses!(Overloaded);
///
/// use utoipa::IntoResponses;
/// assert!(Overloaded::responses().contains_key("503"));
/// ```
#[macro_export]
macro_rules! impl_into_responses {
    ($($ty:ty),+ $(,)?) => {
        $(
            $crate::__impl_utoipa! { [] [$ty] [] }
        )+
    };
}

/// The `utoipa` hook of `impl_frameworks!`: implements `IntoResponses` through
/// [`responses`], and [`Documented`] with the listed details fields, for any generics
/// (`Self: ApiError` is added to the where clauses, since the `ApiError` impl may have bounds
/// of its own).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]
        $([$(($error_type:literal, $name:literal, $field:ty, $docs:literal)),* $(,)?])?
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            Self: $crate::ApiError,
            $($predicates)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::openapi::responses::<Self>()
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* $crate::openapi::Documented for $($ty)*
        where
            Self: $crate::ApiError,
            $($($field: $crate::__private::utoipa::ToSchema,)*)?
            $($predicates)*
        {
            fn __details() -> ::std::vec::Vec<$crate::openapi::DetailsSchema> {
                ::std::vec![$($(
                    (
                        $error_type,
                        $name,
                        $docs,
                        <$field as $crate::__private::utoipa::PartialSchema>::schema,
                        <$field as $crate::__private::utoipa::ToSchema>::schemas,
                    ),
                )*)?]
            }
        }
    };
}

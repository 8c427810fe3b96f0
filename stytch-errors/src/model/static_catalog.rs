//! `StaticCatalog`: a catalog known at compile time, which another catalog can contain.

use crate::model::{ApiError, ErrorInfo};

/// An [`ApiError`] whose [`catalog`](ApiError::catalog) is known at compile time, as a
/// constant: what `#[api_error(transparent)]` and `#[api_error(subset_of = "…")]` need of
/// the catalogs they draw on.
///
/// `#[derive(ApiError)]` implements it for every enum whose catalog does not depend on a
/// type parameter. It is a trait of its own, not a constant of [`ApiError`], so that
/// `ApiError` stays dyn-compatible (`Box<dyn ApiError>`): a trait with an associated
/// constant is not. A catalog written by hand implements it in one line, to be wrapped:
///
/// ```
/// use std::borrow::Cow;
/// use stytch_errors::{ApiError, ErrorInfo, StaticCatalog};
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
/// impl StaticCatalog for Overloaded {
///     const CATALOG: &'static [ErrorInfo] = &CATALOG;
/// }
///
/// assert_eq!(Overloaded::CATALOG, Overloaded::catalog());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a catalog known at compile time",
    label = "a transparent variant wraps a catalog: derive `ApiError` for `{Self}`, or implement `ApiError` and `StaticCatalog`"
)]
pub trait StaticCatalog: ApiError + Sized {
    /// The same entries as [`ApiError::catalog`], in the same order.
    const CATALOG: &'static [ErrorInfo];
}

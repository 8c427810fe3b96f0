//! What the generated code uses. Not public API: it may change in any release.

pub use crate::model::compose::{assert_unique, compose, composed_len, entry_named};
pub use crate::parse::Details;
pub use crate::serve::HeadersOut;
pub use crate::wire::DetailsOut;
pub use crate::wire::JsonOut;
pub use crate::wire::Lookup;
pub use serde;
pub use serde_json::value::RawValue;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use utoipa;

use core::fmt;
use std::error::Error;

use crate::ApiError;

/// Displays an error's message through the generated `__fmt_message`.
pub struct Message<'a, E: ?Sized>(pub &'a E);

impl<E: ApiError + ?Sized> fmt::Display for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.__fmt_message(f)
    }
}

/// Writes a field's `Display` into a message: whole, with none of the caller's flags (`{:>12}`
/// pads nothing and `{:.2}` cuts nothing, as with `write!(f, "{}", value)`).
///
/// A field whose `Display` returns an error that `f` did not give (an impl failing on its
/// own) ends that field's text there, and the message goes on: every rendering of a message
/// gives the same text, and none panics. An error of `f` itself is passed on.
///
/// Compiled once, here, rather than in every crate that derives `ApiError`.
pub fn write_field(f: &mut fmt::Formatter<'_>, value: &dyn fmt::Display) -> fmt::Result {
    let mut out = Watched {
        out: f,
        failed: false,
    };
    match fmt::write(&mut out, format_args!("{value}")) {
        Err(error) if out.failed => Err(error),
        _ => Ok(()),
    }
}

/// A `Formatter` that remembers whether it failed.
struct Watched<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    failed: bool,
}

impl fmt::Write for Watched<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let result = self.out.write_str(s);
        self.failed |= result.is_err();
        result
    }
}

/// `value.to_string()`, compiled once, here, rather than in every crate that derives
/// `ApiError`.
#[must_use]
pub fn to_string(value: &dyn fmt::Display) -> String {
    ToString::to_string(value)
}

/// Turns a source field into `&dyn Error`, whether it is a sized error type or (through a
/// `Box`, an `Arc` or `anyhow::Error`'s deref) a trait object.
pub trait AsDynError<'a> {
    /// The field as a trait object.
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

/// The impls of the enabled integration features for a derived type:
/// `impl_frameworks! { [impl generics] [type] [where-clause predicates] [details] }`, one
/// hook per feature; `[details]` lists the `#[api_error(details)]` fields as
/// `("error_type", "name", Type, "docs")`, for the schemas of the `utoipa` and `schemars`
/// hooks. Each
/// hook expands to nothing while its feature is off, so the derive's output never names a
/// crate the user did not enable.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_frameworks {
    ([$($generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*] $($details:tt)*) => {
        $crate::__impl_axum! { [$($generics)*] [$($ty)*] [$($predicates)*] }
        $crate::__impl_actix_web! { [$($generics)*] [$($ty)*] [$($predicates)*] }
        $crate::__impl_utoipa! { [$($generics)*] [$($ty)*] [$($predicates)*] $($details)* }
        $crate::__impl_schemars! { [$($generics)*] [$($ty)*] [$($predicates)*] $($details)* }
    };
}

pub use crate::__impl_frameworks as impl_frameworks;

/// The `axum` hook while the feature is off (the real one is in `axum.rs`).
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($input:tt)*) => {};
}

/// The `actix-web` hook while the feature is off (the real one is in `actix_web.rs`).
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use ::axum_core;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use ::actix_web;

/// The `schemars` hook while the feature is off (the real one is in `schema/schemars.rs`).
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_schemars {
    ($($input:tt)*) => {};
}

#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub use ::schemars;

/// The `utoipa` hook while the feature is off (the real one is in `openapi.rs`).
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($input:tt)*) => {};
}

/// Displays what a function writes: the message of a variant with `fmt = path`.
pub struct WriteWith<F>(pub F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for WriteWith<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

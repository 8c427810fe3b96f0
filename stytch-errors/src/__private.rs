//! What the generated code uses. Not public API: it may change in any release.

pub use crate::model::compose::{assert_unique, compose, composed_len, entry_named};
pub use crate::wire::JsonOut;
pub use crate::wire::Lookup;
#[cfg(feature = "utoipa")]
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
/// `impl_frameworks! { [impl generics] [type] [where-clause predicates] }`, one hook per feature. Each
/// hook expands to nothing while its feature is off, so the derive's output never names a
/// crate the user did not enable.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_frameworks {
    ($($input:tt)*) => {
        $crate::__impl_axum! { $($input)* }
        $crate::__impl_actix_web! { $($input)* }
        $crate::__impl_utoipa! { $($input)* }
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
pub use ::axum_core;

#[cfg(feature = "actix-web")]
pub use ::actix_web;

/// The `utoipa` hook while the feature is off (the real one is in `openapi.rs`).
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($input:tt)*) => {};
}

//! The `#[derive(ApiError)]` macro of [stytch-errors](https://docs.rs/stytch-errors).
//!
//! Use it through the `stytch-errors` crate, which re-exports it beside the `ApiError`
//! trait and documents its attributes: `use stytch_errors::ApiError;`.
//!
//! The macro is a pipeline, a folder per stage, each importing only the stages before it:
//!
//! - [`parse`] reads the input into a typed model that keeps every span.
//! - [`check`] holds the model to the rules, one function per rule, and reports every
//!   mistake at once into the one accumulator of [`errors`].
//! - [`expand`] writes the impls from the checked model; on any error, stub impls beside the
//!   errors, so that the compiler reports only the real mistakes. `expand::derive` runs the
//!   three.
//!
//! Below the stages: [`prop`], the facts that both checking and expansion read (a variant's
//! status, `error_type`, docs base, headers, covers); [`case`] (the default `error_type`),
//! [`suggest`] ("did you mean …?") and [`generics`] (which type parameters a type names).

mod case;
mod check;
mod errors;
mod expand;
mod generics;
mod parse;
mod prop;
mod suggest;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Derives `stytch_errors::ApiError`, `Display`, `std::error::Error` and `From` for the
/// `#[from]` fields of an enum; see the `stytch-errors` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(api_error, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand::derive(input.into()).into()
}

/// A perfect-hash table over a list of string literals, as a `stytch_errors::__private::Lookup`
/// value: `__lookup_table!(runtime_crate_path; "key", "key", …)`. What `stytch_errors` builds
/// its own tables of names with; not public API.
#[doc(hidden)]
#[proc_macro]
pub fn __lookup_table(input: TokenStream) -> TokenStream {
    expand::lookup::table_macro(input.into()).into()
}

//! The `#[derive(ApiError)]` macro of [stytch-errors](https://docs.rs/stytch-errors).
//!
//! Use it through the `stytch-errors` crate, which re-exports it beside the `ApiError`
//! trait and documents its attributes: `use stytch_errors::ApiError;`.
//!
//! The macro is a pipeline: [`ast`] parses the input into a typed model that keeps every
//! span, [`valid`] checks the model one rule at a time and reports every mistake at once, and
//! [`expand`] writes the impls (or, on error, [`fallback`] writes stubs so that the compiler
//! reports only the real mistakes).

mod ast;
mod attr;
mod case;
mod compose;
mod covers;
mod errors;
mod expand;
mod fallback;
mod json;
mod lookup;
mod message;
mod valid;

#[cfg(test)]
mod proptests;
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
    lookup::table_macro(input.into()).into()
}

//! The `#[derive(ApiError)]` macro of [stytch-errors](https://docs.rs/stytch-errors).
//!
//! Use it through the `stytch-errors` crate, which re-exports it beside the `ApiError`
//! trait and documents its attributes: `use stytch_errors::ApiError;`.
//!
//! The macro is a pipeline:
//!
//! - `ast` parses the input into a typed model that keeps every span; `attr` reads the
//!   `#[api_error(…)]` keys (the one list of them is `keys::KEYS`) through `args`,
//!   which recovers from slips so that each gives one error.
//! - `valid` checks the model one rule at a time and reports every mistake at once;
//!   `suggest` finds the name a misspelled one meant, `url` says what a `docs_url` may be.
//! - `prop` resolves the facts both the checks and the expansion read (a variant's status,
//!   `error_type`, docs base).
//! - `expand` writes the impls from `resolved` variants: `display` the message's
//!   rendering, `source` the `Error` impl, `from` the `From` impls, with the bounds of
//!   `generics`. On error, `fallback` writes stubs (with the same `From` impls) so that
//!   the compiler reports only the real mistakes.

mod args;
mod ast;
mod attr;
mod case;
mod catalog;
mod compose;
mod covers;
mod details;
mod display;
mod errors;
mod expand;
mod fallback;
mod field_attr;
mod from;
mod generics;
mod header_rules;
mod headers;
mod json;
mod keys;
mod lookup;
mod message;
mod prop;
mod resolved;
mod round_trip;
mod source;
mod source_chain;
mod suggest;
mod url;
mod valid;
mod valid_compose;
mod valid_covers;
mod valid_sources;

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

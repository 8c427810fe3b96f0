//! Facts derived from the model that both the checks and the expansion read: a variant's
//! status, `error_type` and docs base, each resolved in one place.

use proc_macro2::Span;
use syn::LitStr;

use crate::ast::{Input, Variant};
use crate::case;

/// The status a variant answers with: its own or the enum's.
pub fn status(input: &Input<'_>, variant: &Variant<'_>) -> Option<u16> {
    let lit = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())?;
    lit.value.base10_parse::<u16>().ok()
}

/// The variant's `error_type`, and where it comes from (the literal or the variant's name).
pub fn error_type(variant: &Variant<'_>) -> (String, Span) {
    match &variant.attrs.error_type {
        Some(lit) => (lit.value.value(), lit.value.span()),
        None => (case::snake_case(&variant.name()), variant.ident.span()),
    }
}

/// The docs base of a variant: its own or the enum's.
pub fn docs_url<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Option<&'i LitStr> {
    variant
        .attrs
        .docs_url
        .as_ref()
        .or(input.attrs.docs_url.as_ref())
        .map(|url| &url.value)
}

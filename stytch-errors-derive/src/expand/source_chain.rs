//! `__source`: the first link of the source chain that a rendered error keeps for the log.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::dispatch::dispatch;
use crate::expand::source::source_arm;
use crate::parse::ast::Input;

/// The body of `__source`: the underlying error, for the variants that have one, whether or not the
/// derive implements `Error`.
pub fn source_fn(input: &Input<'_>) -> Option<TokenStream> {
    // A variant that is another catalog's error has that catalog's own `__source`.
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| variant.attrs.transparent.is_none())
        .filter_map(|variant| Some(source_arm(&variant.path(), variant.source_field()?)))
        .collect();
    if arms.is_empty() {
        return None;
    }
    // When the derive writes `Error` for a type without type parameters (whose `Error` impl
    // then has no bounds), `source` is the one place that turns the field into an error: a
    // field that is not one gets one error, not two.
    if input.implements_display() && input.original.generics.type_params().next().is_none() {
        return Some(quote!(::std::error::Error::source(self)));
    }
    let krate = input.krate();
    let body = dispatch(&arms, Some(quote!(::core::option::Option::None)), false);
    Some(quote! {
        use #krate::__private::AsDynError as _;
        #body
    })
}

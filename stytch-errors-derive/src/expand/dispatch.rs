//! A `match self` over the variants that need an arm of their own, shared by every method
//! body the expansion writes per variant.

use proc_macro2::TokenStream;
use quote::quote;

/// A `match self` with `arms` and, when some variants have no arm, `default` for them; no
/// `match` at all when no variant needs an arm of its own. `partial`: the enum has variants
/// that are another catalog's error, matched before.
pub fn dispatch(arms: &[TokenStream], default: Option<TokenStream>, partial: bool) -> TokenStream {
    match (arms.is_empty(), default) {
        (true, Some(default)) => default,
        (false, Some(default)) => quote!(match self { #(#arms,)* _ => #default }),
        (false, None) if partial => quote!(match self { #(#arms,)* _ => ::core::unreachable!() }),
        (false, None) => quote!(match self { #(#arms,)* }),
        (true, None) => quote!(match *self {}),
    }
}

//! `__source`: the first link of the source chain that a rendered error keeps for the log.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::expand::dispatch;

/// `__source`: the underlying error, for the variants that have one, whether or not the
/// derive implements `Error`.
pub fn source_fn(input: &Input<'_>) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|variant| {
            let field = variant.source_field()?;
            let name = variant.ident;
            let member = &field.member;
            Some(quote! {
                Self::#name { #member: source, .. } =>
                    ::core::option::Option::Some(source.as_dyn_error())
            })
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    let krate = input.krate();
    let body = dispatch(&arms, Some(quote!(::core::option::Option::None)));
    Some(quote! {
        fn __source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
            use #krate::__private::AsDynError as _;
            #body
        }
    })
}

//! The `From` impls of `#[from]` fields: the same in the expansion and in the stubs written
//! beside errors, so that `?` on the source type adds no error of its own.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use crate::parse::ast::Input;

/// `From<T>` for every variant whose only field is `#[from]` (`From<E>` wrapping in `Some`
/// for an `Option<E>` field); for a type given twice (an error already), only the first, so
/// that the compiler adds no conflict of its own.
pub fn impls(input: &Input<'_>) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let mut seen = HashSet::new();
    let impls = input.variants.iter().filter_map(|variant| {
        let field = variant.converted_field()?;
        let ty = field.error_ty();
        if !seen.insert(ty.to_token_stream().to_string()) {
            return None;
        }
        let name = variant.path();
        let member = &field.member;
        let value = if field.option_of.is_some() {
            quote!(::core::option::Option::Some(source))
        } else {
            quote!(source)
        };
        Some(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(source: #ty) -> Self {
                    #name { #member: #value }
                }
            }
        })
    });
    quote!(#(#impls)*)
}

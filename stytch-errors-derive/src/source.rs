//! `std::error::Error`, whose `source()` returns the variant's source field.

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::ast::Input;
use crate::generics::{generics_with, mentions};

pub fn error_impl(input: &Input<'_>, krate: &syn::Path, params: &HashSet<Ident>) -> TokenStream {
    let ident = &input.original.ident;
    let mut extra = Vec::new();
    if !params.is_empty() {
        extra.push(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    let mut arms = Vec::new();
    let mut any_source = false;
    for variant in &input.variants {
        let name = variant.ident;
        match variant.source_field() {
            Some(field) => {
                any_source = true;
                let member = &field.member;
                let ty = field.error_ty();
                if mentions(ty, params) {
                    extra.push(quote!(#ty: ::std::error::Error + 'static));
                }
                // The method named at the field's type, so that a type that is no error is
                // reported there.
                let method = Ident::new("as_dyn_error", ty.span());
                let as_dyn = quote!(source.#method());
                let source = if field.option_of.is_some() {
                    quote! {
                        match source {
                            ::core::option::Option::Some(source) => ::core::option::Option::Some(#as_dyn),
                            ::core::option::Option::None => ::core::option::Option::None,
                        }
                    }
                } else {
                    quote!(::core::option::Option::Some(#as_dyn))
                };
                arms.push(quote!(Self::#name { #member: source, .. } => #source));
            }
            None => arms.push(quote!(Self::#name { .. } => ::core::option::Option::None)),
        }
    }
    let generics = generics_with(&input.original.generics, extra);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let source = any_source.then(|| {
        quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                use #krate::__private::AsDynError as _;
                match self { #(#arms,)* }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
            #source
        }
    }
}

//! `std::error::Error`, whose `source()` returns the variant's source field.

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::generics::{generics_with, mentions};
use crate::parse::ast::{Field, Input};

pub fn error_impl(input: &Input<'_>, krate: &syn::Path, params: &HashSet<Ident>) -> TokenStream {
    let ident = &input.original.ident;
    let mut extra = Vec::new();
    if !params.is_empty() {
        extra.push(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    let mut arms = Vec::new();
    let mut any_source = false;
    for variant in &input.variants {
        let name = variant.path();
        if let (Some(_), [field]) = (variant.attrs.transparent, variant.fields.as_slice()) {
            // The wrapped error's own source, as its field's `Error` gives it.
            any_source = true;
            let member = &field.member;
            arms.push(quote! {
                #name { #member: error } => ::std::error::Error::source(error)
            });
            continue;
        }
        match variant.source_field() {
            Some(field) => {
                any_source = true;
                let ty = field.error_ty();
                if mentions(ty, params) {
                    extra.push(quote!(#ty: ::std::error::Error + 'static));
                }
                arms.push(source_arm(&name, field));
            }
            None => arms.push(quote!(#name { .. } => ::core::option::Option::None)),
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

/// The arm of `source` for a variant (at `name`, `Self::Variant` or `Self`) whose source is `field`: `Some` of it as an error, or,
/// for an `Option`, of what it holds.
pub fn source_arm(name: &TokenStream, field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    // The method named at the field's type, so that a type that is no error is reported
    // there.
    let method = Ident::new("as_dyn_error", field.error_ty().span());
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
    quote!(#name { #member: source, .. } => #source)
}

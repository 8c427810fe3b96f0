//! `kind = "Name"`: the fieldless enum of the variants' kinds, beside the catalog, and
//! `CatalogKind`, which gives the kind of an error and of a catalog entry.
//!
//! The catalog's entries are its own variants' (every variant but the transparent ones, in
//! order), then each wrapped catalog's: the kind of an entry past the own ones is the kind
//! of the transparent variant whose catalog holds it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::Generics;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;

use crate::parse::ast::Input;

/// The enum of kinds, `None` without `kind`: one fieldless variant per variant, with the
/// catalog's visibility and `#[non_exhaustive]`.
pub fn kind_enum(input: &Input<'_>) -> Option<TokenStream> {
    let kind = &input.attrs.kind.as_ref()?.value;
    let ident = &input.original.ident;
    let vis = &input.original.vis;
    let doc = format!(
        "The kind of each error of `{ident}`: one per variant, without its fields (see `CatalogKind`)."
    );
    let variants = input.variants.iter().map(|variant| {
        let name = variant.ident;
        let doc = format!("`{ident}::{}`.", name.unraw());
        quote!(#[doc = #doc] #name)
    });
    let non_exhaustive = input.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    Some(quote! {
        #[doc = #doc]
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #non_exhaustive
        #vis enum #kind {
            #(#variants,)*
        }
    })
}

/// `impl CatalogKind`, `None` without `kind`; `generics` are the `ApiError` impl's.
pub fn kind_impl(input: &Input<'_>, krate: &syn::Path, generics: &Generics) -> Option<TokenStream> {
    let kind = &input.attrs.kind.as_ref()?.value;
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let arms = input.variants.iter().map(|variant| {
        let name = variant.ident;
        quote!(Self::#name { .. } => #kind::#name)
    });
    let of_self = if input.variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#arms,)* })
    };
    let own: Vec<_> = input
        .variants
        .iter()
        .filter(|variant| variant.attrs.transparent.is_none())
        .map(|variant| variant.ident)
        .collect();
    let own_count = own.len();
    let wrapped: Vec<_> = input
        .variants
        .iter()
        .filter(|variant| variant.attrs.transparent.is_some())
        .filter_map(|variant| Some((variant.ident, variant.fields.first()?.ty)))
        .collect();
    // Past the own entries, each wrapped catalog's in turn.
    let mut steps = Vec::new();
    if !wrapped.is_empty() && own_count > 0 {
        steps.push(quote!(let index = index - #own_count;));
    }
    for (position, (name, ty)) in wrapped.iter().enumerate() {
        let len = format_ident!("__api_error_len");
        let catalog = quote_spanned!(ty.span()=> <#ty as #krate::StaticCatalog>::CATALOG);
        steps.push(quote! {
            let #len = #catalog.len();
            if index < #len {
                return ::core::option::Option::Some(#kind::#name);
            }
        });
        if position + 1 < wrapped.len() {
            steps.push(quote!(let index = index - #len;));
        }
    }
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics #krate::CatalogKind for #ident #ty_generics #where_clause {
            type Kind = #kind;

            fn kind(&self) -> #kind {
                #of_self
            }

            fn kind_at(index: usize) -> ::core::option::Option<#kind> {
                const OWN: [#kind; #own_count] = [#(#kind::#own),*];
                if let ::core::option::Option::Some(kind) = OWN.get(index) {
                    return ::core::option::Option::Some(*kind);
                }
                #(#steps)*
                ::core::option::Option::None
            }
        }
    })
}

/// The enum of kinds and a stub `CatalogKind` for an input with mistakes, so that code
/// naming them adds no error of its own.
pub fn fallback(input: &Input<'_>, krate: &syn::Path) -> Option<TokenStream> {
    let kind = &input.attrs.kind.as_ref()?.value;
    // A kind that would clash with the catalog's name is left out: that is the mistake.
    if kind.unraw() == input.original.ident.unraw() {
        return None;
    }
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let kind_enum = kind_enum(input);
    Some(quote! {
        #kind_enum

        #[automatically_derived]
        impl #impl_generics #krate::CatalogKind for #ident #ty_generics #where_clause {
            type Kind = #kind;

            fn kind(&self) -> #kind {
                ::core::unreachable!()
            }

            fn kind_at(_: usize) -> ::core::option::Option<#kind> {
                ::core::unreachable!()
            }
        }
    })
}

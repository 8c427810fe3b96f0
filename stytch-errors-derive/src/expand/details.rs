//! The `#[api_error(details)]` fields: `__write_details`, and their list for the `utoipa`
//! hook of `impl_frameworks!`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::expand::dispatch::dispatch;
use crate::expand::resolved::Resolved;

/// The body of `__write_details`: each `#[api_error(details)]` field, by serde, for the variants that
/// have them; nothing (the trait's default) when none has.
pub fn details_fn(variants: &[Resolved<'_, '_>]) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = variants
        .iter()
        .filter(|v| v.variant.details_fields().next().is_some())
        .map(|v| {
            let bindings: Vec<(syn::Member, Ident)> = v
                .variant
                .details_fields()
                .enumerate()
                .map(|(index, field)| (field.member.clone(), format_ident!("field_{}", index)))
                .collect();
            let pattern = v.pattern(&bindings);
            let members = v
                .variant
                .details_fields()
                .zip(&bindings)
                .map(|(field, (_, binding))| {
                    let key = format!("\"{}\":", field.placeholder_name());
                    quote!(out.member(#key, #binding);)
                });
            quote!(#pattern => { #(#members)* })
        })
        .collect();
    (!arms.is_empty()).then(|| dispatch(&arms, Some(quote!({})), false))
}

/// `("error_type", "name", Type, "docs"), …`: what the `utoipa` hook makes the schemas of,
/// each with the field's doc comment, the description of its member.
pub fn hook_list(variants: &[Resolved<'_, '_>]) -> TokenStream {
    let entries = variants.iter().flat_map(|v| {
        let error_type = &v.error_type;
        v.variant.details_fields().map(move |field| {
            let name = field.placeholder_name();
            let ty = field.ty;
            let docs = crate::parse::attr::docs(&field.original.attrs);
            quote!((#error_type, #name, #ty, #docs))
        })
    });
    quote!(#(#entries),*)
}

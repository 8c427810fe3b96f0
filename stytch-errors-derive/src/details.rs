//! The `#[api_error(details)]` fields: `__write_details`, and their list for the `utoipa`
//! hook of `impl_frameworks!`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::display::dispatch;
use crate::resolved::Resolved;

/// `__write_details`: each `#[api_error(details)]` field, by serde, for the variants that
/// have them, and the `wrapped` arms of the variants that are another catalog's error (which
/// writes its own); nothing (the trait's default) when there is no arm.
pub fn details_fn(
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    wrapped: Vec<TokenStream>,
) -> Option<TokenStream> {
    let mut arms = wrapped;
    arms.extend(
        variants
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
                let members =
                    v.variant
                        .details_fields()
                        .zip(&bindings)
                        .map(|(field, (_, binding))| {
                            let key = format!("\"{}\":", field.placeholder_name());
                            quote!(out.member(#key, #binding);)
                        });
                quote!(#pattern => { #(#members)* })
            }),
    );
    if arms.is_empty() {
        return None;
    }
    let body = dispatch(&arms, Some(quote!({})), false);
    Some(quote! {
        fn __write_details(&self, out: &mut #krate::__private::DetailsOut<'_>) {
            #body
        }
    })
}

/// `("error_type", "name", Type), …`: what the `utoipa` hook makes the schemas of.
pub fn hook_list(variants: &[Resolved<'_, '_>]) -> TokenStream {
    let entries = variants.iter().flat_map(|v| {
        let error_type = &v.error_type;
        v.variant.details_fields().map(move |field| {
            let name = field.placeholder_name();
            let ty = field.ty;
            quote!((#error_type, #name, #ty))
        })
    });
    quote!(#(#entries),*)
}

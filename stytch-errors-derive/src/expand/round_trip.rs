//! Values back from the wire: `__from_details`, which rebuilds a variant from the body's
//! `error_details`.
//!
//! Under `#[api_error(round_trip)]`, each variant whose every field is a details field gets
//! an arm that reads its fields from the details by name (through the runtime's
//! `__private::Details`); a composed enum hands an index in a wrapped catalog to that
//! catalog's own `__from_details`, so that the wrapped catalog's choice holds inside the
//! composition. Any field that does not deserialize gives `None`: the parser then falls back
//! to the catalog entry.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{ToTokens as _, quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::expand::compose::Composition;
use crate::parse::ast::{Field, Input, Variant};

/// The own variants that come back with their values, with their catalog index: under
/// `round_trip`, those with fields, all details fields.
pub fn variants<'v, 'a>(
    input: &Input<'a>,
    own: impl Iterator<Item = &'v Variant<'a>>,
) -> Vec<(usize, &'v Variant<'a>)>
where
    'a: 'v,
{
    if input.attrs.round_trip.is_none() {
        return Vec::new();
    }
    own.enumerate()
        .filter(|(_, variant)| is_round_trip(variant))
        .collect()
}

/// Whether every field of `variant` (and it has some) is a details field.
pub fn is_round_trip(variant: &Variant<'_>) -> bool {
    !variant.fields.is_empty() && variant.fields.iter().all(is_details)
}

fn is_details(field: &Field<'_>) -> bool {
    field.details.is_some()
}

/// `T: DeserializeOwned` for each generic field type of the variants that come back.
pub fn bounds(
    krate: &syn::Path,
    round_trips: &[(usize, &Variant<'_>)],
    mentions: impl Fn(&syn::Type) -> bool,
) -> Vec<TokenStream> {
    let mut seen = HashSet::new();
    round_trips
        .iter()
        .flat_map(|(_, variant)| &variant.fields)
        .filter(|field| mentions(field.ty) && seen.insert(field.ty.to_token_stream().to_string()))
        .map(|field| {
            let ty = field.ty;
            quote!(#ty: #krate::__private::serde::de::DeserializeOwned)
        })
        .collect()
}

/// `fn __from_details`, or nothing when no variant comes back (the trait's default then
/// answers `None`).
pub fn from_details_fn(
    krate: &syn::Path,
    round_trips: &[(usize, &Variant<'_>)],
    composition: &Composition<'_, '_>,
    own_count: usize,
) -> Option<TokenStream> {
    let wrapped = composition.details_steps(krate, own_count);
    if round_trips.is_empty() && wrapped.is_empty() {
        return None;
    }
    let own = if round_trips.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        let arms = round_trips
            .iter()
            .map(|(index, variant)| arm(*index, variant));
        quote! {
            let details = #krate::__private::Details::parse(details)?;
            ::core::option::Option::Some(match index {
                #(#arms,)*
                _ => return ::core::option::Option::None,
            })
        }
    };
    Some(quote! {
        fn __from_details(
            index: usize,
            details: &#krate::__private::RawValue,
        ) -> ::core::option::Option<Self> {
            #(#wrapped)*
            #own
        }
    })
}

/// `3 => Self::InvalidFields { fields: details.field("fields")? }`, each read spanned at
/// its field's type, so that a type that does not implement `Deserialize` is reported there.
fn arm(index: usize, variant: &Variant<'_>) -> TokenStream {
    let fields = variant.fields.iter().map(|field| {
        let member = &field.member;
        let name = field.placeholder_name();
        let ty = field.ty;
        let read = quote_spanned!(ty.span()=> details.field::<#ty>(#name));
        quote!(#member: #read?)
    });
    let path = variant.path();
    quote!(#index => #path { #(#fields,)* })
}

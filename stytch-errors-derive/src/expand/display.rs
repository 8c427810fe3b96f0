//! The message's rendering: `Display`, and the bodies of `error_message` and
//! `__fmt_message`.

use std::collections::{BTreeSet, HashSet};

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Generics;
use syn::spanned::Spanned;

use crate::expand::compose::Composition;
use crate::expand::dispatch::dispatch;
use crate::expand::headers;
use crate::expand::resolved::Resolved;
use crate::generics::mentions;
use crate::parse::ast::Input;
use crate::parse::message::Piece;

/// `T: Display` for every generic field type a message or a header shows, `T: Serialize`
/// for every generic details field, `T: Error + 'static` for every generic source.
pub fn message_bounds(
    input: &Input<'_>,
    variants: &[Resolved<'_, '_>],
    params: &HashSet<Ident>,
) -> Vec<TokenStream> {
    let krate = input.krate();
    let mut seen = BTreeSet::new();
    let mut bounds = Vec::new();
    let mut bound = |ty: &syn::Type, bound: TokenStream| {
        if mentions(ty, params)
            && seen.insert((ty.to_token_stream().to_string(), bound.to_string()))
        {
            bounds.push(quote!(#ty: #bound));
        }
    };
    for variant in variants {
        let shown = variant
            .bindings()
            .into_iter()
            .chain(headers::bindings(input, variant.variant));
        for (member, _) in shown {
            if let Some(field) = variant.variant.fields.iter().find(|f| f.member == member) {
                bound(field.ty, quote!(::core::fmt::Display));
            }
        }
        for field in variant.variant.details_fields() {
            bound(field.ty, quote!(#krate::__private::serde::Serialize));
        }
        if let Some(field) = variant.variant.source_field() {
            bound(field.error_ty(), quote!(::std::error::Error + 'static));
        }
    }
    bounds
}

/// The bodies of `error_message` and `__fmt_message`. Messages that show fields are
/// rendered by `__fmt_message`, an arm each; a static message is the catalog's template,
/// unless it has `{{` or `}}`, and then an arm of its own writes its text.
pub fn message_bodies(
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    partial: bool,
) -> (TokenStream, TokenStream) {
    let dynamic: Vec<&Resolved<'_, '_>> = variants.iter().filter(|v| v.text.is_none()).collect();
    let braced: Vec<(&Resolved<'_, '_>, &str)> = variants
        .iter()
        .filter_map(|v| Some((v, v.text.as_deref()?)))
        .filter(|(v, text)| *text != v.template)
        .collect();
    let any_template = variants.len() > dynamic.len() + braced.len();

    let mut message_arms = Vec::new();
    if !dynamic.is_empty() {
        let patterns = dynamic.iter().map(|v| v.pattern(&[]));
        message_arms.push(quote! {
            #(#patterns)|* => ::std::borrow::Cow::Owned(
                #krate::__private::to_string(&#krate::__private::Message(self))
            )
        });
    }
    let mut fmt_arms: Vec<TokenStream> = dynamic.iter().map(|v| fmt_arm(krate, v)).collect();
    for (v, text) in braced {
        let pattern = v.pattern(&[]);
        message_arms.push(quote!(#pattern => ::std::borrow::Cow::Borrowed(#text)));
        fmt_arms.push(quote!(#pattern => f.write_str(#text)));
    }
    let template = quote!(<Self as #krate::ApiError>::info(self).message_template);
    let message = dispatch(
        &message_arms,
        any_template.then(|| quote!(::std::borrow::Cow::Borrowed(#template))),
        partial,
    );
    let fmt = dispatch(
        &fmt_arms,
        any_template.then(|| quote!(f.write_str(#template))),
        partial,
    );
    (message, fmt)
}

/// `__fmt_message`: the text pieces and the fields' `Display`, in order (each field whole, as
/// `write_field` writes it).
fn fmt_arm(krate: &syn::Path, v: &Resolved<'_, '_>) -> TokenStream {
    let bindings = v.bindings();
    let pattern = v.pattern(&bindings);
    let mut writes: Vec<TokenStream> = v
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => quote!(f.write_str(#text)),
            Piece::Field(placeholder) => {
                let binding = v.binding_of(&bindings, placeholder);
                quote!(#krate::__private::write_field(f, #binding))
            }
        })
        .collect();
    // Every write but the last returns early on error; the last is the result. (`?` would
    // cost the compiler a `Try` resolution per piece.)
    let Some(last) = writes.pop() else {
        return quote!(#pattern => ::core::result::Result::Ok(()));
    };
    quote! {
        #pattern => {
            #(
                if let ::core::result::Result::Err(error) = #writes {
                    return ::core::result::Result::Err(error);
                }
            )*
            #last
        }
    }
}

pub fn display_impl(
    input: &Input<'_>,
    krate: &syn::Path,
    composition: &Composition<'_, '_>,
    generics: &Generics,
) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // A transparent variant displays as its field does.
    let mut body = quote!(#krate::ApiError::__fmt_message(self, f));
    if !composition.wrapped.is_empty() {
        let arms = composition.wrapped_arms(
            |error, ty| quote_spanned!(ty.span()=> <#ty as ::core::fmt::Display>::fmt(#error, f)),
        );
        let rest = (composition.wrapped.len() < input.variants.len()).then(|| quote!(_ => #body));
        body = quote!(match self { #(#arms,)* #rest });
    }
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

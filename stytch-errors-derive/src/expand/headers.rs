//! The response headers of `header("name", "template")`: `__headers`, one arm per variant
//! that sends any.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::expand::dispatch::dispatch;
use crate::expand::resolved;
use crate::parse::ast::{Input, Variant};
use crate::parse::message::{Piece, Placeholder};
use crate::prop;

/// The fields the headers of `variant` show, in order of first use: (member, binding).
/// Their bindings are named apart from the message's, as the two never share a pattern.
pub fn bindings(input: &Input<'_>, variant: &Variant<'_>) -> Vec<(syn::Member, Ident)> {
    let headers = prop::headers(input, variant);
    let placeholders = headers
        .iter()
        .flat_map(|header| header.pieces.iter().flatten())
        .filter_map(Piece::placeholder);
    resolved::bindings(variant, placeholders, "header")
}

/// The body of `__headers`, or nothing (the trait's default: no header) when no variant sends one.
pub fn headers_fn<'m, 'a: 'm>(
    input: &Input<'a>,
    variants: impl Iterator<Item = &'m Variant<'a>>,
) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = variants.filter_map(|variant| arm(input, variant)).collect();
    (!arms.is_empty()).then(|| dispatch(&arms, Some(quote!({})), false))
}

fn arm(input: &Input<'_>, variant: &Variant<'_>) -> Option<TokenStream> {
    let headers = prop::headers(input, variant);
    if headers.is_empty() {
        return None;
    }
    let bindings = bindings(input, variant);
    let pushes = headers.iter().map(|header| {
        // `check::check` has passed: the name is a token, the template parses.
        let name = header.name.value().to_ascii_lowercase();
        let pieces = header.pieces.as_deref().unwrap_or_default();
        if let Some(text) = crate::parse::message::static_text(pieces) {
            quote!(out.push_static(#name, #text);)
        } else {
            templated(variant, &bindings, &name, pieces)
        }
    });
    let path = variant.path();
    let fields = bindings
        .iter()
        .map(|(member, binding)| quote!(#member: #binding));
    Some(quote! {
        #path { #(#fields,)* .. } => { #(#pushes)* }
    })
}

/// `out.push(name, format_args!(…))` of a template that shows fields.
fn templated(
    variant: &Variant<'_>,
    bindings: &[(syn::Member, Ident)],
    name: &str,
    pieces: &[Piece],
) -> TokenStream {
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                format.push_str(&text.replace('{', "{{").replace('}', "}}"));
            }
            Piece::Field(placeholder) => {
                shown(variant, bindings, placeholder, "", &mut format, &mut args);
            }
            Piece::Spec {
                placeholder: Some(placeholder),
                spec,
            } => shown(variant, bindings, placeholder, spec, &mut format, &mut args),
            // Refused by the checks: a header has no arguments.
            Piece::Spec {
                placeholder: None, ..
            } => {}
        }
    }
    quote!(out.push(#name, ::core::format_args!(#format, #(#args),*));)
}

/// `{}` or `{:spec}` in `format`, and the field's value in `args`.
fn shown(
    variant: &Variant<'_>,
    bindings: &[(syn::Member, Ident)],
    placeholder: &Placeholder,
    spec: &str,
    format: &mut String,
    args: &mut Vec<TokenStream>,
) {
    let Some(binding) = resolved::binding_of(variant, bindings, placeholder) else {
        return;
    };
    if spec.is_empty() {
        format.push_str("{}");
    } else {
        format.push_str("{:");
        format.push_str(spec);
        format.push('}');
    }
    args.push(resolved::shown_value(
        variant.field_of(placeholder),
        binding,
        spec,
    ));
}

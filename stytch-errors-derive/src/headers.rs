//! The response headers of `header("name", "template")`: `__headers`, one arm per variant
//! that sends any.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{Input, Variant};
use crate::display::dispatch;
use crate::header_rules;
use crate::message::{Piece, Placeholder};

/// The fields the headers of `variant` show, in order of first use: (member, binding).
/// Their bindings are named apart from the message's, as the two never share a pattern.
pub fn bindings(input: &Input<'_>, variant: &Variant<'_>) -> Vec<(syn::Member, Ident)> {
    let mut bound: Vec<(syn::Member, Ident)> = Vec::new();
    for header in header_rules::headers(input, variant) {
        for piece in header.pieces.iter().flatten() {
            let Piece::Field(placeholder) = piece else {
                continue;
            };
            let Some(field) = field_of(variant, placeholder) else {
                continue;
            };
            if !bound.iter().any(|(member, _)| *member == field.member) {
                let binding = format_ident!("header_{}", bound.len());
                bound.push((field.member.clone(), binding));
            }
        }
    }
    bound
}

fn field_of<'v, 'a>(
    variant: &'v Variant<'a>,
    placeholder: &Placeholder,
) -> Option<&'v crate::ast::Field<'a>> {
    let name = match placeholder {
        Placeholder::Named(name) => name.clone(),
        Placeholder::Index(index) => index.to_string(),
    };
    variant
        .fields
        .iter()
        .find(|field| field.placeholder_name() == name)
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
    let headers = header_rules::headers(input, variant);
    if headers.is_empty() {
        return None;
    }
    let bindings = bindings(input, variant);
    let pushes = headers.iter().map(|header| {
        // `valid::check` has passed: the name is a token, the template parses.
        let name = header.name.value().to_ascii_lowercase();
        let pieces = header.pieces.as_deref().unwrap_or_default();
        if let Some(text) = crate::message::static_text(pieces) {
            quote!(out.push_static(#name, #text);)
        } else {
            templated(variant, &bindings, &name, pieces)
        }
    });
    let ident = variant.ident;
    let fields = bindings
        .iter()
        .map(|(member, binding)| quote!(#member: #binding));
    Some(quote! {
        Self::#ident { #(#fields,)* .. } => { #(#pushes)* }
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
                format.push_str("{}");
                let binding = field_of(variant, placeholder).and_then(|field| {
                    bindings
                        .iter()
                        .find(|(member, _)| *member == field.member)
                        .map(|(_, binding)| binding)
                });
                args.push(binding);
            }
        }
    }
    quote!(out.push(#name, ::core::format_args!(#format, #(#args),*));)
}

//! The message's rendering: `Display`, and the bodies of `error_message` and
//! `__fmt_message`.

use std::collections::{BTreeSet, HashSet};

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Generics;
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::expand::compose::Composition;
use crate::expand::dispatch::dispatch;
use crate::expand::resolved::{Resolved, shown_value, spec_trait};
use crate::generics::mentions;
use crate::parse::ast::Input;
use crate::parse::message::{Piece, Placeholder};
use crate::parse::message_args;
use crate::prop;

/// `T: Display` (or the trait of its format spec, `{t:?}`: `Debug`) for every generic field
/// type a message or a header shows, `T: Serialize` for every generic details field, and
/// `T: Error + 'static` for every generic source.
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
        let v = variant.variant;
        let args = v.message_args();
        let named = |name: &str| {
            args.iter()
                .any(|arg| arg.name.as_ref().is_some_and(|n| n.unraw() == name))
        };
        let headers = prop::headers(input, v);
        let pieces = headers
            .iter()
            .flat_map(|header| header.pieces.iter().flatten())
            .chain(
                v.fmt_path()
                    .is_none()
                    .then_some(&variant.pieces)
                    .into_iter()
                    .flatten(),
            );
        for piece in pieces {
            let (placeholder, spec) = match piece {
                Piece::Field(placeholder) => (placeholder, ""),
                Piece::Spec {
                    placeholder: Some(placeholder),
                    spec,
                } => (placeholder, spec.as_str()),
                _ => continue,
            };
            if matches!(placeholder, Placeholder::Named(name) if named(name)) {
                continue;
            }
            if let Some(field) = v.field_of(placeholder) {
                let trait_ = format_ident!("{}", spec_trait(spec));
                bound(field.ty, quote!(::core::fmt::#trait_));
            }
        }
        for field in v.details_fields() {
            bound(field.ty, quote!(#krate::__private::serde::Serialize));
        }
        if let Some(field) = v.source_field() {
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
/// `write_field` writes it); a message with format specs or arguments through
/// `format_args!`, and one of `fmt = path` through its function.
fn fmt_arm(krate: &syn::Path, v: &Resolved<'_, '_>) -> TokenStream {
    let bindings = v.bindings();
    let pattern = v.pattern(&bindings);
    if let Some(path) = v.variant.fmt_path() {
        let fields = bindings.iter().map(|(_, binding)| binding);
        return quote! {
            #pattern => #krate::__private::write_field(
                f,
                &#krate::__private::WriteWith(|f: &mut ::core::fmt::Formatter<'_>| #path(#(#fields,)* f)),
            )
        };
    }
    if v.formatted {
        let format_args = formatted(v, &bindings);
        return quote!(#pattern => #krate::__private::write_field(f, &#format_args));
    }
    let mut writes: Vec<TokenStream> = v
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => quote!(f.write_str(#text)),
            Piece::Field(placeholder) => {
                let field = v.variant.field_of(placeholder);
                let value = v
                    .binding_of(&bindings, placeholder)
                    .map(|binding| shown_value(field, &binding, ""));
                quote!(#krate::__private::write_field(f, &#value))
            }
            // A spec makes the message `formatted`.
            Piece::Spec { .. } => quote!(::core::result::Result::Ok(())),
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

/// `format_args!` of a message with format specs or arguments: the template with each
/// field's placeholder renamed to a named argument of its own, then the arguments as
/// written (`.field` and `.0` replaced by the bindings), then the fields.
fn formatted(v: &Resolved<'_, '_>, bindings: &[(syn::Member, Ident)]) -> TokenStream {
    let args = v.variant.message_args();
    let named = |name: &str| {
        args.iter()
            .any(|arg| arg.name.as_ref().is_some_and(|n| n.unraw() == name))
    };
    let mut format = String::new();
    let mut fields: Vec<(Ident, TokenStream)> = Vec::new();
    for piece in &v.pieces {
        let (placeholder, spec) = match piece {
            Piece::Text(text) => {
                format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                continue;
            }
            Piece::Field(placeholder) => (Some(placeholder), ""),
            Piece::Spec { placeholder, spec } => (placeholder.as_ref(), spec.as_str()),
        };
        let name = match placeholder {
            None => String::new(),
            Some(Placeholder::Named(name)) if named(name) => name.clone(),
            Some(placeholder) => {
                let Some(binding) = v.binding_of(bindings, placeholder) else {
                    continue;
                };
                let value = shown_value(v.variant.field_of(placeholder), &binding, spec);
                let name = format_ident!("__{}_{}", binding, spec_trait(spec).to_lowercase());
                if !fields.iter().any(|(known, _)| *known == name) {
                    fields.push((name.clone(), value));
                }
                name.to_string()
            }
        };
        format.push('{');
        format.push_str(&name);
        if !spec.is_empty() {
            format.push(':');
            format.push_str(spec);
        }
        format.push('}');
    }
    let span = v
        .variant
        .message_lit()
        .map_or_else(proc_macro2::Span::call_site, syn::LitStr::span);
    let format = syn::LitStr::new(&format, span);
    let mut bind = |placeholder: &Placeholder, span: proc_macro2::Span| {
        let mut binding = v.binding_of(bindings, placeholder)?;
        binding.set_span(span);
        Some(binding)
    };
    let args = args.iter().map(|arg| {
        let tokens = message_args::rewrite(&arg.tokens, &mut bind);
        match &arg.name {
            Some(name) => quote!(#name = #tokens),
            None => tokens,
        }
    });
    let fields = fields.iter().map(|(name, value)| quote!(#name = #value));
    quote!(::core::format_args!(#format, #(#args,)* #(#fields,)*))
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

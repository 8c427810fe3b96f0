//! The static catalog: one `ErrorInfo` per variant, built from the resolved facts, then
//! the entries of each wrapped catalog.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::compose::Composition;
use crate::expand::resolved::Resolved;
use crate::parse::ast::Input;
use crate::prop;

/// The static catalog's entries: the enum's own, then each wrapped catalog's.
pub fn catalog_entries(
    input: &Input<'_>,
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    composition: &Composition<'_, '_>,
) -> Vec<TokenStream> {
    let mut entries: Vec<TokenStream> = variants
        .iter()
        .map(|v| catalog_entry(input, krate, v))
        .collect();
    entries.extend(composition.alias_entries(krate));
    entries
}

/// One `ErrorInfo` of the static catalog.
fn catalog_entry(input: &Input<'_>, krate: &syn::Path, v: &Resolved<'_, '_>) -> TokenStream {
    let name = v.variant.name();
    let error_type = &v.error_type;
    let status = v.status;
    let template = &v.template;
    let docs_url = &v.docs_url;
    let error_url = &v.error_url;
    let description = &v.variant.description;
    let texts = |texts: &[syn::LitStr]| {
        if texts.is_empty() {
            quote!(__API_ERROR_NONE)
        } else {
            let texts = texts.iter().map(syn::LitStr::value);
            quote!(&[#(#texts),*])
        }
    };
    let causes = texts(&v.variant.attrs.causes);
    let fixes = texts(&v.variant.attrs.fixes);
    let with_fields = (!v.variant.fields.is_empty()).then(|| quote!(.with_fields()));
    // `ErrorInfo::new` finds a template static when it holds no brace, and one with braces
    // not; the derive, which knows the message's pieces, gives the text of a template whose
    // only braces are `{{` and `}}`.
    let static_message = match &v.text {
        Some(text) if v.template.contains(['{', '}']) => {
            Some(quote!(.with_static_message(::core::option::Option::Some(#text))))
        }
        // A function writes the message: it is no template's text.
        _ if v.variant.fmt_path().is_some() => {
            Some(quote!(.with_static_message(::core::option::Option::None)))
        }
        _ => None,
    };
    let retryable = v.variant.attrs.retryable.as_ref().map(|retryable| {
        let retryable = retryable.value.value;
        quote!(.with_retryable(#retryable))
    });
    let details: Vec<String> = v
        .variant
        .details_fields()
        .map(crate::parse::ast::Field::placeholder_name)
        .collect();
    let with_details = (!details.is_empty()).then(|| quote!(.with_details(&[#(#details),*])));
    let details_types: Vec<String> = v
        .variant
        .details_fields()
        .map(|field| type_text(field.ty))
        .collect();
    let with_details_types =
        (!details_types.is_empty()).then(|| quote!(.with_details_types(&[#(#details_types),*])));
    let headers: Vec<String> = prop::headers(input, v.variant)
        .iter()
        .map(|header| header.name.value().to_ascii_lowercase())
        .collect();
    let with_headers = (!headers.is_empty()).then(|| quote!(.with_headers(&[#(#headers),*])));
    let deprecated = v.variant.deprecated.then(|| quote!(.with_deprecated()));
    let with_log_level = v.log.as_deref().map(|level| {
        let mut level = level.to_owned();
        level[..1].make_ascii_uppercase();
        let level = quote::format_ident!("{}", level);
        quote!(.with_log_level(#krate::LogLevel::#level))
    });
    let non_exhaustive = input.non_exhaustive.then(|| quote!(.with_non_exhaustive()));
    let with_covers = crate::expand::covers::with_covers(krate, v.variant);
    quote! {
        #krate::ErrorInfo::new(#name, #error_type, #status, #template, #docs_url, #error_url)
            .with_description(#description)
            .with_causes(#causes)
            .with_fixes(#fixes)
            #with_fields
            #static_message
            #retryable
            #with_details
            #with_details_types
            #with_headers
            #deprecated
            #with_log_level
            #non_exhaustive
            #with_covers
    }
}

/// A type as written, in the spacing people use (`Vec<Option<u32>>`, `&'static str`), not
/// the token stream's (`Vec < Option < u32 > >`): what the catalog records of a details
/// field's type.
fn type_text(ty: &syn::Type) -> String {
    let spaced = quote!(#ty).to_string();
    let mut text = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c != ' ' {
            text.push(c);
            continue;
        }
        // A space stays only between two words, and after a comma.
        let before = text.chars().last().unwrap_or(' ');
        let after = chars.peek().copied().unwrap_or(' ');
        let word = |c: char| c.is_alphanumeric() || c == '_' || c == '\'';
        if (word(before) && word(after)) || before == ',' {
            text.push(' ');
        }
    }
    text
}

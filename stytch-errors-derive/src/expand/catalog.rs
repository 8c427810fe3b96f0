//! The static catalog: one `ErrorInfo` per variant, built from the resolved facts, then
//! the entries of each wrapped catalog.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::compose::Composition;
use crate::expand::resolved::Resolved;
use crate::parse::ast::Input;

/// The static catalog's entries: the enum's own, then each wrapped catalog's.
pub fn catalog_entries(
    input: &Input<'_>,
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    composition: &Composition<'_, '_>,
) -> Vec<TokenStream> {
    let mut entries: Vec<TokenStream> = variants
        .iter()
        .map(|v| catalog_entry(krate, v, input.non_exhaustive))
        .collect();
    entries.extend(composition.alias_entries(krate));
    entries
}

/// One `ErrorInfo` of the static catalog.
fn catalog_entry(krate: &syn::Path, v: &Resolved<'_, '_>, non_exhaustive: bool) -> TokenStream {
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
    let with_log_level = v.log.as_deref().map(|level| {
        let mut level = level.to_owned();
        level[..1].make_ascii_uppercase();
        let level = quote::format_ident!("{}", level);
        quote!(.with_log_level(#krate::LogLevel::#level))
    });
    let non_exhaustive = non_exhaustive.then(|| quote!(.with_non_exhaustive()));
    quote! {
        #krate::ErrorInfo::new(#name, #error_type, #status, #template, #docs_url, #error_url)
            .with_description(#description)
            .with_causes(#causes)
            .with_fixes(#fixes)
            #with_fields
            #static_message
            #retryable
            #with_details
            #with_log_level
            #non_exhaustive
    }
}

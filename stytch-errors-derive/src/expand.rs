//! The expansion: from the checked model to the impls.
//!
//! [`derive`] is a plain function over `proc_macro2` tokens, so tests call it directly.

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::{DeriveInput, Generics};

use crate::ast::Input;
use crate::display::{display_impl, message_bodies, message_bounds};
use crate::errors::Errors;
use crate::generics::generics_with;
use crate::resolved::{Resolved, resolve};
use crate::source::error_impl;
use crate::{covers, fallback, from, lookup, valid};

/// Expands `#[derive(ApiError)]` on `input`: the impls, or, when the input breaks a rule, a
/// `compile_error!` per mistake beside stub impls that keep the compiler from adding more.
pub fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let mut errors = Errors::default();
    let model = Input::from_syn(&input, &mut errors);
    if let Some(model) = &model {
        valid::check(model, &mut errors);
    }
    match (errors.finish(), model) {
        (Ok(()), Some(model)) => impls(&model),
        (result, model) => {
            let mut tokens = fallback::impls(&input, model.as_ref());
            if let Err(error) = result {
                tokens.extend(error.into_compile_error());
            }
            tokens
        }
    }
}

fn impls(input: &Input<'_>) -> TokenStream {
    let krate = input.krate();
    let ident = &input.original.ident;
    let variants = resolve(input);
    let type_params: HashSet<Ident> = input
        .original
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();

    // `Display` bounds on the generic fields that messages show.
    let message_generics = generics_with(
        &input.original.generics,
        message_bounds(&variants, &type_params),
    );
    let api_error = api_error_impl(input, &krate, &variants, &message_generics);
    let framework_errors = covers::framework_errors_impl(input, &krate);
    let std_impls = if input.implements_display() {
        let display = display_impl(input, &krate, &message_generics);
        let error = error_impl(input, &krate, &type_params);
        let froms = from::impls(input);
        quote!(#display #error #froms)
    } else {
        TokenStream::new()
    };
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    quote! {
        // The variants are named here whether or not they are `#[deprecated]`.
        #[allow(deprecated)]
        const _: () = {
            #api_error
            #framework_errors
            #std_impls
            #krate::__private::impl_frameworks! {
                [#impl_generics] [#ident #ty_generics] [#predicates]
            }
        };
    }
}

// One `match` gives a variant's index (`__api_error_index`), static tables indexed by it
// give the catalog entry and the JSON body, and only the variants whose message shows fields
// (or unescapes braces) get `match` arms of their own: a thousand-variant enum costs the
// compiler one big `match` where it would cost five.
fn api_error_impl(
    input: &Input<'_>,
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    generics: &Generics,
) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let count = variants.len();
    let entries = variants.iter().map(|v| catalog_entry(krate, v));
    let json_rows = variants.iter().map(|v| {
        let [head, before, after] = v.json_pieces();
        quote!([#head, #before, #after])
    });
    let index_fn = index_fn(input, variants);
    let (message, fmt) = message_bodies(krate, variants);
    let json = if count == 0 {
        quote!(match *self {})
    } else {
        quote! {
            out.push_body(
                __API_ERROR_JSON[__api_error_index(self)],
                request_id,
                &#krate::__private::Message(self),
            );
        }
    };
    let error_types: Vec<&str> = variants.iter().map(|v| v.error_type.as_str()).collect();
    let index_of = lookup::index_of_body(krate, &error_types);
    let from_error_type = from_error_type_body(krate, variants);

    quote! {
        const __API_ERROR_NONE: &[&str] = &[];

        static __API_ERROR_CATALOG: [#krate::ErrorInfo; #count] = [#(#entries),*];

        /// The body's JSON around the request id and the message (see `JsonOut::push_body`).
        static __API_ERROR_JSON: [[&str; 3]; #count] = [#(#json_rows),*];

        #index_fn

        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            fn catalog() -> &'static [#krate::ErrorInfo] {
                &__API_ERROR_CATALOG
            }

            fn info(&self) -> &'static #krate::ErrorInfo {
                &__API_ERROR_CATALOG[__api_error_index(self)]
            }

            fn error_message(&self) -> ::std::borrow::Cow<'_, str> {
                #message
            }

            fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                #from_error_type
            }

            fn __index_of(error_type: &str) -> ::core::option::Option<usize> {
                #index_of
            }

            fn __write_json(&self, request_id: &str, out: &mut #krate::__private::JsonOut<'_>) {
                #json
            }

            fn __fmt_message(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #fmt
            }
        }
    }
}

/// One `ErrorInfo` of the static catalog.
fn catalog_entry(krate: &syn::Path, v: &Resolved<'_, '_>) -> TokenStream {
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
    let static_message = v
        .text
        .as_ref()
        .filter(|_| v.template.contains(['{', '}']))
        .map(|text| quote!(.with_static_message(::core::option::Option::Some(#text))));
    quote! {
        #krate::ErrorInfo::new(#name, #error_type, #status, #template, #docs_url, #error_url)
            .with_description(#description)
            .with_causes(#causes)
            .with_fixes(#fixes)
            #with_fields
            #static_message
    }
}

/// `fn __api_error_index(this: &Enum) -> usize`: the variant's index in the catalog.
fn index_fn(input: &Input<'_>, variants: &[Resolved<'_, '_>]) -> TokenStream {
    let ident = &input.original.ident;
    let (generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let arms = variants.iter().enumerate().map(|(index, v)| {
        let variant = v.variant.ident;
        quote!(#ident::#variant { .. } => #index)
    });
    let body = if variants.is_empty() {
        quote!(match *this {})
    } else {
        quote!(match this { #(#arms,)* })
    };
    // The enum's lifetimes are declared to name its type, once each: a crate that denies
    // `single_use_lifetimes` would see them otherwise.
    quote! {
        #[inline]
        #[allow(single_use_lifetimes)]
        fn __api_error_index #generics (this: &#ident #ty_generics) -> usize #where_clause {
            #body
        }
    }
}

/// The body of `from_error_type`: the catalog index, then the unit variant at it.
fn from_error_type_body(krate: &syn::Path, variants: &[Resolved<'_, '_>]) -> TokenStream {
    let unit_arms: Vec<TokenStream> = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| v.variant.fields.is_empty())
        .map(|(index, v)| {
            let variant = v.variant.ident;
            quote!(#index => Self::#variant)
        })
        .collect();
    if unit_arms.is_empty() {
        quote! {
            let _ = error_type;
            ::core::option::Option::None
        }
    } else {
        quote! {
            ::core::option::Option::Some(match <Self as #krate::ApiError>::__index_of(error_type)? {
                #(#unit_arms,)*
                _ => return ::core::option::Option::None,
            })
        }
    }
}

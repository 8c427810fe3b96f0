//! Expansion: from the checked model to the impls.
//!
//! Takes the model of [`parse`](crate::parse) once [`check`](crate::check) has passed it,
//! resolves each variant once ([`resolved`]), and gives the tokens: the `ApiError` impl with
//! its static catalog entries ([`catalog`]), lookup table ([`lookup`]) and pre-rendered JSON,
//! the message ([`display`]), `Error` ([`source`], [`source_chain`]), `From` ([`from`]),
//! headers ([`headers`]), details ([`details`]), composition ([`compose`], [`round_trip`]),
//! the framework errors of `covers` ([`covers`]), the enum of kinds ([`kind`]), with the
//! bounds of [`generics`](crate::generics). On any error, [`fallback`] writes the stubs
//! instead.
//!
//! [`derive`] runs the whole pipeline: a plain function over `proc_macro2` tokens, so tests
//! call it directly.

pub mod catalog;
pub mod compose;
pub mod covers;
pub mod details;
pub mod dispatch;
pub mod display;
pub mod fallback;
pub mod from;
pub mod headers;
pub mod kind;
pub mod lookup;
pub mod resolved;
pub mod round_trip;
pub mod source;
pub mod source_chain;

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::{DeriveInput, Generics};

use crate::check;
use crate::errors::Errors;
use crate::generics::{generics_with, mentions};
use crate::parse::ast::Input;
use crate::parse::attr::Attrs;
use crate::parse::keys::Level;

use catalog::catalog_entries;
use compose::Composition;
use display::{display_impl, message_bodies, message_bounds};
use resolved::{Resolved, resolve};
use source::error_impl;

/// Expands `#[derive(ApiError)]` on `input`: the impls, or, when the input breaks a rule, a
/// `compile_error!` per mistake beside stub impls that keep the compiler from adding more.
pub fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let mut errors = Errors::default();
    let attrs = if matches!(input.data, syn::Data::Struct(_)) {
        Attrs::of_struct_type(&input.attrs)
    } else {
        Attrs::parse(&input.attrs, Level::Enum, &mut errors)
    };
    let model = Input::from_syn(&input, &attrs, &mut errors);
    if let Some(model) = &model {
        check::check(model, &mut errors);
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

    // `Display` bounds on the generic fields that messages show, and `DeserializeOwned` on
    // those that come back from a body.
    let round_trips = round_trip::variants(input, variants.iter().map(|v| v.variant));
    let mut bounds = message_bounds(input, &variants, &type_params);
    bounds.extend(round_trip::bounds(&krate, &round_trips, |ty| {
        mentions(ty, &type_params)
    }));
    let message_generics = generics_with(&input.original.generics, bounds);
    let composition = Composition::of(input);
    let from_details =
        round_trip::from_details_fn(&krate, &round_trips, &composition, variants.len());
    let api_error = api_error_impl(
        input,
        &krate,
        &variants,
        &composition,
        &message_generics,
        from_details.as_ref(),
    );
    let framework_errors = covers::framework_errors_impl(input, &krate);
    let kind_enum = kind::kind_enum(input);
    let kind_impl = kind::kind_impl(input, &krate, &message_generics);
    let std_impls = if input.implements_display() {
        let display = display_impl(input, &krate, &composition, &message_generics);
        let error = error_impl(input, &krate, &type_params);
        let froms = from::impls(input);
        quote!(#display #error #froms)
    } else {
        TokenStream::new()
    };
    let subset_from = composition.subset_from(ident);
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    let details = details::hook_list(&variants);
    quote! {
        #kind_enum

        // The variants are named here whether or not they are `#[deprecated]`.
        #[allow(deprecated)]
        const _: () = {
            #api_error
            #kind_impl
            #framework_errors
            #std_impls
            #subset_from
            #krate::__private::impl_frameworks! {
                [#impl_generics] [#ident #ty_generics] [#predicates] [#details]
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
    composition: &Composition<'_, '_>,
    generics: &Generics,
    from_details: Option<&TokenStream>,
) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let count = variants.len();
    let partial = !composition.is_empty();
    let entries = catalog_entries(input, krate, variants, composition);
    let json_rows = variants.iter().map(|v| {
        let [head, before, after] = v.json_pieces();
        quote!([#head, #before, #after])
    });
    let index_fn = (count > 0 || !partial).then(|| index_fn(input, variants, partial));
    let (message, fmt) = message_bodies(krate, variants, partial);
    let any_details = variants
        .iter()
        .any(|v| v.variant.details_fields().next().is_some());
    // The details are written only for the variants that have some: a catalog entry with
    // no details costs the others one load and a compare.
    let push_details = any_details.then(|| {
        quote! {
            if !__API_ERROR_CATALOG[index].details.is_empty() {
                out.push_details(&|details| #krate::ApiError::__write_details(self, details));
            }
        }
    });
    let json = if count == 0 {
        quote!(match *self {})
    } else {
        quote! {
            let index = __api_error_index(self);
            out.push_body(
                __API_ERROR_JSON[index],
                request_id,
                &#krate::__private::Message(self),
            );
            #push_details
        }
    };
    let info = quote!(&__API_ERROR_CATALOG[__api_error_index(self)]);
    let error_types: Vec<&str> = variants.iter().map(|v| v.error_type.as_str()).collect();
    let index_of = lookup::index_of_body(krate, &error_types);
    let from_error_type = from_error_type_body(krate, variants, composition, partial);
    let json_static = (count > 0 || !partial).then(|| {
        quote! {
            /// The body's JSON around the request id and the message (see `JsonOut::push_body`).
            static __API_ERROR_JSON: [[&str; 3]; #count] = [#(#json_rows),*];
        }
    });
    let (catalog, index_of) = composition.catalog_and_index_of(krate, ident, &entries, index_of);
    // A variant that is another catalog's error delegates every method to it.
    let delegate = |call: &dyn Fn(TokenStream, TokenStream) -> TokenStream, own: TokenStream| {
        let arms = composition.arms(krate, call);
        if arms.is_empty() {
            own
        } else if count == 0 {
            quote!(match self { #(#arms,)* })
        } else {
            quote!(match self { #(#arms,)* _ => { #own } })
        }
    };
    let info = delegate(&|e, api| quote!(#api::info(#e)), info);
    let message = delegate(&|e, api| quote!(#api::error_message(#e)), message);
    let json = delegate(
        &|e, api| quote!(#api::__write_json(#e, request_id, out)),
        json,
    );
    let fmt = delegate(&|e, api| quote!(#api::__fmt_message(#e, f)), fmt);
    let hidden = hidden_methods(input, krate, variants, partial, &delegate);

    quote! {
        const __API_ERROR_NONE: &[&str] = &[];

        #catalog

        #json_static

        #index_fn

        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            fn catalog() -> &'static [#krate::ErrorInfo] {
                &__API_ERROR_CATALOG
            }

            fn info(&self) -> &'static #krate::ErrorInfo {
                #info
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

            #from_details
            #hidden
        }

        #[automatically_derived]
        impl #impl_generics #krate::StaticCatalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#krate::ErrorInfo] = &__API_ERROR_CATALOG;
        }
    }
}

/// What the trait's hidden methods of details, headers and the source need: written when a
/// variant has them, or when a variant is another catalog's error, which may have its own
/// (`delegate` hands those to it).
#[allow(
    clippy::type_complexity,
    reason = "`delegate` is `api_error_impl`'s closure, which takes the call to hand over"
)]
fn hidden_methods(
    input: &Input<'_>,
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    partial: bool,
    delegate: &dyn Fn(&dyn Fn(TokenStream, TokenStream) -> TokenStream, TokenStream) -> TokenStream,
) -> TokenStream {
    let hidden = |own: Option<TokenStream>,
                  none: TokenStream,
                  call: &dyn Fn(TokenStream, TokenStream) -> TokenStream| {
        if own.is_none() && !partial {
            return None;
        }
        Some(delegate(call, own.unwrap_or(none)))
    };
    let write_details = hidden(
        details::details_fn(variants),
        quote!({}),
        &|e, api| quote!(#api::__write_details(#e, out)),
    )
    .map(|body| {
        quote! {
            fn __write_details(&self, out: &mut #krate::__private::DetailsOut<'_>) {
                #body
            }
        }
    });
    let write_headers = hidden(
        headers::headers_fn(input, variants.iter().map(|v| v.variant)),
        quote!({}),
        &|e, api| quote!(#api::__headers(#e, out)),
    )
    .map(|body| {
        quote! {
            fn __headers(&self, out: &mut #krate::__private::HeadersOut<'_>) {
                #body
            }
        }
    });
    let source = hidden(
        source_chain::source_fn(input),
        quote!(::core::option::Option::None),
        &|e, api| quote!(#api::__source(#e)),
    )
    .map(|body| {
        quote! {
            fn __source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                #body
            }
        }
    });
    quote!(#write_details #write_headers #source)
}

/// `fn __api_error_index(this: &Enum) -> usize`: the variant's index in the catalog.
fn index_fn(input: &Input<'_>, variants: &[Resolved<'_, '_>], partial: bool) -> TokenStream {
    let ident = &input.original.ident;
    let (generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let arms = variants.iter().enumerate().map(|(index, v)| {
        let variant = v.variant.ident;
        if v.variant.is_struct {
            quote!(#ident { .. } => #index)
        } else {
            quote!(#ident::#variant { .. } => #index)
        }
    });
    // In a composed enum, the variants that are another catalog's error never get here:
    // every method matches them first.
    let rest = partial.then(|| quote!(_ => ::core::unreachable!(),));
    let body = if variants.is_empty() && !partial {
        quote!(match *this {})
    } else {
        quote!(match this { #(#arms,)* #rest })
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
fn from_error_type_body(
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    composition: &Composition<'_, '_>,
    partial: bool,
) -> TokenStream {
    let unit_arms: Vec<TokenStream> = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| v.variant.fields.is_empty())
        .map(|(index, v)| {
            let path = v.variant.path();
            quote!(#index => #path {})
        })
        .collect();
    if partial {
        return composition.lookup_body(krate, &unit_arms);
    }
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

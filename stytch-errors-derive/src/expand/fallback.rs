//! Stub impls for an input with mistakes: with them, the compiler reports only the
//! `compile_error!`s of the derive, not every use of the enum as an `ApiError`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::expand::{from, kind};
use crate::parse::ast::Input;

pub fn impls(input: &DeriveInput, model: Option<&Input<'_>>) -> TokenStream {
    let krate = model.map_or_else(|| syn::parse_quote!(::stytch_errors), Input::krate);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    // Only for an enum: `Error` needs `Debug`, which a misplaced derive on a union may lack.
    let std_impls = if model.is_some_and(Input::implements_display) {
        let froms = model.map(from::impls);
        // `Error` needs `Debug`, which a generic enum's derived `Debug` gives only with
        // bounds of its own: asked of `Self`, so that a stub adds no error of its own.
        let error_generics = if input.generics.params.is_empty() {
            input.generics.clone()
        } else {
            crate::generics::generics_with(&input.generics, vec![quote!(Self: ::core::fmt::Debug)])
        };
        let (error_impl_generics, _, error_where) = error_generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #error_impl_generics ::std::error::Error for #ident #ty_generics #error_where {}

            #froms
        }
    } else {
        TokenStream::new()
    };
    // The framework traits too, so that handlers returning the enum add no error; only for
    // an enum, as the real expansion does (a struct or a union may lack what they need).
    let frameworks = if model.is_some() {
        quote! {
            #krate::__private::impl_frameworks! {
                [#impl_generics] [#ident #ty_generics] [#predicates]
            }
        }
    } else {
        TokenStream::new()
    };
    let kind = model.and_then(|model| kind::fallback(model, &krate));
    quote! {
        #kind

        #[allow(deprecated)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
                fn catalog() -> &'static [#krate::ErrorInfo] {
                    ::core::unreachable!()
                }

                fn info(&self) -> &'static #krate::ErrorInfo {
                    ::core::unreachable!()
                }

                fn error_message(&self) -> ::std::borrow::Cow<'_, str> {
                    ::core::unreachable!()
                }

                fn from_error_type(_: &str) -> ::core::option::Option<Self> {
                    ::core::unreachable!()
                }

                fn __index_of(_: &str) -> ::core::option::Option<usize> {
                    ::core::unreachable!()
                }

                fn __write_json(&self, _: &str, _: &mut #krate::__private::JsonOut<'_>) {
                    ::core::unreachable!()
                }

                fn __fmt_message(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics #krate::StaticCatalog for #ident #ty_generics #where_clause {
                const CATALOG: &'static [#krate::ErrorInfo] = &[];
            }

            impl #impl_generics #krate::FrameworkErrors for #ident #ty_generics #where_clause {
                fn for_status(_: u16) -> Self {
                    ::core::unreachable!()
                }
            }

            #std_impls
            #frameworks
        };
    }
}

//! Catalogs made of other catalogs: transparent variants, which are their field's error,
//! and the unit variants of a subset, which are its catalog's errors of the same name.
//!
//! A composed enum's catalog is its own entries followed by each wrapped catalog's, in
//! declaration order, concatenated at compile time into a `static` (the runtime's
//! `__private::compose`), where const evaluation also checks that no `error_type` comes
//! twice. Every method of a variant that is another catalog's error delegates to it.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Member, Type};

use crate::parse::ast::{Input, Variant};

/// A transparent variant: its one field and the type of the catalog it wraps.
pub struct Wrapped<'m, 'a> {
    pub variant: &'m Variant<'a>,
    pub member: &'m Member,
    pub ty: &'a Type,
}

/// The variants of an enum that are another catalog's errors.
pub struct Composition<'m, 'a> {
    pub wrapped: Vec<Wrapped<'m, 'a>>,
    /// `subset_of`'s catalog, and the subset's unit variants named after its own.
    pub subset: Option<(&'m syn::Path, Vec<&'m Variant<'a>>)>,
}

impl<'m, 'a> Composition<'m, 'a> {
    pub fn of(input: &'m Input<'a>) -> Self {
        let wrapped = input
            .variants
            .iter()
            .filter(|variant| variant.attrs.transparent.is_some())
            .filter_map(|variant| {
                let field = variant.fields.first()?;
                Some(Wrapped {
                    variant,
                    member: &field.member,
                    ty: field.ty,
                })
            })
            .collect();
        let subset = input.attrs.subset_of.as_ref().map(|path| {
            let aliases = input
                .variants
                .iter()
                .filter(|variant| variant.attrs.transparent.is_none())
                .collect();
            (&path.value, aliases)
        });
        Composition { wrapped, subset }
    }

    /// Whether the enum is a catalog of its own entries only.
    pub fn is_empty(&self) -> bool {
        self.wrapped.is_empty() && self.subset.is_none()
    }

    fn aliases(&self) -> &[&'m Variant<'a>] {
        self.subset.as_ref().map_or(&[], |(_, aliases)| aliases)
    }

    /// One `match` arm per variant that is another catalog's error, each `call(error,
    /// api_error)` with `error` a reference to that error and `api_error` its type as an
    /// `ApiError` (`<Type as ApiError>`, spanned at the type, so that a type that is not a
    /// catalog is reported there, once).
    pub fn arms(
        &self,
        krate: &syn::Path,
        call: impl Fn(TokenStream, TokenStream) -> TokenStream,
    ) -> Vec<TokenStream> {
        let mut arms = self.wrapped_arms(|error, ty| {
            call(error, quote_spanned!(ty.span()=> <#ty as #krate::ApiError>))
        });
        if let Some((path, aliases)) = &self.subset {
            arms.extend(aliases.iter().map(|variant| {
                let ident = variant.ident;
                let value = alias_value(path, ident);
                let body = call(quote!(&#value), quote!(<#path as #krate::ApiError>));
                quote!(Self::#ident => #body)
            }));
        }
        arms
    }

    /// The arms of [`arms`](Self::arms) for the transparent variants only: `call(error, ty)`.
    pub fn wrapped_arms(
        &self,
        call: impl Fn(TokenStream, &Type) -> TokenStream,
    ) -> Vec<TokenStream> {
        self.wrapped
            .iter()
            .map(|w| {
                let (ident, member) = (w.variant.ident, w.member);
                let inner = Ident::new("__api_error_inner", Span::mixed_site());
                let body = call(quote!(#inner), w.ty);
                quote!(Self::#ident { #member: #inner } => #body)
            })
            .collect()
    }

    /// The entries of the catalog that are the enum's own, for a subset: its catalog's
    /// entries of the same names.
    pub fn alias_entries(&self, krate: &syn::Path) -> Vec<TokenStream> {
        let Some((path, aliases)) = &self.subset else {
            return Vec::new();
        };
        aliases
            .iter()
            .map(|variant| {
                let name = variant.ident.to_string();
                quote! {
                    #krate::__private::entry_named(
                        <#path as #krate::StaticCatalog>::CATALOG,
                        #name,
                    )
                }
            })
            .collect()
    }

    /// The wrapped catalogs, as constants: `[<A as StaticCatalog>::CATALOG, …]`.
    fn wrapped_catalogs(&self, krate: &syn::Path) -> TokenStream {
        let catalogs = self.wrapped.iter().map(|w| {
            let ty = w.ty;
            quote_spanned!(ty.span()=> <#ty as #krate::StaticCatalog>::CATALOG)
        });
        quote!([#(#catalogs),*])
    }

    /// The catalog's statics and the body of `__index_of`, from the enum's own `entries` and
    /// the lookup over them (`index_of`): a composed enum's catalog adds the wrapped ones.
    pub fn catalog_and_index_of(
        &self,
        krate: &syn::Path,
        ident: &Ident,
        entries: &[TokenStream],
        index_of: TokenStream,
    ) -> (TokenStream, TokenStream) {
        if self.is_empty() {
            let count = entries.len();
            let catalog = quote! {
                static __API_ERROR_CATALOG: [#krate::ErrorInfo; #count] = [#(#entries),*];
            };
            return (catalog, index_of);
        }
        let own_index = self.subset_index_fn(krate).or_else(|| {
            (!entries.is_empty()).then(|| {
                quote! {
                    fn __api_error_own_index(error_type: &str) -> ::core::option::Option<usize> {
                        #index_of
                    }
                }
            })
        });
        let catalog = self.catalog(krate, ident, entries);
        (
            quote!(#catalog #own_index),
            self.index_of(krate, entries.len()),
        )
    }

    /// The catalog statics of a composed enum, from its `own` entries: `__API_ERROR_CATALOG`,
    /// checked at compile time for an `error_type` that comes twice.
    pub fn catalog(&self, krate: &syn::Path, name: &Ident, own: &[TokenStream]) -> TokenStream {
        let count = own.len();
        let wrapped = self.wrapped_catalogs(krate);
        let name = name.to_string();
        quote! {
            const __API_ERROR_OWN: [#krate::ErrorInfo; #count] = [#(#own),*];
            const __API_ERROR_LEN: usize = #krate::__private::composed_len(#count, &#wrapped);
            const __API_ERROR_COMPOSED: [#krate::ErrorInfo; __API_ERROR_LEN] =
                #krate::__private::compose(&__API_ERROR_OWN, &#wrapped);
            const _: () = #krate::__private::assert_unique(&__API_ERROR_COMPOSED, #count, #name);
            static __API_ERROR_CATALOG: [#krate::ErrorInfo; __API_ERROR_LEN] = __API_ERROR_COMPOSED;
        }
    }

    /// The body of `__index_of`: the enum's own index (`own_index`), or the index in the
    /// first wrapped catalog that has the type, past the entries before it.
    pub fn index_of(&self, krate: &syn::Path, own_count: usize) -> TokenStream {
        let mut before = quote!(#own_count);
        let mut steps = Vec::new();
        for w in &self.wrapped {
            let ty = w.ty;
            let api_error = quote_spanned!(ty.span()=> <#ty as #krate::ApiError>);
            let catalog = quote_spanned!(ty.span()=> <#ty as #krate::StaticCatalog>::CATALOG);
            steps.push(quote! {
                if let ::core::option::Option::Some(index) = #api_error::__index_of(error_type) {
                    return ::core::option::Option::Some(#before + index);
                }
            });
            before = quote!(#before + #catalog.len());
        }
        let own = (own_count > 0).then(|| {
            quote! {
                if let ::core::option::Option::Some(index) = __api_error_own_index(error_type) {
                    return ::core::option::Option::Some(index);
                }
            }
        });
        quote! {
            #own
            #(#steps)*
            ::core::option::Option::None
        }
    }

    /// The steps of `__from_details` for the wrapped catalogs: an index past the enum's
    /// `own_count` entries that falls in a wrapped catalog goes to that catalog's own
    /// `__from_details`, and what it rebuilds is wrapped.
    pub fn details_steps(&self, krate: &syn::Path, own_count: usize) -> Vec<TokenStream> {
        let mut before = quote!(#own_count);
        let mut steps = Vec::new();
        for w in &self.wrapped {
            let (ident, member, ty) = (w.variant.ident, w.member, w.ty);
            let api_error = quote_spanned!(ty.span()=> <#ty as #krate::ApiError>);
            let catalog = quote_spanned!(ty.span()=> <#ty as #krate::StaticCatalog>::CATALOG);
            steps.push(quote! {
                if let ::core::option::Option::Some(inner) = index
                    .checked_sub(#before)
                    .filter(|inner| *inner < #catalog.len())
                {
                    return #api_error::__from_details(inner, details)
                        .map(|error| Self::#ident { #member: error });
                }
            });
            before = quote!(#before + #catalog.len());
        }
        steps
    }

    /// The body of `from_error_type`: the enum's own unit variant (`unit_arms`, by own
    /// index), or the first wrapped catalog's unit error, wrapped.
    pub fn lookup_body(&self, krate: &syn::Path, unit_arms: &[TokenStream]) -> TokenStream {
        let mut unit_arms = unit_arms.to_vec();
        unit_arms.extend(self.aliases().iter().enumerate().map(|(index, variant)| {
            let ident = variant.ident;
            quote!(#index => Self::#ident)
        }));
        let wrapped = self.wrapped.iter().map(|w| {
            let (ident, member, ty) = (w.variant.ident, w.member, w.ty);
            let api_error = quote_spanned!(ty.span()=> <#ty as #krate::ApiError>);
            quote! {
                if let ::core::option::Option::Some(error) = #api_error::from_error_type(error_type) {
                    return ::core::option::Option::Some(Self::#ident { #member: error });
                }
            }
        });
        // Without a unit variant of its own, the enum's own entries are never the answer.
        let own = (!unit_arms.is_empty()).then(|| {
            quote! {
                if let ::core::option::Option::Some(index) = __api_error_own_index(error_type) {
                    return ::core::option::Option::Some(match index {
                        #(#unit_arms,)*
                        _ => return ::core::option::Option::None,
                    });
                }
            }
        });
        quote! {
            #own
            #(#wrapped)*
            ::core::option::Option::None
        }
    }

    /// `fn __api_error_own_index`: for a subset, through its catalog's lookup.
    pub fn subset_index_fn(&self, krate: &syn::Path) -> Option<TokenStream> {
        let (path, aliases) = self.subset.as_ref().filter(|(_, a)| !a.is_empty())?;
        let arms = aliases.iter().enumerate().map(|(index, variant)| {
            let ident = variant.ident;
            let value = alias_value(path, ident);
            quote!(::core::option::Option::Some(#value) => ::core::option::Option::Some(#index))
        });
        Some(quote! {
            fn __api_error_own_index(error_type: &str) -> ::core::option::Option<usize> {
                match <#path as #krate::ApiError>::from_error_type(error_type) {
                    #(#arms,)*
                    _ => ::core::option::Option::None,
                }
            }
        })
    }

    /// `From<Subset> for Catalog`: each unit variant is the catalog's of the same name, and
    /// a transparent variant's error converts with the catalog's own `From`.
    pub fn subset_from(&self, ident: &Ident) -> Option<TokenStream> {
        let (path, aliases) = self.subset.as_ref()?;
        let aliases = aliases.iter().map(|variant| {
            let name = variant.ident;
            let value = alias_value(path, name);
            quote!(#ident::#name => #value)
        });
        let wrapped = self.wrapped.iter().map(|w| {
            let (name, member, ty) = (w.variant.ident, w.member, w.ty);
            let convert = quote_spanned!(ty.span()=> <#path as ::core::convert::From<#ty>>::from);
            quote!(#ident::#name { #member: error } => #convert(error))
        });
        Some(quote! {
            #[automatically_derived]
            impl ::core::convert::From<#ident> for #path {
                fn from(error: #ident) -> Self {
                    match error {
                        #(#aliases,)*
                        #(#wrapped,)*
                    }
                }
            }
        })
    }
}

/// `Catalog::Name`, spanned at the subset's `Name`: a name the catalog lacks is reported
/// there.
fn alias_value(path: &syn::Path, name: &Ident) -> TokenStream {
    let path: TokenStream = quote!(#path)
        .into_iter()
        .map(|mut token| {
            token.set_span(name.span());
            token
        })
        .collect();
    quote!(#path::#name)
}

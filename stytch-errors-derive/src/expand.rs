//! The expansion: from the checked model to the impls.
//!
//! [`derive`] is a plain function over `proc_macro2` tokens, so tests call it directly.

use std::collections::{BTreeSet, HashSet};

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};
use syn::{DeriveInput, Generics, Type};

use crate::ast::{Input, Variant};
use crate::errors::Errors;
use crate::message::{self, Piece, Placeholder};
use crate::{fallback, json, valid};

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

/// What the expansion needs of one variant, resolved from the model.
struct Resolved<'m, 'a> {
    variant: &'m Variant<'a>,
    status: u16,
    error_type: String,
    docs_url: String,
    error_url: String,
    pieces: Vec<Piece>,
}

impl Resolved<'_, '_> {
    /// The field bindings a message needs, in order of first use: (member, binding).
    fn bindings(&self) -> Vec<(syn::Member, Ident)> {
        let mut bound: Vec<(syn::Member, Ident)> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Field(placeholder) = piece {
                let name = placeholder_name(placeholder);
                let Some(field) = self
                    .variant
                    .fields
                    .iter()
                    .find(|f| f.placeholder_name() == name)
                else {
                    continue;
                };
                if !bound.iter().any(|(member, _)| *member == field.member) {
                    let binding = format_ident!("field_{}", bound.len());
                    bound.push((field.member.clone(), binding));
                }
            }
        }
        bound
    }

    fn binding_of(
        &self,
        bindings: &[(syn::Member, Ident)],
        placeholder: &Placeholder,
    ) -> Option<Ident> {
        let name = placeholder_name(placeholder);
        let field = self
            .variant
            .fields
            .iter()
            .find(|f| f.placeholder_name() == name)?;
        bindings
            .iter()
            .find(|(member, _)| *member == field.member)
            .map(|(_, binding)| binding.clone())
    }

    /// `Self::Variant { a: field_0, .. }`, binding the message's fields.
    fn pattern(&self, bindings: &[(syn::Member, Ident)]) -> TokenStream {
        let ident = self.variant.ident;
        let fields = bindings
            .iter()
            .map(|(member, binding)| quote!(#member: #binding));
        quote!(Self::#ident { #(#fields,)* .. })
    }
}

fn placeholder_name(placeholder: &Placeholder) -> String {
    match placeholder {
        Placeholder::Named(name) => name.clone(),
        Placeholder::Index(index) => index.to_string(),
    }
}

fn resolve<'m, 'a>(input: &'m Input<'a>) -> Vec<Resolved<'m, 'a>> {
    input
        .variants
        .iter()
        .map(|variant| {
            // `valid::check` has passed: every value is there and well-formed.
            let status = valid::status(input, variant).unwrap_or(500);
            let (error_type, _) = valid::error_type(variant);
            let docs_url = valid::docs_url(input, variant)
                .map(syn::LitStr::value)
                .unwrap_or_default();
            let error_url = format!("{docs_url}/{status}#{error_type}");
            let pieces = match &variant.message {
                Some(Ok(pieces)) => pieces.clone(),
                _ => Vec::new(),
            };
            Resolved {
                variant,
                status,
                error_type,
                docs_url,
                error_url,
                pieces,
            }
        })
        .collect()
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
    let std_impls = if input.implements_display() {
        let display = display_impl(input, &krate, &message_generics);
        let error = error_impl(input, &krate, &type_params);
        let froms = from_impls(input);
        quote!(#display #error #froms)
    } else {
        TokenStream::new()
    };
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    quote! {
        const _: () = {
            #api_error
            #std_impls
            #krate::__private::impl_frameworks! {
                [#impl_generics] [#ident #ty_generics] [#predicates]
            }
        };
    }
}

/// The enum's generics with `extra` predicates added to the where clause.
fn generics_with(generics: &Generics, extra: Vec<TokenStream>) -> Generics {
    let mut generics = generics.clone();
    if !extra.is_empty() {
        let where_clause = generics.make_where_clause();
        for predicate in extra {
            if let Ok(predicate) = syn::parse2(predicate) {
                where_clause.predicates.push(predicate);
            }
        }
    }
    generics
}

/// Whether `ty` names one of the enum's type parameters, so that a bound on it is needed.
fn mentions(ty: &Type, params: &HashSet<Ident>) -> bool {
    fn walk(tokens: TokenStream, params: &HashSet<Ident>) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => params.contains(&ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && walk(ty.to_token_stream(), params)
}

/// `T: Display` for every generic field type a message shows.
fn message_bounds(variants: &[Resolved<'_, '_>], params: &HashSet<Ident>) -> Vec<TokenStream> {
    let mut seen = BTreeSet::new();
    let mut bounds = Vec::new();
    for variant in variants {
        for (member, _) in variant.bindings() {
            let Some(field) = variant.variant.fields.iter().find(|f| f.member == member) else {
                continue;
            };
            let ty = field.ty;
            if mentions(ty, params) && seen.insert(ty.to_token_stream().to_string()) {
                bounds.push(quote!(#ty: ::core::fmt::Display));
            }
        }
    }
    bounds
}

fn api_error_impl(
    input: &Input<'_>,
    krate: &syn::Path,
    variants: &[Resolved<'_, '_>],
    generics: &Generics,
) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let count = variants.len();

    let entries = variants.iter().map(|v| {
        let name = v.variant.ident.to_string();
        let error_type = &v.error_type;
        let status = v.status;
        let template = v
            .variant
            .message_lit()
            .map(syn::LitStr::value)
            .unwrap_or_default();
        let docs_url = &v.docs_url;
        let error_url = &v.error_url;
        let description = &v.variant.description;
        let causes = v.variant.attrs.causes.iter().map(syn::LitStr::value);
        let fixes = v.variant.attrs.fixes.iter().map(syn::LitStr::value);
        let is_unit = v.variant.fields.is_empty();
        quote! {
            #krate::ErrorInfo::__new(
                #name, #error_type, #status, #template, #docs_url, #error_url, #description,
                &[#(#causes),*], &[#(#fixes),*], #is_unit,
            )
        }
    });

    let indices = (0..count).map(syn::Index::from);
    let info_arms = variants.iter().zip(indices).map(|(v, index)| {
        let pattern = v.pattern(&[]);
        quote!(#pattern => &__API_ERROR_CATALOG[#index])
    });

    let message_arms = variants.iter().map(|v| message_arm(krate, v));
    let fmt_arms = variants.iter().map(fmt_arm);
    let json_arms = variants.iter().map(json_arm);

    let lookup_arms = variants.iter().enumerate().map(|(index, v)| {
        let error_type = &v.error_type;
        quote!(#error_type => ::core::option::Option::Some(#index))
    });

    let unit_arms = variants.iter().enumerate().filter(|(_, v)| v.variant.fields.is_empty()).map(
        |(index, v)| {
            let variant = v.variant.ident;
            quote!(::core::option::Option::Some(#index) => ::core::option::Option::Some(Self::#variant))
        },
    );

    let on_self = |arms: Vec<TokenStream>| {
        if arms.is_empty() {
            quote!(match *self {})
        } else {
            quote!(match self { #(#arms,)* })
        }
    };
    let info = on_self(info_arms.collect());
    let message = on_self(message_arms.collect());
    let fmt = on_self(fmt_arms.collect());
    let json = on_self(json_arms.collect());

    quote! {
        static __API_ERROR_CATALOG: [#krate::ErrorInfo; #count] = [#(#entries),*];

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
                match <Self as #krate::ApiError>::__index_of(error_type) {
                    #(#unit_arms,)*
                    _ => ::core::option::Option::None,
                }
            }

            fn __index_of(error_type: &str) -> ::core::option::Option<usize> {
                match error_type {
                    #(#lookup_arms,)*
                    _ => ::core::option::Option::None,
                }
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

/// `error_message`: borrowed when the text is static, rendered otherwise.
fn message_arm(krate: &syn::Path, v: &Resolved<'_, '_>) -> TokenStream {
    let pattern = v.pattern(&[]);
    if let Some(text) = message::static_text(&v.pieces) {
        quote!(#pattern => ::std::borrow::Cow::Borrowed(#text))
    } else {
        quote! {
            #pattern => ::std::borrow::Cow::Owned(
                ::std::string::ToString::to_string(&#krate::__private::Message(self))
            )
        }
    }
}

/// `__fmt_message`: the text pieces and the fields' `Display`, in order.
fn fmt_arm(v: &Resolved<'_, '_>) -> TokenStream {
    let bindings = v.bindings();
    let pattern = v.pattern(&bindings);
    let writes = v.pieces.iter().map(|piece| match piece {
        Piece::Text(text) => quote!(f.write_str(#text)?;),
        Piece::Field(placeholder) => {
            let binding = v.binding_of(&bindings, placeholder);
            quote!(::core::fmt::Display::fmt(#binding, f)?;)
        }
    });
    quote!(#pattern => { #(#writes)* ::core::result::Result::Ok(()) })
}

/// `__write_json`: the pre-rendered, pre-escaped fragments, with the request id and the
/// fields' `Display` escaped in between.
fn json_arm(v: &Resolved<'_, '_>) -> TokenStream {
    let bindings = v.bindings();
    let pattern = v.pattern(&bindings);
    let head = format!("{{\"status_code\":{},\"request_id\":\"", v.status);
    let mut pushes = Vec::new();
    let mut raw = format!(
        "\",\"error_type\":\"{}\",\"error_message\":\"",
        json::escape(&v.error_type)
    );
    for piece in &v.pieces {
        match piece {
            Piece::Text(text) => raw.push_str(&json::escape(text)),
            Piece::Field(placeholder) => {
                let binding = v.binding_of(&bindings, placeholder);
                let fragment = std::mem::take(&mut raw);
                pushes.push(quote!(out.push_raw(#fragment);));
                pushes.push(quote!(out.push_display(#binding);));
            }
        }
    }
    raw.push_str("\",\"error_url\":\"");
    raw.push_str(&json::escape(&v.error_url));
    raw.push_str("\"}");
    pushes.push(quote!(out.push_raw(#raw);));
    quote! {
        #pattern => {
            out.push_raw(#head);
            out.push_escaped(request_id);
            #(#pushes)*
        }
    }
}

fn display_impl(input: &Input<'_>, krate: &syn::Path, generics: &Generics) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #krate::ApiError::__fmt_message(self, f)
            }
        }
    }
}

fn error_impl(input: &Input<'_>, krate: &syn::Path, params: &HashSet<Ident>) -> TokenStream {
    let ident = &input.original.ident;
    let mut extra = Vec::new();
    if !params.is_empty() {
        extra.push(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    let mut arms = Vec::new();
    let mut any_source = false;
    for variant in &input.variants {
        let name = variant.ident;
        match variant.source_field() {
            Some(field) => {
                any_source = true;
                let member = &field.member;
                let ty = field.ty;
                if mentions(ty, params) {
                    extra.push(quote!(#ty: ::std::error::Error + 'static));
                }
                arms.push(quote! {
                    Self::#name { #member: source, .. } =>
                        ::core::option::Option::Some(source.as_dyn_error())
                });
            }
            None => arms.push(quote!(Self::#name { .. } => ::core::option::Option::None)),
        }
    }
    let generics = generics_with(&input.original.generics, extra);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let source = any_source.then(|| {
        quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                use #krate::__private::AsDynError as _;
                match self { #(#arms,)* }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
            #source
        }
    }
}

/// `From<T>` for every variant whose only field is `#[from]`.
pub fn from_impls(input: &Input<'_>) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let impls = input.variants.iter().filter(|v| v.fields.len() == 1).filter_map(|variant| {
        let field = variant.field_with_from()?;
        let name = variant.ident;
        let member = &field.member;
        let ty = field.ty;
        Some(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(source: #ty) -> Self {
                    Self::#name { #member: source }
                }
            }
        })
    });
    quote!(#(#impls)*)
}

//! The expansion: from the checked model to the impls.
//!
//! [`derive`] is a plain function over `proc_macro2` tokens, so tests call it directly.

use std::collections::{BTreeSet, HashSet};

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Type};

use crate::ast::{Input, Variant};
use crate::compose::Composition;
use crate::errors::Errors;
use crate::message::{self, Piece, Placeholder};
use crate::{covers, fallback, json, lookup, valid};

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
    /// The message as written in `message = "…"`.
    template: String,
    /// The message's text when it shows no field.
    text: Option<String>,
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

    /// The body's JSON as three pre-rendered pieces: before the request id, after it up to
    /// the message (or, when the message is static, up to the end), and after the message
    /// (empty when the message is static).
    fn json_pieces(&self) -> [String; 3] {
        let head = format!("{{\"status_code\":{},\"request_id\":\"", self.status);
        let mut before = format!(
            "\",\"error_type\":\"{}\",\"error_message\":\"",
            json::escape(&self.error_type)
        );
        let end = format!("\",\"error_url\":\"{}\"}}", json::escape(&self.error_url));
        match &self.text {
            Some(text) => {
                before.push_str(&json::escape(text));
                before.push_str(&end);
                [head, before, String::new()]
            }
            None => [head, before, end],
        }
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

/// The variants that are the enum's own errors: not transparent, and not a subset's.
fn resolve<'m, 'a>(input: &'m Input<'a>) -> Vec<Resolved<'m, 'a>> {
    input
        .variants
        .iter()
        .filter(|_| input.attrs.subset_of.is_none())
        .filter(|variant| variant.attrs.transparent.is_none())
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
            let template = variant
                .message_lit()
                .map(syn::LitStr::value)
                .unwrap_or_default();
            let text = message::static_text(&pieces);
            Resolved {
                variant,
                status,
                error_type,
                docs_url,
                error_url,
                pieces,
                template,
                text,
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
    let composition = Composition::of(input);
    let api_error = api_error_impl(input, &krate, &variants, &composition, &message_generics);
    let framework_errors = covers::framework_errors_impl(input, &krate);
    let std_impls = if input.implements_display() {
        let display = display_impl(input, &krate, &composition, &message_generics);
        let error = error_impl(input, &krate, &type_params);
        let froms = from_impls(input);
        quote!(#display #error #froms)
    } else {
        TokenStream::new()
    };
    let subset_from = composition.subset_from(ident);
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    quote! {
        const _: () = {
            #api_error
            #framework_errors
            #std_impls
            #subset_from
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
pub fn mentions(ty: &Type, params: &HashSet<Ident>) -> bool {
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
) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let count = variants.len();
    let partial = !composition.is_empty();
    let mut entries: Vec<TokenStream> = variants
        .iter()
        .map(|v| catalog_entry(krate, v, input.non_exhaustive))
        .collect();
    entries.extend(composition.alias_entries(krate));
    let json_rows = variants.iter().map(|v| {
        let [head, before, after] = v.json_pieces();
        quote!([#head, #before, #after])
    });
    let index_fn = (count > 0 || !partial).then(|| index_fn(input, variants, partial));
    let (message, fmt) = message_bodies(krate, variants, partial);
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
    let info = quote!(&__API_ERROR_CATALOG[__api_error_index(self)]);
    let error_types: Vec<&str> = variants.iter().map(|v| v.error_type.as_str()).collect();
    let index_of = lookup::index_of_body(krate, &error_types);
    let from_error_type = lookup_body(krate, variants, composition, partial);
    let json_static = (count > 0 || !partial).then(|| {
        quote! {
            /// The body's JSON around the request id and the message (see `JsonOut::push_body`).
            static __API_ERROR_JSON: [[&str; 3]; #count] = [#(#json_rows),*];
        }
    });
    let (catalog, index_of) = catalog_and_index_of(krate, ident, &entries, composition, index_of);
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
        }

        #[automatically_derived]
        impl #impl_generics #krate::StaticCatalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#krate::ErrorInfo] = &__API_ERROR_CATALOG;
        }
    }
}

/// The catalog's statics and the body of `__index_of`, from the enum's own `entries` and
/// the lookup over them (`index_of`): a composed enum's catalog adds the wrapped ones.
fn catalog_and_index_of(
    krate: &syn::Path,
    ident: &Ident,
    entries: &[TokenStream],
    composition: &Composition<'_, '_>,
    index_of: TokenStream,
) -> (TokenStream, TokenStream) {
    if composition.is_empty() {
        let count = entries.len();
        let catalog = quote! {
            static __API_ERROR_CATALOG: [#krate::ErrorInfo; #count] = [#(#entries),*];
        };
        return (catalog, index_of);
    }
    let own_index = composition.subset_index_fn(krate).or_else(|| {
        (!entries.is_empty()).then(|| {
            quote! {
                fn __api_error_own_index(error_type: &str) -> ::core::option::Option<usize> {
                    #index_of
                }
            }
        })
    });
    let catalog = composition.catalog(krate, ident, entries);
    (
        quote!(#catalog #own_index),
        composition.index_of(krate, entries.len()),
    )
}

/// One `ErrorInfo` of the static catalog.
fn catalog_entry(krate: &syn::Path, v: &Resolved<'_, '_>, non_exhaustive: bool) -> TokenStream {
    let name = v.variant.ident.to_string();
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
    let non_exhaustive = non_exhaustive.then(|| quote!(.with_non_exhaustive()));
    quote! {
        #krate::ErrorInfo::new(#name, #error_type, #status, #template, #docs_url, #error_url)
            .with_description(#description)
            .with_causes(#causes)
            .with_fixes(#fixes)
            #with_fields
            #static_message
            #non_exhaustive
    }
}

/// `fn __api_error_index(this: &Enum) -> usize`: the variant's index in the catalog.
fn index_fn(input: &Input<'_>, variants: &[Resolved<'_, '_>], partial: bool) -> TokenStream {
    let ident = &input.original.ident;
    let (generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let arms = variants.iter().enumerate().map(|(index, v)| {
        let variant = v.variant.ident;
        quote!(#ident::#variant { .. } => #index)
    });
    // In a composed enum, the variants that are another catalog's error never get here:
    // every method matches them first.
    let rest = partial.then(|| quote!(_ => ::core::unreachable!(),));
    let body = if variants.is_empty() && !partial {
        quote!(match *this {})
    } else {
        quote!(match this { #(#arms,)* #rest })
    };
    quote! {
        #[inline]
        fn __api_error_index #generics (this: &#ident #ty_generics) -> usize #where_clause {
            #body
        }
    }
}

/// The bodies of `error_message` and `__fmt_message`. Messages that show fields are
/// rendered by `__fmt_message`, an arm each; a static message is the catalog's template,
/// unless it has `{{` or `}}`, and then an arm of its own writes its text.
fn message_bodies(
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
    let mut fmt_arms: Vec<TokenStream> = dynamic.iter().map(|v| fmt_arm(v)).collect();
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

/// The body of `from_error_type`: the catalog index, then the unit variant at it.
fn lookup_body(
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
            let variant = v.variant.ident;
            quote!(#index => Self::#variant)
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

/// A `match self` with `arms` and, when some variants have no arm, `default` for them; no
/// `match` at all when no variant needs an arm of its own. `partial`: the enum has variants
/// that are another catalog's error, matched before.
fn dispatch(arms: &[TokenStream], default: Option<TokenStream>, partial: bool) -> TokenStream {
    match (arms.is_empty(), default) {
        (true, Some(default)) => default,
        (false, Some(default)) => quote!(match self { #(#arms,)* _ => #default }),
        (false, None) if partial => quote!(match self { #(#arms,)* _ => ::core::unreachable!() }),
        (false, None) => quote!(match self { #(#arms,)* }),
        (true, None) => quote!(match *self {}),
    }
}

/// `__fmt_message`: the text pieces and the fields' `Display`, in order.
fn fmt_arm(v: &Resolved<'_, '_>) -> TokenStream {
    let bindings = v.bindings();
    let pattern = v.pattern(&bindings);
    let mut writes: Vec<TokenStream> = v
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => quote!(f.write_str(#text)),
            Piece::Field(placeholder) => {
                let binding = v.binding_of(&bindings, placeholder);
                quote!(::core::fmt::Display::fmt(#binding, f))
            }
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

fn display_impl(
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
        if let (Some(_), [field]) = (variant.attrs.transparent, variant.fields.as_slice()) {
            // The wrapped error's own source, as its field's `Error` gives it.
            any_source = true;
            let member = &field.member;
            arms.push(quote! {
                Self::#name { #member: error } => ::std::error::Error::source(error)
            });
            continue;
        }
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

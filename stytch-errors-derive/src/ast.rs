//! The typed model of the input: the enum, its variants and their fields, each keeping the
//! syntax it came from for spans.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Member, Type};

use crate::attr::{self, Attrs, Level};
use crate::errors::Errors;
use crate::message::{self, Piece};

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub attrs: Attrs,
    /// Whether the enum is `#[non_exhaustive]`: its catalog may gain errors.
    pub non_exhaustive: bool,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    pub style: Style,
    pub description: String,
    /// The parsed `message`, or what is wrong with it.
    pub message: Option<Result<Vec<Piece>, String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Unit,
    Named,
    Tuple,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub member: Member,
    pub ty: &'a Type,
    /// The `#[source]` attribute, if any.
    pub source: Option<Span>,
    /// The `#[from]` attribute, if any.
    pub from: Option<Span>,
}

impl<'a> Input<'a> {
    /// The model of `input`, or `None` (with an error) when it is not an enum.
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let attrs = Attrs::parse(&input.attrs, Level::Enum, errors);
        let data = match &input.data {
            syn::Data::Enum(data) => data,
            syn::Data::Struct(data) => {
                errors.at(
                    data.struct_token.span,
                    "`ApiError` can only be derived for enums: a catalog is an enum with one variant per error",
                );
                return None;
            }
            syn::Data::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "`ApiError` can only be derived for enums: a catalog is an enum with one variant per error",
                );
                return None;
            }
        };
        let variants = data
            .variants
            .iter()
            .map(|variant| Variant::from_syn(variant, errors))
            .collect();
        Some(Input {
            original: input,
            attrs,
            non_exhaustive: input
                .attrs
                .iter()
                .any(|attr| attr.path().is_ident("non_exhaustive")),
            variants,
        })
    }

    /// The runtime crate's path: `::stytch_errors` unless `crate = "…"` says otherwise.
    pub fn krate(&self) -> syn::Path {
        match &self.attrs.krate {
            Some(krate) => krate.value.clone(),
            None => syn::parse_quote!(::stytch_errors),
        }
    }

    /// Whether the derive implements `Display`, `Error` and `From` (`display = false` opts out).
    pub fn implements_display(&self) -> bool {
        self.attrs
            .display
            .as_ref()
            .is_none_or(|display| display.value.value)
    }
}

impl<'a> Variant<'a> {
    fn from_syn(variant: &'a syn::Variant, errors: &mut Errors) -> Self {
        let attrs = Attrs::parse(&variant.attrs, Level::Variant, errors);
        let style = match &variant.fields {
            syn::Fields::Unit => Style::Unit,
            syn::Fields::Named(_) => Style::Named,
            syn::Fields::Unnamed(_) => Style::Tuple,
        };
        let fields = variant
            .fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field::from_syn(index, field, errors))
            .collect();
        let message = attrs
            .message
            .as_ref()
            .map(|m| message::parse(&m.value.value()));
        Variant {
            ident: &variant.ident,
            description: attr::docs(&variant.attrs),
            attrs,
            fields,
            style,
            message,
        }
    }

    pub fn message_lit(&self) -> Option<&LitStr> {
        self.attrs.message.as_ref().map(|m| &m.value)
    }

    /// The fields that hold the underlying error.
    pub fn source_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.is_source())
    }

    pub fn field_with_from(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.from.is_some())
    }
}

impl<'a> Field<'a> {
    fn from_syn(index: usize, field: &'a syn::Field, errors: &mut Errors) -> Self {
        let mut source = None;
        let mut from = None;
        for attr in &field.attrs {
            let path = attr.path();
            let slot = if path.is_ident("source") {
                &mut source
            } else if path.is_ident("from") {
                &mut from
            } else {
                if path.is_ident("api_error") {
                    errors.at(
                        attr.span(),
                        "`#[api_error]` goes on the enum and its variants, not on fields",
                    );
                }
                continue;
            };
            if let Err(error) = attr.meta.require_path_only() {
                errors.push(error);
            }
            *slot = Some(path.span());
        }
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                span: field.ty.span(),
            }),
        };
        Field {
            original: field,
            member,
            ty: &field.ty,
            source,
            from,
        }
    }

    /// `#[source]`, `#[from]`, or a field named `source`.
    pub fn is_source(&self) -> bool {
        self.source.is_some()
            || self.from.is_some()
            || self
                .original
                .ident
                .as_ref()
                .is_some_and(|ident| ident == "source")
    }

    /// The name a placeholder uses for this field: `name` or `0`.
    pub fn placeholder_name(&self) -> String {
        match &self.member {
            Member::Named(ident) => syn::ext::IdentExt::unraw(ident).to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}

//! The typed model of the input: the enum, its variants and their fields, each keeping the
//! syntax it came from for spans.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Member, Type};

use crate::errors::Errors;
use crate::parse::attr::{self, Attrs};
use crate::parse::keys::Level;
use crate::parse::message::{self, Piece, Placeholder};
use crate::parse::message_args::Arg;

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub attrs: &'a Attrs,
    /// Whether the enum is `#[non_exhaustive]`: its catalog may gain errors.
    pub non_exhaustive: bool,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    /// The variant's name, or the struct's for a struct (its one error).
    pub ident: &'a Ident,
    /// Whether this is a struct's one error: then `Self` is the value, not `Self::Variant`.
    pub is_struct: bool,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    pub style: Style,
    pub description: String,
    /// Whether the variant is `#[deprecated]`.
    pub deprecated: bool,
    /// The parsed `message` (the variant's, else the enum's), or what is wrong with it.
    pub message: Option<Result<Vec<Piece>, String>>,
    /// The template of that `message`.
    pub message_lit: Option<LitStr>,
    /// The arguments after the enum's template, when the variant shows the enum's message.
    inherited_args: &'a [Arg],
    /// `fmt = path`, the variant's, else the enum's (when the variant has no `message`).
    pub fmt: Option<&'a syn::Path>,
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
    /// The `details` key of `#[api_error(details)]`, if any: a member of `error_details`.
    pub details: Option<Span>,
    /// `T` when the field is an `Option<T>`: then the source is `None` when the field is.
    pub option_of: Option<&'a Type>,
}

impl<'a> Input<'a> {
    /// The model of `input`, or `None` (with an error) when it is not an enum.
    pub fn from_syn(input: &'a DeriveInput, attrs: &'a Attrs, errors: &mut Errors) -> Option<Self> {
        let on = if matches!(input.data, syn::Data::Struct(_)) {
            "the struct"
        } else {
            "the enum"
        };
        misplaced_field_attrs(&input.attrs, on, errors);
        let variants = match &input.data {
            syn::Data::Enum(data) => data
                .variants
                .iter()
                .map(|variant| Variant::from_syn(variant, attrs, errors))
                .collect(),
            syn::Data::Struct(data) => vec![Variant::of_struct(input, &data.fields, attrs, errors)],
            syn::Data::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "`ApiError` can only be derived for enums and structs: a catalog is an enum with one variant per error, or a struct that is one error",
                );
                return None;
            }
        };
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
    fn from_syn(variant: &'a syn::Variant, enum_attrs: &'a Attrs, errors: &mut Errors) -> Self {
        let attrs = Attrs::parse(&variant.attrs, Level::Variant, errors);
        misplaced_field_attrs(&variant.attrs, "a variant", errors);
        Self::of(
            &variant.ident,
            attrs,
            &variant.fields,
            &variant.attrs,
            enum_attrs,
            errors,
        )
    }

    /// A struct's one error: the struct's keys are its own.
    /// `input_attrs` are the keys that stand for the type (`crate`, `display`, `round_trip`).
    fn of_struct(
        input: &'a DeriveInput,
        fields: &'a syn::Fields,
        input_attrs: &'a Attrs,
        errors: &mut Errors,
    ) -> Self {
        let attrs = Attrs::parse(&input.attrs, Level::Struct, errors);
        let mut variant = Self::of(
            &input.ident,
            attrs,
            fields,
            &input.attrs,
            input_attrs,
            errors,
        );
        variant.is_struct = true;
        variant
    }

    fn of(
        ident: &'a Ident,
        attrs: Attrs,
        fields: &'a syn::Fields,
        item_attrs: &'a [syn::Attribute],
        enum_attrs: &'a Attrs,
        errors: &mut Errors,
    ) -> Self {
        let variant = fields;
        let style = match &variant {
            syn::Fields::Unit => Style::Unit,
            syn::Fields::Named(_) => Style::Named,
            syn::Fields::Unnamed(_) => Style::Tuple,
        };
        let fields = variant
            .iter()
            .enumerate()
            .map(|(index, field)| Field::from_syn(index, field, errors))
            .collect();
        // The enum's `message` or `fmt` is the default of a variant that gives neither.
        let own = attrs.message.is_some() || attrs.fmt.is_some() || attrs.wrote("message");
        let (message_lit, fmt): (_, Option<&'a syn::Path>) = if own {
            (attrs.message.as_ref().map(|m| m.value.clone()), None)
        } else {
            (
                enum_attrs.message.as_ref().map(|m| m.value.clone()),
                enum_attrs.fmt.as_ref().map(|fmt| &fmt.value),
            )
        };
        let message = message_lit.as_ref().map(|lit| message::parse(&lit.value()));
        let inherited_args: &'a [Arg] = if own { &[] } else { &enum_attrs.message_args };
        Variant {
            ident,
            is_struct: false,
            description: attr::docs(item_attrs),
            deprecated: item_attrs
                .iter()
                .any(|attr| attr.path().is_ident("deprecated")),
            attrs,
            fields,
            style,
            message,
            message_lit,
            inherited_args,
            fmt,
        }
    }

    /// The value's path in patterns and expressions: `Self::Variant`, or `Self` for a
    /// struct.
    pub fn path(&self) -> proc_macro2::TokenStream {
        let ident = self.ident;
        if self.is_struct {
            quote::quote!(Self)
        } else {
            quote::quote!(Self::#ident)
        }
    }

    /// The variant's name as a string: `Type` for `r#Type`.
    pub fn name(&self) -> String {
        syn::ext::IdentExt::unraw(self.ident).to_string()
    }

    pub fn message_lit(&self) -> Option<&LitStr> {
        self.message_lit.as_ref()
    }

    /// The arguments after the template of the message, `message("…", args…)`.
    pub fn message_args(&self) -> &[Arg] {
        if self.attrs.message.is_some() {
            &self.attrs.message_args
        } else {
            self.inherited_args
        }
    }

    /// The variant's `fmt = path`: its own, or the enum's when it has no `message`.
    pub fn fmt_path(&self) -> Option<&syn::Path> {
        self.attrs.fmt.as_ref().map(|fmt| &fmt.value).or(self.fmt)
    }

    /// The field that holds the underlying error: the one marked `#[source]` or `#[from]`,
    /// else a field named `source`, whatever the order of the fields.
    pub fn source_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|field| field.source.is_some() || field.from.is_some())
            .or_else(|| self.fields.iter().find(|field| field.named_source()))
    }

    /// Whether `field` is the variant's underlying error.
    pub fn is_source(&self, field: &Field<'_>) -> bool {
        self.source_field()
            .is_some_and(|source| std::ptr::eq(source.original, field.original))
    }

    /// The `#[api_error(details)]` fields, in declaration order.
    /// The field `placeholder` shows, if the variant has it.
    pub fn field_of(&self, placeholder: &Placeholder) -> Option<&Field<'a>> {
        let name = placeholder.name();
        self.fields
            .iter()
            .find(|field| field.placeholder_name() == name)
    }

    pub fn details_fields(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(|field| field.details.is_some())
    }

    /// The `#[from]` field that `From` fills in: the variant's only field.
    pub fn converted_field(&self) -> Option<&Field<'a>> {
        match self.fields.as_slice() {
            [field] if field.from.is_some() => Some(field),
            _ => None,
        }
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
                continue;
            };
            if let Err(error) = attr.meta.require_path_only() {
                errors.push(error);
            }
            let name = if path.is_ident("source") {
                "source"
            } else {
                "from"
            };
            match slot {
                Some(first) => errors.duplicate(
                    path.span(),
                    *first,
                    format!("duplicate `#[{name}]` on one field: write it once"),
                    format!("`#[{name}]` first given here"),
                ),
                None => *slot = Some(path.span()),
            }
        }
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                span: field.ty.span(),
            }),
        };
        let details = crate::parse::field_attr::FieldAttrs::parse(&field.attrs, errors).details;
        Field {
            original: field,
            member,
            ty: &field.ty,
            source,
            from,
            details,
            option_of: option_of(&field.ty),
        }
    }

    /// Whether the field is named `source` (the source unless another is marked).
    pub fn named_source(&self) -> bool {
        self.original
            .ident
            .as_ref()
            .is_some_and(|ident| ident == "source")
    }

    /// The type whose `Error` impl the source needs: `T` of an `Option<T>`, or the field's.
    pub fn error_ty(&self) -> &'a Type {
        self.option_of.unwrap_or(self.ty)
    }

    /// Whether the field is a `Path` or a `PathBuf` (by the last segment of its type, behind
    /// references too), which a message shows through `display()`.
    pub fn is_path(&self) -> bool {
        let mut ty = self.ty;
        while let Type::Reference(reference) = ty {
            ty = &reference.elem;
        }
        matches!(ty, Type::Path(path) if path.qself.is_none()
            && path.path.segments.last().is_some_and(|last| last.ident == "Path" || last.ident == "PathBuf"))
    }

    /// The name a placeholder uses for this field: `name` or `0`.
    pub fn placeholder_name(&self) -> String {
        match &self.member {
            Member::Named(ident) => syn::ext::IdentExt::unraw(ident).to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}

/// `T` when `ty` is `Option<T>` (by the last segment of its path, as a derive cannot resolve
/// names).
fn option_of(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// `#[source]` and `#[from]` mark a field; on the enum or a variant they are an error.
fn misplaced_field_attrs(attrs: &[syn::Attribute], on: &str, errors: &mut Errors) {
    for attr in attrs {
        for name in ["source", "from"] {
            if attr.path().is_ident(name) {
                errors.push(syn::Error::new_spanned(
                    attr,
                    format!(
                        "`#[{name}]` goes on the field that holds the underlying error, not on {on}"
                    ),
                ));
            }
        }
    }
}

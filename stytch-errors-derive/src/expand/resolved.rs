//! What the expansion needs of each variant, resolved once from the checked model: its
//! status, `error_type` and URLs, its message's pieces, and the fields the message binds.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use crate::parse::ast::{Field, Input, Variant};
use crate::parse::message::{self, Piece, Placeholder};
use crate::parse::message_args;
use crate::prop;
use stytch_errors_shared::escape::escape;

/// What the expansion needs of one variant, resolved from the model.
pub struct Resolved<'m, 'a> {
    pub variant: &'m Variant<'a>,
    pub status: u16,
    pub error_type: String,
    pub docs_url: String,
    pub error_url: String,
    pub pieces: Vec<Piece>,
    /// The message as written in `message = "…"`.
    pub template: String,
    /// The message's text when it shows no field.
    pub text: Option<String>,
    /// Whether the message is written by `format_args!`: it has a format spec, a `{}` or
    /// arguments after the template.
    pub formatted: bool,
    /// The `log` level given on the variant or the enum.
    pub log: Option<String>,
}

impl Resolved<'_, '_> {
    /// The field bindings a message needs, in order of first use: (member, binding). A
    /// `fmt` function takes every field.
    pub fn bindings(&self) -> Vec<(syn::Member, Ident)> {
        if self.variant.fmt_path().is_some() {
            return self
                .variant
                .fields
                .iter()
                .enumerate()
                .map(|(index, field)| (field.member.clone(), format_ident!("field_{}", index)))
                .collect();
        }
        let args = self.variant.message_args();
        let named = |name: &str| {
            args.iter()
                .any(|arg| arg.name.as_ref().is_some_and(|n| n.unraw() == name))
        };
        let shown = self
            .pieces
            .iter()
            .filter_map(Piece::placeholder)
            .filter(|placeholder| !matches!(placeholder, Placeholder::Named(name) if named(name)))
            .cloned();
        let used = args
            .iter()
            .flat_map(|arg| message_args::shorthands(&arg.tokens))
            .map(|shorthand| shorthand.placeholder);
        bindings(
            self.variant,
            shown.chain(used).collect::<Vec<_>>().iter(),
            "field",
        )
    }

    pub fn binding_of(
        &self,
        bindings: &[(syn::Member, Ident)],
        placeholder: &Placeholder,
    ) -> Option<Ident> {
        binding_of(self.variant, bindings, placeholder).cloned()
    }

    /// The body's JSON as three pre-rendered pieces: before the request id, after it up to
    /// the message (or, when the message is static, up to the end), and after the message
    /// (empty when the message is static).
    pub fn json_pieces(&self) -> [String; 3] {
        let head = format!("{{\"status_code\":{},\"request_id\":\"", self.status);
        let mut before = format!(
            "\",\"error_type\":\"{}\",\"error_message\":\"",
            escape(&self.error_type)
        );
        let end = format!("\",\"error_url\":\"{}\"}}", escape(&self.error_url));
        match &self.text {
            Some(text) => {
                before.push_str(&escape(text));
                before.push_str(&end);
                [head, before, String::new()]
            }
            None => [head, before, end],
        }
    }

    /// `Self::Variant { a: field_0, .. }`, binding the message's fields.
    pub fn pattern(&self, bindings: &[(syn::Member, Ident)]) -> TokenStream {
        let path = self.variant.path();
        let fields = bindings
            .iter()
            .map(|(member, binding)| quote!(#member: #binding));
        quote!(#path { #(#fields,)* .. })
    }
}

/// The bindings of the fields of `variant` that `placeholders` name, in order of first use:
/// (member, binding), each binding `{prefix}_{n}`.
pub fn bindings<'p>(
    variant: &Variant<'_>,
    placeholders: impl IntoIterator<Item = &'p Placeholder>,
    prefix: &str,
) -> Vec<(syn::Member, Ident)> {
    let mut bound: Vec<(syn::Member, Ident)> = Vec::new();
    for placeholder in placeholders {
        let Some(field) = variant.field_of(placeholder) else {
            continue;
        };
        if !bound.iter().any(|(member, _)| *member == field.member) {
            let binding = format_ident!("{}_{}", prefix, bound.len());
            bound.push((field.member.clone(), binding));
        }
    }
    bound
}

/// The binding, among `bindings`, of the field of `variant` that `placeholder` shows.
pub fn binding_of<'b>(
    variant: &Variant<'_>,
    bindings: &'b [(syn::Member, Ident)],
    placeholder: &Placeholder,
) -> Option<&'b Ident> {
    let field = variant.field_of(placeholder)?;
    bindings
        .iter()
        .find(|(member, _)| *member == field.member)
        .map(|(_, binding)| binding)
}

/// The variants that are the enum's own errors: not transparent, and not a subset's.
pub fn resolve<'m, 'a>(input: &'m Input<'a>) -> Vec<Resolved<'m, 'a>> {
    input
        .variants
        .iter()
        .filter(|_| input.attrs.subset_of.is_none())
        .filter(|variant| variant.attrs.transparent.is_none())
        .map(|variant| {
            // `check::check` has passed: every value is there and well-formed.
            let status = prop::status(input, variant).unwrap_or(500);
            let (error_type, _) = prop::error_type(variant);
            let docs_url = prop::docs_url(input, variant)
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
            let formatted = variant.fmt_path().is_some()
                || !variant.message_args().is_empty()
                || pieces.iter().any(Piece::is_formatted);
            let text = message::static_text(&pieces).filter(|_| !formatted);
            let log = prop::log_level(input, variant);
            Resolved {
                variant,
                status,
                error_type,
                docs_url,
                error_url,
                pieces,
                template,
                text,
                formatted,
                log,
            }
        })
        .collect()
}

/// What a message or a header writes of `field` (bound to `binding`) for a placeholder
/// with `spec` (empty for none): the field, or, for a `Path` or `PathBuf` shown with
/// `Display`, its `display()`.
pub fn shown_value(field: Option<&Field<'_>>, binding: &Ident, spec: &str) -> TokenStream {
    if field.is_some_and(Field::is_path) && spec_trait(spec) == "Display" {
        quote!(::std::path::Path::display(#binding))
    } else {
        quote!(#binding)
    }
}

/// The formatting trait a spec asks for, by its last character (`?` is `Debug`).
pub fn spec_trait(spec: &str) -> &'static str {
    match spec.chars().next_back() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    }
}

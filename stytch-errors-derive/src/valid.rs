//! The rules a catalog must follow, one function each, all run so that every mistake is
//! reported in one build.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Lit, LitStr};

use crate::ast::{Input, Style, Variant};
use crate::case;
use crate::errors::Errors;
use crate::message::{Piece, Placeholder};

pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = stytch_errors_shared::status::RANGE;

pub fn check(input: &Input<'_>, errors: &mut Errors) {
    check_status_range(input, errors);
    check_docs_url_format(input, errors);
    check_subset(input, errors);
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors);
            check_transparent_not_generic(input, variant, errors);
            check_sources(variant, errors);
            continue;
        }
        if input.attrs.subset_of.is_some() {
            check_subset_variant(variant, errors);
            continue;
        }
        check_status_present(input, variant, errors);
        check_message(variant, errors);
        check_placeholders(variant, errors);
        check_error_type_format(variant, errors);
        check_docs_url_present(input, variant, errors);
        check_sources(variant, errors);
        check_texts(variant, errors);
    }
    check_unique_error_types(input, errors);
    check_covers(input, errors);
}

/// The status a variant answers with: its own or the enum's.
pub fn status(input: &Input<'_>, variant: &Variant<'_>) -> Option<u16> {
    let lit = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())?;
    lit.value.base10_parse::<u16>().ok()
}

/// The variant's `error_type`, and where it comes from (the literal or the variant's name).
pub fn error_type(variant: &Variant<'_>) -> (String, Span) {
    match &variant.attrs.error_type {
        Some(lit) => (lit.value.value(), lit.value.span()),
        None => (
            case::snake_case(&variant.ident.to_string()),
            variant.ident.span(),
        ),
    }
}

/// The docs base of a variant: its own or the enum's.
pub fn docs_url<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Option<&'i LitStr> {
    variant
        .attrs
        .docs_url
        .as_ref()
        .or(input.attrs.docs_url.as_ref())
        .map(|url| &url.value)
}

fn check_status_range(input: &Input<'_>, errors: &mut Errors) {
    let given = std::iter::once(&input.attrs.status)
        .chain(input.variants.iter().map(|variant| &variant.attrs.status))
        .flatten();
    for status in given {
        let in_range = status
            .value
            .base10_parse::<u16>()
            .is_ok_and(|code| STATUS_RANGE.contains(&code));
        if !in_range {
            errors.at(
                status.value.span(),
                "`status` must be an HTTP error status, 400 to 599",
            );
        }
    }
}

fn check_status_present(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    if !variant.attrs.wrote("status") && !input.attrs.wrote("status") {
        errors.at(
            variant.ident.span(),
            format!(
                "missing `status` on `{}`: add `#[api_error(status = …)]`, or a default `status` on the enum",
                variant.ident
            ),
        );
    }
}

fn check_message(variant: &Variant<'_>, errors: &mut Errors) {
    match variant.message_lit() {
        None if variant.attrs.wrote("message") => {}
        None => errors.at(
            variant.ident.span(),
            format!(
                "missing `message` on `{}`: add `#[api_error(message = \"…\")]`",
                variant.ident
            ),
        ),
        Some(lit) if lit.value().trim().is_empty() => {
            errors.at(lit.span(), "`message` must not be empty");
        }
        Some(_) => {}
    }
}

fn check_placeholders(variant: &Variant<'_>, errors: &mut Errors) {
    let (Some(lit), Some(parsed)) = (variant.message_lit(), &variant.message) else {
        return;
    };
    let pieces = match parsed {
        Ok(pieces) => pieces,
        Err(problem) => {
            errors.at(lit.span(), problem);
            return;
        }
    };
    for piece in pieces {
        let Piece::Field(placeholder) = piece else {
            continue;
        };
        let problem = match (placeholder, variant.style) {
            (_, Style::Unit) => Some(format!(
                "`{placeholder}` in the message, but `{}` has no fields; write `{{{{` for a literal brace",
                variant.ident
            )),
            (Placeholder::Index(_), Style::Named) => Some(format!(
                "positional `{placeholder}` in the message of `{}`, which has named fields: use `{{name}}`",
                variant.ident
            )),
            (Placeholder::Named(_), Style::Tuple) => Some(format!(
                "named `{placeholder}` in the message of `{}`, which has tuple fields: use `{{0}}`, `{{1}}`, …",
                variant.ident
            )),
            (Placeholder::Index(index), Style::Tuple) if *index >= variant.fields.len() => {
                Some(format!(
                    "`{placeholder}` in the message, but `{}` has {} field(s)",
                    variant.ident,
                    variant.fields.len()
                ))
            }
            (placeholder, _) => {
                let name = match placeholder {
                    Placeholder::Named(name) => name.clone(),
                    Placeholder::Index(index) => index.to_string(),
                };
                match variant
                    .fields
                    .iter()
                    .find(|field| field.placeholder_name() == name)
                {
                    None => Some(format!(
                        "`{placeholder}` in the message, but `{}` has no field `{name}`",
                        variant.ident
                    )),
                    Some(field) if field.is_source() => Some(format!(
                        "`{placeholder}` is the underlying error of `{}`: its text never goes into the message",
                        variant.ident
                    )),
                    Some(_) => None,
                }
            }
        };
        if let Some(problem) = problem {
            errors.at(lit.span(), problem);
        }
    }
}

fn check_error_type_format(variant: &Variant<'_>, errors: &mut Errors) {
    let (error_type, span) = error_type(variant);
    if case::is_snake_case(&error_type) {
        return;
    }
    let message = if variant.attrs.error_type.is_some() {
        format!(
            "`error_type` must be lowercase snake_case ASCII, like `too_many_requests`; got `{error_type}`"
        )
    } else {
        format!(
            "the name `{}` gives the error_type `{error_type}`, which is not lowercase snake_case ASCII: give `error_type = \"…\"`",
            variant.ident
        )
    };
    errors.at(span, message);
}

fn check_unique_error_types(input: &Input<'_>, errors: &mut Errors) {
    let mut seen: HashMap<String, Span> = HashMap::new();
    if input.attrs.subset_of.is_some() {
        // The catalog has checked its own.
        return;
    }
    for variant in input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_none())
    {
        let (error_type, span) = error_type(variant);
        match seen.get(&error_type) {
            Some(&first) => errors.duplicate(
                span,
                first,
                format!("duplicate error_type `{error_type}`"),
                format!("error_type `{error_type}` first defined here"),
            ),
            None => {
                seen.insert(error_type, span);
            }
        }
    }
}

fn check_docs_url_format(input: &Input<'_>, errors: &mut Errors) {
    let given = std::iter::once(&input.attrs.docs_url)
        .chain(input.variants.iter().map(|variant| &variant.attrs.docs_url))
        .flatten();
    for url in given {
        if let Err(problem) = docs_url_problem(&url.value.value()) {
            errors.at(url.value.span(), problem);
        }
    }
}

fn docs_url_problem(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!(
            "`docs_url` must be an absolute `https://` URL, like `https://example.com/docs/errors`; got `{url}`"
        ));
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() {
        return Err("`docs_url` has no host after `https://`".to_owned());
    }
    if url.ends_with('/') {
        return Err(format!(
            "`docs_url` must not end in `/`: the URL is built as `{{docs_url}}/{{status}}#{{error_type}}`; write `{}`",
            url.trim_end_matches('/')
        ));
    }
    if let Some(bad) = url.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '#' | '?' | '"' | '\\' | '<' | '>')
    }) {
        return Err(format!(
            "`docs_url` must not contain {bad:?}: the status and `#error_type` are appended to it"
        ));
    }
    Ok(())
}

fn check_docs_url_present(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    if !variant.attrs.wrote("docs_url") && !input.attrs.wrote("docs_url") {
        errors.at(
            variant.ident.span(),
            format!(
                "no `docs_url` for `{}`: add `#[api_error(docs_url = \"https://…\")]` to the enum or to this variant",
                variant.ident
            ),
        );
    }
}

fn check_sources(variant: &Variant<'_>, errors: &mut Errors) {
    let froms: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.from)
        .collect();
    if let [first, again, ..] = froms.as_slice() {
        errors.duplicate(
            *again,
            *first,
            format!(
                "`#[from]` on two fields of `{}`: a variant converts from one error",
                variant.ident
            ),
            "the first `#[from]` is here",
        );
    } else if let [from] = froms.as_slice() {
        if variant.fields.len() > 1 {
            errors.at(
                *from,
                format!(
                    "`#[from]` needs `{}` to have no other field: `From` could not fill them in",
                    variant.ident
                ),
            );
        }
    }
    let sources: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.source)
        .collect();
    if let [first, again, ..] = sources.as_slice() {
        errors.duplicate(
            *again,
            *first,
            format!(
                "`#[source]` on two fields of `{}`: an error has one source",
                variant.ident
            ),
            "the first `#[source]` is here",
        );
    }
    if let (Some(source), Some(from)) = (
        variant.fields.iter().find(|f| f.source.is_some()),
        variant.fields.iter().find(|f| f.from.is_some()),
    ) {
        if !std::ptr::eq(source.original, from.original) {
            errors.at(
                source.original.span(),
                format!("`#[source]` and `#[from]` on different fields of `{}`: `#[from]` is the source", variant.ident),
            );
        }
    }
}

fn check_texts(variant: &Variant<'_>, errors: &mut Errors) {
    for (key, lit) in variant
        .attrs
        .causes
        .iter()
        .map(|lit| ("cause", lit))
        .chain(variant.attrs.fixes.iter().map(|lit| ("fix", lit)))
    {
        if lit.value().trim().is_empty() {
            errors.at(lit.span(), format!("`{key}` must not be empty"));
        }
    }
}

/// What one `covers = …` entry stands for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cover {
    /// One status, `covers = 404`.
    Status(u16),
    /// Every status of a class without one of its own: `"4xx"` is `Class(4)`.
    Class(u16),
}

impl Cover {
    fn parse(lit: &Lit) -> Result<Self, &'static str> {
        match lit {
            Lit::Int(int) => match int.base10_parse::<u16>() {
                Ok(status) if STATUS_RANGE.contains(&status) => Ok(Self::Status(status)),
                _ => Err(
                    "`covers` takes an HTTP error status, 400 to 599, or a class: `\"4xx\"`, `\"5xx\"`",
                ),
            },
            Lit::Str(class) => match class.value().as_str() {
                "4xx" => Ok(Self::Class(4)),
                "5xx" => Ok(Self::Class(5)),
                "4XX" | "5XX" => Err("`covers` takes a class in lowercase: `\"4xx\"` or `\"5xx\"`"),
                _ => Err(
                    "`covers` takes a class as `\"4xx\"` or `\"5xx\"`, or a status, e.g. `covers = 404`",
                ),
            },
            _ => Err("expected a status or a class"),
        }
    }

    fn describe(self) -> String {
        match self {
            Self::Status(status) => status.to_string(),
            Self::Class(class) => format!("\"{class}xx\""),
        }
    }
}

/// Every valid `covers` entry with the variant that gives it, in declaration order.
pub fn covers<'i, 'a>(input: &'i Input<'a>) -> Vec<(Cover, &'i Variant<'a>, Span)> {
    input
        .variants
        .iter()
        .flat_map(|variant| {
            variant.attrs.covers.iter().filter_map(move |lit| {
                Cover::parse(lit)
                    .ok()
                    .map(|cover| (cover, variant, lit.span()))
            })
        })
        .collect()
}

/// `covers` entries are statuses or classes, on unit variants, each given once; and a
/// catalog that covers anything covers both classes, so that every status has its error.
fn check_covers(input: &Input<'_>, errors: &mut Errors) {
    let mut all_valid = true;
    for variant in &input.variants {
        for lit in &variant.attrs.covers {
            if let Err(problem) = Cover::parse(lit) {
                errors.at(lit.span(), problem);
                all_valid = false;
            }
        }
        if let (Some(first), false) = (variant.attrs.covers.first(), variant.style == Style::Unit) {
            errors.at(
                first.span(),
                "`covers` goes on a unit variant: the error that stands for a framework's failure is made without field values",
            );
        }
    }
    let covers = covers(input);
    let mut seen: HashMap<Cover, Span> = HashMap::new();
    for &(cover, _, span) in &covers {
        match seen.get(&cover) {
            Some(&first) => errors.duplicate(
                span,
                first,
                format!(
                    "`covers = {}` is given twice: one variant stands for a status",
                    cover.describe()
                ),
                format!("`covers = {}` first given here", cover.describe()),
            ),
            None => {
                seen.insert(cover, span);
            }
        }
    }
    // A class written wrong was meant: its absence is not a second mistake.
    if let (Some(&(_, _, span)), true) = (covers.first(), all_valid) {
        for (class, what) in [(4, "client"), (5, "server")] {
            if !seen.contains_key(&Cover::Class(class)) {
                errors.at(
                    span,
                    format!(
                        "`covers` leaves the other {class}xx statuses without an error: add `covers = \"{class}xx\"` to the unit variant that stands for every other {what} error"
                    ),
                );
            }
        }
    }
}

/// What a key says, for the errors about keys that may not go on a variant that is another
/// catalog's error.
fn what(key: &str) -> &str {
    match key {
        "status" => "status",
        "message" => "message",
        "error_type" => "error_type",
        "docs_url" => "docs URL",
        "cause" => "causes",
        "fix" => "fixes",
        _ => "attributes",
    }
}

fn check_transparent(variant: &Variant<'_>, errors: &mut Errors) {
    for (key, span) in variant
        .attrs
        .keys()
        .filter(|(key, _)| *key != "transparent")
    {
        errors.at(
            span,
            format!(
                "`{key}` cannot go on a transparent variant: `{}` is its field's error, with that error's {}; remove `{key}`",
                variant.ident,
                what(key)
            ),
        );
    }
    if variant.fields.len() != 1 {
        let span = variant
            .attrs
            .transparent
            .unwrap_or_else(|| variant.ident.span());
        errors.at(
            span,
            format!(
                "`#[api_error(transparent)]` needs exactly one field, the error that `{}` wraps; it has {}",
                variant.ident,
                variant.fields.len()
            ),
        );
    }
}

fn check_subset(input: &Input<'_>, errors: &mut Errors) {
    if input.attrs.subset_of.is_none() {
        return;
    }
    for (key, span) in input
        .attrs
        .keys()
        .filter(|(key, _)| matches!(*key, "status" | "docs_url"))
    {
        errors.at(
            span,
            format!(
                "`{key}` cannot go on a subset: its errors are the catalog's, with the catalog's {}",
                what(key)
            ),
        );
    }
}

fn check_subset_variant(variant: &Variant<'_>, errors: &mut Errors) {
    for (key, span) in variant.attrs.keys() {
        errors.at(
            span,
            format!(
                "`{key}` cannot go on a variant of a subset: `{}` is the catalog's `{}`, with its {}",
                variant.ident,
                variant.ident,
                what(key)
            ),
        );
    }
    if let Some(field) = variant.fields.first() {
        errors.at(
            field.original.span(),
            format!(
                "`{}` has fields, but a subset's variants are unit variants named after the catalog's; wrap another catalog with `#[api_error(transparent)]`",
                variant.ident
            ),
        );
    }
}

/// A composed catalog is a `static`, concatenated at compile time; its length would depend
/// on a type parameter, which a `static` (and, on stable Rust, an array length) cannot.
fn check_transparent_not_generic(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    let params = input
        .original
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    if let [field] = variant.fields.as_slice() {
        if crate::expand::mentions(field.ty, &params) {
            errors.push(syn::Error::new_spanned(
                field.ty,
                format!(
                    "the field of transparent `{}` depends on a type parameter: a composed catalog is a `static` built at compile time, so the wrapped catalog must be a concrete type",
                    variant.ident
                ),
            ));
        }
    }
}

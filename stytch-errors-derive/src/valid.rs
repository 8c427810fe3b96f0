//! The rules a catalog must follow, one function each, all run so that every mistake is
//! reported in one build.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::Lit;
use syn::spanned::Spanned;

use crate::ast::{Field, Input, Style, Variant};
use crate::errors::Errors;
use crate::message::{Piece, Placeholder};
use crate::prop::error_type;
use crate::valid_compose::{
    check_subset, check_subset_variant, check_transparent, check_transparent_not_generic,
};
use crate::{case, header_rules, suggest, url};

pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = stytch_errors_shared::status::RANGE;

pub fn check(input: &Input<'_>, errors: &mut Errors) {
    check_status_range(input, errors);
    check_docs_url_format(input, errors);
    check_log_levels(input, errors);
    header_rules::check_names(input, errors);
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
        check_source_type(variant, errors);
        check_texts(variant, errors);
        check_details(variant, errors);
        header_rules::check_values(input, variant, errors);
    }
    check_unique_error_types(input, errors);
    check_unique_from_types(input, errors);
    check_covers(input, errors);
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
        if let Some(problem) = placeholder_problem(variant, placeholder, "the message") {
            errors.at(lit.span(), problem);
        }
    }
}

/// What is wrong with `placeholder` in `what` (the message, a header value) of `variant`.
pub fn placeholder_problem(
    variant: &Variant<'_>,
    placeholder: &Placeholder,
    what: &str,
) -> Option<String> {
    match (placeholder, variant.style) {
        (_, Style::Unit) => Some(format!(
            "`{placeholder}` in {what}, but `{}` has no fields; write `{{{{` for a literal brace",
            variant.ident
        )),
        (Placeholder::Index(_), Style::Named) => Some(format!(
            "positional `{placeholder}` in {what} of `{}`, which has named fields: use `{{name}}`",
            variant.ident
        )),
        (Placeholder::Named(_), Style::Tuple) => Some(format!(
            "named `{placeholder}` in {what} of `{}`, which has tuple fields: use `{{0}}`, `{{1}}`, …",
            variant.ident
        )),
        (Placeholder::Index(index), Style::Tuple) if *index >= variant.fields.len() => {
            Some(format!(
                "`{placeholder}` in {what}, but `{}` has {} field(s)",
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
                None => Some(unknown_field(variant, placeholder, &name, what)),
                Some(field) if field.is_source() => Some(format!(
                    "`{placeholder}` is the underlying error of `{}`: its text never goes into {what}",
                    variant.ident
                )),
                Some(_) => None,
            }
        }
    }
}

pub const LOG_LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

/// The `log` of a variant: its own or the enum's.
pub fn log_level<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Option<String> {
    variant
        .attrs
        .log
        .as_ref()
        .or(input.attrs.log.as_ref())
        .map(|log| log.value.value())
}

fn check_log_levels(input: &Input<'_>, errors: &mut Errors) {
    let given = std::iter::once(&input.attrs.log)
        .chain(input.variants.iter().map(|variant| &variant.attrs.log))
        .flatten();
    for log in given {
        let level = log.value.value();
        if !LOG_LEVELS.contains(&level.as_str()) {
            errors.at(
                log.value.span(),
                format!(
                    "unknown `log` level `{level}`: expected one of {}",
                    LOG_LEVELS.map(|l| format!("`{l}`")).join(", ")
                ),
            );
        }
    }
}

/// The names a details field may not have: the members of problem details, beside which
/// the details are extension members.
const PROBLEM_MEMBERS: [&str; 6] = [
    "type",
    "title",
    "status",
    "detail",
    "error_type",
    "request_id",
];

fn check_details(variant: &Variant<'_>, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(details) = field.details else {
            continue;
        };
        if field.original.ident.is_none() {
            errors.at(
                details,
                "`details` needs a named field: the field's name is its member of `error_details`",
            );
        } else if field.is_source() {
            errors.at(
                details,
                format!(
                    "`details` on the underlying error of `{}`: a source's text never reaches the body",
                    variant.ident
                ),
            );
        } else if PROBLEM_MEMBERS.contains(&field.placeholder_name().as_str()) {
            errors.at(
                details,
                format!(
                    "a details field cannot be named `{}`: problem details already have that member",
                    field.placeholder_name()
                ),
            );
        }
    }
}

/// "No such field", with the closest field a message may show.
fn unknown_field(
    variant: &Variant<'_>,
    placeholder: &Placeholder,
    name: &str,
    what: &str,
) -> String {
    let shown = variant
        .fields
        .iter()
        .filter(|field| !field.is_source())
        .map(Field::placeholder_name)
        .collect::<Vec<_>>();
    let meant = suggest::closest(name, shown.iter().map(String::as_str));
    let problem = format!(
        "`{placeholder}` in {what}, but `{}` has no field `{name}`",
        variant.ident
    );
    match meant {
        Some(meant) => format!("{problem}: did you mean `{{{meant}}}`?"),
        None => problem,
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
        if let Err(problem) = url::problem(&url.value.value()) {
            errors.at(url.value.span(), problem);
        }
    }
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

/// Two variants with `#[from]` of the same type would implement `From` of it twice.
fn check_unique_from_types(input: &Input<'_>, errors: &mut Errors) {
    let mut seen: HashMap<String, Span> = HashMap::new();
    for field in input.variants.iter().filter_map(Variant::converted_field) {
        let Some(from) = field.from else { continue };
        let ty = shown(field.ty);
        match seen.get(&ty) {
            Some(&first) => errors.duplicate(
                from,
                first,
                format!(
                    "`#[from]` on a second field of type `{ty}`: `From<{ty}>` can be implemented once; keep `#[from]` on one variant and build the other one by hand"
                ),
                format!("the first `#[from]` of type `{ty}` is here"),
            ),
            None => {
                seen.insert(ty, from);
            }
        }
    }
}

/// A type as its source writes it, near enough: `std::io::Error`, not `std :: io :: Error`.
fn shown(ty: &syn::Type) -> String {
    let mut text = ty.to_token_stream().to_string();
    for (spaced, tight) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
    ] {
        text = text.replace(spaced, tight);
    }
    text
}

/// A source whose type is plainly no error (text, a number, a collection): the derive's own
/// error at the field, which says what to do, rather than the compiler's about a trait bound.
fn check_source_type(variant: &Variant<'_>, errors: &mut Errors) {
    let Some(field) = variant.source_field() else {
        return;
    };
    let ty = field.error_ty();
    if !is_plain(ty) {
        return;
    }
    let (why, fix) = if field.from.is_some() {
        (
            "`#[from]` marks it as the underlying error",
            "remove `#[from]`",
        )
    } else if field.source.is_some() {
        (
            "`#[source]` marks it as the underlying error",
            "remove `#[source]`",
        )
    } else {
        (
            "a field named `source` is the underlying error",
            "rename the field",
        )
    };
    errors.push(syn::Error::new_spanned(
        ty,
        format!(
            "the source of `{}` must be an error ({why}), but `{}` is not one: give it a type that implements `std::error::Error`, or {fix}",
            variant.ident,
            shown(ty)
        ),
    ));
}

/// Whether `ty` is a standard type that is never an error: text, a number, a collection, a
/// tuple or an array (behind references too).
fn is_plain(ty: &syn::Type) -> bool {
    const PLAIN: &[&str] = &[
        "String", "str", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
        "i32", "i64", "i128", "isize", "f32", "f64", "Vec", "VecDeque", "HashMap", "BTreeMap",
        "HashSet", "BTreeSet", "Cow",
    ];
    match ty {
        syn::Type::Reference(reference) => is_plain(&reference.elem),
        syn::Type::Paren(inner) => is_plain(&inner.elem),
        syn::Type::Tuple(_) | syn::Type::Array(_) | syn::Type::Slice(_) => true,
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| PLAIN.iter().any(|plain| last.ident == plain)),
        _ => false,
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

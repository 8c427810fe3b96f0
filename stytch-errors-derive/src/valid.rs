//! The rules a catalog must follow, one function each, all run so that every mistake is
//! reported in one build.

use crate::ast::{Field, Input, Style, Variant};
use crate::errors::Errors;
use crate::message::{Piece, Placeholder};
use crate::prop::error_type;
use crate::valid_compose::{
    check_subset, check_subset_variant, check_transparent, check_transparent_not_generic,
};
use crate::valid_covers::check_covers;
use crate::valid_sources::{check_source_type, check_sources, check_unique_from_types};
use crate::{case, header_rules, suggest, url};

pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = stytch_errors_shared::status::RANGE;

pub fn check(input: &Input<'_>, errors: &mut Errors) {
    check_status_range(input, errors);
    check_docs_url_format(input, errors);
    check_log_levels(input, errors);
    header_rules::check_given(input, errors);
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
    require(input, variant, "status", errors, |name| {
        format!(
            "missing `status` on `{name}`: add `#[api_error(status = …)]`, or a default `status` on the enum"
        )
    });
}

/// Reports `message(variant name)` at the variant when neither it nor the enum writes `key`.
fn require(
    input: &Input<'_>,
    variant: &Variant<'_>,
    key: &str,
    errors: &mut Errors,
    message: impl FnOnce(&syn::Ident) -> String,
) {
    if !variant.attrs.wrote(key) && !input.attrs.wrote(key) {
        errors.at(variant.ident.span(), message(variant.ident));
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
        (placeholder, _) => match variant.field_of(placeholder) {
            None => Some(unknown_field(
                variant,
                placeholder,
                &placeholder.name(),
                what,
            )),
            Some(field) if field.is_source() => Some(format!(
                "`{placeholder}` is the underlying error of `{}`: its text never goes into {what}",
                variant.ident
            )),
            Some(_) => None,
        },
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
    if input.attrs.subset_of.is_some() {
        // The catalog has checked its own.
        return;
    }
    let error_types = input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_none())
        .map(error_type);
    errors.duplicates(error_types, |error_type| {
        (
            format!("duplicate error_type `{error_type}`"),
            format!("error_type `{error_type}` first defined here"),
        )
    });
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
    require(input, variant, "docs_url", errors, |name| {
        format!(
            "no `docs_url` for `{name}`: add `#[api_error(docs_url = \"https://…\")]` to the enum or to this variant"
        )
    });
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

//! The rules of a catalog entry's values: the status, the docs base, the `error_type`, the
//! log level and the texts, each given well-formed, and present where every error needs one.

use stytch_errors_shared::status::RANGE as STATUS_RANGE;

use crate::case;
use crate::check::url;
use crate::errors::Errors;
use crate::parse::ast::{Input, Variant};
use crate::prop::error_type;

pub fn check_status_range(input: &Input<'_>, errors: &mut Errors) {
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

pub fn check_status_present(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
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

pub const LOG_LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

pub fn check_log_levels(input: &Input<'_>, errors: &mut Errors) {
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

pub fn check_error_type_format(variant: &Variant<'_>, errors: &mut Errors) {
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

pub fn check_unique_error_types(input: &Input<'_>, errors: &mut Errors) {
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

pub fn check_docs_url_format(input: &Input<'_>, errors: &mut Errors) {
    let given = std::iter::once(&input.attrs.docs_url)
        .chain(input.variants.iter().map(|variant| &variant.attrs.docs_url))
        .flatten();
    for url in given {
        if let Err(problem) = url::problem(&url.value.value()) {
            errors.at(url.value.span(), problem);
        }
    }
}

pub fn check_docs_url_present(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    require(input, variant, "docs_url", errors, |name| {
        format!(
            "no `docs_url` for `{name}`: add `#[api_error(docs_url = \"https://…\")]` to the enum or to this variant"
        )
    });
}

pub fn check_texts(variant: &Variant<'_>, errors: &mut Errors) {
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

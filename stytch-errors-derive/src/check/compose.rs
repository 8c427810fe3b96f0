//! The rules of variants that are another catalog's errors: transparent variants, and the
//! variants of a subset.

use syn::spanned::Spanned;

use crate::errors::Errors;
use crate::parse::ast::{Input, Variant};

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
        "retryable" => "retry hint",
        _ => "attributes",
    }
}

pub fn check_transparent(variant: &Variant<'_>, errors: &mut Errors) {
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
    for source in variant.fields.iter().filter_map(|field| field.source) {
        errors.at(
            source,
            format!(
                "`#[source]` cannot go on the field of a transparent variant: `{}` is that error, whose own `source()` is its source; remove `#[source]`",
                variant.ident
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

pub fn check_subset(input: &Input<'_>, errors: &mut Errors) {
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

pub fn check_subset_variant(variant: &Variant<'_>, errors: &mut Errors) {
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
pub fn check_transparent_not_generic(
    input: &Input<'_>,
    variant: &Variant<'_>,
    errors: &mut Errors,
) {
    let params = input
        .original
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    if let [field] = variant.fields.as_slice() {
        if crate::generics::mentions(field.ty, &params) {
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

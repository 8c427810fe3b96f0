//! The rules of the message and of every template that shows fields: present, not empty,
//! and each placeholder naming a field that the text may show.

use crate::errors::Errors;
use crate::parse::ast::{Field, Style, Variant};
use crate::parse::message::{Piece, Placeholder};
use crate::suggest;

pub fn check_message(variant: &Variant<'_>, errors: &mut Errors) {
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

pub fn check_placeholders(variant: &Variant<'_>, errors: &mut Errors) {
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
            Some(field) if variant.is_source(field) => Some(format!(
                "`{placeholder}` is the underlying error of `{}`: its text never goes into {what}",
                variant.ident
            )),
            Some(_) => None,
        },
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
        .filter(|field| !variant.is_source(field))
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

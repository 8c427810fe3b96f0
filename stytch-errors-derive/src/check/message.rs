//! The rules of the message and of every template that shows fields: present, not empty,
//! and each placeholder naming a field that the text may show.

use syn::ext::IdentExt;

use crate::errors::Errors;
use crate::parse::ast::{Field, Input, Style, Variant};
use crate::parse::message::{Piece, Placeholder};
use crate::parse::message_args::{self, Arg};
use crate::suggest;

pub fn check_message(variant: &Variant<'_>, errors: &mut Errors) {
    if let (Some(fmt), Some(_)) = (&variant.attrs.fmt, &variant.attrs.message) {
        errors.at(
            fmt.key,
            format!(
                "`fmt` and `message` both given on `{}`: keep one (`message` is the template, `fmt` a function that writes the message)",
                variant.ident
            ),
        );
        return;
    }
    if variant.fmt_path().is_some() {
        return;
    }
    match variant.message_lit() {
        None if variant.attrs.wrote("message") || variant.attrs.wrote("fmt") => {}
        None => errors.at(
            variant.ident.span(),
            format!(
                "missing `message` on `{}`: add `#[api_error(message = \"…\")]`{}",
                variant.ident,
                if variant.is_struct {
                    ""
                } else {
                    ", or a `message` on the enum for every variant without one"
                }
            ),
        ),
        Some(lit) if lit.value().trim().is_empty() => {
            errors.at(lit.span(), "`message` must not be empty");
        }
        Some(_) => {}
    }
}

/// `fmt` and `message` on the enum: one default, not two.
pub fn check_enum_message(input: &Input<'_>, errors: &mut Errors) {
    if let (Some(fmt), Some(_)) = (&input.attrs.fmt, &input.attrs.message) {
        errors.at(
            fmt.key,
            "`fmt` and `message` both given on the enum: keep one (`message` is the template, `fmt` a function that writes the message)",
        );
    }
}

pub fn check_placeholders(variant: &Variant<'_>, errors: &mut Errors) {
    if variant.fmt_path().is_some() {
        return;
    }
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
    let args = variant.message_args();
    let named = |name: &str| {
        args.iter()
            .any(|arg| arg.name.as_ref().is_some_and(|n| n.unraw() == name))
    };
    let positional: Vec<&Arg> = args.iter().filter(|arg| arg.name.is_none()).collect();
    let mut ambiguous = false;
    let mut next = 0;
    for piece in pieces {
        if let Piece::Spec { spec, .. } = piece {
            next += spec.matches(".*").count();
        }
        match piece.placeholder() {
            None if matches!(piece, Piece::Spec { .. }) => next += 1,
            None => {}
            Some(Placeholder::Named(name)) if named(name) => {}
            Some(placeholder) => {
                if let (Placeholder::Index(_), Style::Tuple, Some(first)) =
                    (placeholder, variant.style, positional.first())
                {
                    if !ambiguous {
                        errors.push(syn::Error::new_spanned(
                            &first.tokens,
                            format!(
                                "ambiguous reference to positional arguments by number in a tuple variant: `{placeholder}` is the field of `{}`; change this argument to a named one, `name = …`, and show it with `{{name}}`",
                                variant.ident
                            ),
                        ));
                    }
                    ambiguous = true;
                    continue;
                }
                if let Some(problem) = placeholder_problem(variant, placeholder, "the message") {
                    errors.at(lit.span(), problem);
                }
            }
        }
    }
    if let Some(extra) = positional.get(next) {
        errors.push(syn::Error::new_spanned(
            &extra.tokens,
            format!(
                "argument never used: the message has {next} `{{}}` placeholder(s) for {} positional argument(s)",
                positional.len()
            ),
        ));
    } else if next > positional.len() {
        let problem = if args.is_empty() {
            "a placeholder `{}` must name a field: `{field}` for a named field, `{0}` for a tuple field, or give its value after the template, `message(\"…{}\", .field.len())`".to_owned()
        } else {
            format!(
                "the message has {next} `{{}}` placeholder(s) but {} positional argument(s): give one value per `{{}}`",
                positional.len()
            )
        };
        errors.at(lit.span(), problem);
    }
    check_args(variant, pieces, errors);
}

/// Each named argument shown, each `.field` of an argument a field of the variant.
fn check_args(variant: &Variant<'_>, pieces: &[Piece], errors: &mut Errors) {
    for arg in variant.message_args() {
        if let Some(name) = &arg.name {
            let unraw = name.unraw().to_string();
            let used = pieces.iter().any(|piece| match piece {
                Piece::Spec { spec, .. } if spec.contains(&format!("{unraw}$")) => true,
                piece => piece.placeholder() == Some(&Placeholder::Named(unraw.clone())),
            });
            if !used {
                errors.at(
                    name.span(),
                    format!("named argument `{unraw}` is never used in the message: show it with `{{{unraw}}}`"),
                );
            }
        }
        for shorthand in message_args::shorthands(&arg.tokens) {
            if variant.field_of(&shorthand.placeholder).is_some() {
                continue;
            }
            if let Some(problem) = placeholder_problem(
                variant,
                &shorthand.placeholder,
                "an argument of the message",
            ) {
                // Said as the argument writes it: `.field`, not `{field}`.
                let problem = problem
                    .replace(
                        &format!("`{}`", shorthand.placeholder),
                        &format!("`.{}`", shorthand.placeholder.name()),
                    )
                    .replace("did you mean `{", "did you mean `.")
                    .replace("}`?", "`?");
                errors.at(shorthand.span, problem);
            }
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

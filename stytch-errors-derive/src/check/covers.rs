//! The rules of `covers = …`: a status or a class, on unit variants, each given once, both
//! classes covered once any is.

use crate::errors::Errors;
use crate::parse::ast::{Input, Style};
use crate::prop::{Cover, covers};

/// `covers` entries are statuses or classes, on unit variants, each given once; and a
/// catalog that covers anything covers both classes, so that every status has its error.
pub fn check_covers(input: &Input<'_>, errors: &mut Errors) {
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
    let seen = errors.duplicates(
        covers.iter().map(|&(cover, _, span)| (cover, span)),
        |cover| {
            (
                format!(
                    "`covers = {}` is given twice: one variant stands for a status",
                    cover.describe()
                ),
                format!("`covers = {}` first given here", cover.describe()),
            )
        },
    );
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

//! The rules of `covers = …`, and what its entries stand for: a status or a class, on unit
//! variants, each given once, both classes covered once any is.

use proc_macro2::Span;
use syn::Lit;

use crate::ast::{Input, Style, Variant};
use crate::errors::Errors;
use crate::valid::STATUS_RANGE;

/// What one `covers = …` entry stands for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cover {
    /// One status, `covers = 404`.
    Status(u16),
    /// Every status of a class without one of its own: `"4xx"` is `Class(4)`.
    Class(u16),
}

impl Cover {
    pub fn parse(lit: &Lit) -> Result<Self, &'static str> {
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

//! The rules of `header("name", "template")`: a valid header name, a value template that
//! parses, shows existing fields and holds no control character.

use crate::ast::{Input, Variant};
use crate::attr::Header;
use crate::errors::Errors;
use crate::message::{self, Piece};
use crate::valid;

/// The names a header template may not take: the response's own headers.
const RESERVED_HEADERS: [&str; 3] = ["content-type", "content-length", "x-request-id"];

pub fn check_names(input: &Input<'_>, errors: &mut Errors) {
    let given = input.attrs.headers.iter().chain(
        input
            .variants
            .iter()
            .flat_map(|variant| &variant.attrs.headers),
    );
    for header in given {
        let name = header.name.value();
        let problem = if name.is_empty() {
            Some("a header name must not be empty".to_owned())
        } else if let Some(bad) = name.chars().find(|&c| !is_token_char(c)) {
            Some(format!(
                "`{name}` is not a valid header name: {bad:?} is not allowed (letters, digits and `!#$%&'*+-.^_`|~` only)"
            ))
        } else if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            Some(format!(
                "`{name}` is set by every error response: a header template cannot replace it"
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.at(header.name.span(), problem);
        }
    }
}

/// A `tchar` of RFC 9110: what a header name is made of.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// The parsed value templates of the headers `variant` sends: its own, then the enum's
/// whose name it does not give; the enum's placeholders are checked against each variant.
pub fn headers<'i>(
    input: &'i Input<'_>,
    variant: &'i Variant<'_>,
) -> Vec<(&'i Header, Result<Vec<Piece>, String>)> {
    let own = variant.attrs.headers.iter();
    let inherited = input.attrs.headers.iter().filter(|header| {
        !variant
            .attrs
            .headers
            .iter()
            .any(|own| own.name.value().eq_ignore_ascii_case(&header.name.value()))
    });
    own.chain(inherited)
        .map(|header| {
            (
                header,
                message::parse_in(&header.value.value(), "the header value"),
            )
        })
        .collect()
}

pub fn check_values(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    // A mistake in an enum's header is the same for every variant: reported with the first.
    let first_variant = input
        .variants
        .first()
        .is_some_and(|first| std::ptr::eq(first, variant));
    let report = |header: &Header| {
        first_variant || !input.attrs.headers.iter().any(|h| std::ptr::eq(h, header))
    };
    for (header, pieces) in headers(input, variant) {
        let lit = &header.value;
        let pieces = match pieces {
            Ok(pieces) => pieces,
            Err(problem) => {
                if report(header) {
                    errors.at(lit.span(), problem);
                }
                continue;
            }
        };
        for piece in &pieces {
            match piece {
                Piece::Text(text) => {
                    if let Some(bad) = text.chars().find(|c| c.is_control()) {
                        if report(header) {
                            errors.at(
                                lit.span(),
                                format!(
                                    "the value of header `{}` holds {bad:?}: a header value cannot hold a line break or another control character",
                                    header.name.value()
                                ),
                            );
                        }
                    }
                }
                Piece::Field(placeholder) => {
                    if let Some(problem) =
                        valid::placeholder_problem(variant, placeholder, "the header value")
                    {
                        errors.at(lit.span(), problem);
                    }
                }
            }
        }
    }
}

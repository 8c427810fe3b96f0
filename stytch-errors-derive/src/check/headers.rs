//! The rules of `header("name", "template")`: a valid header name, a value template that
//! parses, shows existing fields and holds no control character.

use crate::check::message::placeholder_problem;
use crate::errors::Errors;
use crate::parse::ast::{Input, Variant};
use crate::parse::attr::Header;
use crate::parse::message::Piece;
use crate::prop;
use stytch_errors_shared::headers::describes_body_or_connection;

/// The rules of each header as written, once per header (the enum's as well as the
/// variants'): a valid name that no error response sets itself, and a template that parses
/// with no control character in its literal parts.
pub fn check_given(input: &Input<'_>, errors: &mut Errors) {
    let given = input.attrs.headers.iter().chain(
        input
            .variants
            .iter()
            .flat_map(|variant| &variant.attrs.headers),
    );
    for header in given {
        if let Some(problem) = name_problem(&header.name.value()) {
            errors.at(header.name.span(), problem);
        }
        for problem in template_problems(header) {
            errors.at(header.value.span(), problem);
        }
    }
}

/// What is wrong with a header's name, if anything.
fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        Some("a header name must not be empty".to_owned())
    } else if let Some(bad) = name.chars().find(|&c| !is_token_char(c)) {
        Some(format!(
            "`{name}` is not a valid header name: {bad:?} is not allowed (letters, digits and `!#$%&'*+-.^_`|~` only)"
        ))
    } else if name.eq_ignore_ascii_case("x-request-id") {
        Some(format!(
            "`{name}` is set by every error response to the request's id: a header template cannot replace it"
        ))
    } else if describes_body_or_connection(name) {
        Some(format!(
            "`{name}` describes the body or the connection, which the server sets for the body it sends: a header template cannot set it; declare headers about the error, such as `retry-after` or `www-authenticate`"
        ))
    } else {
        None
    }
}

/// What is wrong with a header's template: it does not parse, or literal parts hold a
/// control character (one problem per such part).
fn template_problems(header: &Header) -> Vec<String> {
    let pieces = match &header.pieces {
        Ok(pieces) => pieces,
        Err(problem) => return vec![problem.clone()],
    };
    pieces
        .iter()
        .filter_map(|piece| {
            let Piece::Text(text) = piece else {
                return None;
            };
            let bad = text.chars().find(|c| c.is_control())?;
            Some(format!(
                "the value of header `{}` holds {bad:?}: a header value cannot hold a line break or another control character",
                header.name.value()
            ))
        })
        .collect()
}

/// A `tchar` of RFC 9110: what a header name is made of.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// The placeholders of the headers `variant` sends, each checked against its fields (an
/// enum's header against every variant's).
pub fn check_values(input: &Input<'_>, variant: &Variant<'_>, errors: &mut Errors) {
    for header in prop::headers(input, variant) {
        let Ok(pieces) = &header.pieces else {
            continue;
        };
        for piece in pieces {
            let problem = match piece.placeholder() {
                Some(placeholder) => placeholder_problem(variant, placeholder, "the header value"),
                None if matches!(piece, Piece::Spec { .. }) => Some(
                    "a placeholder `{}` must name a field: `{field}` for a named field, `{0}` for a tuple field".to_owned(),
                ),
                None => None,
            };
            if let Some(problem) = problem {
                errors.at(header.value.span(), problem);
            }
        }
    }
}

//! The `#[api_error(…)]` attributes of a field: `details`, the only key a field takes.

use proc_macro2::Span;
use syn::Attribute;
use syn::spanned::Spanned;

use crate::errors::Errors;
use crate::parse::args::{self, Value};
use crate::parse::keys::Level;

/// The `#[api_error(…)]` attributes of one field: `details`, or nothing.
pub struct FieldAttrs {
    /// The `details` key, if given.
    pub details: Option<Span>,
}

impl FieldAttrs {
    pub fn parse(attrs: &[Attribute], errors: &mut Errors) -> Self {
        let mut details: Option<Span> = None;
        for attr in attrs
            .iter()
            .filter(|attr| attr.path().is_ident("api_error"))
        {
            let Ok(meta) = attr.meta.require_list() else {
                errors.at(attr.meta.span(), "expected `#[api_error(details)]`");
                continue;
            };
            args::parse(meta.tokens.clone(), errors, |key, value, errors| {
                if key.name != "details" {
                    let message = if Level::Variant.takes(&key.name) {
                        format!("`{}` goes on a variant, not on a field", key.name)
                    } else if Level::Enum.takes(&key.name) {
                        format!("`{}` goes on the enum, not on a field", key.name)
                    } else {
                        "unknown key in `#[api_error]` on a field: expected `details`".to_owned()
                    };
                    errors.at(key.span, message);
                    return;
                }
                match value {
                    Value::Bare => {}
                    Value::Bad => return,
                    Value::Tokens(tokens) => {
                        args::not_a_literal(tokens, errors);
                        return;
                    }
                    Value::Lit(lit) => {
                        errors.at(
                            lit.span(),
                            "`details` takes no value: `#[api_error(details)]`",
                        );
                        return;
                    }
                    Value::Parens(group) => {
                        errors.push(syn::Error::new_spanned(
                            group,
                            "`details` takes no value: `#[api_error(details)]`",
                        ));
                        return;
                    }
                }
                match details {
                    Some(first) => errors.duplicate(
                        key.span,
                        first,
                        "duplicate `details`",
                        "`details` first given here",
                    ),
                    None => details = Some(key.span),
                }
            });
        }
        FieldAttrs { details }
    }
}

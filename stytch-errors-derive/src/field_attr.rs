//! The `#[api_error(…)]` attributes of a field: `details`, the only key a field takes.

use proc_macro2::Span;
use syn::Attribute;
use syn::spanned::Spanned;

use crate::attr::{Level, key_name, value};
use crate::errors::Errors;

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
            let result = attr.parse_nested_meta(|meta| {
                let key_span = meta.path.span();
                let key = key_name(&meta);
                let given = value(&meta);
                if key != "details" {
                    let message = if Level::Variant.keys().contains(&key.as_str()) {
                        format!("`{key}` goes on a variant, not on a field")
                    } else if Level::Enum.keys().contains(&key.as_str()) {
                        format!("`{key}` goes on the enum, not on a field")
                    } else {
                        "unknown key in `#[api_error]` on a field: expected `details`".to_owned()
                    };
                    errors.at(key_span, message);
                    return Ok(());
                }
                match given {
                    Ok(None) => {}
                    Ok(Some(lit)) => {
                        errors.at(
                            lit.span(),
                            "`details` takes no value: `#[api_error(details)]`",
                        );
                        return Ok(());
                    }
                    Err(error) => {
                        errors.push(error);
                        return Ok(());
                    }
                }
                match details {
                    Some(first) => errors.duplicate(
                        key_span,
                        first,
                        "duplicate `details`",
                        "`details` first given here",
                    ),
                    None => details = Some(key_span),
                }
                Ok(())
            });
            if let Err(error) = result {
                errors.push(error);
            }
        }
        FieldAttrs { details }
    }
}

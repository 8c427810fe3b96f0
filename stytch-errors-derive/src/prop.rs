//! Facts derived from the model that both the checks and the expansion read: a variant's
//! status, `error_type`, docs base, log level and headers, and what `covers` entries stand
//! for, each resolved in one place.

use proc_macro2::Span;
use stytch_errors_shared::status::RANGE as STATUS_RANGE;
use syn::{Lit, LitStr};

use crate::case;
use crate::parse::ast::{Input, Variant};
use crate::parse::attr::Header;

/// The status a variant answers with: its own or the enum's.
pub fn status(input: &Input<'_>, variant: &Variant<'_>) -> Option<u16> {
    let lit = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())?;
    lit.value.base10_parse::<u16>().ok()
}

/// The variant's `error_type`, and where it comes from (the literal or the variant's name).
pub fn error_type(variant: &Variant<'_>) -> (String, Span) {
    match &variant.attrs.error_type {
        Some(lit) => (lit.value.value(), lit.value.span()),
        None => (case::snake_case(&variant.name()), variant.ident.span()),
    }
}

/// The docs base of a variant: its own or the enum's.
pub fn docs_url<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Option<&'i LitStr> {
    variant
        .attrs
        .docs_url
        .as_ref()
        .or(input.attrs.docs_url.as_ref())
        .map(|url| &url.value)
}

/// The `log` of a variant: its own or the enum's.
pub fn log_level<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Option<String> {
    variant
        .attrs
        .log
        .as_ref()
        .or(input.attrs.log.as_ref())
        .map(|log| log.value.value())
}

/// The headers `variant` sends: its own, then the enum's whose name it does not give.
pub fn headers<'i>(input: &'i Input<'_>, variant: &'i Variant<'_>) -> Vec<&'i Header> {
    let own = variant.attrs.headers.iter();
    let inherited = input.attrs.headers.iter().filter(|header| {
        !variant
            .attrs
            .headers
            .iter()
            .any(|own| own.name.value().eq_ignore_ascii_case(&header.name.value()))
    });
    own.chain(inherited).collect()
}

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

    pub fn describe(self) -> String {
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

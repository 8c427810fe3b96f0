//! The rules of the underlying errors: `#[source]` and `#[from]` fields, their types, and
//! `From` implemented once per type.

use quote::ToTokens;
use syn::spanned::Spanned;

use crate::ast::{Input, Variant};
use crate::errors::Errors;

pub fn check_sources(variant: &Variant<'_>, errors: &mut Errors) {
    let froms: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.from)
        .collect();
    if let [first, again, ..] = froms.as_slice() {
        errors.duplicate(
            *again,
            *first,
            format!(
                "`#[from]` on two fields of `{}`: a variant converts from one error",
                variant.ident
            ),
            "the first `#[from]` is here",
        );
    } else if let [from] = froms.as_slice() {
        if variant.fields.len() > 1 {
            errors.at(
                *from,
                format!(
                    "`#[from]` needs `{}` to have no other field: `From` could not fill them in",
                    variant.ident
                ),
            );
        }
    }
    let sources: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.source)
        .collect();
    if let [first, again, ..] = sources.as_slice() {
        errors.duplicate(
            *again,
            *first,
            format!(
                "`#[source]` on two fields of `{}`: an error has one source",
                variant.ident
            ),
            "the first `#[source]` is here",
        );
    }
    if let (Some(source), Some(from)) = (
        variant.fields.iter().find(|f| f.source.is_some()),
        variant.fields.iter().find(|f| f.from.is_some()),
    ) {
        if !std::ptr::eq(source.original, from.original) {
            errors.at(
                source.original.span(),
                format!("`#[source]` and `#[from]` on different fields of `{}`: `#[from]` is the source", variant.ident),
            );
        }
    }
}

/// Two variants with `#[from]` of the same type would implement `From` of it twice.
pub fn check_unique_from_types(input: &Input<'_>, errors: &mut Errors) {
    let from_types = input
        .variants
        .iter()
        .filter_map(Variant::converted_field)
        .filter_map(|field| Some((shown(field.ty), field.from?)));
    errors.duplicates(from_types, |ty| {
        (
            format!(
                "`#[from]` on a second field of type `{ty}`: `From<{ty}>` can be implemented once; keep `#[from]` on one variant and build the other one by hand"
            ),
            format!("the first `#[from]` of type `{ty}` is here"),
        )
    });
}

/// A type as its source writes it, near enough: `std::io::Error`, not `std :: io :: Error`.
fn shown(ty: &syn::Type) -> String {
    let mut text = ty.to_token_stream().to_string();
    for (spaced, tight) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
    ] {
        text = text.replace(spaced, tight);
    }
    text
}

/// A source whose type is plainly no error (text, a number, a collection): the derive's own
/// error at the field, which says what to do, rather than the compiler's about a trait bound.
pub fn check_source_type(variant: &Variant<'_>, errors: &mut Errors) {
    let Some(field) = variant.source_field() else {
        return;
    };
    let ty = field.error_ty();
    if !is_plain(ty) {
        return;
    }
    let (why, fix) = if field.from.is_some() {
        (
            "`#[from]` marks it as the underlying error",
            "remove `#[from]`",
        )
    } else if field.source.is_some() {
        (
            "`#[source]` marks it as the underlying error",
            "remove `#[source]`",
        )
    } else {
        (
            "a field named `source` is the underlying error",
            "rename the field",
        )
    };
    errors.push(syn::Error::new_spanned(
        ty,
        format!(
            "the source of `{}` must be an error ({why}), but `{}` is not one: give it a type that implements `std::error::Error`, or {fix}",
            variant.ident,
            shown(ty)
        ),
    ));
}

/// Whether `ty` is a standard type that is never an error: text, a number, a collection, a
/// tuple or an array (behind references too).
fn is_plain(ty: &syn::Type) -> bool {
    const PLAIN: &[&str] = &[
        "String", "str", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
        "i32", "i64", "i128", "isize", "f32", "f64", "Vec", "VecDeque", "HashMap", "BTreeMap",
        "HashSet", "BTreeSet", "Cow",
    ];
    match ty {
        syn::Type::Reference(reference) => is_plain(&reference.elem),
        syn::Type::Paren(inner) => is_plain(&inner.elem),
        syn::Type::Tuple(_) | syn::Type::Array(_) | syn::Type::Slice(_) => true,
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| PLAIN.iter().any(|plain| last.ident == plain)),
        _ => false,
    }
}

//! The rules of the underlying errors: `#[source]` and `#[from]` fields, their types, and
//! `From` implemented once per type.

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

use crate::errors::Errors;
use crate::parse::ast::{Field, Input, Variant};

pub fn check_sources(variant: &Variant<'_>, errors: &mut Errors) {
    let froms = marked_once(
        variant,
        |field| field.from,
        "from",
        "a variant converts from one error",
        errors,
    );
    if let Some(from) = froms
        && variant.fields.len() > 1
    {
        errors.at(
            from,
            format!(
                "`#[from]` needs `{}` to have no other field: `From` could not fill them in",
                variant.ident
            ),
        );
    }
    marked_once(
        variant,
        |field| field.source,
        "source",
        "an error has one source",
        errors,
    );
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

/// The field `mark` finds on `variant` (`#[from]`, `#[source]`), when it is on one field only;
/// on two, an error at the second (saying `why` there is one) with a note at the first.
fn marked_once(
    variant: &Variant<'_>,
    mark: impl Fn(&Field<'_>) -> Option<Span>,
    attr: &str,
    why: &str,
    errors: &mut Errors,
) -> Option<Span> {
    let marked: Vec<Span> = variant.fields.iter().filter_map(mark).collect();
    match marked.as_slice() {
        [only] => Some(*only),
        [first, again, ..] => {
            errors.duplicate(
                *again,
                *first,
                format!("`#[{attr}]` on two fields of `{}`: {why}", variant.ident),
                format!("the first `#[{attr}]` is here"),
            );
            None
        }
        [] => None,
    }
}

/// Two variants with `#[from]` of the same type would implement `From` of it twice.
pub fn check_unique_from_types(input: &Input<'_>, errors: &mut Errors) {
    let from_types = input
        .variants
        .iter()
        .filter_map(Variant::converted_field)
        .filter_map(|field| Some((shown(field.error_ty()), field.from?)));
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

//! The rule of `kind = "Name"`: the enum of kinds is a type of its own.

use syn::ext::IdentExt as _;

use crate::errors::Errors;
use crate::parse::ast::Input;

/// The enum of kinds may not take the catalog's own name: both are types of the same
/// module.
pub fn check_kind_name(input: &Input<'_>, errors: &mut Errors) {
    let Some(kind) = &input.attrs.kind else {
        return;
    };
    let ident = &input.original.ident;
    // `r#AppError` names the type `AppError`.
    if kind.value.unraw() == ident.unraw() {
        errors.at(
            kind.value.span(),
            format!(
                "`kind` names the enum of kinds `{ident}`, the catalog's own name: give it a name of its own, e.g. `kind = \"{ident}Kind\"`"
            ),
        );
    }
}

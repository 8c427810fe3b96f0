//! The rules of `#[api_error(details)]` fields: named, not the source, and not named after a
//! member of problem details.

use crate::errors::Errors;
use crate::parse::ast::Variant;

/// The names a details field may not have: the members of problem details (RFC 9457's
/// five, and the two this crate adds), beside which the details are extension members.
const PROBLEM_MEMBERS: [&str; 7] = [
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "error_type",
    "request_id",
];

pub fn check_details(variant: &Variant<'_>, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(details) = field.details else {
            continue;
        };
        if field.original.ident.is_none() {
            errors.at(
                details,
                "`details` needs a named field: the field's name is its member of `error_details`",
            );
        } else if variant.is_source(field) {
            errors.at(
                details,
                format!(
                    "`details` on the underlying error of `{}`: a source's text never reaches the body",
                    variant.ident
                ),
            );
        } else if let Some(ident) = &field.original.ident
            && PROBLEM_MEMBERS.contains(&field.placeholder_name().as_str())
        {
            errors.at(
                ident.span(),
                format!(
                    "a details field cannot be named `{}`: problem details already have that member; rename the field",
                    field.placeholder_name()
                ),
            );
        }
    }
}

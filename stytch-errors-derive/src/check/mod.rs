//! Checking: the model against the rules of a catalog.
//!
//! Takes the model that [`parse`](crate::parse) built and reports, into the one [`Errors`]
//! accumulator, every rule it breaks: one function per rule, all of them run, so that a user
//! sees every mistake in one build. Gives nothing else: the expansion reads the same model
//! once it has passed.

pub mod compose;
pub mod covers;
pub mod details;
pub mod headers;
pub mod kind;
pub mod message;
pub mod sources;
pub mod url;
pub mod values;

use crate::errors::Errors;
use crate::parse::ast::Input;

use compose::{
    check_subset, check_subset_variant, check_transparent, check_transparent_not_generic,
};
use covers::check_covers;
use details::check_details;
use kind::check_kind_name;
use message::{check_enum_message, check_message, check_placeholders};
use sources::{check_source_type, check_sources, check_unique_from_types};
use values::{
    check_docs_url_format, check_docs_url_present, check_error_type_format, check_log_levels,
    check_status_present, check_status_range, check_texts, check_unique_error_types,
};

pub fn check(input: &Input<'_>, errors: &mut Errors) {
    check_status_range(input, errors);
    check_docs_url_format(input, errors);
    check_log_levels(input, errors);
    headers::check_given(input, errors);
    check_subset(input, errors);
    check_kind_name(input, errors);
    check_enum_message(input, errors);
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors);
            check_transparent_not_generic(input, variant, errors);
            check_sources(variant, errors);
            continue;
        }
        if input.attrs.subset_of.is_some() {
            check_subset_variant(variant, errors);
            continue;
        }
        check_status_present(input, variant, errors);
        check_message(variant, errors);
        check_placeholders(variant, errors);
        check_error_type_format(variant, errors);
        check_docs_url_present(input, variant, errors);
        check_sources(variant, errors);
        check_source_type(variant, errors);
        check_texts(variant, errors);
        check_details(variant, errors);
        headers::check_values(input, variant, errors);
    }
    check_unique_error_types(input, errors);
    check_unique_from_types(input, errors);
    check_covers(input, errors);
}

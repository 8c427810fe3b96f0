//! Reading: the derive's input into a typed model that keeps every span.
//!
//! Takes the `syn::DeriveInput` and gives the model of [`ast`]: the enum, its variants and
//! their fields, each with its `#[api_error(…)]` keys read by [`attr`] (enum and variant) and
//! [`field_attr`] (fields) through [`args`], which recovers from a slip so that each mistake
//! gives one error. [`keys::KEYS`] is the one list of the keys and the levels they are valid
//! at; [`message`] parses a message or header template into text and placeholders, and
//! [`message_args`] the arguments after a template, `message("…", args…)`. A key
//! that cannot be read is reported here; every other rule is the checking stage's.

pub mod args;
pub mod ast;
pub mod attr;
pub mod field_attr;
pub mod keys;
pub mod message;
pub mod message_args;

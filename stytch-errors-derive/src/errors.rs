//! Collects every error of one expansion, so that the user sees all their mistakes at once.

use std::fmt::Display;

use proc_macro2::Span;

/// The errors found so far, combined into one `syn::Error`.
#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// An error at `again`, and a second one at `first` that points back to it.
    pub fn duplicate(
        &mut self,
        again: Span,
        first: Span,
        what: impl Display,
        first_note: impl Display,
    ) {
        self.at(again, what);
        self.at(first, first_note);
    }

    pub fn finish(self) -> Result<(), syn::Error> {
        match self.combined {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

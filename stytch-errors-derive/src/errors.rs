//! Collects every error of one expansion, so that the user sees all their mistakes at once.

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

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

    /// Reports each key of `items` that comes a second time, as [`duplicate`](Self::duplicate)
    /// does with `messages(key)` (the error, the note at the first); returns where each key
    /// first came.
    pub fn duplicates<K: Eq + Hash, M: Display, N: Display>(
        &mut self,
        items: impl IntoIterator<Item = (K, Span)>,
        messages: impl Fn(&K) -> (M, N),
    ) -> HashMap<K, Span> {
        let mut first: HashMap<K, Span> = HashMap::new();
        for (key, span) in items {
            match first.get(&key) {
                Some(&at) => {
                    let (what, note) = messages(&key);
                    self.duplicate(span, at, what, note);
                }
                None => {
                    first.insert(key, span);
                }
            }
        }
        first
    }

    pub fn finish(self) -> Result<(), syn::Error> {
        match self.combined {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

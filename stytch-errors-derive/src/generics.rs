//! The enum's generics, with the bounds a generated impl adds for the fields it uses.

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Generics, Type};

/// The enum's generics with `extra` predicates added to the where clause.
pub fn generics_with(generics: &Generics, extra: Vec<TokenStream>) -> Generics {
    let mut generics = generics.clone();
    if !extra.is_empty() {
        let where_clause = generics.make_where_clause();
        for predicate in extra {
            if let Ok(predicate) = syn::parse2(predicate) {
                where_clause.predicates.push(predicate);
            }
        }
    }
    generics
}

/// Whether `ty` names one of the enum's type parameters, so that a bound on it is needed.
pub fn mentions(ty: &Type, params: &HashSet<Ident>) -> bool {
    fn walk(tokens: TokenStream, params: &HashSet<Ident>) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => params.contains(&ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && walk(ty.to_token_stream(), params)
}

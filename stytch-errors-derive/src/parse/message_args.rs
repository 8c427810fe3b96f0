//! The arguments after a message's template, as `format!` takes them:
//! `message("{} of {n}", .0.len(), n = .limit * 2)`. In an argument, `.field` and `.0` (at
//! the start of an expression) stand for the variant's fields.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use syn::LitStr;
use syn::ext::IdentExt;

use crate::parse::message::Placeholder;

/// One argument after the template: positional, or `name = expression`.
pub struct Arg {
    pub name: Option<Ident>,
    /// The expression, as written.
    pub tokens: TokenStream,
}

/// A `.field` or `.0` in an argument: the field it names, and where.
pub struct Shorthand {
    pub placeholder: Placeholder,
    pub span: Span,
}

const USAGE: &str = "expected `message(\"template\", arguments…)`, e.g. `message(\"{} of {max}\", .items.len(), max = .limit)`";

/// Reads the `("template", arguments…)` after the `message` key.
pub fn parse(group: &Group) -> syn::Result<(LitStr, Vec<Arg>)> {
    let mut parts = split_commas(group.stream()).into_iter();
    let template = parts
        .next()
        .filter(|first| !first.is_empty())
        .ok_or_else(|| syn::Error::new(group.span(), USAGE))?;
    let template: LitStr =
        syn::parse2(template.clone()).map_err(|_| syn::Error::new_spanned(template, USAGE))?;
    let mut args = Vec::new();
    for tokens in parts {
        if tokens.is_empty() {
            continue;
        }
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let arg = match trees.as_slice() {
            [TokenTree::Ident(name), TokenTree::Punct(eq), rest @ ..]
                if eq.as_char() == '='
                    && !matches!(rest.first(), Some(TokenTree::Punct(p)) if p.as_char() == '=') =>
            {
                if rest.is_empty() {
                    return Err(syn::Error::new(
                        eq.span(),
                        format!("expected a value after `{name} =`"),
                    ));
                }
                Arg {
                    name: Some(name.clone()),
                    tokens: rest.iter().cloned().collect(),
                }
            }
            _ => Arg { name: None, tokens },
        };
        args.push(arg);
    }
    Ok((template, args))
}

/// `tokens` split at the commas outside any group and outside a turbofish's `<…>`.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![TokenStream::new()];
    let mut angles = 0usize;
    let mut previous: Option<TokenTree> = None;
    for tree in tokens {
        if let TokenTree::Punct(punct) = &tree {
            let after_colons = matches!(&previous, Some(TokenTree::Punct(p)) if p.as_char() == ':');
            let after_dash = matches!(&previous, Some(TokenTree::Punct(p)) if p.as_char() == '-');
            match punct.as_char() {
                ',' if angles == 0 => {
                    parts.push(TokenStream::new());
                    previous = None;
                    continue;
                }
                '<' if after_colons || angles > 0 => angles += 1,
                '>' if angles > 0 && !after_dash => angles -= 1,
                _ => {}
            }
        }
        previous = Some(tree.clone());
        if let Some(part) = parts.last_mut() {
            part.extend([tree]);
        }
    }
    parts
}

/// Every `.field` and `.0` in `tokens`.
pub fn shorthands(tokens: &TokenStream) -> Vec<Shorthand> {
    let mut found = Vec::new();
    walk(tokens.clone(), &mut |placeholder, span| {
        found.push(Shorthand { placeholder, span });
        None
    });
    found
}

/// `tokens` with each `.field` and `.0` replaced by what `bind` gives for it (kept when it
/// gives nothing).
pub fn rewrite(
    tokens: &TokenStream,
    bind: &mut dyn FnMut(&Placeholder, Span) -> Option<Ident>,
) -> TokenStream {
    walk(tokens.clone(), &mut |placeholder, span| {
        bind(&placeholder, span)
    })
}

fn walk(
    tokens: TokenStream,
    replace: &mut dyn FnMut(Placeholder, Span) -> Option<Ident>,
) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut index = 0;
    while index < trees.len() {
        let tree = &trees[index];
        // A `.` that starts an expression: first, or after an operator (not after a value,
        // where it is a field access or a method call, nor after `..` or `?`).
        let starts = match out.last() {
            None => true,
            Some(TokenTree::Punct(p)) => !matches!(p.as_char(), '.' | '?'),
            Some(_) => false,
        };
        if let (TokenTree::Punct(dot), true, Some(next)) = (tree, starts, trees.get(index + 1))
            && dot.as_char() == '.'
            && dot.spacing() == proc_macro2::Spacing::Alone
            && let Some((placeholder, span)) = member(next)
        {
            if let Some(ident) = replace(placeholder, span) {
                out.push(TokenTree::Ident(ident));
                index += 2;
                continue;
            }
        }
        match tree {
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), walk(group.stream(), replace));
                inner.set_span(group.span());
                out.push(TokenTree::Group(inner));
            }
            other => out.push(other.clone()),
        }
        index += 1;
    }
    out.into_iter().collect()
}

/// The field a token after `.` names: an identifier, or an integer.
fn member(tree: &TokenTree) -> Option<(Placeholder, Span)> {
    match tree {
        TokenTree::Ident(ident) => {
            Some((Placeholder::Named(ident.unraw().to_string()), ident.span()))
        }
        TokenTree::Literal(literal) => {
            let text = literal.to_string();
            let index = text.parse().ok()?;
            Some((Placeholder::Index(index), literal.span()))
        }
        _ => None,
    }
}

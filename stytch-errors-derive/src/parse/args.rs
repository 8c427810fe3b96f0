//! The arguments of one `#[api_error(…)]`: `key = literal` items separated by commas, read
//! with recovery, so that one slip gives one error and the items after it are still read.
//!
//! - A missing comma (`status = 400 message = "m"`) is one error, at the key after the
//!   value, and that key is read as if the comma were there.
//! - A value that `macro_rules!` passed in (`status = $status`) comes wrapped in an
//!   invisible group; the literal inside is the value.
//! - A key written as a path (`api_error::status`) is one error, and still counts as the
//!   key it ends in.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Lit, LitBool, Token};

use crate::errors::Errors;

/// The key of one item: its name (raw identifiers unrawed) and its span.
pub struct Key {
    pub name: String,
    pub span: Span,
    /// Written as a path (`api_error::status`): reported already, `name` is its last part.
    pub is_path: bool,
}

/// The value of one item.
pub enum Value {
    /// `key` alone.
    Bare,
    Lit(Lit),
    /// `key(…)`: the parenthesized group, for the key to read (`header("name", "value")`).
    Parens(proc_macro2::Group),
    /// `key = tokens` that are no literal (a path, for `fmt`): the tokens, for the key to
    /// read or refuse.
    Tokens(TokenStream),
    /// Something else; the error is already reported.
    Bad,
}

/// Reads the arguments in `tokens`, handing each item to `each` as it is read (so that errors
/// come in the order of the source) and reporting every slip into `errors`. Returns whether
/// some part could not be read as an item at all (then any key may have been meant there).
pub fn parse(
    tokens: TokenStream,
    errors: &mut Errors,
    mut each: impl FnMut(Key, Value, &mut Errors),
) -> bool {
    let mut unreadable = false;
    let parser = |input: ParseStream<'_>| {
        unreadable = read_all(input, errors, &mut each);
        Ok(())
    };
    if let Err(error) = parser.parse2(tokens) {
        // Not reached: `read_all` consumes every token. Kept so that a slip of its own
        // would still be an error, not a panic.
        errors.push(error);
        unreadable = true;
    }
    unreadable
}

fn read_all(
    input: ParseStream<'_>,
    errors: &mut Errors,
    each: &mut impl FnMut(Key, Value, &mut Errors),
) -> bool {
    let mut unreadable = false;
    while !input.is_empty() {
        if input.peek(Token![,]) {
            errors.at(
                input.span(),
                "expected a key before `,`, e.g. `status = 400`",
            );
            unreadable = true;
            let _ = input.parse::<Token![,]>();
            continue;
        }
        match read_item(input, errors) {
            Some((key, value)) => each(key, value, errors),
            None => unreadable = true,
        }
        if input.is_empty() {
            break;
        }
        if input.peek(Token![,]) {
            let _ = input.parse::<Token![,]>();
        } else if let Some(next) = key_ahead(input) {
            // `read_item` stops a value before `key =`: a comma is missing there.
            errors.at(next.span(), format!("expected `,` before `{next}`"));
        }
    }
    unreadable
}

/// One `key = value` item, up to (not including) the comma after it; `None`, with an error,
/// when no key can be read. Always consumes at least one token.
fn read_item(input: ParseStream<'_>, errors: &mut Errors) -> Option<(Key, Value)> {
    let Some(key) = read_key(input, errors) else {
        let skipped = skip_to_comma(input);
        errors.push(syn::Error::new_spanned(
            skipped,
            "expected a key, e.g. `status = 400`",
        ));
        return None;
    };
    if input.is_empty() || input.peek(Token![,]) {
        return Some((key, Value::Bare));
    }
    if input.peek(syn::token::Paren) {
        if let Ok(TokenTree::Group(group)) = input.parse::<TokenTree>() {
            if input.is_empty() || input.peek(Token![,]) {
                return Some((key, Value::Parens(group)));
            }
            let skipped = skip_to_comma(input);
            errors.push(syn::Error::new_spanned(skipped, "expected `,`"));
            return Some((key, Value::Bad));
        }
    }
    if !input.peek(Token![=]) {
        // Something stranger than `key(…)`.
        let skipped = skip_to_comma(input);
        errors.push(syn::Error::new_spanned(skipped, "expected `= value`"));
        return Some((key, Value::Bad));
    }
    let _ = input.parse::<Token![=]>();
    let tokens = value_tokens(input);
    let value = match literal(&tokens) {
        Some(lit) => Value::Lit(lit),
        None if tokens.is_empty() => {
            errors.at(key.span, "expected a value after `=`");
            Value::Bad
        }
        None => Value::Tokens(tokens.into_iter().collect()),
    };
    Some((key, value))
}

/// A key: an identifier (keywords included: `crate`), or a path, which is an error that still
/// gives the key it ends in.
fn read_key(input: ParseStream<'_>, errors: &mut Errors) -> Option<Key> {
    if !input.peek(Ident::peek_any) {
        return None;
    }
    let mut last = Ident::parse_any(input).ok()?;
    let mut tokens = quote::quote!(#last);
    let mut path = vec![last.to_string()];
    while input.peek(Token![::]) && input.peek3(Ident::peek_any) {
        let colons = input.parse::<Token![::]>().ok()?;
        last = Ident::parse_any(input).ok()?;
        tokens.extend(quote::quote!(#colons #last));
        path.push(last.to_string());
    }
    let name = last.unraw().to_string();
    let is_path = path.len() > 1;
    if is_path {
        errors.push(syn::Error::new_spanned(
            tokens,
            format!(
                "`{}` is not a key: write `{name}` alone, as in `#[api_error({name} = …)]`",
                path.join("::")
            ),
        ));
    }
    Some(Key {
        name,
        span: last.span(),
        is_path,
    })
}

/// The tokens of a value: up to the next comma, or up to a `key =` that follows at least one
/// token (the comma before it is missing).
fn value_tokens(input: ParseStream<'_>) -> Vec<TokenTree> {
    let mut tokens = Vec::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        if !tokens.is_empty() && key_ahead(input).is_some() {
            break;
        }
        match input.parse::<TokenTree>() {
            Ok(tt) => tokens.push(tt),
            Err(_) => break,
        }
    }
    tokens
}

/// The identifier of a `key =` at the front of `input`, if there is one.
fn key_ahead(input: ParseStream<'_>) -> Option<Ident> {
    let fork = input.fork();
    let ident = Ident::parse_any(&fork).ok()?;
    (fork.peek(Token![=]) && !fork.peek(Token![==])).then_some(ident)
}

/// The one literal `tokens` hold, looking into invisible groups (a `macro_rules!` fragment);
/// `true` and `false` count as literals.
fn literal(tokens: &[TokenTree]) -> Option<Lit> {
    match tokens {
        [TokenTree::Literal(literal)] => Some(Lit::new(literal.clone())),
        [TokenTree::Ident(ident)] if ident == "true" || ident == "false" => {
            Some(Lit::Bool(LitBool::new(ident == "true", ident.span())))
        }
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::None => {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            literal(&inner)
        }
        _ => None,
    }
}

/// The "expected a literal" of a value that is none.
pub fn not_a_literal(tokens: TokenStream, errors: &mut Errors) {
    errors.push(syn::Error::new_spanned(tokens, "expected a literal"));
}

/// Consumes the tokens up to the next comma and returns them (for an error's span).
fn skip_to_comma(input: ParseStream<'_>) -> TokenStream {
    let mut skipped = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        match input.parse::<TokenTree>() {
            Ok(tt) => skipped.extend([tt]),
            Err(_) => break,
        }
    }
    skipped
}

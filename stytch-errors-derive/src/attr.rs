//! The `#[api_error(…)]` attributes of the enum and of its variants.
//!
//! Parsing never stops at the first mistake: an unknown key, a duplicate or a wrong literal
//! is recorded and the next key is read, so that one build reports them all.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitBool, LitInt, LitStr, Token};

use crate::errors::Errors;

/// Where an attribute stands, which decides the keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Enum,
    Variant,
}

impl Level {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Level::Enum => &["docs_url", "status", "crate", "display", "subset_of"],
            Level::Variant => &[
                "status",
                "message",
                "error_type",
                "docs_url",
                "cause",
                "fix",
                "covers",
                "transparent",
            ],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Level::Enum => "the enum",
            Level::Variant => "a variant",
        }
    }
}

/// A value and the span of the key that gave it, for "first given here" notes.
pub struct Keyed<T> {
    pub key: Span,
    pub value: T,
}

/// The keys of every `#[api_error]` attribute on one item, merged.
#[derive(Default)]
pub struct Attrs {
    pub status: Option<Keyed<LitInt>>,
    pub message: Option<Keyed<LitStr>>,
    pub error_type: Option<Keyed<LitStr>>,
    pub docs_url: Option<Keyed<LitStr>>,
    pub krate: Option<Keyed<syn::Path>>,
    pub display: Option<Keyed<LitBool>>,
    /// `subset_of = "Path"`: the catalog whose errors the enum's unit variants are.
    pub subset_of: Option<Keyed<syn::Path>>,
    /// `transparent`: the variant is its one field's error.
    pub transparent: Option<Span>,
    pub causes: Vec<LitStr>,
    pub fixes: Vec<LitStr>,
    /// The `covers = …` entries: a status (`404`) or a class (`"4xx"`, `"5xx"`).
    pub covers: Vec<Lit>,
    /// Every key written, valid or not: a key given with a wrong value is not also "missing".
    pub written: Vec<String>,
    /// Where each key of `written` is, for errors about a key that may not go somewhere.
    pub written_at: Vec<Span>,
    /// An `#[api_error]` attribute that could not be read: any key may have been meant there.
    pub malformed: bool,
}

impl Attrs {
    pub fn wrote(&self, key: &str) -> bool {
        self.malformed || self.written.iter().any(|written| written == key)
    }

    /// Every key written, with where it is.
    pub fn keys(&self) -> impl Iterator<Item = (&str, Span)> {
        self.written
            .iter()
            .map(String::as_str)
            .zip(self.written_at.iter().copied())
    }
}

impl Attrs {
    pub fn parse(attrs: &[Attribute], level: Level, errors: &mut Errors) -> Self {
        let mut parsed = Attrs::default();
        for attr in attrs
            .iter()
            .filter(|attr| attr.path().is_ident("api_error"))
        {
            let Ok(list) = attr.meta.require_list() else {
                errors.at(attr.meta.span(), "expected `#[api_error(key = value, …)]`");
                parsed.malformed = true;
                continue;
            };
            if list.tokens.is_empty() {
                errors.at(
                    list.span(),
                    "empty `#[api_error()]`: give at least one `key = value`",
                );
                continue;
            }
            let result = list.parse_nested_meta(|meta| {
                parsed.key(&meta, level, errors);
                Ok(())
            });
            if let Err(error) = result {
                errors.push(error);
                parsed.malformed = true;
            }
        }
        parsed
    }

    fn key(&mut self, meta: &ParseNestedMeta<'_>, level: Level, errors: &mut Errors) {
        let key_span = meta.path.span();
        let key = meta
            .path
            .get_ident()
            .map(|ident| syn::ext::IdentExt::unraw(ident).to_string())
            .unwrap_or_default();
        self.written.push(key.clone());
        self.written_at.push(key_span);
        let value = match value(meta) {
            Ok(value) => value,
            Err(error) => {
                errors.push(error);
                return;
            }
        };
        if !level.keys().contains(&key.as_str()) {
            let other = match level {
                Level::Enum => Level::Variant,
                Level::Variant => Level::Enum,
            };
            let message = if !key.is_empty() && other.keys().contains(&key.as_str()) {
                format!("`{key}` goes on {}, not on {}", other.name(), level.name())
            } else {
                format!(
                    "unknown key in `#[api_error]` on {}: expected one of {}",
                    level.name(),
                    level
                        .keys()
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            errors.at(key_span, message);
            return;
        }
        if key == "transparent" {
            self.transparent(key_span, value.as_ref(), errors);
            return;
        }
        let Some(value) = value else {
            errors.at(key_span, format!("expected a value: `{key} = …`"));
            return;
        };
        match key.as_str() {
            "status" => match value {
                Lit::Int(lit) => set(&mut self.status, &key, key_span, lit, errors),
                other => errors.at(
                    other.span(),
                    "expected an integer status code, e.g. `status = 401`",
                ),
            },
            "covers" => match value {
                Lit::Int(_) | Lit::Str(_) => self.covers.push(value),
                other => errors.at(
                    other.span(),
                    "expected a status or a class: `covers = 404`, `covers = \"4xx\"` or `covers = \"5xx\"`",
                ),
            },
            "display" => match value {
                Lit::Bool(lit) => set(&mut self.display, &key, key_span, lit, errors),
                other => errors.at(other.span(), "expected a boolean: `display = false`"),
            },
            _ => {
                let Lit::Str(lit) = value else {
                    errors.at(
                        value.span(),
                        format!("expected a string literal: `{key} = \"…\"`"),
                    );
                    return;
                };
                match key.as_str() {
                    "message" => set(&mut self.message, &key, key_span, lit, errors),
                    "error_type" => set(&mut self.error_type, &key, key_span, lit, errors),
                    "docs_url" => set(&mut self.docs_url, &key, key_span, lit, errors),
                    "cause" => self.causes.push(lit),
                    "fix" => self.fixes.push(lit),
                    "subset_of" => match lit.parse::<syn::Path>() {
                        Ok(path) => set(&mut self.subset_of, &key, key_span, path, errors),
                        Err(_) => errors.at(
                            lit.span(),
                            "expected the path of a catalog, e.g. `subset_of = \"crate::AppError\"`",
                        ),
                    },
                    _ => match lit.parse::<syn::Path>() {
                        Ok(path) => set(&mut self.krate, &key, key_span, path, errors),
                        Err(_) => {
                            errors.at(lit.span(), "expected a path, e.g. `crate = \"my_errors\"`");
                        }
                    },
                }
            }
        }
    }

    /// `transparent`, a key without a value.
    fn transparent(&mut self, key_span: Span, value: Option<&Lit>, errors: &mut Errors) {
        match (value, self.transparent) {
            (None, Some(first)) => errors.duplicate(
                key_span,
                first,
                "duplicate `transparent`",
                "`transparent` first given here",
            ),
            (None, None) => self.transparent = Some(key_span),
            (Some(value), _) => {
                errors.at(
                    value.span(),
                    "`transparent` takes no value: write `#[api_error(transparent)]`",
                );
                // Meant all the same: no "missing `status`" besides.
                self.transparent.get_or_insert(key_span);
            }
        }
    }
}

fn set<T>(slot: &mut Option<Keyed<T>>, key: &str, key_span: Span, value: T, errors: &mut Errors) {
    match slot {
        Some(first) => errors.duplicate(
            key_span,
            first.key,
            format!("duplicate `{key}`"),
            format!("`{key}` first given here"),
        ),
        None => {
            *slot = Some(Keyed {
                key: key_span,
                value,
            });
        }
    }
}

/// Reads `= literal` after a key, up to the next top-level `,`. `Ok(None)` for a bare key; an
/// error for anything but one literal, after consuming it so the next key can be read.
fn value(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Lit>> {
    let input = meta.input;
    if input.is_empty() || input.peek(Token![,]) {
        return Ok(None);
    }
    if !input.peek(Token![=]) {
        // `key(…)` or something stranger: skip it to the next key.
        let rest: TokenStream = input.step(|cursor| {
            let mut rest = *cursor;
            let mut skipped = TokenStream::new();
            while let Some((tt, next)) = rest.token_tree() {
                if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                    break;
                }
                skipped.extend([tt]);
                rest = next;
            }
            Ok((skipped, rest))
        })?;
        return Err(syn::Error::new_spanned(rest, "expected `= value`"));
    }
    input.parse::<Token![=]>()?;
    let tokens: Vec<TokenTree> = input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = Vec::new();
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            tokens.push(tt);
            rest = next;
        }
        Ok((tokens, rest))
    })?;
    match tokens.as_slice() {
        [TokenTree::Literal(literal)] => Ok(Some(Lit::new(literal.clone()))),
        [TokenTree::Ident(ident)] if ident == "true" || ident == "false" => {
            Ok(Some(Lit::Bool(LitBool::new(ident == "true", ident.span()))))
        }
        [] => Err(syn::Error::new(
            meta.path.span(),
            "expected a value after `=`",
        )),
        _ => Err(syn::Error::new_spanned(
            tokens.into_iter().collect::<TokenStream>(),
            "expected a literal",
        )),
    }
}

/// The doc comment of an item: its `#[doc = "…"]` lines, one leading space removed, joined
/// with newlines and trimmed.
pub fn docs(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: Lit::Str(lit), ..
            }) = &nv.value
            {
                let text = lit.value();
                for line in text.split('\n') {
                    lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
                }
            }
        }
    }
    lines.join("\n").trim().to_owned()
}

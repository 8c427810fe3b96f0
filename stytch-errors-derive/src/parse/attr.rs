//! The `#[api_error(…)]` attributes of the enum and of its variants.
//!
//! Parsing never stops at the first mistake: an unknown key, a duplicate or a wrong literal
//! is recorded and the next key is read, so that one build reports them all.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitBool, LitInt, LitStr};

use crate::errors::Errors;
use crate::parse::args::{self, Value};
use crate::parse::keys::Level;
use crate::parse::message::{self, Piece};
use crate::parse::message_args::{self, Arg};
use crate::suggest;

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
    /// The arguments after the template of `message("…", args…)`.
    pub message_args: Vec<Arg>,
    /// `fmt = path`: the function that writes the message.
    pub fmt: Option<Keyed<syn::Path>>,
    pub error_type: Option<Keyed<LitStr>>,
    pub docs_url: Option<Keyed<LitStr>>,
    pub krate: Option<Keyed<syn::Path>>,
    pub display: Option<Keyed<LitBool>>,
    /// `subset_of = "Path"`: the catalog whose errors the enum's unit variants are.
    pub subset_of: Option<Keyed<syn::Path>>,
    /// `transparent`: the variant is its one field's error.
    pub transparent: Option<Span>,
    /// `round_trip`: the variants whose fields are all details come back from a body.
    pub round_trip: Option<Span>,
    /// `kind = "Name"`: the fieldless enum of the variants' kinds, and its name.
    pub kind: Option<Keyed<syn::Ident>>,
    /// `retryable = true | false`: whether a client may retry, whatever the status says.
    pub retryable: Option<Keyed<LitBool>>,
    pub causes: Vec<LitStr>,
    pub fixes: Vec<LitStr>,
    /// `header("name", "template")`, in order.
    pub headers: Vec<Header>,
    /// `log = "level"`.
    pub log: Option<Keyed<LitStr>>,
    /// The `covers = …` entries: a status (`404`) or a class (`"4xx"`, `"5xx"`).
    pub covers: Vec<Lit>,
    /// Every key written, valid or not, and the key a misspelled one was taken for: a key
    /// given with a wrong value, or misspelled, is not also "missing".
    pub written: Vec<String>,
    /// Every key written that this level takes, with where it is: for the errors about a
    /// key that may not go on a variant that is another catalog's error.
    pub given: Vec<(String, Span)>,
    /// An `#[api_error]` attribute that could not be read: any key may have been meant there.
    pub malformed: bool,
}

impl Attrs {
    pub fn wrote(&self, key: &str) -> bool {
        self.malformed || self.written.iter().any(|written| written == key)
    }

    /// Every key written that this level takes, with where it is.
    pub fn keys(&self) -> impl Iterator<Item = (&str, Span)> {
        self.given.iter().map(|(key, span)| (key.as_str(), *span))
    }

    /// The keys of a struct's attributes that stand for the type rather than its one error:
    /// `crate`, `display`, `round_trip` (read without errors: the error's own reading
    /// reports them).
    pub fn of_struct_type(attrs: &[Attribute]) -> Self {
        let all = Self::parse(attrs, Level::Struct, &mut Errors::default());
        Attrs {
            krate: all.krate,
            display: all.display,
            round_trip: all.round_trip,
            ..Attrs::default()
        }
    }

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
            let unreadable = args::parse(list.tokens.clone(), errors, |key, value, errors| {
                parsed.item(&key, value, level, errors);
            });
            parsed.malformed |= unreadable;
        }
        parsed
    }

    fn item(&mut self, key: &args::Key, value: Value, level: Level, errors: &mut Errors) {
        self.written.push(key.name.clone());
        let lit = match value {
            // A path key and a wrong value are reported already.
            _ if key.is_path => return,
            Value::Bad => return,
            Value::Parens(group) if key.name == "header" && level.takes("header") => {
                match Header::parse(&group) {
                    Ok(header) => self.headers.push(header),
                    Err(error) => errors.push(error),
                }
                return;
            }
            Value::Parens(group) if key.name == "message" && level.takes("message") => {
                match message_args::parse(&group) {
                    Ok((template, args)) => {
                        self.given.push((key.name.clone(), key.span));
                        if self.message.is_none() {
                            self.message_args = args;
                        }
                        set(&mut self.message, "message", key.span, template, errors);
                    }
                    Err(error) => errors.push(error),
                }
                return;
            }
            Value::Parens(group) => {
                errors.push(syn::Error::new_spanned(group, "expected `= value`"));
                return;
            }
            Value::Tokens(tokens) if key.name == "fmt" && level.takes("fmt") => {
                self.given.push((key.name.clone(), key.span));
                match syn::parse2::<syn::Path>(tokens.clone()) {
                    Ok(path) => set(&mut self.fmt, "fmt", key.span, path, errors),
                    Err(_) => errors.push(syn::Error::new_spanned(tokens, FMT_USAGE)),
                }
                return;
            }
            Value::Tokens(tokens) => {
                args::not_a_literal(tokens, errors);
                return;
            }
            Value::Bare => None,
            Value::Lit(lit) => Some(lit),
        };
        if !level.takes(&key.name) {
            self.unknown_key(key, level, errors);
            return;
        }
        self.given.push((key.name.clone(), key.span));
        match key.name.as_str() {
            "transparent" => {
                set_flag(
                    &mut self.transparent,
                    "transparent",
                    key.span,
                    lit.as_ref(),
                    errors,
                );
                return;
            }
            "round_trip" => {
                set_flag(
                    &mut self.round_trip,
                    "round_trip",
                    key.span,
                    lit.as_ref(),
                    errors,
                );
                return;
            }
            _ => {}
        }
        let Some(lit) = lit else {
            errors.at(key.span, format!("expected a value: `{} = …`", key.name));
            return;
        };
        self.apply(key, lit, errors);
    }

    /// A key this level does not take: on the other level, or misspelled (with the closest
    /// key, which then counts as written), or unknown.
    fn unknown_key(&mut self, key: &args::Key, level: Level, errors: &mut Errors) {
        let name = key.name.as_str();
        let message = if level == Level::Struct
            && (Level::Enum.takes(name) || Level::Variant.takes(name))
        {
            format!(
                "`{name}` cannot go on a struct: a struct is one error of its own; derive on an enum to use `{name}`"
            )
        } else if level.other().takes(name) {
            format!(
                "`{name}` goes on {}, not on {}",
                level.other().name(),
                level.name()
            )
        } else if let Some(meant) = suggest::closest(name, level.keys()) {
            self.written.push(meant.to_owned());
            format!(
                "unknown key `{name}` in `#[api_error]` on {}: did you mean `{meant}`?",
                level.name()
            )
        } else {
            let keys: Vec<String> = level.keys().map(|k| format!("`{k}`")).collect();
            format!(
                "unknown key in `#[api_error]` on {}: expected one of {}",
                level.name(),
                keys.join(", ")
            )
        };
        errors.at(key.span, message);
    }

    /// Stores the value of a key that this level takes, or says what is wrong with it.
    fn apply(&mut self, key: &args::Key, value: Lit, errors: &mut Errors) {
        let (name, span) = (key.name.as_str(), key.span);
        match (name, value) {
            ("status", Lit::Int(lit)) => {
                check_suffix(name, &lit, lit.suffix(), &["u16"], errors);
                set(&mut self.status, name, span, lit, errors);
            }
            ("status", other) => errors.at(
                other.span(),
                "expected an integer status code, e.g. `status = 401`",
            ),
            ("covers", value @ (Lit::Int(_) | Lit::Str(_))) => self.covers.push(value),
            ("covers", other) => errors.at(
                other.span(),
                "expected a status or a class: `covers = 404`, `covers = \"4xx\"` or `covers = \"5xx\"`",
            ),
            ("display", Lit::Bool(lit)) => set(&mut self.display, name, span, lit, errors),
            ("display", other) => {
                errors.at(other.span(), "expected a boolean: `display = false`");
            }
            ("retryable", Lit::Bool(lit)) => set(&mut self.retryable, name, span, lit, errors),
            ("retryable", other) => errors.at(
                other.span(),
                "expected a boolean: `retryable = true` or `retryable = false`",
            ),
            ("fmt", other) => errors.at(other.span(), FMT_USAGE),
            (_, Lit::Str(lit)) => {
                check_suffix(name, &lit, lit.suffix(), &[], errors);
                self.apply_str(name, span, lit, errors);
            }
            (_, other) => errors.at(
                other.span(),
                format!("expected a string literal: `{name} = \"…\"`"),
            ),
        }
    }

    fn apply_str(&mut self, name: &str, span: Span, lit: LitStr, errors: &mut Errors) {
        match name {
            "message" => set(&mut self.message, name, span, lit, errors),
            "error_type" => set(&mut self.error_type, name, span, lit, errors),
            "docs_url" => set(&mut self.docs_url, name, span, lit, errors),
            "log" => set(&mut self.log, name, span, lit, errors),
            "header" => errors.at(lit.span(), HEADER_USAGE),
            "cause" => self.causes.push(lit),
            "fix" => self.fixes.push(lit),
            "kind" => match lit.parse::<syn::Ident>() {
                // The name is spanned at the literal.
                Ok(kind) => set(&mut self.kind, name, span, kind, errors),
                Err(_) => errors.at(
                    lit.span(),
                    "expected the name of the enum of kinds, e.g. `kind = \"AppErrorKind\"`",
                ),
            },
            "subset_of" => match lit.parse::<syn::Path>() {
                Ok(path) => set(&mut self.subset_of, name, span, path, errors),
                Err(_) => errors.at(
                    lit.span(),
                    "expected the path of a catalog, e.g. `subset_of = \"crate::AppError\"`",
                ),
            },
            _ => match lit.parse::<syn::Path>() {
                Ok(path) => set(&mut self.krate, name, span, path, errors),
                Err(_) => {
                    errors.at(lit.span(), "expected a path, e.g. `crate = \"my_errors\"`");
                }
            },
        }
    }
}

/// A key without a value (`transparent`, `round_trip`): where it was written, once.
fn set_flag(
    flag: &mut Option<Span>,
    key: &str,
    key_span: Span,
    value: Option<&Lit>,
    errors: &mut Errors,
) {
    match (value, *flag) {
        (None, Some(first)) => errors.duplicate(
            key_span,
            first,
            format!("duplicate `{key}`"),
            format!("`{key}` first given here"),
        ),
        (None, None) => *flag = Some(key_span),
        (Some(value), _) => {
            errors.at(
                value.span(),
                format!("`{key}` takes no value: write `#[api_error({key})]`"),
            );
            // Meant all the same: no "missing `status`" besides.
            flag.get_or_insert(key_span);
        }
    }
}

/// A literal's suffix (`400u8`, `"m"suffix`) is an error, but for the ones in `allowed`.
fn check_suffix(
    key: &str,
    lit: &impl Spanned,
    suffix: &str,
    allowed: &[&str],
    errors: &mut Errors,
) {
    if suffix.is_empty() || allowed.contains(&suffix) {
        return;
    }
    let allowed = match allowed {
        [] => String::new(),
        allowed => format!(", or change it to `{}`", allowed.join("` or `")),
    };
    errors.at(
        lit.span(),
        format!("unexpected suffix `{suffix}` on the value of `{key}`: remove it{allowed}"),
    );
}

const FMT_USAGE: &str = "`fmt` takes the path of a function that writes the message, unquoted: `fmt = path::to::function`, a `fn(&field, …, &mut fmt::Formatter) -> fmt::Result`";

const HEADER_USAGE: &str = "expected `header(\"name\", \"value\")`, e.g. `header(\"retry-after\", \"{retry_after_secs}\")`";

/// `header("name", "value template")` on the enum or a variant.
pub struct Header {
    pub name: LitStr,
    pub value: LitStr,
    /// The value's template, parsed once: its pieces, or why it does not parse.
    pub pieces: Result<Vec<Piece>, String>,
}

impl Header {
    /// Reads the `("name", "value")` after the `header` key.
    fn parse(group: &proc_macro2::Group) -> syn::Result<Self> {
        let parser = |input: syn::parse::ParseStream<'_>| {
            let name: LitStr = input.parse()?;
            input.parse::<syn::Token![,]>()?;
            let value: LitStr = input.parse()?;
            if input.peek(syn::Token![,]) {
                input.parse::<syn::Token![,]>()?;
            }
            let pieces = message::parse_in(&value.value(), "the header value");
            Ok(Header {
                name,
                value,
                pieces,
            })
        };
        syn::parse::Parser::parse2(parser, group.stream())
            .map_err(|error| syn::Error::new(error.span(), HEADER_USAGE))
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

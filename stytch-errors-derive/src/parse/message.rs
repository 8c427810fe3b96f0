//! The message template: text with `{field}` / `{0}` placeholders and `{{` / `}}` braces,
//! each placeholder with a format spec if it has one (`{field:?}`, `{:>8}`).

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text, braces already unescaped.
    Text(String),
    /// A placeholder without a spec: a field's name (or a named argument's), or a tuple
    /// field's index.
    Field(Placeholder),
    /// A placeholder with a format spec (`{field:?}`, `{0:#x}`), or one that names nothing
    /// (`{}`, `{:.2}`): the next positional argument.
    Spec {
        placeholder: Option<Placeholder>,
        /// What follows the `:`, or nothing for `{}`.
        spec: String,
    },
}

impl Piece {
    /// The placeholder's name or index, if it has one.
    pub fn placeholder(&self) -> Option<&Placeholder> {
        match self {
            Piece::Field(placeholder)
            | Piece::Spec {
                placeholder: Some(placeholder),
                ..
            } => Some(placeholder),
            _ => None,
        }
    }

    /// Whether the piece needs `format_args!`: a spec, or a positional argument.
    pub fn is_formatted(&self) -> bool {
        matches!(self, Piece::Spec { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder {
    Named(String),
    Index(usize),
}

impl Placeholder {
    /// The name of the field it shows: the field's name, or its index in a tuple variant.
    pub fn name(&self) -> String {
        match self {
            Placeholder::Named(name) => name.clone(),
            Placeholder::Index(index) => index.to_string(),
        }
    }
}

impl std::fmt::Display for Placeholder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Placeholder::Named(name) => write!(f, "{{{name}}}"),
            Placeholder::Index(index) => write!(f, "{{{index}}}"),
        }
    }
}

/// Splits `template` into pieces, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    parse_in(template, "the message")
}

/// [`parse`] of a template that is `what` (`the message`, `the header value`), which the
/// error messages name.
pub fn parse_in(template: &str, what: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, next)| next == '{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, next)| next == '}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err(format!(
                    "unbalanced `}}` at byte {at} of {what}: write `}}}}` for a literal brace"
                ));
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err(format!(
                        "unbalanced `{{` at byte {at} of {what}: close the placeholder with `}}`, or write `{{{{` for a literal brace"
                    ));
                }
                let piece = placeholder(&inner, what)?;
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(piece);
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

fn placeholder(inner: &str, what: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), Some(spec)),
        None => (inner.trim(), None),
    };
    if name.is_empty() {
        return Ok(Piece::Spec {
            placeholder: None,
            spec: spec.unwrap_or_default().to_owned(),
        });
    }
    let placeholder = if name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse()
            .map(Placeholder::Index)
            .map_err(|_| format!("`{{{name}}}` is not a field index"))?
    } else if let Some(ident) = name.strip_prefix("r#") {
        return Err(format!(
            "raw identifiers are not supported in {what}: write `{{{ident}}}` for the field `r#{ident}`"
        ));
    } else if name.starts_with(|c: char| c == '_' || c.is_alphabetic())
        && name.chars().all(|c| c == '_' || c.is_alphanumeric())
    {
        Placeholder::Named(name.to_owned())
    } else {
        return Err(format!(
            "`{{{name}}}` is not a placeholder: name a field, as in `{{field}}` or `{{0}}`, or write `{{{{` and `}}}}` for literal braces"
        ));
    };
    Ok(match spec {
        Some(spec) => Piece::Spec {
            placeholder: Some(placeholder),
            spec: spec.to_owned(),
        },
        None => Piece::Field(placeholder),
    })
}

/// The text of a template with no placeholders, braces unescaped.
pub fn static_text(pieces: &[Piece]) -> Option<String> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Field(_) | Piece::Spec { .. } => return None,
        }
    }
    Some(text)
}

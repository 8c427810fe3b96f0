//! The message template: text with `{field}` / `{0}` placeholders and `{{` / `}}` braces.

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text, braces already unescaped.
    Text(String),
    /// A placeholder: a field's name, or a tuple field's index.
    Field(Placeholder),
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
                let placeholder = placeholder(&inner, what)?;
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Field(placeholder));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

fn placeholder(inner: &str, what: &str) -> Result<Placeholder, String> {
    let name = inner.trim();
    if name.is_empty() {
        return Err(
            "a placeholder `{}` must name a field: `{field}` for a named field, `{0}` for a tuple field"
                .to_owned(),
        );
    }
    if let Some((field, _)) = name.split_once(':') {
        return Err(format!(
            "format specs are not supported in {what}: write `{{{}}}` and format the value in its `Display` impl",
            field.trim()
        ));
    }
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return name
            .parse()
            .map(Placeholder::Index)
            .map_err(|_| format!("`{{{name}}}` is not a field index"));
    }
    let ident = name.strip_prefix("r#").unwrap_or(name);
    let valid = ident.starts_with(|c: char| c == '_' || c.is_alphabetic())
        && ident.chars().all(|c| c == '_' || c.is_alphanumeric());
    if valid {
        Ok(Placeholder::Named(ident.to_owned()))
    } else {
        Err(format!(
            "`{{{name}}}` is not a placeholder: name a field, as in `{{field}}` or `{{0}}`, or write `{{{{` and `}}}}` for literal braces"
        ))
    }
}

/// The text of a template with no placeholders, braces unescaped.
pub fn static_text(pieces: &[Piece]) -> Option<String> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Field(_) => return None,
        }
    }
    Some(text)
}

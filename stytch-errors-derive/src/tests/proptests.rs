//! Property tests of [`derive`]: random enums with random attributes, written as source text
//! and lexed with span locations, so that every span of the output can be traced back to a
//! byte of the input.
//!
//! - Any attributes at all (random keys, literal kinds, nesting, duplicates, misplaced
//!   attributes): the expansion never panics, and each `compile_error!` it emits points at
//!   input tokens, never at the call site.
//! - Well-formed catalogs: accepted, without a `compile_error!`, with every `error_url`.
//! - A well-formed catalog with one mistake put in: rejected, with a `compile_error!` at the
//!   token of the mistake.
//!
//! Each property runs `PROPTEST_CASES` cases: 1024, from the workspace's `.cargo/config.toml`,
//! unless the environment says otherwise.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;

use crate::expand::derive;

/// proptest's configuration, which reads `PROPTEST_CASES`, without a regressions file.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One `compile_error!` of the output: where it starts and ends in the input, in bytes.
#[derive(Debug)]
struct Reported {
    start: usize,
    end: usize,
    message: String,
}

/// What the expansion of `source` gave.
struct Expansion {
    output: TokenStream,
    errors: Vec<Reported>,
    /// Byte offsets where an input token starts, and where one ends.
    starts: HashSet<usize>,
    ends: HashSet<usize>,
}

/// Lexes `source` (with span locations) and expands it; `Err` with the panic's message if the
/// expansion panics.
fn expand(source: &str) -> Result<Expansion, String> {
    let input = TokenStream::from_str(source).map_err(|e| format!("does not lex: {e}"))?;
    let mut starts = HashSet::new();
    let mut ends = HashSet::new();
    boundaries(input.clone(), &mut starts, &mut ends);
    let output = catch_unwind(AssertUnwindSafe(|| derive(input))).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        format!("the expansion panicked: {message}")
    })?;
    let mut errors = Vec::new();
    compile_errors(output.clone(), &mut errors);
    Ok(Expansion {
        output,
        errors,
        starts,
        ends,
    })
}

fn boundaries(stream: TokenStream, starts: &mut HashSet<usize>, ends: &mut HashSet<usize>) {
    for tree in stream {
        if let TokenTree::Group(group) = &tree {
            // A delimiter is a token of its own: `(`, `)`.
            for delimiter in [group.span_open(), group.span_close()] {
                starts.insert(delimiter.byte_range().start);
                ends.insert(delimiter.byte_range().end);
            }
            boundaries(group.stream(), starts, ends);
        } else {
            let range = tree.span().byte_range();
            starts.insert(range.start);
            ends.insert(range.end);
        }
    }
}

/// Every `compile_error! { "…" }` of `stream`: syn gives the `compile_error` identifier the
/// error's start and the message literal its end.
fn compile_errors(stream: TokenStream, found: &mut Vec<Reported>) {
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    for (at, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let literal = match trees.get(at + 2) {
                    Some(TokenTree::Group(group)) => group.stream().into_iter().next(),
                    _ => None,
                };
                let (end, message) = match &literal {
                    Some(TokenTree::Literal(literal)) => {
                        (literal.span().byte_range().end, literal.to_string())
                    }
                    _ => (usize::MAX, String::from("<no message>")),
                };
                found.push(Reported {
                    start: ident.span().byte_range().start,
                    end,
                    message,
                });
            }
            TokenTree::Group(group) => compile_errors(group.stream(), found),
            _ => {}
        }
    }
}

impl Expansion {
    /// Every error starts where an input token starts and ends where one ends. The call site
    /// is `0..0`, where no input token starts: the sources below begin with a newline.
    fn check_spans(&self, source: &str) -> Result<(), TestCaseError> {
        for error in &self.errors {
            prop_assert!(
                self.starts.contains(&error.start) && self.ends.contains(&error.end),
                "{} at {}..{}, not at input tokens, in\n{}",
                error.message,
                error.start,
                error.end,
                source
            );
        }
        Ok(())
    }

    fn has_stub_impls(&self) -> bool {
        let text = self.output.to_string();
        text.contains("ApiError for") && text.contains("fn __write_json")
    }
}

// ---------------------------------------------------------------------------------------
// Any attributes at all.

/// A literal of any kind, well-formed or not for the key it follows.
fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => message_text().prop_map(|text| format!("{text:?}")),
        2 => "[0-9]{1,3}",
        1 => "[0-9]{1,25}(u8|u16|u32|i64|usize|f32)?",
        1 => "[0-9]{1,3}\\.[0-9]{1,3}(e[0-9])?",
        1 => "(true|false)",
        1 => "'[a-z{}\"]'",
        1 => "b'[a-z]'",
        1 => "b\"[a-z{} ]{0,8}\"",
        1 => "r#\"[a-z{}\" ]{0,8}\"#",
        1 => "c\"[a-z]{0,8}\"",
        1 => prop::sample::select(vec![
            "0x1F4", "4_0_0", "\"https://example.com/errors\"", "\"http://x/\"", "\"\"",
            "\"   \"", "\"{0}\"", "\"{field}\"", "\"{{}}\"", "\"}{\"", "\"{:?}\"", "\"{ }\"",
            "\"too_many_requests\"", "\"Not-Snake\"", "\"::stytch_errors\"", "\"not a path\"",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A key: the known ones of both levels, random identifiers, keywords, raw identifiers.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "status", "message", "error_type", "docs_url", "cause", "fix", "crate", "display",
        ])
        .prop_map(str::to_owned),
        1 => "[a-z_][a-z0-9_]{0,8}",
        1 => prop::sample::select(vec![
            "self", "super", "r#type", "r#status", "Status", "a::b", "r#message",
        ])
        .prop_map(str::to_owned),
    ]
}

/// One comma-separated item of an attribute's arguments.
fn item() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => (key(), literal()).prop_map(|(key, literal)| format!("{key} = {literal}")),
        1 => key(),
        1 => (key(), literal(), literal()).prop_map(|(k, a, b)| format!("{k} = {a} {b}")),
        1 => key().prop_map(|key| format!("{key} =")),
        1 => key().prop_map(|key| format!("{key} = a::b")),
        1 => key().prop_map(|key| format!("{key} = -1")),
        1 => key().prop_map(|key| format!("{key} = 4 + 0")),
        1 => key().prop_map(|key| format!("{key} = [1, 2]")),
        1 => literal(),
        1 => Just(String::from("= 1")),
        1 => Just(String::new()),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        (key(), prop::collection::vec(inner, 0..4))
            .prop_map(|(key, items)| format!("{key}({})", items.join(", ")))
    })
}

fn arguments() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(item(), 0..6),
        prop::sample::select(vec!["", ",", ",,"]),
    )
        .prop_map(|(items, tail)| items.join(", ") + tail)
}

/// An attribute, `#[api_error(…)]` most often, in any of the forms Rust allows.
fn attribute() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => arguments().prop_map(|args| format!("#[api_error({args})]")),
        1 => Just(String::from("#[api_error]")),
        1 => literal().prop_map(|lit| format!("#[api_error = {lit}]")),
        1 => arguments().prop_map(|args| format!("#[api_error[{args}]]")),
        1 => arguments().prop_map(|args| format!("#[api_error{{{args}}}]")),
        1 => literal().prop_map(|lit| format!("#[doc = {lit}]")),
        1 => "[a-zA-Z {}\"\\\\]{0,20}".prop_map(|text| format!("/// {text}\n")),
        1 => Just(String::from("#[source]")),
        1 => Just(String::from("#[from]")),
        1 => arguments().prop_map(|args| format!("#[other({args})]")),
    ]
}

fn attributes(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(attribute(), 0..max).prop_map(|attrs| attrs.join("\n"))
}

fn field_attributes() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => Just(String::new()),
            1 => Just(String::from("#[source]")),
            1 => Just(String::from("#[from]")),
            1 => Just(String::from("#[source(x)]")),
            1 => Just(String::from("#[from = 1]")),
            1 => attribute(),
        ],
        0..3,
    )
    .prop_map(|attrs| attrs.join(" "))
}

fn field_type() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "String",
        "u32",
        "T",
        "std::io::Error",
        "Box<dyn std::error::Error + Send + Sync>",
        "Vec<T>",
        "&'a str",
        "(u8, u8)",
    ])
    .prop_map(str::to_owned)
}

fn variant_name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Z][A-Za-z0-9_]{0,10}",
        1 => prop::sample::select(vec!["A", "A", "TooManyRequests", "HTTPServer", "Ünïcode", "X_Y", "Self"])
            .prop_map(str::to_owned),
    ]
}

fn variant() -> impl Strategy<Value = String> {
    let fields = prop_oneof![
        3 => Just(String::new()),
        2 => prop::collection::vec(
            (field_attributes(), "[a-z][a-z0-9_]{0,6}|source|r#type", field_type()),
            0..4,
        )
        .prop_map(|fields| {
            let fields: Vec<String> = fields
                .into_iter()
                .map(|(attrs, name, ty)| format!("{attrs} {name}: {ty}"))
                .collect();
            format!(" {{ {} }}", fields.join(", "))
        }),
        2 => prop::collection::vec((field_attributes(), field_type()), 0..4).prop_map(|fields| {
            let fields: Vec<String> = fields
                .into_iter()
                .map(|(attrs, ty)| format!("{attrs} {ty}"))
                .collect();
            format!("({})", fields.join(", "))
        }),
        1 => Just(String::from(" = 5")),
    ];
    (attributes(5), variant_name(), fields)
        .prop_map(|(attrs, name, fields)| format!("{attrs}\n{name}{fields}"))
}

/// An item as rustc would hand it to a derive: well-formed Rust, any attributes.
fn any_item() -> impl Strategy<Value = String> {
    let generics = prop::sample::select(vec!["", "<T>", "<'a, T: Clone>", "<T> where T: Copy"]);
    prop_oneof![
        8 => (attributes(4), generics, prop::collection::vec(variant(), 0..5)).prop_map(
            |(attrs, generics, variants)| {
                let (params, bounds) = generics.split_once(" where").unwrap_or((generics, ""));
                let bounds = if bounds.is_empty() { String::new() } else { format!(" where{bounds}") };
                format!("\n{attrs}\npub enum E{params}{bounds} {{\n{}\n}}", variants.join(",\n"))
            }
        ),
        1 => attributes(3).prop_map(|attrs| format!("\n{attrs}\nstruct S {{ x: u8 }}")),
        1 => attributes(3).prop_map(|attrs| format!("\n{attrs}\nstruct S;")),
        1 => attributes(3).prop_map(|attrs| format!("\n{attrs}\nunion U {{ a: u8 }}")),
    ]
}

// ---------------------------------------------------------------------------------------
// Well-formed catalogs, and one mistake.

/// Text for a message: any characters, with braces doubled so that they stay literal.
fn message_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>(),
            1 => prop::sample::select(vec!['"', '\\', '\n', '\t', '\0', '\u{7f}', '\u{2028}', 'é', '😀', ' ']),
            1 => Just('{'),
            1 => Just('}'),
        ],
        0..16,
    )
    .prop_map(|chars| {
        chars
            .into_iter()
            .map(|c| match c {
                '{' => String::from("{{"),
                '}' => String::from("}}"),
                c => c.to_string(),
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Shape {
    Unit,
    /// Named fields `f0`, `f1`, …; the `Option` marks a source field and how.
    Named(usize, Option<(usize, SourceMark)>),
    Tuple(usize, Option<(usize, SourceMark)>),
}

#[derive(Debug, Clone, Copy)]
enum SourceMark {
    Source,
    From,
    /// A named field called `source` (named fields only).
    Name,
}

#[derive(Debug, Clone)]
struct VariantSpec {
    /// Name words, and their `snake_case`.
    words: Vec<(&'static str, &'static str)>,
    status: Option<u16>,
    shape: Shape,
    /// Text pieces and placeholder choices (a field index, reduced modulo the fields that
    /// can be shown).
    message: Vec<(String, Option<usize>)>,
    error_type: bool,
    docs_url: bool,
    causes: usize,
    /// Split the keys over two `#[api_error]` attributes.
    split: bool,
}

#[derive(Debug, Clone)]
struct CatalogSpec {
    status: Option<u16>,
    display: Option<bool>,
    krate: bool,
    variants: Vec<VariantSpec>,
}

const WORDS: &[(&str, &str)] = &[
    ("Alpha", "alpha"),
    ("Beta", "beta"),
    ("HTTPServer", "http_server"),
    ("M2m", "m2m"),
    ("Too", "too"),
    ("Many", "many"),
    ("Requests", "requests"),
    ("Id", "id"),
];

fn variant_spec() -> impl Strategy<Value = VariantSpec> {
    let source = prop::option::of((any::<prop::sample::Index>(), 0u8..3));
    let shape = prop_oneof![
        Just(Shape::Unit),
        (1usize..4, source.clone()).prop_map(|(n, source)| {
            Shape::Named(
                n,
                source.map(|(at, mark)| (at.index(n), mark_of(mark, true))),
            )
        }),
        (1usize..4, source).prop_map(|(n, source)| {
            Shape::Tuple(
                n,
                source.map(|(at, mark)| (at.index(n), mark_of(mark, false))),
            )
        }),
    ];
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..4),
        prop::option::of(400u16..=599),
        shape,
        prop::collection::vec((message_text(), prop::option::of(any::<usize>())), 1..4),
        any::<bool>(),
        any::<bool>(),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(
            |(words, status, shape, message, error_type, docs_url, causes, split)| VariantSpec {
                words,
                status,
                shape,
                message,
                error_type,
                docs_url,
                causes,
                split,
            },
        )
}

fn mark_of(mark: u8, named: bool) -> SourceMark {
    match mark {
        0 => SourceMark::Source,
        1 => SourceMark::From,
        _ if named => SourceMark::Name,
        _ => SourceMark::Source,
    }
}

fn catalog_spec() -> impl Strategy<Value = CatalogSpec> {
    (
        prop::option::of(400u16..=599),
        prop::option::of(any::<bool>()),
        any::<bool>(),
        prop::collection::vec(variant_spec(), 1..6),
    )
        .prop_map(|(status, display, krate, mut variants)| {
            // Every variant needs a status: its own or the enum's.
            if status.is_none() {
                for (i, variant) in variants.iter_mut().enumerate() {
                    variant
                        .status
                        .get_or_insert(400 + u16::try_from(i).unwrap_or(0));
                }
            }
            CatalogSpec {
                status,
                display,
                krate,
                variants,
            }
        })
}

/// The mistakes put into a catalog, each reported at one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mistake {
    UnknownKey,
    DuplicateKey,
    StringStatus,
    StatusOutOfRange,
    EmptyMessage,
    UnknownPlaceholder,
    UnbalancedBrace,
    NotSnakeCase,
    DuplicateErrorType,
    HttpDocsUrl,
    TrailingSlash,
    MissingMessage,
    MissingStatus,
    KeyWithoutValue,
    EnumKeyOnVariant,
    NotALiteral,
    AttributeOnField,
    FromBesideAnotherField,
    EmptyCause,
    UnionNotEnum,
}

const MISTAKES: &[Mistake] = &[
    Mistake::UnknownKey,
    Mistake::DuplicateKey,
    Mistake::StringStatus,
    Mistake::StatusOutOfRange,
    Mistake::EmptyMessage,
    Mistake::UnknownPlaceholder,
    Mistake::UnbalancedBrace,
    Mistake::NotSnakeCase,
    Mistake::DuplicateErrorType,
    Mistake::HttpDocsUrl,
    Mistake::TrailingSlash,
    Mistake::MissingMessage,
    Mistake::MissingStatus,
    Mistake::KeyWithoutValue,
    Mistake::EnumKeyOnVariant,
    Mistake::NotALiteral,
    Mistake::AttributeOnField,
    Mistake::FromBesideAnotherField,
    Mistake::EmptyCause,
    Mistake::UnionNotEnum,
];

/// Source text being written, remembering where the mistake went.
#[derive(Default)]
struct Source {
    text: String,
    mistake: Option<Range<usize>>,
}

impl Source {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Pushes the offending token.
    fn push_mistake(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.mistake = Some(start..self.text.len());
    }

    /// Pushes `text` as the offending token if `here`, as plain text otherwise.
    fn push_maybe(&mut self, here: bool, text: &str) {
        if here {
            self.push_mistake(text);
        } else {
            self.push(text);
        }
    }
}

impl VariantSpec {
    fn name(&self, index: usize) -> String {
        let words: String = self.words.iter().map(|(word, _)| *word).collect();
        format!("V{index}{words}")
    }

    fn error_type(&self, index: usize) -> String {
        let snake: Vec<&str> = self.words.iter().map(|(_, snake)| *snake).collect();
        if self.error_type {
            format!("type_{index}_{}", snake.join("_"))
        } else {
            format!("v{index}_{}", snake.join("_"))
        }
    }

    fn field_count(&self) -> usize {
        match self.shape {
            Shape::Unit => 0,
            Shape::Named(n, _) | Shape::Tuple(n, _) => n,
        }
    }

    fn source_field(&self) -> Option<(usize, SourceMark)> {
        match self.shape {
            Shape::Unit => None,
            Shape::Named(n, source) | Shape::Tuple(n, source) => {
                // `#[from]` only on a variant's only field.
                source.map(|(at, mark)| match mark {
                    SourceMark::From if n > 1 => (at, SourceMark::Source),
                    _ => (at, mark),
                })
            }
        }
    }

    /// The message template: text pieces and placeholders of fields that can be shown.
    fn template(&self) -> String {
        let shown: Vec<usize> = (0..self.field_count())
            .filter(|&i| self.source_field().is_none_or(|(at, _)| at != i))
            .collect();
        let mut template = String::new();
        for (text, placeholder) in &self.message {
            template.push_str(text);
            if let (Some(choice), false) = (placeholder, shown.is_empty()) {
                let field = shown[choice % shown.len()];
                match self.shape {
                    Shape::Named(..) => write!(template, "{{f{field}}}").unwrap(),
                    _ => write!(template, "{{{field}}}").unwrap(),
                }
            }
        }
        if template.trim().is_empty() {
            template.push_str("Failed.");
        }
        template
    }
}

impl CatalogSpec {
    fn docs_url(index: usize) -> String {
        format!("https://example.com/v{index}/errors")
    }

    fn status(&self, variant: &VariantSpec) -> u16 {
        variant.status.or(self.status).unwrap_or(0)
    }

    fn error_url(&self, index: usize) -> String {
        let variant = &self.variants[index];
        let docs = if variant.docs_url {
            Self::docs_url(index + 1)
        } else {
            String::from("https://example.com/errors")
        };
        format!(
            "{docs}/{}#{}",
            self.status(variant),
            variant.error_type(index)
        )
    }

    /// The `#[api_error]` keys of variant `index`, with `mistake` put in.
    fn entries(&self, index: usize, mistake: Option<Mistake>) -> Vec<Entry> {
        use Mistake as M;
        let variant = &self.variants[index];
        let mut entries = Vec::new();
        if let (Some(status), false) = (variant.status, matches!(mistake, Some(M::MissingStatus))) {
            entries.push(Entry::new("status", &status.to_string()));
        }
        if !matches!(mistake, Some(M::MissingMessage)) {
            entries.push(Entry::new("message", &format!("{:?}", variant.template())));
        }
        if variant.error_type {
            entries.push(Entry::new(
                "error_type",
                &format!("{:?}", variant.error_type(index)),
            ));
        }
        if variant.docs_url {
            entries.push(Entry::new(
                "docs_url",
                &format!("{:?}", Self::docs_url(index + 1)),
            ));
        }
        for cause in 0..variant.causes {
            entries.push(Entry::new("cause", &format!("\"Cause {cause}.\"")));
        }
        let Some(mistake) = mistake else {
            return entries;
        };
        // Replaces the key's value (or adds the key), marking the value.
        let mut set = |key: &str, value: &str| {
            if let Some(entry) = entries.iter_mut().find(|entry| entry.key == key) {
                entry.value = Some(value.to_owned());
                entry.mark = Mark::Value;
            } else {
                entries.push(Entry::new(key, value).marked(Mark::Value));
            }
        };
        match mistake {
            M::StringStatus => set("status", "\"404\""),
            M::StatusOutOfRange => set("status", "700"),
            M::EmptyMessage => set("message", "\" \""),
            M::UnknownPlaceholder => set("message", "\"No {such_field}.\""),
            M::UnbalancedBrace => set("message", "\"Open { brace\""),
            M::NotSnakeCase => set("error_type", "\"Not-Snake\""),
            M::DuplicateErrorType => {
                let other = usize::from(index == 0);
                set(
                    "error_type",
                    &format!("{:?}", self.variants[other].error_type(other)),
                );
            }
            M::HttpDocsUrl => set("docs_url", "\"http://example.com\""),
            M::TrailingSlash => set("docs_url", "\"https://example.com/errors/\""),
            M::UnknownKey => entries.push(Entry::new("colour", "\"red\"").marked(Mark::Key)),
            M::DuplicateKey => entries.push(Entry::new("message", "\"Again.\"").marked(Mark::Key)),
            M::EnumKeyOnVariant => entries.push(Entry::new("display", "false").marked(Mark::Key)),
            M::EmptyCause => entries.push(Entry::new("cause", "\"\"").marked(Mark::Value)),
            M::NotALiteral => {
                entries.push(Entry::new("fix", "concat!(\"a\")").marked(Mark::Value));
            }
            M::KeyWithoutValue => entries.push(Entry {
                key: String::from("fix"),
                value: None,
                mark: Mark::Key,
            }),
            M::MissingMessage
            | M::MissingStatus
            | M::AttributeOnField
            | M::FromBesideAnotherField
            | M::UnionNotEnum => {}
        }
        entries
    }

    /// The source of the catalog, with `mistake` put into variant `target` (or the enum).
    fn write(&self, mistake: Option<Mistake>, target: usize) -> Source {
        let mut src = Source::default();
        let target = target % self.variants.len();
        let is = |m: Mistake| matches!(mistake, Some(x) if x == m);
        src.push("\n#[api_error(docs_url = \"https://example.com/errors\"");
        if let Some(status) = self.status {
            write!(src.text, ", status = {status}").unwrap();
        }
        if let Some(display) = self.display {
            write!(src.text, ", display = {display}").unwrap();
        }
        if self.krate {
            src.push(", crate = \"::stytch_errors\"");
        }
        src.push(")]\n");
        if is(Mistake::UnionNotEnum) {
            src.push_mistake("union");
            src.push(" E { x: u8 }\n");
            return src;
        }
        src.push("enum E {\n");
        for (index, variant) in self.variants.iter().enumerate() {
            let here = index == target;
            src.push("    /// A variant.\n");
            let entries = self.entries(index, mistake.filter(|_| here));
            let split = if variant.split { entries.len() / 2 } else { 0 };
            src.push("    #[api_error(");
            for (at, entry) in entries.iter().enumerate() {
                if at > 0 {
                    src.push(if at == split {
                        ")]\n    #[api_error("
                    } else {
                        ", "
                    });
                }
                src.push_maybe(entry.mark == Mark::Key, &entry.key);
                if let Some(value) = &entry.value {
                    src.push(" = ");
                    src.push_maybe(entry.mark == Mark::Value, value);
                }
            }
            src.push(")]\n    ");
            let names_mistake = here && (is(Mistake::MissingMessage) || is(Mistake::MissingStatus));
            src.push_maybe(names_mistake, &variant.name(index));
            let extra_field = here && is(Mistake::FromBesideAnotherField);
            let on_field = here && is(Mistake::AttributeOnField);
            variant.write_fields(&mut src, index, extra_field, on_field);
            src.push(",\n");
        }
        src.push("}\n");
        src
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Key,
    Value,
}

/// One `key = value` of an attribute.
struct Entry {
    key: String,
    value: Option<String>,
    /// Which of its tokens is the mistake.
    mark: Mark,
}

impl Entry {
    fn new(key: &str, value: &str) -> Self {
        Entry {
            key: key.to_owned(),
            value: Some(value.to_owned()),
            mark: Mark::None,
        }
    }

    fn marked(self, mark: Mark) -> Self {
        Entry { mark, ..self }
    }
}

impl VariantSpec {
    /// The fields, with `#[from]` beside another field or `#[api_error]` on a field if asked.
    /// The source field has an error type of its own (`From` of a type is implemented once).
    fn write_fields(&self, src: &mut Source, index: usize, extra_field: bool, on_field: bool) {
        let source = self.source_field();
        let (open, close) = match self.shape {
            Shape::Unit if !extra_field && !on_field => return,
            Shape::Unit | Shape::Named(..) => (" { ", "}"),
            Shape::Tuple(..) => ("(", ")"),
        };
        let named = !matches!(self.shape, Shape::Tuple(..));
        src.push(open);
        for field in 0..self.field_count().max(usize::from(on_field)) {
            match source {
                Some((at, SourceMark::Source)) if at == field => src.push("#[source] "),
                Some((at, SourceMark::From)) if at == field => src.push("#[from] "),
                _ => {}
            }
            if on_field && field == 0 {
                src.push_mistake("#[api_error(status = 400)]");
                src.push(" ");
            }
            match source {
                Some((at, SourceMark::Name)) if at == field => src.push("source: "),
                _ if named => write!(src.text, "f{field}: ").unwrap(),
                _ => {}
            }
            match source {
                Some((at, _)) if at == field => write!(src.text, "Source{index}, ").unwrap(),
                _ => src.push("String, "),
            }
        }
        if extra_field {
            src.push_mistake("#[from]");
            src.push(if named {
                " extra_a: std::io::Error, extra_b: u8 "
            } else {
                " std::io::Error, u8"
            });
        }
        src.push(close);
    }
}

/// A mistake that the catalog can take: a duplicate `error_type` needs a second variant.
fn applicable(catalog: &CatalogSpec, mistake: Mistake) -> bool {
    match mistake {
        Mistake::DuplicateErrorType => catalog.variants.len() > 1,
        // The enum's default status would fill it in.
        Mistake::MissingStatus => catalog.status.is_none(),
        _ => true,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_attributes_expand_without_panic_and_errors_point_at_input(source in any_item()) {
        let expansion = expand(&source).map_err(|e| TestCaseError::fail(format!("{e}:\n{source}")))?;
        expansion.check_spans(&source)?;
        if expansion.errors.is_empty() {
            prop_assert!(!expansion.output.to_string().contains("compile_error"));
        } else if syn::parse_str::<syn::DeriveInput>(&source).is_ok() {
            // Stubs beside the errors, so that only the real mistakes are reported.
            prop_assert!(expansion.has_stub_impls(), "{}", expansion.output);
        }
    }

    #[test]
    fn well_formed_catalogs_are_accepted(catalog in catalog_spec()) {
        let source = catalog.write(None, 0);
        let expansion = expand(&source.text).map_err(TestCaseError::fail)?;
        prop_assert!(
            expansion.errors.is_empty(),
            "{:?}\n{}",
            expansion.errors,
            source.text
        );
        let output = expansion.output.to_string();
        for index in 0..catalog.variants.len() {
            let url = format!("{:?}", catalog.error_url(index));
            prop_assert!(output.contains(&url), "no {} in the output of\n{}", url, source.text);
        }
    }

    #[test]
    fn one_mistake_is_reported_at_its_token(
        catalog in catalog_spec(),
        mistake in prop::sample::select(MISTAKES),
        target in any::<usize>(),
    ) {
        prop_assume!(applicable(&catalog, mistake));
        let source = catalog.write(Some(mistake), target);
        let at = source.mistake.clone().expect("the mistake has a token");
        let expansion = expand(&source.text).map_err(TestCaseError::fail)?;
        expansion.check_spans(&source.text)?;
        prop_assert!(!expansion.errors.is_empty(), "{:?} accepted:\n{}", mistake, source.text);
        prop_assert!(
            expansion.errors.iter().any(|error| at.contains(&error.start)),
            "{:?} at {:?} ({:?}), but the errors are {:?} in\n{}",
            mistake,
            at,
            &source.text[at.clone()],
            expansion.errors,
            source.text
        );
        prop_assert!(expansion.has_stub_impls());
    }
}

#[test]
fn the_checks_can_fail() {
    // A `compile_error!` at the call site is caught.
    let call_site = derive(quote::quote!(enum));
    let mut errors = Vec::new();
    compile_errors(call_site, &mut errors);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].start, 0);
    let expansion = expand("\nenum E { A }").unwrap();
    let spans = Expansion {
        errors: vec![Reported {
            start: 0,
            end: 0,
            message: String::from("at the call site"),
        }],
        ..expansion
    };
    assert!(spans.check_spans("enum E { A }").is_err());
    // A mistake is found at its token.
    let catalog = CatalogSpec {
        status: None,
        display: None,
        krate: false,
        variants: vec![VariantSpec {
            words: vec![("Alpha", "alpha")],
            status: Some(400),
            shape: Shape::Unit,
            message: vec![(String::from("Bad."), None)],
            error_type: false,
            docs_url: false,
            causes: 0,
            split: false,
        }],
    };
    let source = catalog.write(Some(Mistake::StatusOutOfRange), 0);
    assert_eq!(&source.text[source.mistake.clone().unwrap()], "700");
    let expansion = expand(&source.text).unwrap();
    assert_eq!(expansion.errors.len(), 1, "{:?}", expansion.errors);
    assert_eq!(
        expansion.errors[0].start,
        source.mistake.unwrap().start,
        "{}",
        source.text
    );
    let accepted = expand(&catalog.write(None, 0).text).unwrap();
    assert!(accepted.errors.is_empty(), "{:?}", accepted.errors);
}

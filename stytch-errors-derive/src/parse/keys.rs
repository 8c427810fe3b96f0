//! Every `#[api_error(…)]` key, and the levels (the enum, a variant) it goes on.

/// Where an attribute stands, which decides the keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Enum,
    Variant,
    /// A struct: one error, with the keys of the enum and of a variant but those about
    /// variants (`subset_of`, `transparent`, `covers`).
    Struct,
}

/// The keys of the enum or a variant that a struct does not take.
const NOT_ON_STRUCT: &[&str] = &["subset_of", "transparent", "covers"];

/// One key of `#[api_error(…)]` and the levels it goes on.
pub struct KeySpec {
    pub name: &'static str,
    pub levels: &'static [Level],
}

/// Every key, in the order messages list them: the one list that the parser, the
/// "goes on the enum" errors and the "did you mean" suggestions read. A new key is an entry
/// here, a field of `attr::Attrs` and an arm of its `apply`.
pub const KEYS: &[KeySpec] = &[
    key("status", BOTH),
    key("message", BOTH),
    key("fmt", BOTH),
    key("error_type", VARIANT),
    key("docs_url", BOTH),
    key("cause", VARIANT),
    key("fix", VARIANT),
    key("covers", VARIANT),
    key("crate", ENUM),
    key("display", ENUM),
    key("header", BOTH),
    key("log", BOTH),
    key("subset_of", ENUM),
    key("transparent", VARIANT),
    key("round_trip", ENUM),
    key("kind", ENUM),
    key("retryable", VARIANT),
];

const ENUM: &[Level] = &[Level::Enum];
const VARIANT: &[Level] = &[Level::Variant];
const BOTH: &[Level] = &[Level::Enum, Level::Variant];

const fn key(name: &'static str, levels: &'static [Level]) -> KeySpec {
    KeySpec { name, levels }
}

impl Level {
    /// The keys an attribute at this level takes.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        KEYS.iter()
            .filter(move |key| match self {
                Level::Struct => !NOT_ON_STRUCT.contains(&key.name),
                level => key.levels.contains(&level),
            })
            .map(|key| key.name)
    }

    /// Whether an attribute at this level takes `key`.
    pub fn takes(self, key: &str) -> bool {
        self.keys().any(|name| name == key)
    }

    /// The level that is not this one.
    pub fn other(self) -> Self {
        match self {
            Level::Enum => Level::Variant,
            Level::Variant | Level::Struct => Level::Enum,
        }
    }

    /// How messages name the level.
    pub fn name(self) -> &'static str {
        match self {
            Level::Enum => "the enum",
            Level::Variant => "a variant",
            Level::Struct => "a struct",
        }
    }
}

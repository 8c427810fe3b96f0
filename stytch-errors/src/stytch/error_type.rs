//! `StytchErrorType`: every `error_type` name Stytch is known to send, typed, whether or not
//! [`StytchError`] has a full entry (status, message, docs) for it.
//!
//! The variants are generated (`error_type/names.rs`, written by
//! `scripts/gen_error_types.py` from `stytch-errors/data/error-types.txt`) as the input of
//! [`error_types!`], which declares the enum, the list of names in the enum's order (a
//! variant's discriminant is its index) and, through the derive crate, a perfect-hash table
//! of the names built at compile time: the derive's table behind
//! [`ApiError::from_error_type`], searched by the same code and read by the same `Lookup`.

use core::fmt;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{ApiError, ErrorInfo};
use crate::parse::ParsedError;
use crate::stytch::StytchError;

/// Declares `StytchErrorType` from `Variant = "error_type"` lines.
macro_rules! error_types {
    ($($variant:ident = $name:literal,)*) => {
        /// An `error_type` Stytch sends, typed: one variant for each name of Stytch's
        /// generated SDK lists (Android, iOS, browser) and reference pages, 825 in all.
        ///
        /// A variant is the name in `UpperCamelCase`; [`as_str`](Self::as_str) is the
        /// exact string (`Twitter401` is `twitter_401`). It parses with
        /// [`FromStr`](core::str::FromStr) (an unknown name is an
        /// [`UnknownErrorType`](crate::UnknownErrorType)), displays and (de)serializes as
        /// the string. Most names have no full entry in [`StytchError`](crate::StytchError),
        /// because no public source gives their status and message:
        /// [`to_error`](Self::to_error) and [`info`](Self::info) give the entry where there
        /// is one. Stytch adds types, so the enum is `#[non_exhaustive]`.
        ///
        /// ```
        /// use stytch_errors::{ApiError, StytchError, StytchErrorType};
        ///
        /// let name: StytchErrorType = "twitter_401".parse()?;
        /// assert_eq!(name, StytchErrorType::Twitter401);
        /// assert_eq!(name.as_str(), "twitter_401");
        /// assert_eq!(name.to_string(), "twitter_401");
        /// assert_eq!(name.to_error(), Some(StytchError::Twitter401));
        /// assert_eq!(StytchError::Twitter401.stytch_type(), name);
        ///
        /// // A type Stytch's SDKs know, without a catalog entry.
        /// let name: StytchErrorType = "invalid_secret_authentication".parse()?;
        /// assert_eq!(name, StytchErrorType::InvalidSecretAuthentication);
        /// assert_eq!(name.to_error(), None);
        ///
        /// assert!("no_such_error".parse::<StytchErrorType>().is_err());
        /// assert_eq!(serde_json::to_string(&name).unwrap(), r#""invalid_secret_authentication""#);
        /// # Ok::<(), stytch_errors::UnknownErrorType>(())
        /// ```
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum StytchErrorType {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl StytchErrorType {
            /// Every variant, in the order of the list of names (alphabetical).
            ///
            /// ```
            /// # use stytch_errors::StytchErrorType;
            /// assert_eq!(StytchErrorType::ALL.len(), 825);
            /// assert_eq!(StytchErrorType::ALL[0].as_str(), "action_available_only_for_active_members");
            /// ```
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];
        }

        /// The name of each variant, in the enum's order.
        pub(super) static NAMES: &[&str] = &[$($name),*];

        /// The index in [`NAMES`] of each name.
        pub(super) static LOOKUP: crate::wire::Lookup =
            stytch_errors_derive::__lookup_table!(crate; $($name),*);
    };
}

pub(crate) use error_types;

mod names;

pub use names::StytchErrorType;
use names::{LOOKUP, NAMES};

impl StytchErrorType {
    /// The `error_type` string, exactly as Stytch sends it.
    ///
    /// ```
    /// # use stytch_errors::StytchErrorType;
    /// assert_eq!(StytchErrorType::Argon2KeyLengthMismatch.as_str(), "argon_2_key_length_mismatch");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        // A fieldless enum's discriminant is its declaration index.
        NAMES[self as usize]
    }

    /// The catalog's unit variant of this type, if [`StytchError`] has an entry for it.
    ///
    /// ```
    /// # use stytch_errors::{StytchError, StytchErrorType};
    /// assert_eq!(StytchErrorType::RouteNotFound.to_error(), Some(StytchError::RouteNotFound));
    /// assert_eq!(StytchErrorType::InvalidSecretAuthentication.to_error(), None);
    /// ```
    #[must_use]
    pub fn to_error(self) -> Option<StytchError> {
        StytchError::from_error_type(self.as_str())
    }

    /// The catalog entry of this type (status, message, docs), if [`StytchError`] has one.
    ///
    /// ```
    /// # use stytch_errors::StytchErrorType;
    /// let info = StytchErrorType::RouteNotFound.info().unwrap();
    /// assert_eq!(info.status_code, 404);
    /// assert_eq!(info.message_template, "The route provided is not supported.");
    /// assert!(StytchErrorType::InvalidSecretAuthentication.info().is_none());
    /// ```
    #[must_use]
    pub fn info(self) -> Option<&'static ErrorInfo> {
        StytchError::info_for(self.as_str())
    }
}

impl StytchError {
    /// This error's type, typed.
    ///
    /// Every entry of the catalog has one: a test checks that each `error_type` is in the
    /// list of names.
    ///
    /// ```
    /// # use stytch_errors::{StytchError, StytchErrorType};
    /// assert_eq!(StytchError::TooManyRequests.stytch_type(), StytchErrorType::TooManyRequests);
    /// ```
    #[must_use]
    pub fn stytch_type(self) -> StytchErrorType {
        StytchErrorType::from_str(self.error_type())
            .unwrap_or_else(|UnknownErrorType| unreachable!("every entry is in the list"))
    }
}

impl From<StytchError> for StytchErrorType {
    fn from(error: StytchError) -> Self {
        error.stytch_type()
    }
}

impl<E> ParsedError<'_, E> {
    /// The body's `error_type` as a [`StytchErrorType`], whether or not the catalog `E` has
    /// an entry for it; `None` for a type not in Stytch's list.
    ///
    /// ```
    /// use stytch_errors::{ErrorKind, StytchError, StytchErrorType, parse_error};
    ///
    /// let body = br#"{"status_code":401,"request_id":"r","error_type":"invalid_secret_authentication"}"#;
    /// let error = parse_error::<StytchError>(body)?;
    /// assert_eq!(error.kind, ErrorKind::Unknown);
    /// assert_eq!(error.stytch_type(), Some(StytchErrorType::InvalidSecretAuthentication));
    ///
    /// let error = parse_error::<StytchError>(br#"{"error_type":"brand_new_error"}"#)?;
    /// assert_eq!(error.stytch_type(), None);
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    #[must_use]
    pub fn stytch_type(&self) -> Option<StytchErrorType> {
        self.error_type.parse().ok()
    }
}

/// The error of parsing a string that is no [`StytchErrorType`].
///
/// ```
/// use stytch_errors::{StytchErrorType, UnknownErrorType};
///
/// assert_eq!("Twitter401".parse::<StytchErrorType>(), Err(UnknownErrorType));
/// assert_eq!(UnknownErrorType.to_string(), "not an error type of Stytch's list");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownErrorType;

impl fmt::Display for UnknownErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an error type of Stytch's list")
    }
}

impl std::error::Error for UnknownErrorType {}

impl FromStr for StytchErrorType {
    type Err = UnknownErrorType;

    /// The variant whose string is `name`, exactly (case and all): one hash and one string
    /// comparison.
    fn from_str(name: &str) -> Result<Self, UnknownErrorType> {
        let index = LOOKUP.index_in(name, NAMES).ok_or(UnknownErrorType)?;
        Self::ALL.get(index).copied().ok_or(UnknownErrorType)
    }
}

impl fmt::Display for StytchErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for StytchErrorType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StytchErrorType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor)
    }
}

/// Reads a name from any string, borrowed or not.
struct NameVisitor;

impl Visitor<'_> for NameVisitor {
    type Value = StytchErrorType;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error type of Stytch's list")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<StytchErrorType, E> {
        name.parse()
            .map_err(|UnknownErrorType| E::invalid_value(de::Unexpected::Str(name), &self))
    }
}

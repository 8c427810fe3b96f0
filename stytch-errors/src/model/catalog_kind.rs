//! `CatalogKind`: a fieldless kind per variant of a catalog, to match errors as values.

use core::fmt::Debug;
use core::hash::Hash;

use crate::model::ApiError;

/// A catalog whose every variant has a fieldless kind: a value a client can `match` on
/// exhaustively, whether or not the body gave the error's values back.
///
/// `#[derive(ApiError)]` implements it when the enum asks for a kind enum with
/// `#[api_error(kind = "AppErrorKind")]`: an enum of that name beside the catalog, one
/// variant per variant (a transparent variant's kind stands for every error of the catalog
/// it wraps), `#[non_exhaustive]` when the catalog is. It is a trait of its own, so that
/// catalogs written by hand implement it only if they want to. A parsed error gives its
/// kind with [`ParsedError::variant_kind`](crate::ParsedError::variant_kind), a failed
/// response with [`ClientError::variant_kind`](crate::ClientError::variant_kind).
///
/// ```
/// use std::borrow::Cow;
/// use stytch_errors::{ApiError, CatalogKind, ErrorInfo, parse_error};
///
/// #[derive(Debug)]
/// pub enum Overloaded {
///     Busy { retry_in: u64 },
/// }
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
/// pub enum OverloadedKind {
///     Busy,
/// }
///
/// static CATALOG: [ErrorInfo; 1] = [ErrorInfo::new(
///     "Busy", "busy", 503, "Try again later.", "https://example.com/errors",
///     "https://example.com/errors/503#busy",
/// )];
///
/// impl ApiError for Overloaded {
///     fn catalog() -> &'static [ErrorInfo] { &CATALOG }
///     fn info(&self) -> &'static ErrorInfo { &CATALOG[0] }
///     fn error_message(&self) -> Cow<'_, str> { Cow::Borrowed(CATALOG[0].message_template) }
///     fn from_error_type(_: &str) -> Option<Self> { None }
/// }
///
/// impl CatalogKind for Overloaded {
///     type Kind = OverloadedKind;
///     fn kind(&self) -> OverloadedKind {
///         match self {
///             Overloaded::Busy { .. } => OverloadedKind::Busy,
///         }
///     }
///     fn kind_at(index: usize) -> Option<OverloadedKind> {
///         (index == 0).then_some(OverloadedKind::Busy)
///     }
/// }
///
/// let error = parse_error::<Overloaded>(br#"{"error_type":"busy"}"#)?;
/// // No value (its field is not in the body), but a kind.
/// assert!(error.known().is_none());
/// assert_eq!(error.variant_kind(), Some(OverloadedKind::Busy));
/// assert_eq!(Overloaded::kind_of("busy"), Some(OverloadedKind::Busy));
/// assert_eq!(Overloaded::kind_of("teapot"), None);
/// # Ok::<(), stytch_errors::ParseError>(())
/// ```
pub trait CatalogKind: ApiError + Sized {
    /// The fieldless kind: one variant per variant of the catalog.
    type Kind: Copy + Eq + Hash + Debug + Send + Sync + 'static;

    /// The kind of this error.
    fn kind(&self) -> Self::Kind;

    /// The kind of the catalog entry at `index` (in [`catalog`](ApiError::catalog)'s
    /// order); `None` past its end.
    fn kind_at(index: usize) -> Option<Self::Kind>;

    /// The kind of the error whose `error_type` is `error_type`; `None` for a type the
    /// catalog does not have.
    #[must_use]
    fn kind_of(error_type: &str) -> Option<Self::Kind> {
        Self::__index_of(error_type).and_then(Self::kind_at)
    }
}

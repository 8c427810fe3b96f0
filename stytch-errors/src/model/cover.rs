//! [`Cover`]: what a catalog error stands for among the failures a service answers without a
//! handler's error.

use core::fmt;

use serde::{Serialize, Serializer};

/// One `#[api_error(covers = …)]` entry of a variant: a status, or a class of statuses.
///
/// The request-id layer (axum) and middleware (actix-web) answer a failure of status S
/// that no catalog error made with the variant covering S itself, else the one covering its
/// class, rendered with status S (see [`RenderedError::with_status`](crate::RenderedError::with_status)).
/// [`ErrorInfo::covers`](crate::ErrorInfo::covers) lists a variant's entries.
///
/// ```
/// use stytch_errors::{ApiError, Cover};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs_url = "https://example.com/errors")]
/// enum AppError {
///     #[api_error(status = 400, message = "The request is invalid.", covers = "4xx")]
///     BadRequest,
///     #[api_error(status = 404, message = "Not found.", covers = 404, covers = 410)]
///     NotFound,
///     #[api_error(status = 500, message = "Something went wrong.", covers = "5xx")]
///     Internal,
/// }
///
/// assert_eq!(AppError::BadRequest.info().covers, [Cover::Class(4)]);
/// assert_eq!(AppError::NotFound.info().covers, [Cover::Status(404), Cover::Status(410)]);
/// assert!(Cover::Class(4).contains(413) && !Cover::Class(4).contains(503));
/// assert_eq!(Cover::Class(5).to_string(), "5xx");
/// assert_eq!(Cover::Class(5).openapi_key(), "5XX");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cover {
    /// One status: `covers = 404`.
    Status(u16),
    /// Every status of a class that no variant covers itself: `covers = "4xx"` is
    /// `Class(4)`, `covers = "5xx"` is `Class(5)`.
    Class(u16),
}

impl Cover {
    /// Whether a response of `status` is covered: the status itself, or one of its class.
    #[must_use]
    pub const fn contains(self, status: u16) -> bool {
        match self {
            Self::Status(covered) => covered == status,
            Self::Class(class) => status / 100 == class,
        }
    }

    /// The key of the `OpenAPI` responses object this entry is listed under: `404`, or
    /// `4XX` for a class (the range `OpenAPI` 3 spells with capital `X`s).
    #[must_use]
    pub fn openapi_key(self) -> std::string::String {
        match self {
            Self::Status(status) => status.to_string(),
            Self::Class(class) => format!("{class}XX"),
        }
    }
}

impl fmt::Display for Cover {
    /// As the attribute writes it: `404`, `4xx`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Status(status) => write!(f, "{status}"),
            Self::Class(class) => write!(f, "{class}xx"),
        }
    }
}

impl Serialize for Cover {
    /// As the attribute writes it: `404`, `"4xx"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Status(status) => serializer.serialize_u16(*status),
            Self::Class(_) => serializer.collect_str(self),
        }
    }
}

//! The statuses an error of a catalog may have: the HTTP error statuses, 400 to 599.

use core::ops::RangeInclusive;

/// The lowest error status: `400`.
pub const MIN: u16 = 400;

/// The highest error status: `599`.
pub const MAX: u16 = 599;

/// `400..=599`.
///
/// ```
/// assert!(stytch_errors_shared::status::RANGE.contains(&599));
/// assert!(!stytch_errors_shared::status::RANGE.contains(&600));
/// ```
pub const RANGE: RangeInclusive<u16> = MIN..=MAX;

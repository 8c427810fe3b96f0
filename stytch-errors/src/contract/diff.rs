//! How a catalog differs from its lock file: each difference, judged by what it does to a
//! client that was built against the lock.

use std::collections::BTreeMap;
use std::format;
use std::string::String;
use std::vec::Vec;

use super::lock::{Entry, Lock, Member};

/// What a difference from the lock file does to the catalog's clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A client built against the lock file breaks: an `error_type` removed or renamed, a
    /// status changed, a details member removed or retyped, a header removed, retrying
    /// turned off, a cover dropped.
    Breaking,
    /// An error the lock file records as deprecated was removed: still breaking for a client
    /// that has not moved off it, but announced.
    PlannedRemoval,
    /// A change this check cannot judge (another variant, a message that shows other fields,
    /// a new details member a client cannot go without): fails as a breaking one does, until
    /// someone has looked.
    Review,
    /// Something new that no client relies on yet: an error, an optional details member, a
    /// header, a cover, a retry hint, a deprecation.
    Additive,
    /// Only what people read: a message's wording (the same fields), docs, causes, fixes.
    Cosmetic,
}

impl ChangeKind {
    /// Whether the change fails the check even once the lock file is updated by hand: it
    /// must be undone, or accepted by overwriting the lock file.
    #[must_use]
    pub const fn is_breaking(self) -> bool {
        matches!(self, Self::Breaking | Self::PlannedRemoval | Self::Review)
    }

    fn label(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::PlannedRemoval => "breaking (planned removal)",
            Self::Review => "changed, review",
            Self::Additive => "additive",
            Self::Cosmetic => "cosmetic",
        }
    }
}

/// One difference between a catalog and its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What it does to clients.
    pub kind: ChangeKind,
    /// The `error_type` it concerns (the old one, for a rename).
    pub error_type: String,
    /// What changed, and for a breaking change the usual way out.
    pub message: String,
}

impl core::fmt::Display for Change {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.kind.label(), self.message)
    }
}

/// Every difference between `locked` and `current`, most serious first, then by
/// `error_type`.
pub(crate) fn changes(locked: &Lock, current: &Lock) -> Vec<Change> {
    let old: BTreeMap<&str, &Entry> = by_type(locked);
    let new: BTreeMap<&str, &Entry> = by_type(current);
    let mut found = Vec::new();
    let removed: Vec<&Entry> = old
        .iter()
        .filter(|(t, _)| !new.contains_key(*t))
        .map(|(_, e)| *e)
        .collect();
    let added: Vec<&Entry> = new
        .iter()
        .filter(|(t, _)| !old.contains_key(*t))
        .map(|(_, e)| *e)
        .collect();
    for gone in &removed {
        // A variant that now has another `error_type` is a rename.
        if let Some(renamed) = added.iter().find(|entry| entry.variant == gone.variant) {
            found.push(change(
                ChangeKind::Breaking,
                gone,
                format!(
                    "`{}` was renamed to `{}` (variant `{}`): clients matching on `{}` break; keep it with `#[api_error(error_type = \"{}\")]`, and add the new error as a variant of its own",
                    gone.error_type, renamed.error_type, gone.variant, gone.error_type, gone.error_type
                ),
            ));
        } else if gone.deprecated {
            found.push(change(
                ChangeKind::PlannedRemoval,
                gone,
                format!(
                    "`{}` (variant `{}`, deprecated in the lock file) was removed: clients still matching on it break; overwrite the lock file once none does",
                    gone.error_type, gone.variant
                ),
            ));
        } else {
            found.push(change(
                ChangeKind::Breaking,
                gone,
                format!(
                    "`{}` (variant `{}`, {}) was removed: clients matching on it break; keep the variant and mark it `#[deprecated]` until none does",
                    gone.error_type, gone.variant, gone.status
                ),
            ));
        }
    }
    for new_entry in &added {
        if !removed.iter().any(|gone| gone.variant == new_entry.variant) {
            found.push(change(
                ChangeKind::Additive,
                new_entry,
                format!(
                    "a new error `{}` ({})",
                    new_entry.error_type, new_entry.status
                ),
            ));
        }
    }
    for (error_type, before) in &old {
        if let Some(after) = new.get(error_type) {
            compare(before, after, &mut found);
        }
    }
    found.sort_by(|a, b| (a.kind, &a.error_type).cmp(&(b.kind, &b.error_type)));
    found
}

fn by_type(lock: &Lock) -> BTreeMap<&str, &Entry> {
    lock.errors
        .iter()
        .map(|entry| (entry.error_type.as_str(), entry))
        .collect()
}

fn change(kind: ChangeKind, entry: &Entry, message: String) -> Change {
    Change {
        kind,
        error_type: entry.error_type.clone(),
        message,
    }
}

/// The differences of one error that both have.
fn compare(before: &Entry, after: &Entry, found: &mut Vec<Change>) {
    let name = &before.error_type;
    let mut push = |kind, message: String| found.push(change(kind, before, message));
    if before.status != after.status {
        push(
            ChangeKind::Breaking,
            format!(
                "`{name}` changed status {} → {}: clients branching on the status break; keep {} and add a new error for {}",
                before.status, after.status, before.status, after.status
            ),
        );
    }
    if before.variant != after.variant {
        push(
            ChangeKind::Review,
            format!(
                "`{name}` is now the variant `{}` (was `{}`): Rust clients that match on the enum break",
                after.variant, before.variant
            ),
        );
    }
    compare_details(name, &before.details, &after.details, &mut push);
    for header in &before.headers {
        if !after.headers.contains(header) {
            push(
                ChangeKind::Breaking,
                format!(
                    "`{name}` no longer sends the header `{header}`: clients reading it break; keep declaring it"
                ),
            );
        }
    }
    for header in &after.headers {
        if !before.headers.contains(header) {
            push(
                ChangeKind::Additive,
                format!("`{name}` sends a new header `{header}`"),
            );
        }
    }
    for cover in &before.covers {
        if !after.covers.contains(cover) {
            push(
                ChangeKind::Breaking,
                format!(
                    "`{name}` no longer covers {cover}: the framework's failures of {cover} now reach clients as another error; keep `covers = {}` on it",
                    cover_value(cover)
                ),
            );
        }
    }
    for cover in &after.covers {
        if !before.covers.contains(cover) {
            push(ChangeKind::Additive, format!("`{name}` now covers {cover}"));
        }
    }
    match (before.retryable, after.retryable) {
        (true, false) => push(
            ChangeKind::Breaking,
            format!(
                "`{name}` is no longer retryable: clients that retry it give up now; keep `retryable = true`"
            ),
        ),
        (false, true) => push(ChangeKind::Additive, format!("`{name}` is now retryable")),
        _ => {}
    }
    if !before.deprecated && after.deprecated {
        push(ChangeKind::Additive, format!("`{name}` is now deprecated"));
    }
    if before.placeholders != after.placeholders {
        push(
            ChangeKind::Review,
            format!(
                "`{name}`'s message shows other fields: [{}] → [{}]",
                before.placeholders.join(", "),
                after.placeholders.join(", ")
            ),
        );
    } else if before.message != after.message {
        push(
            ChangeKind::Cosmetic,
            format!("`{name}`'s message reads \"{}\"", after.message),
        );
    }
    let texts = [
        ("description", before.description != after.description),
        ("causes", before.causes != after.causes),
        ("fixes", before.fixes != after.fixes),
        ("deprecation", before.deprecated && !after.deprecated),
    ];
    for (what, differs) in texts {
        if differs {
            push(ChangeKind::Cosmetic, format!("`{name}`'s {what} changed"));
        }
    }
}

fn compare_details(
    name: &str,
    before: &[Member],
    after: &[Member],
    push: &mut impl FnMut(ChangeKind, String),
) {
    for old in before {
        match after.iter().find(|member| member.name == old.name) {
            None => push(
                ChangeKind::Breaking,
                format!(
                    "`{name}` lost the details member `{}`: clients reading it break; keep the field",
                    old.name
                ),
            ),
            Some(new) if new.ty != old.ty => push(
                ChangeKind::Breaking,
                format!(
                    "`{name}`'s details member `{}` changed type `{}` → `{}`: clients reading it break; keep the type, and add a member of the new type",
                    old.name, old.ty, new.ty
                ),
            ),
            Some(_) => {}
        }
    }
    for new in after {
        if before.iter().any(|member| member.name == new.name) {
            continue;
        }
        if new.is_optional() {
            push(
                ChangeKind::Additive,
                format!("`{name}` has a new optional details member `{}`", new.name),
            );
        } else {
            push(
                ChangeKind::Review,
                format!(
                    "`{name}` has a new details member `{}` of type `{}`: a client may not go without it; make it an `Option` if it can",
                    new.name, new.ty
                ),
            );
        }
    }
}

/// A cover as `covers = …` takes it: a status as is, a class quoted.
fn cover_value(cover: &str) -> String {
    if cover.ends_with("xx") {
        format!("\"{cover}\"")
    } else {
        cover.into()
    }
}

//! A list loaded again in the background keeps the rows the user was looking at.

use trellis_api::Keyed;

/// `fresh`, plus each row of `shown` it no longer has that `keep` names, kept where it was: a
/// row the user just acted on (now outside the filter) stays, with its answer, until the filter
/// changes; rows changed elsewhere simply leave. When `fresh` is one page of more (`complete`
/// false), the last rows of `shown` may just have moved to the next page, pushed by new ones:
/// those are left to "Load more".
pub(super) fn keep_shown<T: Keyed + Clone>(
    shown: &[T],
    mut fresh: Vec<T>,
    complete: bool,
    keep: impl Fn(&str) -> bool,
) -> Vec<T> {
    let has = |list: &[T], id: &str| list.iter().any(|r| r.id() == id);
    let new = fresh.iter().filter(|f| !has(shown, f.id())).count();
    let settled = if complete {
        shown.len()
    } else {
        shown.len().saturating_sub(new)
    };
    for (at, row) in shown.iter().enumerate().take(settled) {
        if keep(row.id()) && !has(&fresh, row.id()) {
            fresh.insert(at.min(fresh.len()), row.clone());
        }
    }
    fresh
}

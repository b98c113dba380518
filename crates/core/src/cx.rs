//! What every step runs with: the store, the signed-in user and the time of the request.

use trellis_api::datetime::{date, timestamp};
use trellis_api::User;

/// Ids come from the store (a database sequence, or the demo's counter), so each backend keeps
/// its own id shape.
pub trait Store {
    /// A new unique id starting with `prefix` (`ann_`).
    fn new_id(&self, prefix: &str) -> String;
}

/// One request's context.
pub struct Cx<'a, S> {
    pub store: &'a S,
    pub user: &'a User,
    /// The request's time in seconds since the epoch: one value for the whole step.
    pub now: i64,
}

impl<'a, S: Store> Cx<'a, S> {
    /// A context for `user` at `now`.
    pub fn new(store: &'a S, user: &'a User, now: i64) -> Self {
        Self { store, user, now }
    }

    /// The request's time as a wire timestamp.
    pub fn timestamp(&self) -> String {
        timestamp(self.now)
    }

    /// The request's day, `YYYY-MM-DD` (UTC).
    pub fn today(&self) -> String {
        date(self.now.div_euclid(86_400))
    }
}

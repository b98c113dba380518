//! The demo organisation in memory as the core's store: each feature's storage in its own file.

use trellis_api::{ApiError, ErrorCode};
use trellis_core::cx::Store;
use trellis_core::CoreError;

use super::DemoBackend;
use crate::ClientError;

mod accounts;
mod activity;
mod announcements;
mod audit;
mod community;
mod deal_flow;
mod import;
mod lead_flow;
mod mdf;
mod products;
mod records;
mod support;
mod surveys;
mod training;
mod users;

impl Store for DemoBackend {
    fn new_id(&self, prefix: &str) -> String {
        self.next_id(prefix)
    }
}

impl From<CoreError> for ClientError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Api(api) => ClientError::Api(api),
            // Memory does not fail; should it, the caller still gets a typed error.
            CoreError::Store(_) => ClientError::Api(ApiError::new(
                ErrorCode::Internal,
                "Something went wrong in the demo backend",
            )),
        }
    }
}

/// Replaces the item `same` picks out, or adds `item` at the end.
fn upsert<T: Clone>(list: &mut Vec<T>, item: &T, same: impl Fn(&T) -> bool) {
    match list.iter_mut().find(|x| same(x)) {
        Some(slot) => *slot = item.clone(),
        None => list.push(item.clone()),
    }
}

impl DemoBackend {
    /// A context for the signed-in user, now.
    pub(super) fn cx<'a>(&'a self, user: &'a trellis_api::User) -> trellis_core::Cx<'a, Self> {
        trellis_core::Cx::new(self, user, super::now_unix())
    }
}

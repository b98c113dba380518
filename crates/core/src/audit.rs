//! The audit log as other features write to it.

use trellis_api::audit::NewEvent;
use trellis_api::User;

use crate::cx::Store;
use crate::error::Result;

/// Where audit events are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait AuditStore: Store {
    /// Records `event`, done by `actor` (or, for a failed login, by the email `tried`) at `at`.
    async fn record(
        &self,
        actor: Option<&User>,
        tried: &str,
        event: NewEvent,
        at: &str,
    ) -> Result<()>;
}

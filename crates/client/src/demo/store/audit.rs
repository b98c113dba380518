//! The audit log in memory.

use trellis_api::audit::NewEvent;
use trellis_api::User;
use trellis_core::audit::AuditStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl AuditStore for DemoBackend {
    async fn record(
        &self,
        actor: Option<&User>,
        tried: &str,
        event: NewEvent,
        at: &str,
    ) -> Result<()> {
        self.push_event(actor, tried, event, at);
        Ok(())
    }
}

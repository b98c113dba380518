//! The demo's audit log: the same events as the server's, kept in the demo state.

use trellis_api::audit::{page, AuditEvent, AuditQuery, NewEvent};
use trellis_api::datetime::timestamp;
use trellis_api::{ListPage, User, Validate};

use super::{now_unix, DemoBackend};
use crate::ClientResult;

impl DemoBackend {
    /// Records `event`, done by the logged-in user.
    pub(super) fn audit(&self, tried: &str, event: Option<NewEvent>) {
        self.audit_as(self.user().ok(), tried, event);
    }

    /// Records `event`, done by `actor` (or, for a failed login, by the email `tried`).
    pub(super) fn audit_as(&self, actor: Option<User>, tried: &str, event: Option<NewEvent>) {
        let Some(event) = event else { return };
        let mut state = self.write();
        let seq = state.audit.last().map_or(1, |e| e.seq + 1);
        state.audit.push(AuditEvent {
            seq,
            at: timestamp(now_unix()),
            kind: event.kind,
            actor_id: actor.as_ref().map(|u| u.id.clone()),
            actor: actor.map_or_else(|| tried.trim().to_string(), |u| u.name),
            partner_account_id: event.partner_account_id,
            subject_id: event.subject_id,
            summary: event.summary,
        });
    }

    pub(super) fn audit_log_now(&self, query: &AuditQuery) -> ClientResult<ListPage<AuditEvent>> {
        self.admin()?;
        query.check()?;
        Ok(page(&self.state.borrow().audit, query))
    }
}

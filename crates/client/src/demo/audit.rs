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

    /// Records `event`, done by `actor` (or, for a failed login, by the email `tried`), now.
    pub(super) fn audit_as(&self, actor: Option<User>, tried: &str, event: Option<NewEvent>) {
        let Some(event) = event else { return };
        self.push_event(actor.as_ref(), tried, event, &timestamp(now_unix()));
    }

    /// Appends one event at `at` with the next sequence number.
    pub(super) fn push_event(&self, actor: Option<&User>, tried: &str, event: NewEvent, at: &str) {
        let mut state = self.write();
        let seq = state.audit.last().map_or(1, |e| e.seq + 1);
        state.audit.push(AuditEvent {
            seq,
            at: at.into(),
            kind: event.kind,
            actor_id: actor.map(|u| u.id.clone()),
            actor: actor.map_or_else(|| tried.trim().to_string(), |u| u.name.clone()),
            partner_account_id: event.partner_account_id,
            subject_id: event.subject_id,
            summary: event.summary,
        });
    }

    pub(super) fn audit_log_now(&self, query: &AuditQuery) -> ClientResult<ListPage<AuditEvent>> {
        self.allowed(&trellis_api::endpoints::AUDIT_LOG)?;
        query.check()?;
        Ok(page(&self.state.borrow().audit, query))
    }
}

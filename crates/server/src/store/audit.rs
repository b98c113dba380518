//! The audit log's storage.

use sqlx::Row;
use trellis_api::audit::{AuditEvent, NewEvent};
use trellis_api::{parse_wire, User};

use crate::clock::now;
use trellis_core::audit::AuditStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

/// Writes one event done by `actor` (or, for a failed login, by the email `tried`), now.
pub async fn record<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    actor: Option<&User>,
    tried: &str,
    event: NewEvent,
) -> Result<()> {
    record_at(db, actor, tried, event, &now()).await
}

/// Writes one event done by `actor` (or, for a failed login, by the email `tried`) at `at`.
pub async fn record_at<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    actor: Option<&User>,
    tried: &str,
    event: NewEvent,
    at: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, kind, actor_id, actor, partner_account_id, subject_id, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(at)
    .bind(event.kind.wire())
    .bind(actor.map(|u| u.id.as_str()))
    .bind(actor.map_or(tried, |u| u.name.as_str()))
    .bind(event.partner_account_id)
    .bind(event.subject_id)
    .bind(event.summary)
    .execute(db)
    .await?;
    Ok(())
}

/// Writes every event in `events`, all done by `actor`.
pub async fn record_all(db: &sqlx::SqlitePool, actor: &User, events: Vec<NewEvent>) -> Result<()> {
    for event in events {
        record(db, Some(actor), "", event).await?;
    }
    Ok(())
}

pub fn event_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<AuditEvent> {
    let kind: String = row.try_get("kind")?;
    Ok(AuditEvent {
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        kind: parse_wire(&kind).ok_or_else(|| Error::Internal(format!("audit kind {kind}")))?,
        actor_id: row.try_get("actor_id")?,
        actor: row.try_get("actor")?,
        partner_account_id: row.try_get("partner_account_id")?,
        subject_id: row.try_get("subject_id")?,
        summary: row.try_get("summary")?,
    })
}

impl AuditStore for Db {
    async fn record(
        &self,
        actor: Option<&User>,
        tried: &str,
        event: NewEvent,
        at: &str,
    ) -> CoreResult<()> {
        Ok(record_at(&self.0, actor, tried, event, at).await?)
    }
}

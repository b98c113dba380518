//! Record timelines' storage: entries written inside the change's own transaction, and the
//! mention index that finds the comments naming someone.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::activity::{Activity, RecordKind};
use trellis_api::{parse_wire, wire_name, User};
use trellis_core::activity::ActivityStore;
use trellis_core::Result as CoreResult;

use crate::auth::user_from_row;
use crate::error::{Error, Result};
use crate::store::Db;

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

/// Writes timeline entries, with their mentions, in the caller's transaction.
pub async fn write_log(tx: &mut sqlx::SqliteConnection, log: &[Activity]) -> Result<()> {
    for a in log {
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO activity (id, kind, record_id, record_title, partner_account_id, at,
                 actor_user_id, actor_name, what, changes, body, mentions)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        )
        .bind(&a.id)
        .bind(wire_name(&a.kind))
        .bind(&a.record_id)
        .bind(&a.record_title)
        .bind(&a.partner_account_id)
        .bind(&a.at)
        .bind(&a.actor_user_id)
        .bind(&a.actor_name)
        .bind(wire_name(&a.what))
        .bind(json(&a.changes)?)
        .bind(&a.body)
        .bind(json(&a.mentions)?)
        .fetch_one(&mut *tx)
        .await?;
        for person in &a.mentions {
            sqlx::query(
                "INSERT OR IGNORE INTO activity_mentions (user_id, activity_seq) VALUES (?, ?)",
            )
            .bind(&person.user_id)
            .bind(seq)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

fn from_row(row: &SqliteRow) -> Result<Activity> {
    let text = |c: &str| row.try_get::<String, _>(c);
    let bad = |c: &str, e: &dyn std::fmt::Display| Error::Internal(format!("activity {c}: {e}"));
    let (kind, what) = (text("kind")?, text("what")?);
    let changes = text("changes")?;
    let mentions = text("mentions")?;
    Ok(Activity {
        id: text("id")?,
        kind: parse_wire(&kind).ok_or_else(|| bad("kind", &kind))?,
        record_id: text("record_id")?,
        record_title: text("record_title")?,
        partner_account_id: row.try_get("partner_account_id")?,
        at: text("at")?,
        actor_user_id: row.try_get("actor_user_id")?,
        actor_name: text("actor_name")?,
        what: parse_wire(&what).ok_or_else(|| bad("what", &what))?,
        changes: serde_json::from_str(&changes).map_err(|e| bad("changes", &e))?,
        body: row.try_get("body")?,
        mentions: serde_json::from_str(&mentions).map_err(|e| bad("mentions", &e))?,
    })
}

impl ActivityStore for Db {
    async fn timeline(&self, kind: RecordKind, record_id: &str) -> CoreResult<Vec<Activity>> {
        let rows = sqlx::query(
            "SELECT * FROM activity WHERE record_id = ? AND kind = ? ORDER BY seq DESC",
        )
        .bind(record_id)
        .bind(wire_name(&kind))
        .fetch_all(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(rows.iter().map(from_row).collect::<Result<_>>()?)
    }

    async fn add_activity(&self, entry: &Activity) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            write_log(&mut tx, std::slice::from_ref(entry)).await?;
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }

    async fn mentioning(&self, user_id: &str, limit: usize) -> CoreResult<Vec<Activity>> {
        let rows = sqlx::query(
            "SELECT a.* FROM activity_mentions m JOIN activity a ON a.seq = m.activity_seq
             WHERE m.user_id = ? ORDER BY m.activity_seq DESC LIMIT ?",
        )
        .bind(user_id)
        .bind(limit as i64)
        .fetch_all(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(rows.iter().map(from_row).collect::<Result<_>>()?)
    }

    async fn people(&self, account: Option<&str>) -> CoreResult<Vec<User>> {
        let rows = sqlx::query(
            "SELECT * FROM users WHERE active AND (partner_account_id IS NULL OR partner_account_id = ?)
             ORDER BY name, id",
        )
        .bind(account)
        .fetch_all(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(rows.iter().map(user_from_row).collect::<Result<_>>()?)
    }
}

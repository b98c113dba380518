//! Announcements' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::Announcement;

use trellis_core::announcements::AnnouncementStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

/// Stores an announcement (insert or replace), in a transaction or on the pool.
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, a: &Announcement) -> Result<()> {
    let audience =
        serde_json::to_string(&a.audience).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT OR REPLACE INTO announcements (id, title, body, audience, publish_on, author_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&a.id)
    .bind(&a.title)
    .bind(&a.body)
    .bind(audience)
    .bind(&a.publish_on)
    .bind(&a.author_name)
    .bind(&a.created_at)
    .bind(&a.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

fn from_row(row: &SqliteRow) -> Result<Announcement> {
    let audience: String = row.try_get("audience")?;
    Ok(Announcement {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        audience: serde_json::from_str(&audience).map_err(|e| Error::Internal(e.to_string()))?,
        publish_on: row.try_get("publish_on")?,
        author_name: row.try_get("author_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl AnnouncementStore for Db {
    async fn announcements(&self) -> CoreResult<Vec<Announcement>> {
        let rows = sqlx::query("SELECT * FROM announcements")
            .fetch_all(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(rows.iter().map(from_row).collect::<Result<_>>()?)
    }

    async fn announcement(&self, id: &str) -> CoreResult<Option<Announcement>> {
        let row = sqlx::query("SELECT * FROM announcements WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(row.as_ref().map(from_row).transpose()?)
    }

    async fn put_announcement(&self, announcement: &Announcement) -> CoreResult<()> {
        Ok(store(&self.0, announcement).await?)
    }
}

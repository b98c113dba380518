//! The community draft's and published versions' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::{PublishedSite, Site, SiteVersion};
use trellis_core::community::{CommunityStore, StoredDraft};
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

fn parse_site(json: &str) -> Result<Site> {
    serde_json::from_str(json)
        .map_err(|e| Error::Internal(format!("stored site does not decode: {e}")))
}

fn published(r: &SqliteRow) -> Result<PublishedSite> {
    Ok(PublishedSite {
        version: r.try_get("version")?,
        site: parse_site(&r.try_get::<String, _>("site")?)?,
        published_at: r.try_get("published_at")?,
        published_by: r.try_get("published_by")?,
        note: r.try_get("note")?,
        markdown: Default::default(),
    })
}

impl CommunityStore for Db {
    async fn draft(&self) -> CoreResult<Option<StoredDraft>> {
        let row = sqlx::query("SELECT * FROM community WHERE id = 1")
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        let draft = |row: SqliteRow| -> Result<StoredDraft> {
            Ok(StoredDraft {
                site: parse_site(&row.try_get::<String, _>("draft")?)?,
                version: row.try_get("draft_version")?,
                updated_at: row.try_get("updated_at")?,
            })
        };
        Ok(row.map(draft).transpose()?)
    }

    async fn latest(&self) -> CoreResult<Option<PublishedSite>> {
        let row = sqlx::query("SELECT * FROM site_versions ORDER BY version DESC LIMIT 1")
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(row.as_ref().map(published).transpose()?)
    }

    async fn published(&self, version: i64) -> CoreResult<Option<PublishedSite>> {
        let row = sqlx::query("SELECT * FROM site_versions WHERE version = ?")
            .bind(version)
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(row.as_ref().map(published).transpose()?)
    }

    async fn versions(&self) -> CoreResult<Vec<SiteVersion>> {
        let rows = sqlx::query(
            "SELECT v.version, v.published_at, v.published_by, v.note, COALESCE(u.name, '') AS name
             FROM site_versions v LEFT JOIN users u ON u.id = v.published_by
             ORDER BY v.version DESC",
        )
        .fetch_all(&self.0)
        .await
        .map_err(Error::from)?;
        let version = |r: &SqliteRow| -> Result<SiteVersion> {
            Ok(SiteVersion {
                version: r.try_get("version")?,
                published_at: r.try_get("published_at")?,
                published_by: r.try_get("published_by")?,
                published_by_name: r.try_get("name")?,
                note: r.try_get("note")?,
            })
        };
        Ok(rows.iter().map(version).collect::<Result<_>>()?)
    }

    async fn replace_draft(&self, site: &Site, base_version: i64, at: &str) -> CoreResult<bool> {
        let json = serde_json::to_string(site).map_err(|e| Error::Internal(e.to_string()))?;
        let saved = sqlx::query(
            "UPDATE community SET draft = ?, draft_version = draft_version + 1, updated_at = ?
             WHERE id = 1 AND draft_version = ?",
        )
        .bind(json)
        .bind(at)
        .bind(base_version)
        .execute(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(saved.rows_affected() == 1)
    }

    async fn publish_draft(
        &self,
        base_version: i64,
        at: &str,
        by: &str,
        note: &str,
    ) -> CoreResult<Option<PublishedSite>> {
        // One statement, so the version published is exactly the draft at base_version.
        let row = sqlx::query(
            "INSERT INTO site_versions (version, site, published_at, published_by, note)
             SELECT COALESCE((SELECT MAX(version) FROM site_versions), 0) + 1, draft, ?, ?, ?
             FROM community WHERE id = 1 AND draft_version = ?
             RETURNING *",
        )
        .bind(at)
        .bind(by)
        .bind(note)
        .bind(base_version)
        .fetch_optional(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(row.as_ref().map(published).transpose()?)
    }
}

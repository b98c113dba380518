//! Case messages', contact channels' and attachments' storage (cases are records).

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::records::kind::fields;
use trellis_api::seed::SeedFile;
use trellis_api::{wire_name, CaseMessage, CaseStatus, SupportCase, SupportChannels};
use trellis_core::support::SupportStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::activity::write_log;
use crate::store::settings;
use crate::store::{records, Db};
use trellis_api::activity::Activity;

fn message_from_row(row: &SqliteRow) -> Result<CaseMessage> {
    Ok(CaseMessage {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        author_name: row.try_get("author_name")?,
        from_staff: row.try_get("from_staff")?,
        body: row.try_get("body")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Stores an uploaded file, in a transaction or on the pool.
pub async fn insert_file<'c, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    f: &SeedFile,
    at: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO files (id, file_name, content_type, size, data, partner_account_id, owner_user_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&f.id)
    .bind(&f.file_name)
    .bind(&f.content_type)
    .bind(f.bytes.len() as i64)
    .bind(&f.bytes)
    .bind(&f.partner_account_id)
    .bind(&f.owner_user_id)
    .bind(at)
    .execute(db)
    .await?;
    Ok(())
}

impl SupportStore for Db {
    async fn channels(&self) -> CoreResult<SupportChannels> {
        Ok(settings::get(&self.0, "support_channels").await?)
    }

    async fn put_channels(&self, channels: &SupportChannels) -> CoreResult<()> {
        Ok(settings::put(&self.0, "support_channels", channels).await?)
    }

    async fn messages(&self, case_id: &str) -> CoreResult<Vec<CaseMessage>> {
        let rows =
            sqlx::query("SELECT * FROM case_messages WHERE case_id = ? ORDER BY created_at, rowid")
                .bind(case_id)
                .fetch_all(&self.0)
                .await
                .map_err(Error::from)?;
        Ok(rows.iter().map(message_from_row).collect::<Result<_>>()?)
    }

    async fn insert_case(
        &self,
        case: &SupportCase,
        file: Option<&SeedFile>,
        at: &str,
        log: &[Activity],
    ) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            if let Some(f) = file {
                insert_file(&mut *tx, f, at).await?;
            }
            records::insert(&mut *tx, "cases", fields(case)).await?;
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }

    async fn add_message(
        &self,
        m: &CaseMessage,
        status: CaseStatus,
        log: &[Activity],
    ) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            sqlx::query(
                "INSERT INTO case_messages (id, case_id, author_name, from_staff, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(&m.id)
            .bind(&m.case_id)
            .bind(&m.author_name)
            .bind(m.from_staff)
            .bind(&m.body)
            .bind(&m.created_at)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?")
                .bind(wire_name(&status))
                .bind(&m.created_at)
                .bind(&m.case_id)
                .execute(&mut *tx)
                .await?;
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }
}

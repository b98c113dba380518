//! Budgets', fund decisions' and proof files' storage: every decision one guarded transaction.

use sqlx::{QueryBuilder, Row};
use trellis_api::records::kind::fields;
use trellis_api::seed::SeedFile;
use trellis_api::{
    wire_name, ClaimStatus, MdfBudget, MdfClaim, MdfRequest, MdfRequestStatus, Scope, StoredFile,
};
use trellis_core::mdf::{Decision, Guarded, MdfStore};
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::activity::write_log;
use crate::store::audit::record_at;
use crate::store::support::insert_file;
use crate::store::{records, Db};
use trellis_api::activity::Activity;

impl MdfStore for Db {
    async fn budgets(&self, program: Option<&str>) -> CoreResult<Vec<MdfBudget>> {
        let mut q = QueryBuilder::new("SELECT * FROM mdf_budgets WHERE 1");
        if let Some(program) = program {
            q.push(" AND program_id = ").push_bind(program.to_string());
        }
        q.push(" ORDER BY starts_on DESC, name");
        let rows = q.build().fetch_all(&self.0).await.map_err(Error::from)?;
        let decode = |r: &sqlx::sqlite::SqliteRow| records::decode_row(r, "Budget");
        Ok(rows.iter().map(decode).collect::<Result<_>>()?)
    }

    async fn insert_budget(&self, budget: &MdfBudget) -> CoreResult<()> {
        Ok(records::insert(&self.0, "mdf_budgets", fields(budget)).await?)
    }

    async fn decide_request(&self, d: &Decision<'_, MdfRequest>) -> CoreResult<Guarded> {
        let r = d.record;
        let write = async {
            let mut tx = self.0.begin().await?;
            if r.status == MdfRequestStatus::Approved {
                // One guarded statement: two approvals racing for the last funds cannot both pass.
                let fits = sqlx::query(
                    "UPDATE mdf_budgets SET committed = committed + ? WHERE id = ? AND committed + ? <= amount",
                )
                .bind(r.amount)
                .bind(&r.budget_id)
                .bind(r.amount)
                .execute(&mut *tx)
                .await?;
                if fits.rows_affected() == 0 {
                    let left: i64 = sqlx::query_scalar(
                        "SELECT amount - committed FROM mdf_budgets WHERE id = ?",
                    )
                    .bind(&r.budget_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    return Ok(Guarded::OverBudget(left));
                }
            }
            let changed = sqlx::query(
                "UPDATE mdf_requests SET status = ?, reviewer_reason = ?, updated_at = ? WHERE id = ? AND status = ?",
            )
            .bind(wire_name(&r.status))
            .bind(&r.reviewer_reason)
            .bind(d.at)
            .bind(&r.id)
            .bind(d.from)
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                return Ok(Guarded::Changed);
            }
            if let Some(event) = &d.event {
                record_at(&mut *tx, Some(d.actor), "", event.clone(), d.at).await?;
            }
            write_log(&mut tx, d.log).await?;
            tx.commit().await?;
            Ok::<Guarded, Error>(Guarded::Done)
        };
        Ok(write.await?)
    }

    async fn file_claim(
        &self,
        claim: &MdfClaim,
        proof: &SeedFile,
        log: &[Activity],
    ) -> CoreResult<Guarded> {
        let write = async {
            let mut tx = self.0.begin().await?;
            let fits = sqlx::query(
                "UPDATE mdf_requests SET claimed = claimed + ?, updated_at = ?
                 WHERE id = ? AND status = 'approved' AND claimed + ? <= amount",
            )
            .bind(claim.amount)
            .bind(&claim.created_at)
            .bind(&claim.request_id)
            .bind(claim.amount)
            .execute(&mut *tx)
            .await?;
            if fits.rows_affected() == 0 {
                return Ok(Guarded::Changed);
            }
            insert_file(&mut *tx, proof, &claim.created_at).await?;
            records::insert(&mut *tx, "mdf_claims", fields(claim)).await?;
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<Guarded, Error>(Guarded::Done)
        };
        Ok(write.await?)
    }

    async fn decide_claim(&self, d: &Decision<'_, MdfClaim>) -> CoreResult<Guarded> {
        let c = d.record;
        let write = async {
            let mut tx = self.0.begin().await?;
            let changed = sqlx::query(
                "UPDATE mdf_claims SET status = ?, reviewer_reason = ?, updated_at = ?
                 WHERE id = ? AND status = ?",
            )
            .bind(wire_name(&c.status))
            .bind(&c.reviewer_reason)
            .bind(d.at)
            .bind(&c.id)
            .bind(d.from)
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                return Ok(Guarded::Changed);
            }
            if c.status == ClaimStatus::Rejected {
                sqlx::query("UPDATE mdf_requests SET claimed = claimed - ? WHERE id = ?")
                    .bind(c.amount)
                    .bind(&c.request_id)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some(event) = &d.event {
                record_at(&mut *tx, Some(d.actor), "", event.clone(), d.at).await?;
            }
            write_log(&mut tx, d.log).await?;
            tx.commit().await?;
            Ok::<Guarded, Error>(Guarded::Done)
        };
        Ok(write.await?)
    }

    async fn file(&self, scope: &Scope, id: &str) -> CoreResult<Option<StoredFile>> {
        let mut q =
            QueryBuilder::new("SELECT file_name, content_type, data FROM files WHERE id = ");
        q.push_bind(id.to_string());
        records::push_scope(&mut q, scope);
        let row = q
            .build()
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        let file = |row: sqlx::sqlite::SqliteRow| -> Result<StoredFile> {
            let data: Vec<u8> = row.try_get("data")?;
            Ok(StoredFile {
                file_name: row.try_get("file_name")?,
                content_type: row.try_get("content_type")?,
                data: trellis_api::upload::encode(&data),
            })
        };
        Ok(row.map(file).transpose()?)
    }
}

//! Accounts' and partner programs' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::QueryBuilder;
use sqlx::Row;
use trellis_api::partnership::TierChange;
use trellis_api::records::kind::fields;
use trellis_api::{parse_wire, wire_name, Account, ListPage, ListQuery, PartnerProgram, Tier};

use trellis_core::accounts::{AccountStore, PartnershipWrite};
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::audit::record_at;
use crate::store::list::{page, push_search};
use crate::store::{records, Db};

/// An account from its row.
pub fn account_from_row(row: &SqliteRow) -> Result<Account> {
    let partner_type: Option<String> = row.try_get("partner_type")?;
    Ok(Account {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        domain: row.try_get("domain")?,
        region: row.try_get("region")?,
        is_partner: row.try_get("is_partner")?,
        partner_type: partner_type.as_deref().and_then(parse_wire),
        tier_id: row.try_get("tier_id")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Every program with its tiers, lowest rank first.
pub async fn programs(db: &sqlx::SqlitePool) -> Result<Vec<PartnerProgram>> {
    let mut programs: Vec<PartnerProgram> =
        sqlx::query("SELECT id, name FROM programs ORDER BY name")
            .fetch_all(db)
            .await?
            .iter()
            .map(|r| {
                Ok(PartnerProgram {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    tiers: Vec::new(),
                })
            })
            .collect::<Result<_>>()?;
    for row in sqlx::query("SELECT * FROM tiers ORDER BY rank")
        .fetch_all(db)
        .await?
    {
        let tier = Tier {
            id: row.try_get("id")?,
            program_id: row.try_get("program_id")?,
            name: row.try_get("name")?,
            rank: row.try_get("rank")?,
            benefits: row.try_get("benefits")?,
            requirements: row.try_get("requirements")?,
        };
        if let Some(p) = programs.iter_mut().find(|p| p.id == tier.program_id) {
            p.tiers.push(tier);
        }
    }
    Ok(programs)
}

/// Every account, by name.
pub async fn all_accounts(db: &sqlx::SqlitePool) -> Result<Vec<Account>> {
    sqlx::query("SELECT * FROM accounts ORDER BY name, id")
        .fetch_all(db)
        .await?
        .iter()
        .map(account_from_row)
        .collect()
}

/// Inserts an account, in a transaction or on the pool.
pub async fn insert_account_row<'c, X: sqlx::SqliteExecutor<'c>>(db: X, a: &Account) -> Result<()> {
    sqlx::query(
        "INSERT INTO accounts (id, name, domain, region, is_partner, partner_type, tier_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&a.id)
    .bind(&a.name)
    .bind(&a.domain)
    .bind(&a.region)
    .bind(a.is_partner)
    .bind(a.partner_type.map(|t| wire_name(&t)))
    .bind(&a.tier_id)
    .bind(&a.created_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Adds or replaces a tier, in a transaction or on the pool.
pub async fn put_tier_row<'c, X: sqlx::SqliteExecutor<'c>>(db: X, tier: &Tier) -> Result<()> {
    sqlx::query(
        "INSERT INTO tiers (id, program_id, name, rank, benefits, requirements) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, rank = excluded.rank,
             benefits = excluded.benefits, requirements = excluded.requirements",
    )
    .bind(&tier.id)
    .bind(&tier.program_id)
    .bind(&tier.name)
    .bind(tier.rank)
    .bind(&tier.benefits)
    .bind(&tier.requirements)
    .execute(db)
    .await?;
    Ok(())
}

impl AccountStore for Db {
    async fn account(&self, id: &str) -> CoreResult<Option<Account>> {
        let row = sqlx::query("SELECT * FROM accounts WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(row.as_ref().map(account_from_row).transpose()?)
    }

    async fn accounts(
        &self,
        only: Option<&str>,
        query: &ListQuery,
    ) -> CoreResult<ListPage<Account>> {
        let mut q = QueryBuilder::new("SELECT * FROM accounts WHERE 1");
        if let Some(id) = only {
            q.push(" AND id = ").push_bind(id.to_string());
        }
        match query.status.as_deref() {
            Some("partner") => drop(q.push(" AND is_partner = 1")),
            Some("customer") => drop(q.push(" AND is_partner = 0")),
            _ => {}
        }
        push_search(&mut q, query, &["name", "domain"]);
        Ok(page(&self.0, q, query, account_from_row).await?)
    }

    async fn all_accounts(&self) -> CoreResult<Vec<Account>> {
        Ok(all_accounts(&self.0).await?)
    }

    async fn insert_account(&self, a: &Account, entry: Option<&TierChange>) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            insert_account_row(&mut *tx, a).await?;
            if let Some(entry) = entry {
                records::insert(&mut *tx, "tier_changes", fields(entry)).await?;
            }
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }

    async fn put_account(&self, a: &Account) -> CoreResult<()> {
        sqlx::query(
            "UPDATE accounts SET name = ?, domain = ?, region = ?, is_partner = ?, partner_type = ?, tier_id = ?
             WHERE id = ?",
        )
        .bind(&a.name)
        .bind(&a.domain)
        .bind(&a.region)
        .bind(a.is_partner)
        .bind(a.partner_type.map(|t| wire_name(&t)))
        .bind(&a.tier_id)
        .bind(&a.id)
        .execute(&self.0)
        .await
        .map_err(Error::from)?;
        Ok(())
    }

    async fn change_partnership(&self, w: &PartnershipWrite<'_>) -> CoreResult<bool> {
        let write = async {
            let mut tx = self.0.begin().await?;
            // Guarded by what was read, so two simultaneous changes cannot both record a history entry.
            let changed = sqlx::query(
                "UPDATE accounts SET is_partner = ?, partner_type = ?, tier_id = ?
                 WHERE id = ? AND is_partner = ? AND tier_id IS ?",
            )
            .bind(w.after.is_partner)
            .bind(w.after.partner_type.map(|t| wire_name(&t)))
            .bind(&w.after.tier_id)
            .bind(&w.after.id)
            .bind(w.before.is_partner)
            .bind(&w.before.tier_id)
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                return Ok(false);
            }
            records::insert(&mut *tx, "tier_changes", fields(w.entry)).await?;
            record_at(&mut *tx, Some(w.actor), "", w.event.clone(), w.at).await?;
            tx.commit().await?;
            Ok::<bool, Error>(true)
        };
        Ok(write.await?)
    }

    async fn all_tier_changes(&self) -> CoreResult<Vec<TierChange>> {
        let rows = sqlx::query("SELECT * FROM tier_changes ORDER BY changed_at")
            .fetch_all(&self.0)
            .await
            .map_err(Error::from)?;
        let decode = |r: &SqliteRow| records::decode_row(r, "Tier change");
        Ok(rows.iter().map(decode).collect::<Result<_>>()?)
    }

    async fn tier_history(&self, account_id: &str) -> CoreResult<Vec<TierChange>> {
        let rows = sqlx::query(
            "SELECT * FROM tier_changes WHERE account_id = ? ORDER BY changed_at DESC, rowid DESC",
        )
        .bind(account_id)
        .fetch_all(&self.0)
        .await
        .map_err(Error::from)?;
        let decode = |r: &SqliteRow| records::decode_row(r, "Tier change");
        Ok(rows.iter().map(decode).collect::<Result<_>>()?)
    }

    async fn programs(&self) -> CoreResult<Vec<PartnerProgram>> {
        Ok(programs(&self.0).await?)
    }

    async fn put_tier(&self, tier: &Tier) -> CoreResult<()> {
        Ok(put_tier_row(&self.0, tier).await?)
    }
}

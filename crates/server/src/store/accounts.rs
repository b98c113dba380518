//! Accounts' and partner programs' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use sqlx::SqlitePool;
use trellis_api::{parse_wire, Account, ApiError, FieldError, PartnerProgram, Tier, User};

use trellis_core::accounts::AccountStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

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

/// One account, if `user` may see it.
pub async fn find_account(db: &sqlx::SqlitePool, user: &User, id: &str) -> Result<Account> {
    let visible = user.role.is_internal() || user.partner_account_id.as_deref() == Some(id);
    let row = sqlx::query("SELECT * FROM accounts WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .filter(|_| visible)
        .ok_or_else(|| ApiError::not_found("Account"))?;
    account_from_row(&row)
}

/// 422 naming `tier_id` unless `tier` is a tier of some program.
pub async fn check_tier_id(db: &sqlx::SqlitePool, tier: &str) -> Result<()> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM tiers WHERE id = ?")
        .bind(tier)
        .fetch_optional(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(ApiError::validation(vec![FieldError::new(
            "tier_id",
            "is not a tier of any program",
        )])
        .into()),
    }
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

/// The tier of the user's partner account (`None` for staff and for accounts without one).
pub async fn tier_of(db: &SqlitePool, user: &User) -> Result<Option<String>> {
    Ok(match &user.partner_account_id {
        Some(a) => sqlx::query_scalar("SELECT tier_id FROM accounts WHERE id = ?")
            .bind(a)
            .fetch_optional(db)
            .await?
            .flatten(),
        None => None,
    })
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
}

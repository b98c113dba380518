//! Seeds the demo organisation into an empty database.

use sqlx::SqlitePool;
use trellis_api::seed::{demo_data, DEMO_PASSWORD};

use crate::auth::hash_password;
use crate::clock::{now, now_unix};
use crate::error::Result;
use crate::store;
use crate::store::accounts::{insert_account_row, put_tier_row};
use crate::store::support::insert_file;
use crate::store::users::insert_user_row;

/// Seeds the demo organisation into an empty database; returns whether it did.
pub async fn seed_if_empty(pool: &SqlitePool) -> Result<bool> {
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await?;
    if users > 0 {
        return Ok(false);
    }
    let data = demo_data(now_unix());
    let mut tx = pool.begin().await?;
    for p in &data.programs {
        sqlx::query("INSERT INTO programs (id, name) VALUES (?, ?)")
            .bind(&p.id)
            .bind(&p.name)
            .execute(&mut *tx)
            .await?;
        for t in &p.tiers {
            put_tier_row(&mut *tx, t).await?;
        }
    }
    for a in &data.accounts {
        insert_account_row(&mut *tx, a).await?;
    }
    let at = now();
    for u in &data.users {
        let hash = hash_password(DEMO_PASSWORD.to_string()).await?;
        insert_user_row(&mut *tx, u, Some(&hash), &at).await?;
    }
    use store::records::insert_seeded;
    insert_seeded(&mut tx, &data.leads).await?;
    insert_seeded(&mut tx, &data.deals).await?;
    insert_seeded(&mut tx, &data.opportunities).await?;
    insert_seeded(&mut tx, &data.contacts).await?;
    for b in &data.mdf.budgets {
        store::records::insert(
            &mut *tx,
            "mdf_budgets",
            trellis_api::records::kind::fields(b),
        )
        .await?;
    }
    insert_seeded(&mut tx, &data.mdf.requests).await?;
    for c in &data.tier_changes {
        store::records::insert(
            &mut *tx,
            "tier_changes",
            trellis_api::records::kind::fields(c),
        )
        .await?;
    }
    for f in &data.mdf.files {
        insert_file(&mut *tx, f, &at).await?;
    }
    insert_seeded(&mut tx, &data.mdf.claims).await?;
    insert_seeded(&mut tx, &data.support.cases).await?;
    store::activity::write_log(&mut tx, &data.activity).await?;
    for m in &data.training.modules {
        store::training::store(&mut *tx, m).await?;
    }
    for a in &data.training.attempts {
        store::training::store_attempt(&mut *tx, a).await?;
    }
    for c in &data.training.certificates {
        store::training::store_certificate(&mut *tx, c).await?;
    }
    for s in &data.surveys.surveys {
        store::surveys::store(&mut *tx, s).await?;
    }
    for r in &data.surveys.responses {
        store::surveys::store_response(&mut *tx, r).await?;
    }
    for a in &data.announcements {
        store::announcements::store(&mut *tx, a).await?;
    }
    for p in &data.products {
        store::products::store(&mut *tx, p).await?;
    }
    for m in &data.support.messages {
        store::records::insert(
            &mut *tx,
            "case_messages",
            trellis_api::records::kind::fields(m),
        )
        .await?;
    }
    let channels = serde_json::to_string(&data.support.channels)
        .map_err(|e| crate::error::Error::Internal(e.to_string()))?;
    sqlx::query("INSERT INTO settings (key, value) VALUES ('support_channels', ?)")
        .bind(channels)
        .execute(&mut *tx)
        .await?;
    let site = serde_json::to_string(&data.site)
        .map_err(|e| crate::error::Error::Internal(e.to_string()))?;
    let at = now();
    sqlx::query("INSERT INTO community (id, draft, draft_version, updated_at) VALUES (1, ?, 1, ?)")
        .bind(&site)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO site_versions (version, site, published_at, published_by, note) VALUES (1, ?, ?, 'usr_admin', 'First version')")
        .bind(&site)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

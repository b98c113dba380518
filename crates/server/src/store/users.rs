//! Users' storage: scoped lists, guarded edits that keep an administrator, sessions ended.

use sqlx::{QueryBuilder, Sqlite};
use trellis_api::{wire_name, ListPage, ListQuery, Role, User, UserReach};
use trellis_core::users::{UserStore, UserWrite};
use trellis_core::Result as CoreResult;

use crate::auth::{hash_password, user_from_row};
use crate::error::{Error, Result};
use crate::store::audit::record_at;
use crate::store::list::{page, push_search};
use crate::store::Db;

/// Narrows a users query to `reach`.
fn push_reach(q: &mut QueryBuilder<'_, Sqlite>, reach: &UserReach) {
    match reach {
        UserReach::All => {}
        UserReach::Account(account) => {
            q.push(" AND partner_account_id = ")
                .push_bind(account.clone());
        }
        UserReach::Only(id) => {
            q.push(" AND id = ").push_bind(id.clone());
        }
    }
}

async fn one(db: &sqlx::SqlitePool, column: &str, value: &str) -> Result<Option<User>> {
    let sql = format!("SELECT * FROM users WHERE {column} = ? COLLATE NOCASE");
    let row = sqlx::query(&sql).bind(value).fetch_optional(db).await?;
    row.as_ref().map(user_from_row).transpose()
}

/// Inserts a user with their password hash, in a transaction or on the pool.
pub async fn insert_user_row<'c, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    u: &User,
    password_hash: Option<&str>,
    at: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO users (id, email, name, role, partner_account_id, active, password_hash, created_at, manager_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&u.id)
    .bind(&u.email)
    .bind(&u.name)
    .bind(wire_name(&u.role))
    .bind(&u.partner_account_id)
    .bind(u.active)
    .bind(password_hash)
    .bind(at)
    .bind(&u.manager_id)
    .execute(db)
    .await?;
    Ok(())
}

/// A new password's hash, off the async runtime.
async fn hash_of(password: Option<&str>) -> Result<Option<String>> {
    Ok(match password {
        Some(p) => Some(hash_password(p.to_string()).await?),
        None => None,
    })
}

impl UserStore for Db {
    async fn users(&self, reach: &UserReach, query: &ListQuery) -> CoreResult<ListPage<User>> {
        let mut q = QueryBuilder::new("SELECT * FROM users WHERE 1");
        push_reach(&mut q, reach);
        if let Some(account) = &query.partner_account_id {
            q.push(" AND partner_account_id = ")
                .push_bind(account.clone());
        }
        push_search(&mut q, query, &["name", "email"]);
        Ok(page(&self.0, q, query, user_from_row).await?)
    }

    async fn user(&self, id: &str) -> CoreResult<Option<User>> {
        let row = sqlx::query("SELECT * FROM users WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(row.as_ref().map(user_from_row).transpose()?)
    }

    async fn user_by_email(&self, email: &str) -> CoreResult<Option<User>> {
        Ok(one(&self.0, "email", email).await?)
    }

    async fn other_active_admins(&self, id: &str) -> CoreResult<usize> {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE id != ? AND role = ? AND active")
                .bind(id)
                .bind(wire_name(&Role::Admin))
                .fetch_one(&self.0)
                .await
                .map_err(Error::from)?;
        Ok(n as usize)
    }

    async fn insert_user(&self, w: &UserWrite<'_>) -> CoreResult<()> {
        let hash = hash_of(w.password).await?;
        let write = async {
            let u = w.user;
            let mut tx = self.0.begin().await?;
            insert_user_row(&mut *tx, u, hash.as_deref(), w.at).await?;
            for event in w.events {
                record_at(&mut *tx, Some(w.actor), "", event.clone(), w.at).await?;
            }
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        let done = write.await;
        self.1.people_changed();
        Ok(unique_email(done)?)
    }

    async fn update_user(&self, w: &UserWrite<'_>) -> CoreResult<bool> {
        let hash = hash_of(w.password).await?;
        let write = async {
            let u = w.user;
            let mut tx = self.0.begin().await?;
            let updated = sqlx::query(
                "UPDATE users SET email = ?, name = ?, role = ?, partner_account_id = ?, active = ?, manager_id = ?
                 WHERE id = ? AND (NOT ? OR EXISTS (
                     SELECT 1 FROM users o WHERE o.id != users.id AND o.role = ? AND o.active))",
            )
            .bind(&u.email)
            .bind(&u.name)
            .bind(wire_name(&u.role))
            .bind(&u.partner_account_id)
            .bind(u.active)
            .bind(&u.manager_id)
            .bind(&u.id)
            .bind(w.keep_an_admin)
            .bind(wire_name(&Role::Admin))
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                return Ok(false);
            }
            if let Some(hash) = &hash {
                sqlx::query("UPDATE users SET password_hash = ? WHERE id = ?")
                    .bind(hash)
                    .bind(&u.id)
                    .execute(&mut *tx)
                    .await?;
            }
            if !u.active || hash.is_some() {
                sqlx::query("DELETE FROM sessions WHERE user_id = ?")
                    .bind(&u.id)
                    .execute(&mut *tx)
                    .await?;
            }
            for event in w.events {
                record_at(&mut *tx, Some(w.actor), "", event.clone(), w.at).await?;
            }
            tx.commit().await?;
            Ok::<bool, Error>(true)
        };
        let done = write.await;
        self.1.people_changed();
        Ok(unique_email(done)?)
    }
}

/// Two writes of one email at once: the unique index keeps one, and the other is told which field.
fn unique_email<T>(result: Result<T>) -> Result<T> {
    match result {
        Err(Error::Db(sqlx::Error::Database(db))) if db.is_unique_violation() => {
            Err(trellis_api::email_taken().into())
        }
        other => other,
    }
}

//! Training modules', attempts' and certificates' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row};
use trellis_api::training::{Attempt, Certificate, Progress, TrainingModule};
use trellis_api::Scope;
use trellis_core::training::TrainingStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::ids::random_id;
use crate::store::records::push_scope;
use crate::store::Db;

/// Stores a module (insert or replace); `created_at` is kept on replace.
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, m: &TrainingModule) -> Result<()> {
    sqlx::query(
        "INSERT INTO training_modules (id, title, summary, body, minutes, faqs, quiz, pass_percent,
             audience, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
             body = excluded.body, minutes = excluded.minutes, faqs = excluded.faqs,
             quiz = excluded.quiz, pass_percent = excluded.pass_percent,
             audience = excluded.audience, updated_at = excluded.updated_at",
    )
    .bind(&m.id)
    .bind(&m.title)
    .bind(&m.summary)
    .bind(&m.body)
    .bind(m.minutes)
    .bind(to_json(&m.faqs)?)
    .bind(to_json(&m.quiz)?)
    .bind(m.pass_percent)
    .bind(to_json(&m.audience)?)
    .bind(&m.updated_at)
    .bind(&m.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Stores a quiz attempt.
pub async fn store_attempt<'c, X: sqlx::SqliteExecutor<'c>>(db: X, a: &Attempt) -> Result<()> {
    sqlx::query(
        "INSERT INTO training_attempts (id, module_id, owner_user_id, partner_account_id, score, passed, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(random_id("att_"))
    .bind(&a.module_id)
    .bind(&a.user_id)
    .bind(&a.partner_account_id)
    .bind(a.score)
    .bind(a.passed)
    .bind(&a.at)
    .execute(db)
    .await?;
    Ok(())
}

/// Stores a certificate unless the user already holds one for the module.
pub async fn store_certificate<'c, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    c: &Certificate,
) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO certificates (id, module_id, owner_user_id, partner_account_id, score, issued_on)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&c.id)
    .bind(&c.module_id)
    .bind(&c.user_id)
    .bind(&c.partner_account_id)
    .bind(c.score)
    .bind(&c.issued_on)
    .execute(db)
    .await?;
    Ok(())
}

/// Quiz attempts within `scope`, oldest first.
pub async fn attempts(db: &sqlx::SqlitePool, scope: &Scope) -> Result<Vec<Attempt>> {
    let mut q = QueryBuilder::new(
        "SELECT module_id, owner_user_id, partner_account_id, score, passed, at
         FROM training_attempts WHERE 1",
    );
    push_scope(&mut q, scope);
    q.push(" ORDER BY at");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            Ok(Attempt {
                module_id: r.try_get("module_id")?,
                user_id: r.try_get("owner_user_id")?,
                partner_account_id: r.try_get("partner_account_id")?,
                score: r.try_get("score")?,
                passed: r.try_get("passed")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// Every module, in the order they were written.
pub async fn modules(db: &sqlx::SqlitePool) -> Result<Vec<TrainingModule>> {
    sqlx::query("SELECT * FROM training_modules ORDER BY created_at, id")
        .fetch_all(db)
        .await?
        .iter()
        .map(module_from_row)
        .collect()
}

/// Certificates within `scope`, newest first, with module, user and account names.
pub async fn certificates(db: &sqlx::SqlitePool, scope: &Scope) -> Result<Vec<Certificate>> {
    let mut q = QueryBuilder::new(
        "SELECT c.*, m.title AS module_title, u.name AS user_name,
             COALESCE(a.name, '') AS account_name FROM certificates c
         JOIN training_modules m ON m.id = c.module_id JOIN users u ON u.id = c.owner_user_id
         LEFT JOIN accounts a ON a.id = c.partner_account_id WHERE 1",
    );
    // Qualified by hand: the joined tables have columns of the same names.
    match scope {
        Scope::All => {}
        Scope::Account(a) => {
            q.push(" AND c.partner_account_id = ").push_bind(a);
        }
        Scope::Team { account, members } => {
            q.push(" AND c.partner_account_id = ").push_bind(account);
            crate::store::records::push_owner_in(&mut q, "c.owner_user_id", members);
        }
        Scope::Nothing => {
            q.push(" AND 0");
        }
    }
    q.push(" ORDER BY c.issued_on DESC, c.id");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            Ok(Certificate {
                id: r.try_get("id")?,
                module_id: r.try_get("module_id")?,
                module_title: r.try_get("module_title")?,
                user_id: r.try_get("owner_user_id")?,
                user_name: r.try_get("user_name")?,
                partner_account_id: r.try_get("partner_account_id")?,
                account_name: r.try_get("account_name")?,
                score: r.try_get("score")?,
                issued_on: r.try_get("issued_on")?,
            })
        })
        .collect()
}

pub fn json<T: serde::de::DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| Error::Internal(e.to_string()))
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

pub fn module_from_row(row: &SqliteRow) -> Result<TrainingModule> {
    Ok(TrainingModule {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        body: row.try_get("body")?,
        body_html: String::new(),
        minutes: row.try_get("minutes")?,
        faqs: json(row, "faqs")?,
        quiz: json(row, "quiz")?,
        pass_percent: row.try_get("pass_percent")?,
        audience: json(row, "audience")?,
        progress: Progress::default(),
        updated_at: row.try_get("updated_at")?,
    })
}

impl TrainingStore for Db {
    async fn modules(&self) -> CoreResult<Vec<TrainingModule>> {
        Ok(modules(&self.0).await?)
    }

    async fn put_module(&self, module: &TrainingModule) -> CoreResult<()> {
        Ok(store(&self.0, module).await?)
    }

    async fn attempts(&self, scope: &Scope) -> CoreResult<Vec<Attempt>> {
        Ok(attempts(&self.0, scope).await?)
    }

    async fn certificates(&self, scope: &Scope) -> CoreResult<Vec<Certificate>> {
        Ok(certificates(&self.0, scope).await?)
    }

    async fn add_attempt(
        &self,
        attempt: &Attempt,
        certificate: Option<&Certificate>,
    ) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            store_attempt(&mut *tx, attempt).await?;
            if let Some(c) = certificate {
                store_certificate(&mut *tx, c).await?;
            }
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }
}

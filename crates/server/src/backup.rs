//! Backup and restore of the SQLite database. A backup is a consistent snapshot taken with
//! `VACUUM INTO` while the server keeps serving (WAL readers do not block writers). A restore
//! first keeps the current database beside it, then swaps the checked backup in atomically.

use std::path::{Path, PathBuf};

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;

use crate::clock::now_unix;

/// Why a backup or restore did not happen; nothing was changed.
#[derive(Debug, PartialEq, Eq)]
pub struct BackupError(pub String);

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail(what: impl std::fmt::Display) -> BackupError {
    BackupError(what.to_string())
}

async fn open_file(path: &Path, create: bool) -> Result<SqlitePool, BackupError> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(create);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| fail(format!("cannot open {}: {e}", path.display())))
}

/// `PRAGMA integrity_check` and the Trellis tables: the file is a sound Trellis database.
async fn check(pool: &SqlitePool, path: &Path) -> Result<(), BackupError> {
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .map_err(|e| fail(format!("{} is not a SQLite database: {e}", path.display())))?;
    if integrity != "ok" {
        return Err(fail(format!("{} is damaged: {integrity}", path.display())));
    }
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'community', '_sqlx_migrations')",
    )
    .fetch_one(pool)
    .await
    .map_err(fail)?;
    if tables != 3 {
        return Err(fail(format!(
            "{} is not a Trellis database",
            path.display()
        )));
    }
    Ok(())
}

/// Writes a consistent snapshot of the database `db` to `target` (which must not exist yet).
pub async fn backup(db: &Path, target: &Path) -> Result<(), BackupError> {
    if target.exists() {
        return Err(fail(format!(
            "{} already exists: choose a new file name",
            target.display()
        )));
    }
    if !db.exists() {
        return Err(fail(format!("there is no database at {}", db.display())));
    }
    let pool = open_file(db, false).await?;
    check(&pool, db).await?;
    sqlx::query("VACUUM INTO ?")
        .bind(target.to_string_lossy().as_ref())
        .execute(&pool)
        .await
        .map_err(|e| fail(format!("cannot write {}: {e}", target.display())))?;
    pool.close().await;
    let copy = open_file(target, false).await?;
    check(&copy, target).await?;
    copy.close().await;
    Ok(())
}

/// Replaces the database `db` with the backup `source`; the server must be stopped. The current
/// database is kept as `<db>.before-restore-<time>`, which is returned.
pub async fn restore(db: &Path, source: &Path) -> Result<Option<PathBuf>, BackupError> {
    let backup = open_file(source, false).await?;
    check(&backup, source).await?;
    let staging = db.with_extension("restoring");
    let _ = std::fs::remove_file(&staging);
    sqlx::query("VACUUM INTO ?")
        .bind(staging.to_string_lossy().as_ref())
        .execute(&backup)
        .await
        .map_err(|e| fail(format!("cannot write {}: {e}", staging.display())))?;
    backup.close().await;
    let kept = if db.exists() {
        let kept = PathBuf::from(format!("{}.before-restore-{}", db.display(), now_unix()));
        // A consistent copy of the current database (its WAL included) before anything changes.
        let current = open_file(db, false).await?;
        sqlx::query("VACUUM INTO ?")
            .bind(kept.to_string_lossy().as_ref())
            .execute(&current)
            .await
            .map_err(|e| fail(format!("cannot keep the current database: {e}")))?;
        current.close().await;
        Some(kept)
    } else {
        None
    };
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::rename(&staging, db)
        .map_err(|e| fail(format!("cannot replace {}: {e}", db.display())))?;
    Ok(kept)
}

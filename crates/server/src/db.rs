//! Opening and migrating the SQLite database.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::Result;

/// Opens (creating if needed) and migrates the database at `path`.
pub async fn open(path: &str) -> Result<SqlitePool> {
    if let Some(dir) = std::path::Path::new(path).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| {
                crate::error::Error::Internal(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
    }
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // Room for a whole page (up to 1000 rows): sqlx's default of 50 makes the SQLite thread
        // wait for the reader mid-page, a thread switch per row.
        .row_buffer_size(1024);
    // A local file needs no ping before each use; it would cost a round trip per query.
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .test_before_acquire(false)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|e| crate::error::Error::Internal(format!("migration failed: {e}")))?;
    Ok(pool)
}

//! Program settings kept as JSON documents, one row of the settings table each.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// The setting under `key`, or its default when it was never set.
pub async fn get<T: DeserializeOwned + Default>(db: &sqlx::SqlitePool, key: &str) -> Result<T> {
    let text: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(key)
        .fetch_optional(db)
        .await?;
    match text {
        Some(t) => serde_json::from_str(&t).map_err(|e| Error::Internal(format!("{key}: {e}"))),
        None => Ok(T::default()),
    }
}

/// Replaces the setting under `key`.
pub async fn put<T: Serialize>(db: &sqlx::SqlitePool, key: &str, value: &T) -> Result<()> {
    let text = serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(text)
    .execute(db)
    .await?;
    Ok(())
}

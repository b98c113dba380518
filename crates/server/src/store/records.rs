//! Partner-owned records (leads, deals, opportunities, contacts, funds, cases): one generic store.
//!
//! A record's serde field names are its table's column names, so rows and records convert
//! through JSON objects instead of hand-written mapping per record kind.

use serde_json::{Map, Value};
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};
use trellis_api::records::kind;
use trellis_api::{ApiError, ErrorCode, ListPage, ListQuery, Record, Scope};

use crate::clock::now;
use crate::ids::random_id;
use crate::store::activity::write_log;
use trellis_api::activity::{self, Activity};
use trellis_core::records::{Kind, RecordStore};
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

/// What the generic store needs of a record kind: the contract's `Record` (its collection is
/// its table), decodable from rows across await points.
pub trait Entity: Record + Send + Unpin {}

impl<R: Record + Send + Unpin> Entity for R {}

fn from_row<E: Entity>(row: &SqliteRow) -> Result<E> {
    decode_row(row, E::NAME)
}

/// A row decoded through its columns' names into any serde type.
pub fn decode_row<T: serde::de::DeserializeOwned>(row: &SqliteRow, what: &str) -> Result<T> {
    super::row::decode(row, what)
}

fn push_value(q: &mut QueryBuilder<'_, Sqlite>, value: Value) {
    match value {
        Value::Null => q.push_bind(None::<String>),
        Value::Bool(b) => q.push_bind(b),
        Value::Number(n) => q.push_bind(n.as_i64().unwrap_or_default()),
        Value::String(s) => q.push_bind(s),
        other => q.push_bind(other.to_string()),
    };
}

fn insert_columns(table: &str, columns: Map<String, Value>) -> QueryBuilder<'static, Sqlite> {
    let mut q = QueryBuilder::new(format!("INSERT INTO {table} ("));
    q.push(columns.keys().cloned().collect::<Vec<_>>().join(", "));
    q.push(") VALUES (");
    for (i, (_, value)) in columns.into_iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        push_value(&mut q, value);
    }
    q.push(")");
    q
}

/// Inserts a record given as columns.
pub async fn insert<'c, X: sqlx::SqliteExecutor<'c>>(
    conn: X,
    table: &str,
    columns: Map<String, Value>,
) -> Result<()> {
    insert_columns(table, columns).build().execute(conn).await?;
    Ok(())
}

/// Inserts seeded records as they are.
pub async fn insert_seeded<E: Entity>(conn: &mut SqliteConnection, records: &[E]) -> Result<()> {
    for record in records {
        insert_columns(E::COLLECTION, kind::fields(record))
            .build()
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Restricts a query on a partner-owned table to what `scope` may see.
pub fn push_scope(q: &mut QueryBuilder<'_, Sqlite>, scope: &Scope) {
    match scope {
        Scope::All => {}
        Scope::Account(a) => {
            q.push(" AND partner_account_id = ").push_bind(a.clone());
        }
        Scope::Team { account, members } => {
            q.push(" AND partner_account_id = ")
                .push_bind(account.clone());
            push_owner_in(q, "owner_user_id", members);
        }
        Scope::Nothing => {
            q.push(" AND 0");
        }
    }
}

/// ` AND column IN (members...)`.
pub fn push_owner_in(q: &mut QueryBuilder<'_, Sqlite>, column: &str, members: &[String]) {
    q.push(format!(" AND {column} IN ("));
    let mut list = q.separated(", ");
    for m in members {
        list.push_bind(m.clone());
    }
    q.push(")");
}

/// A `LIKE ... ESCAPE '\\'` pattern matching `text` anywhere, with `%` and `_` taken literally.
pub fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Restricts a query on `E`'s table to what `scope` may see, counting the kind's account-wide status.
pub fn push_record_scope<E: Entity>(q: &mut QueryBuilder<'_, Sqlite>, scope: &Scope) {
    match (scope, E::ACCOUNT_WIDE_STATUS, E::STATUS_FIELD) {
        (Scope::Team { account, members }, Some(shared), Some(field)) => {
            q.push(" AND partner_account_id = ")
                .push_bind(account.clone());
            q.push(" AND (1");
            push_owner_in(q, "owner_user_id", members);
            q.push(format!(" OR {field} = "))
                .push_bind(shared)
                .push(")");
        }
        _ => push_scope(q, scope),
    }
}

/// Applies the kind's time-driven changes (the contract's `Record::DUE` and `settle`): finds the
/// records that may be due, settles each, and writes back those still as they were read. The
/// memo skips the search until the earliest pending record's moment comes or the table is
/// written to.
pub async fn apply_due<E: Entity>(store: &Db) -> Result<()> {
    let Some(due) = E::DUE else {
        return Ok(());
    };
    let now = now();
    let Some(check) = store.1.may_be_due(E::COLLECTION, due.bound(&now)) else {
        return Ok(());
    };
    let db = &store.0;
    let status = E::STATUS_FIELD.unwrap_or("status");
    let sql = format!(
        "SELECT * FROM {} WHERE {status} = ? AND {} < ?",
        E::COLLECTION,
        due.field
    );
    let rows = sqlx::query(&sql)
        .bind(due.status)
        .bind(due.bound(&now))
        .fetch_all(db)
        .await?;
    for row in rows {
        let before: E = from_row(&row)?;
        let mut record = before.clone();
        if !record.settle(&now) {
            continue;
        }
        let mut q = set_columns(E::COLLECTION, kind::fields(&record));
        q.push(" WHERE id = ")
            .push_bind(row.try_get::<String, _>("id")?)
            .push(format!(" AND {status} = "))
            .push_bind(due.status);
        let mut tx = db.begin().await?;
        if q.build().execute(&mut *tx).await?.rows_affected() == 1 {
            let id = random_id(activity::ID_PREFIX);
            let log = activity::changed(id, &before, &record, None, &now);
            write_log(&mut tx, log.as_slice()).await?;
        }
        tx.commit().await?;
    }
    let next: Option<String> = sqlx::query_scalar(&format!(
        "SELECT MIN({}) FROM {} WHERE {status} = ?",
        due.field,
        E::COLLECTION
    ))
    .bind(due.status)
    .fetch_one(db)
    .await?;
    store.1.checked(check, next);
    Ok(())
}

/// `UPDATE table SET column = value, …` for `columns`.
fn set_columns(table: &str, columns: Map<String, Value>) -> QueryBuilder<'static, Sqlite> {
    let mut q = QueryBuilder::new(format!("UPDATE {table} SET "));
    for (i, (column, value)) in columns.into_iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push(format!("{column} = "));
        push_value(&mut q, value);
    }
    q
}

/// One page of records visible in `scope`, newest first.
pub async fn list<E: Entity>(store: &Db, scope: &Scope, query: &ListQuery) -> Result<ListPage<E>> {
    apply_due::<E>(store).await?;
    let db = &store.0;
    let limit = query.limit();
    let mut q = QueryBuilder::new(format!("SELECT * FROM {} WHERE 1", E::COLLECTION));
    push_record_scope::<E>(&mut q, scope);
    if let Some(status) = query.status.as_deref().filter(|s| !s.is_empty()) {
        let Some(column) = E::STATUS_FIELD.filter(|_| E::valid_status(status)) else {
            return Err(kind::bad_status_filter(status).into());
        };
        q.push(format!(" AND {column} = "))
            .push_bind(status.to_string());
    }
    if let Some(text) = query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = like_pattern(text);
        q.push(" AND (");
        for (i, column) in E::SEARCH_FIELDS.iter().enumerate() {
            if i > 0 {
                q.push(" OR ");
            }
            q.push(format!("{column} LIKE "))
                .push_bind(pattern.clone())
                .push(" ESCAPE '\\'");
        }
        q.push(")");
    }
    if let Some(account) = &query.partner_account_id {
        q.push(" AND partner_account_id = ")
            .push_bind(account.clone());
    }
    let sort = kind::sort_of::<E>(query)?;
    // Missing values sort as "" (as the demo backend does); a bare column keeps its index usable.
    let key = if sort.nullable() {
        format!("COALESCE({}, '')", sort.field)
    } else {
        sort.field.to_string()
    };
    let (dir, op) = if sort.descending {
        ("DESC", "<")
    } else {
        ("ASC", ">")
    };
    if let Some(cursor) = &query.cursor {
        let (value, id) = decode_cursor(cursor)?;
        for (i, joiner) in [format!(" AND ({key} {op} "), format!(" OR ({key} = ")]
            .into_iter()
            .enumerate()
        {
            q.push(joiner);
            if sort.numeric() {
                let n: i64 = value.parse().map_err(|_| cursor_error())?;
                q.push_bind(n);
            } else {
                q.push_bind(value.clone());
            }
            if i == 1 {
                q.push(format!(" AND id {op} "))
                    .push_bind(id.clone())
                    .push("))");
            }
        }
    }
    q.push(format!(" ORDER BY {key} {dir}, id {dir} LIMIT "))
        .push_bind(i64::from(limit) + 1);
    let rows = q.build().fetch_all(db).await?;
    let more = rows.len() > limit as usize;
    let mut items = Vec::with_capacity(limit as usize);
    let mut next_cursor = None;
    for row in rows.iter().take(limit as usize) {
        items.push(from_row::<E>(row)?);
    }
    if let Some(row) = rows.get(limit as usize - 1).filter(|_| more) {
        let value = if sort.numeric() {
            row.try_get::<i64, _>(sort.field)?.to_string()
        } else {
            row.try_get::<Option<String>, _>(sort.field)?
                .unwrap_or_default()
        };
        next_cursor = Some(encode_cursor(&value, &row.try_get::<String, _>("id")?));
    }
    Ok(ListPage { items, next_cursor })
}

/// Every record of `E` visible in `scope`, newest first (exports and reports).
pub async fn all<E: Entity>(store: &Db, scope: &Scope) -> Result<Vec<E>> {
    apply_due::<E>(store).await?;
    let db = &store.0;
    let mut q = QueryBuilder::new(format!("SELECT * FROM {} WHERE 1", E::COLLECTION));
    push_record_scope::<E>(&mut q, scope);
    q.push(" ORDER BY created_at DESC, id DESC");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| decode_row(r, E::NAME))
        .collect()
}

/// All records matching a SQL condition with `?` placeholders bound to `binds` (for internal queries).
pub async fn find_where<E: Entity>(
    db: &sqlx::SqlitePool,
    condition: &str,
    binds: &[&str],
) -> Result<Vec<E>> {
    let sql = format!("SELECT * FROM {} WHERE {condition}", E::COLLECTION);
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.fetch_all(db).await?.iter().map(from_row).collect()
}

/// One record by id, if visible in `scope` (else not found: never reveal that it exists).
pub async fn get<E: Entity>(store: &Db, scope: &Scope, id: &str) -> Result<E> {
    apply_due::<E>(store).await?;
    let db = &store.0;
    let mut q = QueryBuilder::new(format!("SELECT * FROM {} WHERE id = ", E::COLLECTION));
    q.push_bind(id.to_string());
    push_record_scope::<E>(&mut q, scope);
    match q.build().fetch_optional(db).await? {
        Some(row) => from_row(&row),
        None => Err(ApiError::not_found(E::NAME).into()),
    }
}

mod cursor;
use cursor::{cursor_error, decode_cursor, encode_cursor};

#[cfg(test)]
mod tests;

/// Replaces `record` if its status is still `from`; whether it did.
pub async fn replace_if<'c, R: Entity, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    record: &R,
    from: &str,
) -> Result<bool> {
    let mut columns = kind::fields(record);
    let id = columns.remove("id").unwrap_or_default();
    let mut q = set_columns(R::COLLECTION, columns);
    q.push(" WHERE id = ");
    push_value(&mut q, id);
    q.push(format!(" AND {} = ", R::STATUS_FIELD.unwrap_or("status")))
        .push_bind(from.to_string());
    Ok(q.build().execute(db).await?.rows_affected() == 1)
}

impl RecordStore for crate::store::Db {
    async fn page<R: Kind>(&self, scope: &Scope, query: &ListQuery) -> CoreResult<ListPage<R>> {
        Ok(list::<R>(self, scope, query).await?)
    }

    async fn find<R: Kind>(&self, scope: &Scope, id: &str) -> CoreResult<Option<R>> {
        match get::<R>(self, scope, id).await {
            Ok(record) => Ok(Some(record)),
            Err(Error::Api(e)) if e.code == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn all<R: Kind>(&self, scope: &Scope) -> CoreResult<Vec<R>> {
        Ok(all::<R>(self, scope).await?)
    }

    async fn with_status<R: Kind>(&self, status: &str) -> CoreResult<Vec<R>> {
        apply_due::<R>(self).await?;
        let column = R::STATUS_FIELD.unwrap_or("status");
        let condition = format!("{column} = ? ORDER BY created_at, id");
        Ok(find_where::<R>(&self.0, &condition, &[status]).await?)
    }

    async fn insert<R: Kind>(&self, record: &R, log: &[Activity]) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            insert(&mut *tx, R::COLLECTION, kind::fields(record)).await?;
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        let done = write.await;
        self.1.wrote(R::COLLECTION);
        Ok(done?)
    }

    async fn replace_if<R: Kind>(
        &self,
        record: &R,
        from: &str,
        log: &[Activity],
    ) -> CoreResult<bool> {
        let write = async {
            let mut tx = self.0.begin().await?;
            if !replace_if(&mut *tx, record, from).await? {
                return Ok(false);
            }
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<bool, Error>(true)
        };
        let done = write.await;
        self.1.wrote(R::COLLECTION);
        Ok(done?)
    }

    async fn replace<R: Kind>(
        &self,
        record: &R,
        scope: &Scope,
        log: &[Activity],
    ) -> CoreResult<()> {
        let mut columns = kind::fields(record);
        let id = columns.remove("id").unwrap_or_default();
        let mut q = set_columns(R::COLLECTION, columns);
        q.push(" WHERE id = ");
        push_value(&mut q, id);
        push_scope(&mut q, scope);
        let write = async {
            let mut tx = self.0.begin().await?;
            if q.build().execute(&mut *tx).await?.rows_affected() == 1 {
                write_log(&mut tx, log).await?;
            }
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        let done = write.await;
        self.1.wrote(R::COLLECTION);
        Ok(done?)
    }
}

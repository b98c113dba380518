//! Name-ordered pages with offset cursors, and text search, for the small lists (accounts, users).

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Sqlite};
use trellis_api::{bad_cursor, ListPage, ListQuery};

use crate::error::{Error, Result};

/// Offset cursors: accounts and users are few and sorted by name.
fn offset(query: &ListQuery) -> Result<i64> {
    match &query.cursor {
        None => Ok(0),
        Some(c) => c
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| Error::from(bad_cursor())),
    }
}

/// One page of rows ordered by name, with offset cursors.
pub(crate) async fn page<T>(
    db: &sqlx::SqlitePool,
    mut q: QueryBuilder<'_, Sqlite>,
    query: &ListQuery,
    map: fn(&SqliteRow) -> Result<T>,
) -> Result<ListPage<T>> {
    let (limit, start) = (i64::from(query.limit()), offset(query)?);
    q.push(" ORDER BY name, id LIMIT ")
        .push_bind(limit + 1)
        .push(" OFFSET ")
        .push_bind(start);
    let rows = q.build().fetch_all(db).await?;
    let next_cursor = (rows.len() as i64 > limit).then(|| (start + limit).to_string());
    let items = rows
        .iter()
        .take(limit as usize)
        .map(map)
        .collect::<Result<_>>()?;
    Ok(ListPage { items, next_cursor })
}

/// Narrows a query to rows whose `columns` contain the search text.
pub(crate) fn push_search(q: &mut QueryBuilder<'_, Sqlite>, query: &ListQuery, columns: &[&str]) {
    if let Some(text) = query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = crate::store::records::like_pattern(text);
        q.push(" AND (");
        for (i, c) in columns.iter().enumerate() {
            q.push(if i == 0 { "" } else { " OR " });
            q.push(format!("{c} LIKE "))
                .push_bind(pattern.clone())
                .push(" ESCAPE '\\'");
        }
        q.push(")");
    }
}

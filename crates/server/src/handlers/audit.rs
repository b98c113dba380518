//! The audit log: [`record`] writes an event, `GET /api/audit` lists them for administrators.

use axum::extract::State;
use axum::Json;
use sqlx::{QueryBuilder, Sqlite};
use trellis_api::audit::{AuditEvent, AuditQuery};
use trellis_api::endpoints;
use trellis_api::{ApiError, ListPage};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiQuery, Result};
use crate::store::audit::event_from_row;
use crate::AppState;

/// The audit log, newest first, filtered (administrators only; see `policy`).
#[utoipa::path(get, path = endpoints::AUDIT_LOG.path, operation_id = endpoints::AUDIT_LOG.name, tag = "audit", params(AuditQuery),
    responses((status = 200, body = ListPage<AuditEvent>), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn audit_log(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<ListPage<AuditEvent>>> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT * FROM audit_events WHERE 1 = 1");
    if let Some(kind) = query.kind {
        sql.push(" AND kind = ").push_bind(kind.wire());
    }
    if let Some(actor) = &query.actor_id {
        sql.push(" AND actor_id = ").push_bind(actor);
    }
    if let Some(account) = &query.partner_account_id {
        sql.push(" AND partner_account_id = ").push_bind(account);
    }
    if let Some(q) = query.text() {
        // Escaped, so `%` and `_` in the text match themselves.
        let pattern = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        sql.push(" AND (lower(actor) LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR lower(summary) LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\')");
    }
    if let Some(from) = &query.from {
        sql.push(" AND at >= ").push_bind(from);
    }
    if let Some(to) = &query.to {
        // Timestamps sort as text; every one on day `to` is below the next character after it.
        sql.push(" AND at < ").push_bind(format!("{to}U"));
    }
    if let Ok(Some(before)) = query.before() {
        sql.push(" AND seq < ").push_bind(before);
    }
    let size = query.page_size();
    sql.push(" ORDER BY seq DESC LIMIT ")
        .push_bind(size as i64 + 1);
    let rows = sql.build().fetch_all(&state.db).await?;
    let mut items = rows
        .iter()
        .map(event_from_row)
        .collect::<Result<Vec<_>>>()?;
    let next_cursor = (items.len() > size).then(|| items[size - 1].seq.to_string());
    items.truncate(size);
    Ok(Json(ListPage { items, next_cursor }))
}

/// The audit routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit_log))
}

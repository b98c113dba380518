//! Announcements: written by the channel team, shown to the partners in their audience once published.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::announcements::sort_newest;
use trellis_api::datetime::date;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{random_id, tier_of, CurrentUser};
use crate::db::{now, now_unix};
use crate::error::{ApiJson, Error, Result};
use crate::AppState;

fn from_row(row: &SqliteRow) -> Result<Announcement> {
    let audience: String = row.try_get("audience")?;
    Ok(Announcement {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        audience: serde_json::from_str(&audience).map_err(|e| Error::Internal(e.to_string()))?,
        publish_on: row.try_get("publish_on")?,
        author_name: row.try_get("author_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Stores an announcement (insert or replace).
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, a: &Announcement) -> Result<()> {
    let audience =
        serde_json::to_string(&a.audience).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT OR REPLACE INTO announcements (id, title, body, audience, publish_on, author_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&a.id)
    .bind(&a.title)
    .bind(&a.body)
    .bind(audience)
    .bind(&a.publish_on)
    .bind(&a.author_name)
    .bind(&a.created_at)
    .bind(&a.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The announcements the user sees: every one for staff (scheduled too), published ones in their audience for partners.
#[utoipa::path(get, path = "/api/announcements", tag = "announcements",
    responses((status = 200, body = Vec<Announcement>), (status = 401, body = ApiError)))]
pub async fn list_announcements(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Announcement>>> {
    let tier = tier_of(&state.db, &user).await?;
    let today = date(now_unix() / 86_400);
    let mut list: Vec<Announcement> = sqlx::query("SELECT * FROM announcements")
        .fetch_all(&state.db)
        .await?
        .iter()
        .map(from_row)
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|a| a.visible_to(tier.as_deref(), user.role, &today))
        .collect();
    sort_newest(&mut list);
    Ok(Json(list))
}

/// Write an announcement (vendor staff).
#[utoipa::path(post, path = "/api/announcements", tag = "announcements", request_body = AnnouncementInput,
    responses((status = 201, body = Announcement), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_announcement(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<AnnouncementInput>,
) -> Result<(StatusCode, Json<Announcement>)> {
    input.check()?;
    let at = now();
    let a = Announcement {
        id: random_id("ann_"),
        title: input.title.trim().into(),
        body: input.body.trim().into(),
        audience: input.audience,
        publish_on: input.publish_on,
        author_name: user.name.clone(),
        created_at: at.clone(),
        updated_at: at,
    };
    store(&state.db, &a).await?;
    Ok((StatusCode::CREATED, Json(a)))
}

/// Edit an announcement (vendor staff).
#[utoipa::path(put, path = "/api/announcements/{id}", tag = "announcements", request_body = AnnouncementInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Announcement), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn update_announcement(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AnnouncementInput>,
) -> Result<Json<Announcement>> {
    input.check()?;
    let row = sqlx::query("SELECT * FROM announcements WHERE id = ?")
        .bind(&id)
        .fetch_optional(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("Announcement"))?;
    let mut a = from_row(&row)?;
    a.title = input.title.trim().into();
    a.body = input.body.trim().into();
    a.audience = input.audience;
    a.publish_on = input.publish_on;
    a.updated_at = now();
    store(&state.db, &a).await?;
    Ok(Json(a))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_announcements, create_announcement))
        .routes(routes!(update_announcement))
}

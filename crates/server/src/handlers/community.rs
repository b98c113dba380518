//! The community site: the published version partners see, and the draft admins edit.

use axum::extract::State;
use axum::Json;
use sqlx::Row;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{require_admin, CurrentUser};
use crate::db::now;
use crate::error::{ApiJson, Error, Result};
use crate::AppState;

fn parse_site(json: &str) -> Result<Site> {
    serde_json::from_str(json)
        .map_err(|e| Error::Internal(format!("stored site does not decode: {e}")))
}

async fn latest_published(db: &sqlx::SqlitePool) -> Result<Option<PublishedSite>> {
    let row = sqlx::query("SELECT * FROM site_versions ORDER BY version DESC LIMIT 1")
        .fetch_optional(db)
        .await?;
    row.map(|r| {
        Ok(PublishedSite {
            version: r.try_get("version")?,
            site: parse_site(&r.try_get::<String, _>("site")?)?,
            published_at: r.try_get("published_at")?,
            published_by: r.try_get("published_by")?,
        })
    })
    .transpose()
}

async fn tier_of(db: &sqlx::SqlitePool, user: &User) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT tier_id FROM accounts WHERE id = ?")
            .bind(&user.partner_account_id)
            .fetch_optional(db)
            .await?
            .flatten(),
    )
}

/// The published site, as the logged-in user's tier and role see it.
#[utoipa::path(get, path = "/api/community", tag = "community",
    responses((status = 200, body = PublishedSite), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get_published(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<PublishedSite>> {
    let mut published = latest_published(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("Published community"))?;
    let tier = tier_of(&state.db, &user).await?;
    published.site = published.site.for_viewer(tier.as_deref(), user.role);
    Ok(Json(published))
}

async fn load_draft(db: &sqlx::SqlitePool) -> Result<Draft> {
    let row = sqlx::query("SELECT * FROM community WHERE id = 1")
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ApiError::not_found("Community draft"))?;
    let site = parse_site(&row.try_get::<String, _>("draft")?)?;
    let published = latest_published(db).await?;
    Ok(Draft {
        has_unpublished_changes: published.is_none_or(|p| p.site != site),
        site,
        version: row.try_get("draft_version")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// The draft site (administrators).
#[utoipa::path(get, path = "/api/community/draft", tag = "community",
    responses((status = 200, body = Draft), (status = 403, body = ApiError)))]
pub async fn get_draft(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Draft>> {
    require_admin(&user)?;
    Ok(Json(load_draft(&state.db).await?))
}

/// Save the draft; 409 if someone saved since `base_version`.
#[utoipa::path(put, path = "/api/community/draft", tag = "community", request_body = SaveDraft,
    responses((status = 200, body = Draft), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn save_draft(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<SaveDraft>,
) -> Result<Json<Draft>> {
    require_admin(&user)?;
    body.check()?;
    let json = serde_json::to_string(&body.site).map_err(|e| Error::Internal(e.to_string()))?;
    let saved = sqlx::query(
        "UPDATE community SET draft = ?, draft_version = draft_version + 1, updated_at = ?
         WHERE id = 1 AND draft_version = ?",
    )
    .bind(json)
    .bind(now())
    .bind(body.base_version)
    .execute(&state.db)
    .await?;
    if saved.rows_affected() == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "The draft was changed by someone else since you loaded it; reload it or keep your copy",
        )
        .into());
    }
    Ok(Json(load_draft(&state.db).await?))
}

/// Liveness and database check.
#[utoipa::path(get, path = "/api/health", tag = "health", responses((status = 200, body = Health)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>> {
    sqlx::query("SELECT 1").execute(&state.db).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_published))
        .routes(routes!(get_draft, save_draft))
        .routes(routes!(health))
}

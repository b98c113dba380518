//! The community site: the published version partners see, and the draft admins edit.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::Json;
use sqlx::Row;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{tier_of, CurrentUser};
use crate::db::now;
use crate::error::{ApiJson, Error, Result};
use crate::AppState;

/// Largest draft body accepted, in bytes.
pub const MAX_SITE_BYTES: usize = 8 << 20;

fn parse_site(json: &str) -> Result<Site> {
    serde_json::from_str(json)
        .map_err(|e| Error::Internal(format!("stored site does not decode: {e}")))
}

fn published(r: &sqlx::sqlite::SqliteRow) -> Result<PublishedSite> {
    Ok(PublishedSite {
        version: r.try_get("version")?,
        site: parse_site(&r.try_get::<String, _>("site")?)?,
        published_at: r.try_get("published_at")?,
        published_by: r.try_get("published_by")?,
        note: r.try_get("note")?,
    })
}

async fn latest_published(db: &sqlx::SqlitePool) -> Result<Option<PublishedSite>> {
    let row = sqlx::query("SELECT * FROM site_versions ORDER BY version DESC LIMIT 1")
        .fetch_optional(db)
        .await?;
    row.as_ref().map(published).transpose()
}

async fn stale(db: &sqlx::SqlitePool) -> Result<Error> {
    let current = load_draft(db).await?;
    Ok(ApiError::conflict_with(
        "The draft was changed by someone else since you loaded it; reload it or keep your copy",
        &current,
    )
    .into())
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
pub async fn get_draft(State(state): State<AppState>) -> Result<Json<Draft>> {
    Ok(Json(load_draft(&state.db).await?))
}

/// Save the draft; 409 if someone saved since `base_version`.
#[utoipa::path(put, path = "/api/community/draft", tag = "community", request_body = SaveDraft,
    responses((status = 200, body = Draft), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn save_draft(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SaveDraft>,
) -> Result<Json<Draft>> {
    body.check()?;
    Ok(Json(
        write_draft(&state.db, &body.site, body.base_version).await?,
    ))
}

/// Replace the draft if it is still at `base_version`, else 409 with the current draft.
async fn write_draft(db: &sqlx::SqlitePool, site: &Site, base_version: i64) -> Result<Draft> {
    let json = serde_json::to_string(site).map_err(|e| Error::Internal(e.to_string()))?;
    let saved = sqlx::query(
        "UPDATE community SET draft = ?, draft_version = draft_version + 1, updated_at = ?
         WHERE id = 1 AND draft_version = ?",
    )
    .bind(json)
    .bind(now())
    .bind(base_version)
    .execute(db)
    .await?;
    if saved.rows_affected() == 0 {
        return Err(stale(db).await?);
    }
    load_draft(db).await
}

/// Publish the draft as it was at `base_version`: a new immutable version partners see.
#[utoipa::path(post, path = "/api/community/publish", tag = "community", request_body = Publish,
    responses((status = 200, body = PublishedSite), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn publish(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<Publish>,
) -> Result<Json<PublishedSite>> {
    body.check()?;
    let draft = load_draft(&state.db).await?;
    if draft.version != body.base_version {
        return Err(stale(&state.db).await?);
    }
    if !draft.has_unpublished_changes {
        return Err(ApiError::new(ErrorCode::Conflict, NOTHING_TO_PUBLISH).into());
    }
    draft.site.publish_check()?;
    // One statement, so the version published is exactly the draft at base_version.
    let row = sqlx::query(
        "INSERT INTO site_versions (version, site, published_at, published_by, note)
         SELECT COALESCE((SELECT MAX(version) FROM site_versions), 0) + 1, draft, ?, ?, ?
         FROM community WHERE id = 1 AND draft_version = ?
         RETURNING *",
    )
    .bind(now())
    .bind(&user.id)
    .bind(body.note.trim())
    .bind(body.base_version)
    .fetch_optional(&state.db)
    .await?;
    let Some(row) = row else {
        return Err(stale(&state.db).await?);
    };
    let site = published(&row)?;
    let event = trellis_api::audit::published_event(site.version, &site.note);
    crate::handlers::audit::record(&state.db, Some(&user), "", event).await?;
    Ok(Json(site))
}

/// The version history, newest first.
#[utoipa::path(get, path = "/api/community/versions", tag = "community",
    responses((status = 200, body = Vec<SiteVersion>), (status = 403, body = ApiError)))]
pub async fn versions(State(state): State<AppState>) -> Result<Json<Vec<SiteVersion>>> {
    let rows = sqlx::query(
        "SELECT v.version, v.published_at, v.published_by, v.note, COALESCE(u.name, '') AS name
         FROM site_versions v LEFT JOIN users u ON u.id = v.published_by
         ORDER BY v.version DESC",
    )
    .fetch_all(&state.db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SiteVersion {
                version: r.try_get("version")?,
                published_at: r.try_get("published_at")?,
                published_by: r.try_get("published_by")?,
                published_by_name: r.try_get("name")?,
                note: r.try_get("note")?,
            })
        })
        .collect::<Result<_>>()
        .map(Json)
}

async fn find_version(db: &sqlx::SqlitePool, version: &str) -> Result<PublishedSite> {
    let not_found = || Error::from(ApiError::not_found("Version"));
    let version: i64 = version.parse().map_err(|_| not_found())?;
    let row = sqlx::query("SELECT * FROM site_versions WHERE version = ?")
        .bind(version)
        .fetch_optional(db)
        .await?
        .ok_or_else(not_found)?;
    published(&row)
}

/// One published version, whole (for preview).
#[utoipa::path(get, path = "/api/community/versions/{version}", tag = "community",
    params(("version" = i64, Path)),
    responses((status = 200, body = PublishedSite), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn version(
    State(state): State<AppState>,
    Path(version): Path<String>,
) -> Result<Json<PublishedSite>> {
    Ok(Json(find_version(&state.db, &version).await?))
}

/// Make a published version the draft again (rollback); partners see it after the next publish.
#[utoipa::path(post, path = "/api/community/versions/{version}/restore", tag = "community",
    params(("version" = i64, Path)), request_body = Restore,
    responses((status = 200, body = Draft), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn restore(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(version): Path<String>,
    ApiJson(body): ApiJson<Restore>,
) -> Result<Json<Draft>> {
    let found = find_version(&state.db, &version).await?;
    let draft = write_draft(&state.db, &found.site, body.base_version).await?;
    let event = trellis_api::audit::restored_event(found.version);
    crate::handlers::audit::record(&state.db, Some(&user), "", event).await?;
    Ok(Json(draft))
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
        .merge(
            // A whole site travels in one body: up to 5,000 blocks a page, several pages.
            OpenApiRouter::new()
                .routes(routes!(get_draft, save_draft))
                .layer(DefaultBodyLimit::max(MAX_SITE_BYTES)),
        )
        .routes(routes!(publish))
        .routes(routes!(versions))
        .routes(routes!(version))
        .routes(routes!(restore))
        .routes(routes!(health))
}

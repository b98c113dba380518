//! The community site: extract, run the core's step, respond.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{
    ApiError, Draft, Health, Publish, PublishedSite, Restore, SaveDraft, SiteVersion,
};
use trellis_core::{community, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Error, Result};
use crate::AppState;

/// Largest draft body accepted, in bytes.
pub const MAX_SITE_BYTES: usize = 8 << 20;

/// A version number from the path; anything else is no such version.
fn version_number(text: &str) -> Result<i64> {
    text.parse()
        .map_err(|_| Error::from(ApiError::not_found("Version")))
}

/// The published site, as the logged-in user's tier and role see it.
#[utoipa::path(get, path = endpoints::COMMUNITY.path, operation_id = endpoints::COMMUNITY.name, tag = "community",
    responses((status = 200, body = PublishedSite), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn community(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<PublishedSite>> {
    let store = state.store();
    Ok(Json(
        community::published(&Cx::new(&store, &user, now_unix())).await?,
    ))
}

/// The draft site (administrators).
#[utoipa::path(get, path = endpoints::DRAFT.path, operation_id = endpoints::DRAFT.name, tag = "community",
    responses((status = 200, body = Draft), (status = 403, body = ApiError)))]
pub async fn draft(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Draft>> {
    let store = state.store();
    Ok(Json(
        community::draft(&Cx::new(&store, &user, now_unix())).await?,
    ))
}

/// Save the draft; 409 if someone saved since `base_version`.
#[utoipa::path(put, path = endpoints::SAVE_DRAFT.path, operation_id = endpoints::SAVE_DRAFT.name, tag = "community", request_body = SaveDraft,
    responses((status = 200, body = Draft), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn save_draft(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<SaveDraft>,
) -> Result<Json<Draft>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(community::save_draft(&cx, &body).await?))
}

/// Publish the draft as it was at `base_version`: a new immutable version partners see.
#[utoipa::path(post, path = endpoints::PUBLISH.path, operation_id = endpoints::PUBLISH.name, tag = "community", request_body = Publish,
    responses((status = 200, body = PublishedSite), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn publish(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<Publish>,
) -> Result<Json<PublishedSite>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(community::publish(&cx, &body).await?))
}

/// The version history, newest first.
#[utoipa::path(get, path = endpoints::SITE_VERSIONS.path, operation_id = endpoints::SITE_VERSIONS.name, tag = "community",
    responses((status = 200, body = Vec<SiteVersion>), (status = 403, body = ApiError)))]
pub async fn site_versions(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<SiteVersion>>> {
    let store = state.store();
    Ok(Json(
        community::versions(&Cx::new(&store, &user, now_unix())).await?,
    ))
}

/// One published version, whole (for preview).
#[utoipa::path(get, path = endpoints::SITE_VERSION.path, operation_id = endpoints::SITE_VERSION.name, tag = "community",
    params(("version" = i64, Path)),
    responses((status = 200, body = PublishedSite), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn site_version(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(version): Path<String>,
) -> Result<Json<PublishedSite>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(
        community::version(&cx, version_number(&version)?).await?,
    ))
}

/// Make a published version the draft again (rollback); partners see it after the next publish.
#[utoipa::path(post, path = endpoints::RESTORE_VERSION.path, operation_id = endpoints::RESTORE_VERSION.name, tag = "community",
    params(("version" = i64, Path)), request_body = Restore,
    responses((status = 200, body = Draft), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn restore_version(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(version): Path<String>,
    ApiJson(body): ApiJson<Restore>,
) -> Result<Json<Draft>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(
        community::restore(&cx, version_number(&version)?, &body).await?,
    ))
}

/// Liveness and database check.
#[utoipa::path(get, path = endpoints::HEALTH.path, operation_id = endpoints::HEALTH.name, tag = "health", responses((status = 200, body = Health)))]
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
        .routes(routes!(community))
        .merge(
            // A whole site travels in one body: up to 5,000 blocks a page, several pages.
            OpenApiRouter::new()
                .routes(routes!(draft, save_draft))
                .layer(DefaultBodyLimit::max(MAX_SITE_BYTES)),
        )
        .routes(routes!(publish))
        .routes(routes!(site_versions))
        .routes(routes!(site_version))
        .routes(routes!(restore_version))
        .routes(routes!(health))
}

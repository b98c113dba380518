//! Announcements: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{Announcement, AnnouncementInput, ApiError};
use trellis_core::{announcements, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// The announcements the user sees: every one for staff (scheduled too), published ones in their audience for partners.
#[utoipa::path(get, path = endpoints::LIST_ANNOUNCEMENTS.path, operation_id = endpoints::LIST_ANNOUNCEMENTS.name, tag = "announcements",
    responses((status = 200, body = Vec<Announcement>), (status = 401, body = ApiError)))]
pub async fn list_announcements(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Announcement>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(announcements::list(&cx).await?))
}

/// Write an announcement (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_ANNOUNCEMENT.path, operation_id = endpoints::CREATE_ANNOUNCEMENT.name, tag = "announcements", request_body = AnnouncementInput,
    responses((status = 201, body = Announcement), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_announcement(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<AnnouncementInput>,
) -> Result<(StatusCode, Json<Announcement>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(announcements::create(&cx, &input).await?),
    ))
}

/// Edit an announcement (vendor staff).
#[utoipa::path(put, path = endpoints::UPDATE_ANNOUNCEMENT.path, operation_id = endpoints::UPDATE_ANNOUNCEMENT.name, tag = "announcements", request_body = AnnouncementInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Announcement), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn update_announcement(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AnnouncementInput>,
) -> Result<Json<Announcement>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(announcements::update(&cx, &id, &input).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_announcements, create_announcement))
        .routes(routes!(update_announcement))
}

//! Record timelines, comments and mentions: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::activity::{Activity, CommentInput, Person};
use trellis_api::endpoints;
use trellis_api::ApiError;
use trellis_core::{activity, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// A record's timeline, newest first: changes and comments (whoever may read the record).
#[utoipa::path(get, path = endpoints::ACTIVITY.path, operation_id = endpoints::ACTIVITY.name, tag = "activity",
    params(("kind" = String, Path, description = "The record's collection: leads, deals, opportunities, contacts, mdf_requests, mdf_claims or cases"),
           ("id" = String, Path)),
    responses((status = 200, body = Vec<Activity>), (status = 404, body = ApiError)))]
pub async fn activity(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<Vec<Activity>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(activity::timeline(&cx, &kind, &id).await?))
}

/// Comment on a record; `@Full Name` mentions someone who may read it.
#[utoipa::path(post, path = endpoints::COMMENT.path, operation_id = endpoints::COMMENT.name, tag = "activity", request_body = CommentInput,
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 201, body = Activity), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn comment(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((kind, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<CommentInput>,
) -> Result<(StatusCode, Json<Activity>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    let entry = activity::add_comment(&cx, &kind, &id, &input).await?;
    Ok((StatusCode::CREATED, Json(entry)))
}

/// Who may be mentioned on a record: the channel team and the colleagues who may read it.
#[utoipa::path(get, path = endpoints::MENTIONABLE.path, operation_id = endpoints::MENTIONABLE.name, tag = "activity",
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = Vec<Person>), (status = 404, body = ApiError)))]
pub async fn mentionable(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<Vec<Person>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(activity::mentionable(&cx, &kind, &id).await?))
}

/// Comments that mention the user, newest first, on records they may still read.
#[utoipa::path(get, path = endpoints::MENTIONS.path, operation_id = endpoints::MENTIONS.name, tag = "activity",
    responses((status = 200, body = Vec<Activity>), (status = 401, body = ApiError)))]
pub async fn mentions(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Activity>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(activity::mentions(&cx).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(activity, comment))
        .routes(routes!(mentionable))
        .routes(routes!(mentions))
}

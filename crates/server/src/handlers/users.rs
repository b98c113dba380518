//! Users: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{ApiError, ListPage, ListQuery, User, UserInput};
use trellis_core::{users, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::AppState;

/// List users.
#[utoipa::path(get, path = endpoints::LIST_USERS.path, operation_id = endpoints::LIST_USERS.name, tag = "users", params(ListQuery),
    responses((status = 200, body = ListPage<User>), (status = 401, body = ApiError)))]
pub async fn list_users(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<User>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(users::list(&cx, &query).await?))
}

/// One user.
#[utoipa::path(get, path = endpoints::GET_USER.path, operation_id = endpoints::GET_USER.name, tag = "users", params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 404, body = ApiError)))]
pub async fn get_user(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<User>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(users::get(&cx, &id).await?))
}

/// Create a user.
#[utoipa::path(post, path = endpoints::CREATE_USER.path, operation_id = endpoints::CREATE_USER.name, tag = "users", request_body = UserInput,
    responses((status = 201, body = User), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn create_user(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    ApiJson(input): ApiJson<UserInput>,
) -> Result<(StatusCode, Json<User>)> {
    let store = state.store();
    let cx = Cx::new(&store, &actor, now_unix());
    Ok((StatusCode::CREATED, Json(users::create(&cx, &input).await?)))
}

/// Edit a user; deactivating ends their sessions.
#[utoipa::path(put, path = endpoints::UPDATE_USER.path, operation_id = endpoints::UPDATE_USER.name, tag = "users", request_body = UserInput,
    params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "The last active administrator would be deactivated or demoted"),
              (status = 422, body = ApiError)))]
pub async fn update_user(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<UserInput>,
) -> Result<Json<User>> {
    let store = state.store();
    let cx = Cx::new(&store, &actor, now_unix());
    Ok(Json(users::update(&cx, &id, &input).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user))
}

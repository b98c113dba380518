//! Support cases with message threads, and the contact channels: extract, run the core's step, respond.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{
    ApiError, CaseInput, CaseMessage, ListPage, ListQuery, MessageInput, SupportCase,
    SupportChannels,
};
use trellis_core::{records, support, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::AppState;

/// Cases the user may see, newest first: the channel team's queue, or the partner's own.
#[utoipa::path(get, path = endpoints::LIST_CASES.path, operation_id = endpoints::LIST_CASES.name, tag = "support", params(ListQuery),
    responses((status = 200, body = ListPage<SupportCase>), (status = 400, body = ApiError)))]
pub async fn list_cases(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<SupportCase>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::list(&cx, &query).await?))
}

/// One case.
#[utoipa::path(get, path = endpoints::GET_CASE.path, operation_id = endpoints::GET_CASE.name, tag = "support", params(("id" = String, Path)),
    responses((status = 200, body = SupportCase), (status = 404, body = ApiError)))]
pub async fn get_case(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<SupportCase>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::get(&cx, &id).await?))
}

/// Open a case, with an optional attachment (partners).
#[utoipa::path(post, path = endpoints::CREATE_CASE.path, operation_id = endpoints::CREATE_CASE.name, tag = "support", request_body = CaseInput,
    responses((status = 201, body = SupportCase), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_case(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<(StatusCode, Json<SupportCase>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(support::create_case(&cx, &input).await?),
    ))
}

/// A case's messages, oldest first.
#[utoipa::path(get, path = endpoints::CASE_MESSAGES.path, operation_id = endpoints::CASE_MESSAGES.name, tag = "support", params(("id" = String, Path)),
    responses((status = 200, body = Vec<CaseMessage>), (status = 404, body = ApiError)))]
pub async fn case_messages(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<CaseMessage>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(support::messages(&cx, &id).await?))
}

/// Reply to a case, optionally changing its status; answers with the case as it is now.
#[utoipa::path(post, path = endpoints::POST_CASE_MESSAGE.path, operation_id = endpoints::POST_CASE_MESSAGE.name, tag = "support", request_body = MessageInput,
    params(("id" = String, Path)),
    responses((status = 200, body = SupportCase), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn post_case_message(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MessageInput>,
) -> Result<Json<SupportCase>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(support::post_message(&cx, &id, &input).await?))
}

/// How partners reach the channel team.
#[utoipa::path(get, path = endpoints::SUPPORT_CHANNELS.path, operation_id = endpoints::SUPPORT_CHANNELS.name, tag = "support",
    responses((status = 200, body = SupportChannels), (status = 401, body = ApiError)))]
pub async fn support_channels(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<SupportChannels>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(support::channels(&cx).await?))
}

/// Change the contact channels (vendor staff).
#[utoipa::path(put, path = endpoints::SET_SUPPORT_CHANNELS.path, operation_id = endpoints::SET_SUPPORT_CHANNELS.name, tag = "support", request_body = SupportChannels,
    responses((status = 200, body = SupportChannels), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_support_channels(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<SupportChannels>,
) -> Result<Json<SupportChannels>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(support::set_channels(&cx, &input).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(
            // Attachments travel as base64 in JSON, like claim proofs.
            OpenApiRouter::new()
                .routes(routes!(list_cases, create_case))
                .layer(DefaultBodyLimit::max(
                    trellis_api::upload::MAX_UPLOAD_BYTES / 3 * 4 + 64 * 1024,
                )),
        )
        .routes(routes!(get_case))
        .routes(routes!(case_messages, post_case_message))
        .routes(routes!(support_channels, set_support_channels))
}

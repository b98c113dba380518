//! Market development funds: extract, run the core's step, respond.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{
    ApiError, ListPage, ListQuery, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim, MdfClaimInput,
    MdfRequest, MdfRequestInput, StoredFile,
};
use trellis_core::{mdf, records, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::AppState;

/// Budgets: every one for vendor staff, those of their own program for partners.
#[utoipa::path(get, path = endpoints::LIST_MDF_BUDGETS.path, operation_id = endpoints::LIST_MDF_BUDGETS.name, tag = "mdf",
    responses((status = 200, body = Vec<MdfBudget>), (status = 401, body = ApiError)))]
pub async fn list_mdf_budgets(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<MdfBudget>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(mdf::budgets(&cx).await?))
}

/// Set aside a budget for a program and period (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_MDF_BUDGET.path, operation_id = endpoints::CREATE_MDF_BUDGET.name, tag = "mdf", request_body = MdfBudgetInput,
    responses((status = 201, body = MdfBudget), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_mdf_budget(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<MdfBudgetInput>,
) -> Result<(StatusCode, Json<MdfBudget>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(mdf::create_budget(&cx, &input).await?),
    ))
}

/// Fund requests the user may see, newest first.
#[utoipa::path(get, path = endpoints::LIST_MDF_REQUESTS.path, operation_id = endpoints::LIST_MDF_REQUESTS.name, tag = "mdf", params(ListQuery),
    responses((status = 200, body = ListPage<MdfRequest>), (status = 400, body = ApiError)))]
pub async fn list_mdf_requests(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<MdfRequest>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::list(&cx, &query).await?))
}

/// One fund request.
#[utoipa::path(get, path = endpoints::GET_MDF_REQUEST.path, operation_id = endpoints::GET_MDF_REQUEST.name, tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = MdfRequest), (status = 404, body = ApiError)))]
pub async fn get_mdf_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<MdfRequest>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::get(&cx, &id).await?))
}

/// Ask for funds from one of the program's open budgets (partners).
#[utoipa::path(post, path = endpoints::CREATE_MDF_REQUEST.path, operation_id = endpoints::CREATE_MDF_REQUEST.name, tag = "mdf", request_body = MdfRequestInput,
    responses((status = 201, body = MdfRequest), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_mdf_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<MdfRequestInput>,
) -> Result<(StatusCode, Json<MdfRequest>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(mdf::create_request(&cx, &input).await?),
    ))
}

/// Approve (committing the amount against the budget) or reject a fund request (vendor staff).
#[utoipa::path(post, path = endpoints::TRANSITION_MDF_REQUEST.path, operation_id = endpoints::TRANSITION_MDF_REQUEST.name, tag = "mdf", request_body = MdfAction,
    params(("id" = String, Path)),
    responses((status = 200, body = MdfRequest), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_mdf_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<MdfAction>,
) -> Result<Json<MdfRequest>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(mdf::transition_request(&cx, &id, &action).await?))
}

/// Claims the user may see, newest first.
#[utoipa::path(get, path = endpoints::LIST_MDF_CLAIMS.path, operation_id = endpoints::LIST_MDF_CLAIMS.name, tag = "mdf", params(ListQuery),
    responses((status = 200, body = ListPage<MdfClaim>), (status = 400, body = ApiError)))]
pub async fn list_mdf_claims(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<MdfClaim>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::list(&cx, &query).await?))
}

/// One claim.
#[utoipa::path(get, path = endpoints::GET_MDF_CLAIM.path, operation_id = endpoints::GET_MDF_CLAIM.name, tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = MdfClaim), (status = 404, body = ApiError)))]
pub async fn get_mdf_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<MdfClaim>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(records::get(&cx, &id).await?))
}

/// File a claim with proof against an approved fund request (partners).
#[utoipa::path(post, path = endpoints::CREATE_MDF_CLAIM.path, operation_id = endpoints::CREATE_MDF_CLAIM.name, tag = "mdf", request_body = MdfClaimInput,
    responses((status = 201, body = MdfClaim), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_mdf_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<MdfClaimInput>,
) -> Result<(StatusCode, Json<MdfClaim>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(mdf::create_claim(&cx, &input).await?),
    ))
}

/// Approve, reject (releasing the claimed amount) or mark a claim paid (vendor staff).
#[utoipa::path(post, path = endpoints::TRANSITION_MDF_CLAIM.path, operation_id = endpoints::TRANSITION_MDF_CLAIM.name, tag = "mdf", request_body = MdfAction,
    params(("id" = String, Path)),
    responses((status = 200, body = MdfClaim), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_mdf_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<MdfAction>,
) -> Result<Json<MdfClaim>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(mdf::transition_claim(&cx, &id, &action).await?))
}

/// A stored file, if the user may see the record it belongs to.
#[utoipa::path(get, path = endpoints::GET_FILE.path, operation_id = endpoints::GET_FILE.name, tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = StoredFile), (status = 404, body = ApiError)))]
pub async fn get_file(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<StoredFile>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(mdf::file(&cx, &id).await?))
}

/// The MDF routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_mdf_budgets, create_mdf_budget))
        .routes(routes!(list_mdf_requests, create_mdf_request))
        .routes(routes!(get_mdf_request))
        .routes(routes!(transition_mdf_request))
        .merge(
            // Proof files travel as base64 in JSON: this one route takes bodies up to the upload limit.
            OpenApiRouter::new()
                .routes(routes!(list_mdf_claims, create_mdf_claim))
                .layer(DefaultBodyLimit::max(
                    trellis_api::upload::MAX_UPLOAD_BYTES / 3 * 4 + 64 * 1024,
                )),
        )
        .routes(routes!(get_mdf_claim))
        .routes(routes!(transition_mdf_claim))
        .routes(routes!(get_file))
}

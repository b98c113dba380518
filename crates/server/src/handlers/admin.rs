//! Partner accounts and programs: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::{
    Account, AccountInput, ApiError, ListPage, ListQuery, PartnerProgram, Tier, TierInput,
};
use trellis_core::{accounts, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::AppState;

/// List accounts: everything for vendor staff, their own account for partners.
#[utoipa::path(get, path = endpoints::LIST_ACCOUNTS.path, operation_id = endpoints::LIST_ACCOUNTS.name, tag = "accounts", params(ListQuery),
    responses((status = 200, body = ListPage<Account>), (status = 401, body = ApiError)))]
pub async fn list_accounts(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<Account>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::list(&cx, &query).await?))
}

/// One account.
#[utoipa::path(get, path = endpoints::GET_ACCOUNT.path, operation_id = endpoints::GET_ACCOUNT.name, tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 404, body = ApiError)))]
pub async fn get_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Account>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::get(&cx, &id).await?))
}

/// Create an account (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_ACCOUNT.path, operation_id = endpoints::CREATE_ACCOUNT.name, tag = "accounts", request_body = AccountInput,
    responses((status = 201, body = Account), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<AccountInput>,
) -> Result<(StatusCode, Json<Account>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(accounts::create(&cx, &input).await?),
    ))
}

/// Edit an account's details; partnership and tier change only through `/partnership` (vendor staff).
#[utoipa::path(put, path = endpoints::UPDATE_ACCOUNT.path, operation_id = endpoints::UPDATE_ACCOUNT.name, tag = "accounts", request_body = AccountInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn update_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AccountInput>,
) -> Result<Json<Account>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::update(&cx, &id, &input).await?))
}

/// Add a tier to a program (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_TIER.path, operation_id = endpoints::CREATE_TIER.name, tag = "accounts", request_body = TierInput,
    params(("id" = String, Path, description = "Program id")),
    responses((status = 201, body = Tier), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_tier(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(program): Path<String>,
    ApiJson(input): ApiJson<TierInput>,
) -> Result<(StatusCode, Json<Tier>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(accounts::create_tier(&cx, &program, &input).await?),
    ))
}

/// Rename a tier, move its rank, or change its benefits and requirements (vendor staff).
#[utoipa::path(put, path = endpoints::UPDATE_TIER.path, operation_id = endpoints::UPDATE_TIER.name, tag = "accounts", request_body = TierInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Tier), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update_tier(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<TierInput>,
) -> Result<Json<Tier>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::update_tier(&cx, &id, &input).await?))
}

/// Partner programs with their tiers, lowest rank first.
#[utoipa::path(get, path = endpoints::LIST_PROGRAMS.path, operation_id = endpoints::LIST_PROGRAMS.name, tag = "accounts",
    responses((status = 200, body = Vec<PartnerProgram>), (status = 401, body = ApiError)))]
pub async fn list_programs(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<PartnerProgram>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::programs(&cx).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_accounts, create_account))
        .routes(routes!(get_account, update_account))
        .routes(routes!(list_programs))
        .routes(routes!(create_tier))
        .routes(routes!(update_tier))
}

//! Partner accounts, programs and users: the channel team's records.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::QueryBuilder;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::ids::random_id;
use crate::store::accounts::{account_from_row, check_tier_id, find_account, programs};
use crate::store::list::{page, push_search};
use crate::AppState;

/// List accounts: everything for vendor staff, their own account for partners.
#[utoipa::path(get, path = "/api/accounts", tag = "accounts", params(ListQuery),
    responses((status = 200, body = ListPage<Account>), (status = 401, body = ApiError)))]
pub async fn list_accounts(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<Account>>> {
    let mut q = QueryBuilder::new("SELECT * FROM accounts WHERE 1");
    if !user.role.is_internal() {
        q.push(" AND id = ")
            .push_bind(user.partner_account_id.clone());
    }
    match query.status.as_deref() {
        Some("partner") => drop(q.push(" AND is_partner = 1")),
        Some("customer") => drop(q.push(" AND is_partner = 0")),
        _ => {}
    }
    push_search(&mut q, &query, &["name", "domain"]);
    Ok(Json(page(&state.db, q, &query, account_from_row).await?))
}

/// One account.
#[utoipa::path(get, path = "/api/accounts/{id}", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 404, body = ApiError)))]
pub async fn get_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Account>> {
    Ok(Json(find_account(&state.db, &user, &id).await?))
}

async fn check_tier(db: &sqlx::SqlitePool, input: &AccountInput) -> Result<()> {
    input.check()?;
    match &input.tier_id {
        Some(tier) => check_tier_id(db, tier).await,
        None => Ok(()),
    }
}

/// Create an account (vendor staff).
#[utoipa::path(post, path = "/api/accounts", tag = "accounts", request_body = AccountInput,
    responses((status = 201, body = Account), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<AccountInput>,
) -> Result<(StatusCode, Json<Account>)> {
    check_tier(&state.db, &input).await?;
    let id = random_id("acc_");
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO accounts (id, name, domain, region, is_partner, partner_type, tier_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(input.name.trim())
    .bind(input.domain.trim())
    .bind(&input.region)
    .bind(input.is_partner)
    .bind(input.partner_type.map(|t| wire_name(&t)))
    .bind(&input.tier_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if input.is_partner {
        let entry = trellis_api::partnership::created_as_partner(&id, &input, &user.name, &now());
        crate::store::records::insert(
            &mut *tx,
            "tier_changes",
            trellis_api::record::fields(&entry),
        )
        .await?;
    }
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(find_account(&state.db, &user, &id).await?),
    ))
}

/// Edit an account's details; partnership and tier change only through `/partnership` (vendor staff).
#[utoipa::path(put, path = "/api/accounts/{id}", tag = "accounts", request_body = AccountInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn update_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AccountInput>,
) -> Result<Json<Account>> {
    check_tier(&state.db, &input).await?;
    let current = find_account(&state.db, &user, &id).await?;
    trellis_api::partnership::check_edit(&current, &input)?;
    sqlx::query(
        "UPDATE accounts SET name = ?, domain = ?, region = ?, is_partner = ?, partner_type = ?, tier_id = ?
         WHERE id = ?",
    )
    .bind(input.name.trim())
    .bind(input.domain.trim())
    .bind(&input.region)
    .bind(input.is_partner)
    .bind(input.partner_type.map(|t| wire_name(&t)))
    .bind(&input.tier_id)
    .bind(&id)
    .execute(&state.db)
    .await?;
    Ok(Json(find_account(&state.db, &user, &id).await?))
}

async fn store_tier(db: &sqlx::SqlitePool, tier: &Tier) -> Result<Tier> {
    let program = programs(db)
        .await?
        .into_iter()
        .find(|p| p.id == tier.program_id)
        .ok_or_else(|| ApiError::not_found("Program"))?;
    check_tier_unique(tier, &program.tiers)?;
    sqlx::query(
        "INSERT INTO tiers (id, program_id, name, rank, benefits, requirements) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, rank = excluded.rank,
             benefits = excluded.benefits, requirements = excluded.requirements",
    )
    .bind(&tier.id)
    .bind(&tier.program_id)
    .bind(&tier.name)
    .bind(tier.rank)
    .bind(&tier.benefits)
    .bind(&tier.requirements)
    .execute(db)
    .await?;
    Ok(tier.clone())
}

/// Add a tier to a program (vendor staff).
#[utoipa::path(post, path = "/api/programs/{id}/tiers", tag = "accounts", request_body = TierInput,
    params(("id" = String, Path, description = "Program id")),
    responses((status = 201, body = Tier), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_tier(
    State(state): State<AppState>,
    Path(program): Path<String>,
    ApiJson(input): ApiJson<TierInput>,
) -> Result<(StatusCode, Json<Tier>)> {
    input.check()?;
    let tier = Tier::from_input(random_id("tier_"), program, &input);
    Ok((
        StatusCode::CREATED,
        Json(store_tier(&state.db, &tier).await?),
    ))
}

/// Rename a tier, move its rank, or change its benefits and requirements (vendor staff).
#[utoipa::path(put, path = "/api/tiers/{id}", tag = "accounts", request_body = TierInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Tier), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update_tier(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<TierInput>,
) -> Result<Json<Tier>> {
    input.check()?;
    let current = programs(&state.db)
        .await?
        .into_iter()
        .flat_map(|p| p.tiers)
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found("Tier"))?;
    let tier = Tier::from_input(id, current.program_id, &input);
    Ok(Json(store_tier(&state.db, &tier).await?))
}

/// Partner programs with their tiers, lowest rank first.
#[utoipa::path(get, path = "/api/programs", tag = "accounts",
    responses((status = 200, body = Vec<PartnerProgram>), (status = 401, body = ApiError)))]
pub async fn list_programs(
    State(state): State<AppState>,
    CurrentUser(_user): CurrentUser,
) -> Result<Json<Vec<PartnerProgram>>> {
    Ok(Json(programs(&state.db).await?))
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

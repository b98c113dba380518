//! Partner accounts, programs and users: the channel team's records.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{random_id, CurrentUser};
use crate::db::now;
use crate::error::{ApiJson, ApiQuery, Error, Result};
use crate::AppState;

/// An account from its row.
pub fn account_from_row(row: &SqliteRow) -> Result<Account> {
    let partner_type: Option<String> = row.try_get("partner_type")?;
    Ok(Account {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        domain: row.try_get("domain")?,
        region: row.try_get("region")?,
        is_partner: row.try_get("is_partner")?,
        partner_type: partner_type.as_deref().and_then(parse_wire),
        tier_id: row.try_get("tier_id")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Offset cursors: accounts and users are few and sorted by name.
fn offset(query: &ListQuery) -> Result<i64> {
    match &query.cursor {
        None => Ok(0),
        Some(c) => c.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            Error::from(ApiError {
                code: ErrorCode::BadRequest,
                message: "The cursor is not one this server gave out".into(),
                field_errors: vec![FieldError::new("cursor", "is invalid")],
                current: None,
            })
        }),
    }
}

/// One page of rows ordered by name, with offset cursors.
pub(crate) async fn page<T>(
    db: &sqlx::SqlitePool,
    mut q: QueryBuilder<'_, Sqlite>,
    query: &ListQuery,
    map: fn(&SqliteRow) -> Result<T>,
) -> Result<ListPage<T>> {
    let (limit, start) = (i64::from(query.limit()), offset(query)?);
    q.push(" ORDER BY name, id LIMIT ")
        .push_bind(limit + 1)
        .push(" OFFSET ")
        .push_bind(start);
    let rows = q.build().fetch_all(db).await?;
    let next_cursor = (rows.len() as i64 > limit).then(|| (start + limit).to_string());
    let items = rows
        .iter()
        .take(limit as usize)
        .map(map)
        .collect::<Result<_>>()?;
    Ok(ListPage { items, next_cursor })
}

/// Narrows a query to rows whose `columns` contain the search text.
pub(crate) fn push_search(q: &mut QueryBuilder<'_, Sqlite>, query: &ListQuery, columns: &[&str]) {
    if let Some(text) = query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = crate::records::like_pattern(text);
        q.push(" AND (");
        for (i, c) in columns.iter().enumerate() {
            q.push(if i == 0 { "" } else { " OR " });
            q.push(format!("{c} LIKE "))
                .push_bind(pattern.clone())
                .push(" ESCAPE '\\'");
        }
        q.push(")");
    }
}

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

/// One account, if `user` may see it.
pub async fn find_account(db: &sqlx::SqlitePool, user: &User, id: &str) -> Result<Account> {
    let visible = user.role.is_internal() || user.partner_account_id.as_deref() == Some(id);
    let row = sqlx::query("SELECT * FROM accounts WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .filter(|_| visible)
        .ok_or_else(|| ApiError::not_found("Account"))?;
    account_from_row(&row)
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

/// 422 naming `tier_id` unless `tier` is a tier of some program.
pub async fn check_tier_id(db: &sqlx::SqlitePool, tier: &str) -> Result<()> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM tiers WHERE id = ?")
        .bind(tier)
        .fetch_optional(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(ApiError::validation(vec![FieldError::new(
            "tier_id",
            "is not a tier of any program",
        )])
        .into()),
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
        crate::records::insert(
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

/// Every program with its tiers, lowest rank first.
pub async fn programs(db: &sqlx::SqlitePool) -> Result<Vec<PartnerProgram>> {
    let mut programs: Vec<PartnerProgram> =
        sqlx::query("SELECT id, name FROM programs ORDER BY name")
            .fetch_all(db)
            .await?
            .iter()
            .map(|r| {
                Ok(PartnerProgram {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    tiers: Vec::new(),
                })
            })
            .collect::<Result<_>>()?;
    for row in sqlx::query("SELECT * FROM tiers ORDER BY rank")
        .fetch_all(db)
        .await?
    {
        let tier = Tier {
            id: row.try_get("id")?,
            program_id: row.try_get("program_id")?,
            name: row.try_get("name")?,
            rank: row.try_get("rank")?,
            benefits: row.try_get("benefits")?,
            requirements: row.try_get("requirements")?,
        };
        if let Some(p) = programs.iter_mut().find(|p| p.id == tier.program_id) {
            p.tiers.push(tier);
        }
    }
    Ok(programs)
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

/// Every account, by name.
pub async fn all_accounts(db: &sqlx::SqlitePool) -> Result<Vec<Account>> {
    sqlx::query("SELECT * FROM accounts ORDER BY name, id")
        .fetch_all(db)
        .await?
        .iter()
        .map(account_from_row)
        .collect()
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

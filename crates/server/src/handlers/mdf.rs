//! Market development funds: budgets, fund requests and claims with proof files.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::QueryBuilder;
use trellis_api::datetime::date;
use trellis_api::mdf::{self, exceeds};
use trellis_api::record::fields;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use trellis_core::Cx;

use crate::auth::CurrentUser;
use crate::clock::{now, now_unix};
use crate::error::{ApiJson, ApiQuery, Error, Result};
use crate::ids::random_id;
use crate::store::records;
use crate::AppState;

fn today() -> String {
    date(now_unix() / 86_400)
}

fn partners_only(user: &User) -> Result<String> {
    user.partner_account_id.clone().ok_or_else(|| {
        ApiError::new(
            ErrorCode::Forbidden,
            "Only partner users request funds and file claims",
        )
        .into()
    })
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    ApiError::validation(vec![FieldError::new(field, message)]).into()
}

/// The program of the user's partner account, via its tier (vendor staff: every program).
async fn program_of(db: &sqlx::SqlitePool, user: &User) -> Result<Option<String>> {
    let Some(account) = &user.partner_account_id else {
        return Ok(None);
    };
    Ok(sqlx::query_scalar(
        "SELECT t.program_id FROM accounts a JOIN tiers t ON t.id = a.tier_id WHERE a.id = ?",
    )
    .bind(account)
    .fetch_optional(db)
    .await?)
}

async fn budgets_for(db: &sqlx::SqlitePool, user: &User) -> Result<Vec<MdfBudget>> {
    let mut q = QueryBuilder::new("SELECT * FROM mdf_budgets WHERE 1");
    if !user.role.is_internal() {
        q.push(" AND program_id = ")
            .push_bind(program_of(db, user).await?.unwrap_or_default());
    }
    q.push(" ORDER BY starts_on DESC, name");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| records::decode_row(r, "Budget"))
        .collect()
}

/// Budgets: every one for vendor staff, those of their own program for partners.
#[utoipa::path(get, path = "/api/mdf/budgets", tag = "mdf",
    responses((status = 200, body = Vec<MdfBudget>), (status = 401, body = ApiError)))]
pub async fn list_budgets(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<MdfBudget>>> {
    Ok(Json(budgets_for(&state.db, &user).await?))
}

/// Set aside a budget for a program and period (vendor staff).
#[utoipa::path(post, path = "/api/mdf/budgets", tag = "mdf", request_body = MdfBudgetInput,
    responses((status = 201, body = MdfBudget), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_budget(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<MdfBudgetInput>,
) -> Result<(StatusCode, Json<MdfBudget>)> {
    input.check()?;
    let program: Option<String> = sqlx::query_scalar("SELECT id FROM programs WHERE id = ?")
        .bind(&input.program_id)
        .fetch_optional(&state.db)
        .await?;
    if program.is_none() {
        return Err(invalid("program_id", "is not a partner program"));
    }
    let budget = MdfBudget {
        id: random_id("mdfb_"),
        program_id: input.program_id,
        name: input.name.trim().into(),
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        amount: input.amount,
        currency: input.currency,
        committed: 0,
        created_at: now(),
    };
    records::insert(&state.db, "mdf_budgets", fields(&budget)).await?;
    Ok((StatusCode::CREATED, Json(budget)))
}

/// Fund requests the user may see, newest first.
#[utoipa::path(get, path = "/api/mdf/requests", tag = "mdf", params(ListQuery),
    responses((status = 200, body = ListPage<MdfRequest>), (status = 400, body = ApiError)))]
pub async fn list_requests(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<MdfRequest>>> {
    Ok(Json(
        trellis_core::records::list(&Cx::new(&state.store(), &user, now_unix()), &query).await?,
    ))
}

/// One fund request.
#[utoipa::path(get, path = "/api/mdf/requests/{id}", tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = MdfRequest), (status = 404, body = ApiError)))]
pub async fn get_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<MdfRequest>> {
    Ok(Json(
        trellis_core::records::get(&Cx::new(&state.store(), &user, now_unix()), &id).await?,
    ))
}

/// Ask for funds from one of the program's open budgets (partners).
#[utoipa::path(post, path = "/api/mdf/requests", tag = "mdf", request_body = MdfRequestInput,
    responses((status = 201, body = MdfRequest), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<MdfRequestInput>,
) -> Result<(StatusCode, Json<MdfRequest>)> {
    let account = partners_only(&user)?;
    input.check()?;
    let budget = budgets_for(&state.db, &user)
        .await?
        .into_iter()
        .find(|b| b.id == input.budget_id)
        .ok_or_else(|| invalid("budget_id", "is not a budget of your program"))?;
    mdf::check_request(&budget, &input, &today())?;
    let id = random_id("mdfr_");
    let mut columns = record::new_record_fields::<MdfRequest>(
        &input,
        id.clone(),
        Some(account),
        Some(user.id.clone()),
        true,
        &now(),
    );
    columns.insert("currency".into(), budget.currency.into());
    columns.insert("claimed".into(), 0.into());
    records::insert(&state.db, "mdf_requests", columns).await?;
    Ok((
        StatusCode::CREATED,
        Json(records::get(&state.db, &Scope::All, &id).await?),
    ))
}

/// Approve (committing the amount against the budget) or reject a fund request (vendor staff).
#[utoipa::path(post, path = "/api/mdf/requests/{id}/transition", tag = "mdf", request_body = MdfAction,
    params(("id" = String, Path)),
    responses((status = 200, body = MdfRequest), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_request(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<MdfAction>,
) -> Result<Json<MdfRequest>> {
    let scope = Scope::of(&user);
    let request: MdfRequest = records::get(&state.db, &scope, &id).await?;
    let (next, reason) = mdf::request_transition(request.status, &action, user.role.is_internal())?;
    let mut tx = state.db.begin().await?;
    if next == MdfRequestStatus::Approved {
        // One guarded statement: two approvals racing for the last funds cannot both pass.
        let fits = sqlx::query(
            "UPDATE mdf_budgets SET committed = committed + ? WHERE id = ? AND committed + ? <= amount",
        )
        .bind(request.amount)
        .bind(&request.budget_id)
        .bind(request.amount)
        .execute(&mut *tx)
        .await?;
        if fits.rows_affected() == 0 {
            let left: i64 =
                sqlx::query_scalar("SELECT amount - committed FROM mdf_budgets WHERE id = ?")
                    .bind(&request.budget_id)
                    .fetch_one(&mut *tx)
                    .await?;
            return Err(invalid("amount", exceeds(left, &request.currency)));
        }
    }
    let changed = sqlx::query(
        "UPDATE mdf_requests SET status = ?, reviewer_reason = ?, updated_at = ? WHERE id = ? AND status = 'submitted'",
    )
    .bind(wire_name(&next))
    .bind(reason)
    .bind(now())
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(changed_meanwhile("fund request"));
    }
    let decided = MdfRequest {
        status: next,
        ..request
    };
    if let Some(event) = trellis_api::audit::mdf_request_event(&decided) {
        crate::store::audit::record(&mut *tx, Some(&user), "", event).await?;
    }
    tx.commit().await?;
    Ok(Json(records::get(&state.db, &scope, &id).await?))
}

fn changed_meanwhile(what: &str) -> Error {
    ApiError::new(
        ErrorCode::Conflict,
        format!("Someone else changed this {what} meanwhile; reload it"),
    )
    .into()
}

/// Claims the user may see, newest first.
#[utoipa::path(get, path = "/api/mdf/claims", tag = "mdf", params(ListQuery),
    responses((status = 200, body = ListPage<MdfClaim>), (status = 400, body = ApiError)))]
pub async fn list_claims(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<MdfClaim>>> {
    Ok(Json(
        trellis_core::records::list(&Cx::new(&state.store(), &user, now_unix()), &query).await?,
    ))
}

/// One claim.
#[utoipa::path(get, path = "/api/mdf/claims/{id}", tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = MdfClaim), (status = 404, body = ApiError)))]
pub async fn get_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<MdfClaim>> {
    Ok(Json(
        trellis_core::records::get(&Cx::new(&state.store(), &user, now_unix()), &id).await?,
    ))
}

/// File a claim with proof against an approved fund request (partners).
#[utoipa::path(post, path = "/api/mdf/claims", tag = "mdf", request_body = MdfClaimInput,
    responses((status = 201, body = MdfClaim), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<MdfClaimInput>,
) -> Result<(StatusCode, Json<MdfClaim>)> {
    let account = partners_only(&user)?;
    input.check()?;
    let proof = input.proof.check("proof")?;
    let request: MdfRequest = records::get(&state.db, &Scope::of(&user), &input.request_id)
        .await
        .map_err(|_| invalid("request_id", "is not one of your fund requests"))?;
    mdf::check_claim(&request, &input)?;
    let (at, file_id, id) = (now(), random_id("file_"), random_id("mdfc_"));
    let mut tx = state.db.begin().await?;
    let fits = sqlx::query(
        "UPDATE mdf_requests SET claimed = claimed + ?, updated_at = ?
         WHERE id = ? AND status = 'approved' AND claimed + ? <= amount",
    )
    .bind(input.amount)
    .bind(&at)
    .bind(&request.id)
    .bind(input.amount)
    .execute(&mut *tx)
    .await?;
    if fits.rows_affected() == 0 {
        return Err(changed_meanwhile("fund request"));
    }
    sqlx::query(
        "INSERT INTO files (id, file_name, content_type, size, data, partner_account_id, owner_user_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&file_id)
    .bind(&proof.file_name)
    .bind(proof.content_type)
    .bind(proof.bytes.len() as i64)
    .bind(&proof.bytes)
    .bind(&account)
    .bind(&user.id)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    let claim = MdfClaim {
        id: id.clone(),
        request_id: request.id,
        activity: request.activity,
        amount: input.amount,
        currency: request.currency,
        status: ClaimStatus::Submitted,
        reviewer_reason: None,
        proof_file_id: file_id,
        proof_file_name: proof.file_name,
        proof_content_type: proof.content_type.into(),
        proof_size: proof.bytes.len() as i64,
        partner_account_id: Some(account),
        owner_user_id: Some(user.id.clone()),
        created_at: at.clone(),
        updated_at: at,
    };
    records::insert(&mut *tx, "mdf_claims", fields(&claim)).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(claim)))
}

/// Approve, reject (releasing the claimed amount) or mark a claim paid (vendor staff).
#[utoipa::path(post, path = "/api/mdf/claims/{id}/transition", tag = "mdf", request_body = MdfAction,
    params(("id" = String, Path)),
    responses((status = 200, body = MdfClaim), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_claim(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<MdfAction>,
) -> Result<Json<MdfClaim>> {
    let scope = Scope::of(&user);
    let claim: MdfClaim = records::get(&state.db, &scope, &id).await?;
    let (next, reason) = mdf::claim_transition(claim.status, &action, user.role.is_internal())?;
    let mut tx = state.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE mdf_claims SET status = ?, reviewer_reason = COALESCE(?, reviewer_reason), updated_at = ?
         WHERE id = ? AND status = ?",
    )
    .bind(wire_name(&next))
    .bind(reason)
    .bind(now())
    .bind(&id)
    .bind(wire_name(&claim.status))
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(changed_meanwhile("claim"));
    }
    if next == ClaimStatus::Rejected {
        sqlx::query("UPDATE mdf_requests SET claimed = claimed - ? WHERE id = ?")
            .bind(claim.amount)
            .bind(&claim.request_id)
            .execute(&mut *tx)
            .await?;
    }
    let decided = MdfClaim {
        status: next,
        ..claim
    };
    if let Some(event) = trellis_api::audit::mdf_claim_event(&decided) {
        crate::store::audit::record(&mut *tx, Some(&user), "", event).await?;
    }
    tx.commit().await?;
    Ok(Json(records::get(&state.db, &scope, &id).await?))
}

/// A stored file, if the user may see the record it belongs to.
#[utoipa::path(get, path = "/api/files/{id}", tag = "mdf", params(("id" = String, Path)),
    responses((status = 200, body = StoredFile), (status = 404, body = ApiError)))]
pub async fn get_file(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<StoredFile>> {
    let mut q = QueryBuilder::new("SELECT file_name, content_type, data FROM files WHERE id = ");
    q.push_bind(id);
    records::push_scope(&mut q, &Scope::of(&user));
    let row = q
        .build()
        .fetch_optional(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("File"))?;
    use sqlx::Row;
    let data: Vec<u8> = row.try_get("data")?;
    Ok(Json(StoredFile {
        file_name: row.try_get("file_name")?,
        content_type: row.try_get("content_type")?,
        data: trellis_api::upload::encode(&data),
    }))
}

/// The MDF routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_budgets, create_budget))
        .routes(routes!(list_requests, create_request))
        .routes(routes!(get_request))
        .routes(routes!(transition_request))
        .merge(
            // Proof files travel as base64 in JSON: this one route takes bodies up to the upload limit.
            OpenApiRouter::new()
                .routes(routes!(list_claims, create_claim))
                .layer(DefaultBodyLimit::max(
                    trellis_api::upload::MAX_UPLOAD_BYTES / 3 * 4 + 64 * 1024,
                )),
        )
        .routes(routes!(get_claim))
        .routes(routes!(transition_claim))
        .routes(routes!(get_file))
}

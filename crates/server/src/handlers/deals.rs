//! Moving deal registrations through their review.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::datetime::date;
use trellis_api::deal_flow::{transition, DealAction};
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::db::{now, now_unix};
use crate::error::{ApiJson, Result};
use crate::records;
use crate::AppState;

/// Submit, withdraw, approve, reject, or mark won/lost; illegal moves are a typed 409.
#[utoipa::path(post, path = "/api/deals/{id}/transition", tag = "deals", request_body = DealAction,
    params(("id" = String, Path, description = "Deal registration id")),
    responses((status = 200, body = DealRegistration), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_deal(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<DealAction>,
) -> Result<Json<DealRegistration>> {
    let scope = Scope::of(&user);
    let deal: DealRegistration = records::get(&state.db, &scope, &id).await?;
    let next = transition(deal.status, &action, user.role.is_internal())?;
    let expires_on = next
        .valid_days
        .map(|d| date(now_unix() / 86_400 + i64::from(d)));
    // Guarded by the status it was read in, so two reviewers cannot both decide.
    let changed = sqlx::query(
        "UPDATE deals SET status = ?, reviewer_reason = COALESCE(?, reviewer_reason),
             expires_on = COALESCE(?, expires_on), updated_at = ?
         WHERE id = ? AND status = ?",
    )
    .bind(wire_name(&next.status))
    .bind(next.reviewer_reason)
    .bind(expires_on)
    .bind(now())
    .bind(&id)
    .bind(wire_name(&deal.status))
    .execute(&state.db)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Someone else changed this deal registration meanwhile; reload it",
        )
        .into());
    }
    Ok(Json(records::get(&state.db, &scope, &id).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(transition_deal))
}

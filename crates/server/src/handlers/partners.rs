//! Partnership changes (join, tier move, leave) and the tier history that records them.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::partnership::apply;
use trellis_api::record::fields;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now;
use crate::error::{ApiJson, Result};
use crate::ids::random_id;
use crate::store::accounts::{check_tier_id, find_account};
use crate::store::records;
use crate::AppState;

/// Make an account a partner, move it between tiers, or end its partnership, with a reason (vendor staff).
#[utoipa::path(post, path = "/api/accounts/{id}/partnership", tag = "accounts", request_body = PartnerChange,
    params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn change_partnership(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<PartnerChange>,
) -> Result<Json<Account>> {
    let account = find_account(&state.db, &user, &id).await?;
    let next = apply(&account, &change)?;
    if let Some(tier) = change.tier_id() {
        check_tier_id(&state.db, tier).await?;
    }
    let mut tx = state.db.begin().await?;
    // Guarded by what was read, so two simultaneous changes cannot both record a history entry.
    let changed = sqlx::query(
        "UPDATE accounts SET is_partner = ?, partner_type = ?, tier_id = ?
         WHERE id = ? AND is_partner = ? AND tier_id IS ?",
    )
    .bind(next.is_partner)
    .bind(next.partner_type.map(|t| wire_name(&t)))
    .bind(&next.tier_id)
    .bind(&id)
    .bind(account.is_partner)
    .bind(&account.tier_id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Someone else changed this account meanwhile; reload it",
        )
        .into());
    }
    let entry = TierChange {
        id: random_id("tch_"),
        account_id: id.clone(),
        from_tier_id: account.tier_id,
        to_tier_id: next.tier_id,
        reason: change.reason().trim().to_string(),
        changed_by: user.name.clone(),
        changed_at: now(),
    };
    records::insert(&mut *tx, "tier_changes", fields(&entry)).await?;
    let tiers: Vec<(String, String)> = sqlx::query_as("SELECT id, name FROM tiers")
        .fetch_all(&mut *tx)
        .await?;
    let tier_name = |id: &str| {
        tiers
            .iter()
            .find(|(t, _)| t == id)
            .map_or(id.to_string(), |(_, n)| n.clone())
    };
    let event = trellis_api::audit::tier_event(&entry, &account.name, tier_name);
    crate::store::audit::record(&mut *tx, Some(&user), "", event).await?;
    tx.commit().await?;
    Ok(Json(find_account(&state.db, &user, &id).await?))
}

/// An account's tier history, newest first (vendor staff, or the partner's own users).
#[utoipa::path(get, path = "/api/accounts/{id}/tier-history", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Vec<TierChange>), (status = 404, body = ApiError)))]
pub async fn tier_history(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<TierChange>>> {
    find_account(&state.db, &user, &id).await?;
    let rows = sqlx::query(
        "SELECT * FROM tier_changes WHERE account_id = ? ORDER BY changed_at DESC, rowid DESC",
    )
    .bind(&id)
    .fetch_all(&state.db)
    .await?;
    Ok(Json(
        rows.iter()
            .map(|r| records::decode_row(r, "Tier change"))
            .collect::<Result<_>>()?,
    ))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(change_partnership))
        .routes(routes!(tier_history))
}

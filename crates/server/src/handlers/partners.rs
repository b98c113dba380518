//! Partnership changes and the tier history: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::endpoints;
use trellis_api::partnership::{PartnerChange, TierChange};
use trellis_api::{Account, ApiError};
use trellis_core::{accounts, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// Make an account a partner, move it between tiers, or end its partnership, with a reason (vendor staff).
#[utoipa::path(post, path = endpoints::CHANGE_PARTNERSHIP.path, operation_id = endpoints::CHANGE_PARTNERSHIP.name, tag = "accounts", request_body = PartnerChange,
    params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn change_partnership(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<PartnerChange>,
) -> Result<Json<Account>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::change_partnership(&cx, &id, &change).await?))
}

/// An account's tier history, newest first (vendor staff, or the partner's own users).
#[utoipa::path(get, path = endpoints::TIER_HISTORY.path, operation_id = endpoints::TIER_HISTORY.name, tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Vec<TierChange>), (status = 404, body = ApiError)))]
pub async fn tier_history(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<TierChange>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(accounts::tier_history(&cx, &id).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(change_partnership))
        .routes(routes!(tier_history))
}

//! Workflows on records, the lead inbox and deal registration review: extract, run the core's
//! step, respond.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::deal_flow::{DealAction, DealConflict, DealReview};
use trellis_api::distribution::{Distribution, DistributionResult};
use trellis_api::endpoints;
use trellis_api::lead_flow::{LeadAction, LeadOutcome};
use trellis_api::{ApiError, DealRegistration};
use trellis_core::{deal_flow, distribution, lead_flow, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// Submit, withdraw, approve, reject, or mark won/lost; illegal moves are a typed 409.
#[utoipa::path(post, path = endpoints::TRANSITION_DEAL.path, operation_id = endpoints::TRANSITION_DEAL.name, tag = "deals", request_body = DealAction,
    params(("id" = String, Path, description = "Deal registration id")),
    responses((status = 200, body = DealRegistration), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_deal(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<DealAction>,
) -> Result<Json<DealRegistration>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(deal_flow::transition(&cx, &id, &action).await?))
}

/// How deal registrations are reviewed: the amount above which two approvers are needed.
#[utoipa::path(get, path = endpoints::DEAL_REVIEW_POLICY.path, operation_id = endpoints::DEAL_REVIEW_POLICY.name, tag = "deals",
    responses((status = 200, body = DealReview), (status = 403, body = ApiError)))]
pub async fn deal_review_policy(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<DealReview>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(deal_flow::review_policy(&cx).await?))
}

/// Change how deal registrations are reviewed (administrators).
#[utoipa::path(put, path = endpoints::SET_DEAL_REVIEW_POLICY.path, operation_id = endpoints::SET_DEAL_REVIEW_POLICY.name, tag = "deals", request_body = DealReview,
    responses((status = 200, body = DealReview), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_deal_review_policy(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(policy): ApiJson<DealReview>,
) -> Result<Json<DealReview>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(deal_flow::set_review_policy(&cx, &policy).await?))
}

/// Accept, decline (with a reason) or convert a lead; converting creates an opportunity and a contact.
#[utoipa::path(post, path = endpoints::TRANSITION_LEAD.path, operation_id = endpoints::TRANSITION_LEAD.name, tag = "leads", request_body = LeadAction,
    params(("id" = String, Path, description = "Lead id")),
    responses((status = 200, body = LeadOutcome), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_lead(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<LeadAction>,
) -> Result<Json<LeadOutcome>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(lead_flow::transition(&cx, &id, &action).await?))
}

/// Hand pooled (or chosen) leads to partner accounts by a rule, with an acceptance deadline (vendor staff).
#[utoipa::path(post, path = endpoints::DISTRIBUTE_LEADS.path, operation_id = endpoints::DISTRIBUTE_LEADS.name, tag = "leads", request_body = Distribution,
    responses((status = 200, body = DistributionResult), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn distribute_leads(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<Distribution>,
) -> Result<Json<DistributionResult>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(distribution::run(&cx, &body).await?))
}

/// Other registrations and open opportunities that look like the same deal (vendor staff).
#[utoipa::path(get, path = endpoints::DEAL_CONFLICTS.path, operation_id = endpoints::DEAL_CONFLICTS.name, tag = "deals",
    params(("id" = String, Path, description = "Deal registration id")),
    responses((status = 200, body = Vec<DealConflict>), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn deal_conflicts(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<DealConflict>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(deal_flow::conflicts(&cx, &id).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(transition_deal))
        .routes(routes!(deal_conflicts))
        .routes(routes!(deal_review_policy, set_deal_review_policy))
        .routes(routes!(transition_lead))
        .routes(routes!(distribute_leads))
}

//! The dashboard: reports computed from exactly the records the user may see.

use axum::extract::State;
use axum::Json;
use trellis_api::datetime::date;
use trellis_api::reports::{build, Report, ReportData, ReportQuery};
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use trellis_core::Cx;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiQuery, Result};
use crate::store::records;
use crate::store::{accounts, surveys, training};
use crate::AppState;

/// Every report for the user's dashboard over a date range: partner reports for everyone,
/// program reports for vendor staff.
#[utoipa::path(get, path = "/api/reports", tag = "reports", params(ReportQuery),
    responses((status = 200, body = Vec<Report>), (status = 401, body = ApiError), (status = 422, body = ApiError)))]
pub async fn list_reports(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(range): ApiQuery<ReportQuery>,
) -> Result<Json<Vec<Report>>> {
    let db = &state.db;
    let scope = Scope::of(&user);
    let staff = user.role.is_internal();
    let leads = records::all::<Lead>(db, &scope).await?;
    let deals = records::all::<DealRegistration>(db, &scope).await?;
    let opportunities = records::all::<Opportunity>(db, &scope).await?;
    let store = state.store();
    let modules = trellis_core::training::modules_for(&Cx::new(&store, &user, now_unix())).await?;
    let attempts = training::attempts(db, &scope).await?;
    // Program-wide figures are for staff only; partners' stay empty.
    let (mut accounts, mut tiers, mut tier_changes) = (Vec::new(), Vec::new(), Vec::new());
    let (mut surveys_, mut responses) = (Vec::new(), Vec::new());
    if staff {
        accounts = accounts::all_accounts(db).await?;
        tiers = accounts::programs(db)
            .await?
            .into_iter()
            .flat_map(|p| p.tiers)
            .collect();
        tier_changes = sqlx::query("SELECT * FROM tier_changes ORDER BY changed_at")
            .fetch_all(db)
            .await?
            .iter()
            .map(|r| records::decode_row(r, "Tier change"))
            .collect::<Result<Vec<TierChange>>>()?;
        surveys_ = surveys::all_surveys(db).await?;
        responses = surveys::all_responses(db).await?;
    }
    let today = date(now_unix() / 86_400);
    let data = ReportData {
        staff,
        today: &today,
        leads: &leads,
        deals: &deals,
        opportunities: &opportunities,
        accounts: &accounts,
        tiers: &tiers,
        tier_changes: &tier_changes,
        modules: &modules,
        attempts: &attempts,
        surveys: &surveys_,
        responses: &responses,
    };
    Ok(Json(build(&data, &range)))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_reports))
}

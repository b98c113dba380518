//! The dashboard: extract, run the core's step, respond.

use axum::extract::State;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::ApiError;
use trellis_core::{reports, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiQuery, Result};
use crate::AppState;

/// Every report for the user's dashboard over a date range: partner reports for everyone,
/// program reports for vendor staff.
#[utoipa::path(get, path = endpoints::REPORTS.path, operation_id = endpoints::REPORTS.name, tag = "reports", params(ReportQuery),
    responses((status = 200, body = Vec<Report>), (status = 401, body = ApiError), (status = 422, body = ApiError)))]
pub async fn reports(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(range): ApiQuery<ReportQuery>,
) -> Result<Json<Vec<Report>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(reports::list(&cx, &range).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(reports))
}

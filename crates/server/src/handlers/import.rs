//! CSV import and export: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::endpoints;
use trellis_api::import::{CsvExport, ImportKind, ImportReport, ImportRequest};
use trellis_api::{parse_wire, ApiError, ErrorCode};
use trellis_core::{import, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// Check a CSV file against a column mapping and import its rows: the valid ones, or all or none.
#[utoipa::path(post, path = endpoints::IMPORT_CSV.path, operation_id = endpoints::IMPORT_CSV.name, tag = "import", request_body = ImportRequest,
    responses((status = 200, body = ImportReport), (status = 403, body = ApiError), (status = 413, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn import_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<ImportRequest>,
) -> Result<Json<ImportReport>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(import::import(&cx, &request).await?))
}

/// Every lead, contact or account the user may see, as CSV.
#[utoipa::path(get, path = endpoints::EXPORT_CSV.path, operation_id = endpoints::EXPORT_CSV.name, tag = "import", params(("kind" = ImportKind, Path)),
    responses((status = 200, body = CsvExport), (status = 400, body = ApiError)))]
pub async fn export_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(kind): Path<String>,
) -> Result<Json<CsvExport>> {
    let kind: ImportKind = parse_wire(&kind).ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotFound,
            "Only leads, contacts and accounts export",
        )
    })?;
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(import::export(&cx, kind).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import_csv))
        .routes(routes!(export_csv))
}

//! CSV import (checked row by row, written in one transaction) and CSV export of what the user may see.

use axum::extract::{Path, State};
use axum::Json;
use sqlx::QueryBuilder;
use trellis_api::import::*;
use trellis_api::record::new_record_fields;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{require_internal, CurrentUser};
use crate::clock::now;
use crate::error::{ApiJson, Result};
use crate::ids::random_id;
use crate::store::records;
use crate::AppState;

/// Check a CSV file against a column mapping and import its rows: the valid ones, or all or none.
#[utoipa::path(post, path = "/api/import", tag = "import", request_body = ImportRequest,
    responses((status = 200, body = ImportReport), (status = 403, body = ApiError), (status = 413, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn import_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<ImportRequest>,
) -> Result<Json<ImportReport>> {
    if request.kind == ImportKind::Accounts {
        require_internal(&user)?;
    }
    let table = parse_csv(&request.csv)?;
    let checked = check_rows(request.kind, &table, &request.mapping)?;
    let mut report = report(&checked);
    let blocked = request.mode == ImportMode::AllOrNothing && !report.problems.is_empty();
    if request.dry_run || blocked {
        return Ok(Json(report));
    }
    let staff = user.role.is_internal();
    let (account, owner) = if staff {
        (None, None)
    } else {
        (user.partner_account_id.clone(), Some(user.id.clone()))
    };
    let at = now();
    let mut tx = state.db.begin().await?;
    for (_, row) in checked {
        let Ok(row) = row else { continue };
        match row {
            ImportRow::Lead(input) => {
                let columns = new_record_fields::<Lead>(
                    &input,
                    random_id(Lead::PREFIX),
                    account.clone(),
                    owner.clone(),
                    !staff,
                    &at,
                );
                records::insert(&mut *tx, Lead::COLLECTION, columns).await?;
            }
            ImportRow::Contact(input) => {
                let columns = new_record_fields::<Contact>(
                    &input,
                    random_id(Contact::PREFIX),
                    account.clone(),
                    owner.clone(),
                    !staff,
                    &at,
                );
                records::insert(&mut *tx, Contact::COLLECTION, columns).await?;
            }
            ImportRow::Account(input) => {
                sqlx::query(
                    "INSERT INTO accounts (id, name, domain, region, is_partner, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                )
                .bind(random_id("acc_"))
                .bind(input.name.trim())
                .bind(input.domain.trim())
                .bind(input.region.trim())
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            }
        }
        report.imported += 1;
    }
    tx.commit().await?;
    Ok(Json(report))
}

/// Every lead, contact or account the user may see, as CSV.
#[utoipa::path(get, path = "/api/export/{kind}", tag = "import", params(("kind" = ImportKind, Path)),
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
    let scope = Scope::of(&user);
    let columns = export_columns(kind);
    let csv = match kind {
        ImportKind::Leads => to_csv(columns, &records::all::<Lead>(&state.db, &scope).await?),
        ImportKind::Contacts => to_csv(columns, &records::all::<Contact>(&state.db, &scope).await?),
        ImportKind::Accounts => {
            let mut q = QueryBuilder::new("SELECT * FROM accounts WHERE 1");
            if !user.role.is_internal() {
                q.push(" AND id = ")
                    .push_bind(user.partner_account_id.clone());
            }
            q.push(" ORDER BY name, id");
            let accounts = q
                .build()
                .fetch_all(&state.db)
                .await?
                .iter()
                .map(crate::store::accounts::account_from_row)
                .collect::<Result<Vec<_>>>()?;
            to_csv(columns, &accounts)
        }
    };
    Ok(Json(CsvExport {
        file_name: format!("trellis-{}-{}.csv", kind.noun(), &now()[..10]),
        csv,
    }))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import_csv))
        .routes(routes!(export_csv))
}

//! Support cases with message threads, and the channel team's contact channels.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::Row;
use trellis_api::record::new_record_fields;
use trellis_api::support::after_message;
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

/// Cases the user may see, newest first: the channel team's queue, or the partner's own.
#[utoipa::path(get, path = "/api/cases", tag = "support", params(ListQuery),
    responses((status = 200, body = ListPage<SupportCase>), (status = 400, body = ApiError)))]
pub async fn list_cases(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<SupportCase>>> {
    Ok(Json(
        trellis_core::records::list(&Cx::new(&state.store(), &user, now_unix()), &query).await?,
    ))
}

/// One case.
#[utoipa::path(get, path = "/api/cases/{id}", tag = "support", params(("id" = String, Path)),
    responses((status = 200, body = SupportCase), (status = 404, body = ApiError)))]
pub async fn get_case(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<SupportCase>> {
    Ok(Json(
        trellis_core::records::get(&Cx::new(&state.store(), &user, now_unix()), &id).await?,
    ))
}

/// Open a case, with an optional attachment (partners).
#[utoipa::path(post, path = "/api/cases", tag = "support", request_body = CaseInput,
    responses((status = 201, body = SupportCase), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_case(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<(StatusCode, Json<SupportCase>)> {
    let Some(account) = user.partner_account_id.clone() else {
        return Err(
            ApiError::new(ErrorCode::Forbidden, "Cases are opened by partner users").into(),
        );
    };
    input.check()?;
    let attachment = input
        .attachment
        .as_ref()
        .map(|u| u.check("attachment"))
        .transpose()?;
    let (id, at) = (random_id(SupportCase::PREFIX), now());
    let mut columns = new_record_fields::<SupportCase>(
        &input,
        id.clone(),
        Some(account.clone()),
        Some(user.id.clone()),
        true,
        &at,
    );
    columns.remove("attachment");
    let mut tx = state.db.begin().await?;
    if let Some(file) = attachment {
        let file_id = random_id("file_");
        sqlx::query(
            "INSERT INTO files (id, file_name, content_type, size, data, partner_account_id, owner_user_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&file_id)
        .bind(&file.file_name)
        .bind(file.content_type)
        .bind(file.bytes.len() as i64)
        .bind(&file.bytes)
        .bind(&account)
        .bind(&user.id)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        columns.insert("attachment_file_id".into(), file_id.into());
        columns.insert("attachment_name".into(), file.file_name.into());
    }
    records::insert(&mut *tx, "cases", columns).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(records::get(&state.db, &Scope::All, &id).await?),
    ))
}

fn message_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<CaseMessage> {
    Ok(CaseMessage {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        author_name: row.try_get("author_name")?,
        from_staff: row.try_get("from_staff")?,
        body: row.try_get("body")?,
        created_at: row.try_get("created_at")?,
    })
}

/// A case's messages, oldest first.
#[utoipa::path(get, path = "/api/cases/{id}/messages", tag = "support", params(("id" = String, Path)),
    responses((status = 200, body = Vec<CaseMessage>), (status = 404, body = ApiError)))]
pub async fn list_messages(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<CaseMessage>>> {
    records::get::<SupportCase>(&state.db, &Scope::of(&user), &id).await?;
    let rows =
        sqlx::query("SELECT * FROM case_messages WHERE case_id = ? ORDER BY created_at, rowid")
            .bind(&id)
            .fetch_all(&state.db)
            .await?;
    Ok(Json(
        rows.iter().map(message_from_row).collect::<Result<_>>()?,
    ))
}

/// Reply to a case, optionally changing its status; answers with the case as it is now.
#[utoipa::path(post, path = "/api/cases/{id}/messages", tag = "support", request_body = MessageInput,
    params(("id" = String, Path)),
    responses((status = 200, body = SupportCase), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn post_message(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MessageInput>,
) -> Result<Json<SupportCase>> {
    let scope = Scope::of(&user);
    let case: SupportCase = records::get(&state.db, &scope, &id).await?;
    input.check()?;
    let staff = user.role.is_internal();
    let next = after_message(case.status, staff, input.status)?;
    let at = now();
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO case_messages (id, case_id, author_name, from_staff, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(random_id("msg_"))
    .bind(&id)
    .bind(&user.name)
    .bind(staff)
    .bind(input.body.trim())
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?")
        .bind(wire_name(&next))
        .bind(&at)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Json(records::get(&state.db, &scope, &id).await?))
}

async fn channels(db: &sqlx::SqlitePool) -> Result<SupportChannels> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'support_channels'")
            .fetch_optional(db)
            .await?;
    match text {
        Some(t) => serde_json::from_str(&t).map_err(|e| Error::Internal(e.to_string())),
        None => Ok(SupportChannels::default()),
    }
}

/// How partners reach the channel team.
#[utoipa::path(get, path = "/api/support/channels", tag = "support",
    responses((status = 200, body = SupportChannels), (status = 401, body = ApiError)))]
pub async fn get_channels(
    State(state): State<AppState>,
    CurrentUser(_user): CurrentUser,
) -> Result<Json<SupportChannels>> {
    Ok(Json(channels(&state.db).await?))
}

/// Change the contact channels (vendor staff).
#[utoipa::path(put, path = "/api/support/channels", tag = "support", request_body = SupportChannels,
    responses((status = 200, body = SupportChannels), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn put_channels(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<SupportChannels>,
) -> Result<Json<SupportChannels>> {
    input.check()?;
    let text = serde_json::to_string(&input).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query("INSERT INTO settings (key, value) VALUES ('support_channels', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(text)
        .execute(&state.db)
        .await?;
    Ok(Json(input))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(
            // Attachments travel as base64 in JSON, like claim proofs.
            OpenApiRouter::new()
                .routes(routes!(list_cases, create_case))
                .layer(DefaultBodyLimit::max(
                    trellis_api::upload::MAX_UPLOAD_BYTES / 3 * 4 + 64 * 1024,
                )),
        )
        .routes(routes!(get_case))
        .routes(routes!(list_messages, post_message))
        .routes(routes!(get_channels, put_channels))
}

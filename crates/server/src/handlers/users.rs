//! Users: who may see whom, and staff creating, editing and deactivating them.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::{QueryBuilder, Sqlite};
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{hash_password, require_admin, user_from_row, CurrentUser};
use crate::clock::now;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::ids::random_id;
use crate::store::audit::{record, record_all};
use crate::store::list::{page, push_search};
use crate::AppState;
use trellis_api::audit::user_events;

/// The users `user` may see: all for staff, their account's for partner executives and managers, else themselves.
fn push_user_scope(q: &mut QueryBuilder<'_, Sqlite>, user: &User) {
    match user.role {
        Role::Admin | Role::ChannelManager => {}
        Role::PartnerExecutive | Role::PartnerManager => {
            q.push(" AND partner_account_id = ")
                .push_bind(user.partner_account_id.clone());
        }
        Role::PartnerUser => {
            q.push(" AND id = ").push_bind(user.id.clone());
        }
    }
}

/// List users.
#[utoipa::path(get, path = "/api/users", tag = "users", params(ListQuery),
    responses((status = 200, body = ListPage<User>), (status = 401, body = ApiError)))]
pub async fn list_users(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ListPage<User>>> {
    let mut q = QueryBuilder::new("SELECT * FROM users WHERE 1");
    push_user_scope(&mut q, &user);
    if let Some(account) = &query.partner_account_id {
        q.push(" AND partner_account_id = ")
            .push_bind(account.clone());
    }
    push_search(&mut q, &query, &["name", "email"]);
    Ok(Json(page(&state.db, q, &query, user_from_row).await?))
}

async fn find_user<'e>(db: impl sqlx::SqliteExecutor<'e>, viewer: &User, id: &str) -> Result<User> {
    let mut q = QueryBuilder::new("SELECT * FROM users WHERE id = ");
    q.push_bind(id.to_string());
    push_user_scope(&mut q, viewer);
    let row = q
        .build()
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ApiError::not_found("User"))?;
    user_from_row(&row)
}

/// One user.
#[utoipa::path(get, path = "/api/users/{id}", tag = "users", params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 404, body = ApiError)))]
pub async fn get_user(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<User>> {
    Ok(Json(find_user(&state.db, &user, &id).await?))
}

/// Staff manage partner users (`policy` admits only staff here); only administrators manage staff.
fn may_manage(actor: &User, input: &UserInput) -> Result<()> {
    if input.role.is_internal() {
        require_admin(actor)?;
    }
    Ok(())
}

/// The shared rule for who a user reports to, against the stored manager.
async fn check_manager_of(
    db: &sqlx::SqlitePool,
    input: &UserInput,
    editing: Option<&str>,
) -> Result<()> {
    let manager = match &input.manager_id {
        Some(m) => sqlx::query("SELECT * FROM users WHERE id = ?")
            .bind(m)
            .fetch_optional(db)
            .await?
            .map(|r| user_from_row(&r))
            .transpose()?,
        None => None,
    };
    Ok(check_manager(input, manager.as_ref(), editing)?)
}

/// How many active administrators there are besides user `id`.
async fn other_active_admins(db: &sqlx::SqlitePool, id: &str) -> Result<usize> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE id != ? AND role = ? AND active")
            .bind(id)
            .bind(wire_name(&Role::Admin))
            .fetch_one(db)
            .await?;
    Ok(n as usize)
}

/// Create a user.
#[utoipa::path(post, path = "/api/users", tag = "users", request_body = UserInput,
    responses((status = 201, body = User), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn create_user(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    ApiJson(input): ApiJson<UserInput>,
) -> Result<(StatusCode, Json<User>)> {
    may_manage(&actor, &input)?;
    input.check()?;
    let Some(password) = input.password.clone() else {
        return Err(ApiError::validation(vec![FieldError::new("password", "is required")]).into());
    };
    check_manager_of(&state.db, &input, None).await?;
    let id = random_id("usr_");
    sqlx::query(
        "INSERT INTO users (id, email, name, role, partner_account_id, active, password_hash, created_at, manager_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(input.email.trim())
    .bind(input.name.trim())
    .bind(wire_name(&input.role))
    .bind(&input.partner_account_id)
    .bind(input.active)
    .bind(hash_password(password).await?)
    .bind(now())
    .bind(&input.manager_id)
    .execute(&state.db)
    .await?;
    let created = find_user(&state.db, &actor, &id).await?;
    record_all(&state.db, &actor, user_events(None, &created, true)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Edit a user; deactivating ends their sessions.
#[utoipa::path(put, path = "/api/users/{id}", tag = "users", request_body = UserInput,
    params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "The last active administrator would be deactivated or demoted"),
              (status = 422, body = ApiError)))]
pub async fn update_user(
    State(state): State<AppState>,
    CurrentUser(actor): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<UserInput>,
) -> Result<Json<User>> {
    may_manage(&actor, &input)?;
    input.check()?;
    let current = find_user(&state.db, &actor, &id).await?;
    if current.role.is_internal() {
        require_admin(&actor)?;
    }
    check_manager_of(&state.db, &input, Some(&id)).await?;
    // Checked first for the message, then again by the guarded update, against concurrent edits.
    let leaves_admin = leaves_the_admins(&current, &input);
    check_keeps_an_admin(&current, &input, other_active_admins(&state.db, &id).await?)?;
    let mut tx = state.db.begin().await?;
    let updated = sqlx::query(
        "UPDATE users SET email = ?, name = ?, role = ?, partner_account_id = ?, active = ?, manager_id = ?
         WHERE id = ? AND (NOT ? OR EXISTS (
             SELECT 1 FROM users o WHERE o.id != users.id AND o.role = ? AND o.active))",
    )
    .bind(input.email.trim())
    .bind(input.name.trim())
    .bind(wire_name(&input.role))
    .bind(&input.partner_account_id)
    .bind(input.active)
    .bind(&input.manager_id)
    .bind(&id)
    .bind(leaves_admin)
    .bind(wire_name(&Role::Admin))
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        check_keeps_an_admin(&current, &input, 0)?;
    }
    if let Some(password) = input.password.clone() {
        sqlx::query("UPDATE users SET password_hash = ? WHERE id = ?")
            .bind(hash_password(password).await?)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    if !input.active || input.password.is_some() {
        sqlx::query("DELETE FROM sessions WHERE user_id = ?")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    let after = find_user(&mut *tx, &actor, &id).await?;
    for event in user_events(Some(&current), &after, input.password.is_some()) {
        record(&mut *tx, Some(&actor), "", event).await?;
    }
    tx.commit().await?;
    Ok(Json(after))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user))
}

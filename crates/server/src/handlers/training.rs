//! Training modules, quiz attempts and certificates.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row};
use trellis_api::datetime::date;
use trellis_api::training::*;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{random_id, tier_of, CurrentUser};
use crate::db::{now, now_unix};
use crate::error::{ApiJson, Error, Result};
use crate::records::push_scope;
use crate::AppState;

fn json<T: serde::de::DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| Error::Internal(e.to_string()))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

fn module_from_row(row: &SqliteRow) -> Result<TrainingModule> {
    Ok(TrainingModule {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        body: row.try_get("body")?,
        minutes: row.try_get("minutes")?,
        faqs: json(row, "faqs")?,
        quiz: json(row, "quiz")?,
        pass_percent: row.try_get("pass_percent")?,
        audience: json(row, "audience")?,
        progress: Progress::default(),
        updated_at: row.try_get("updated_at")?,
    })
}

/// Stores a module (insert or replace); `created_at` is kept on replace.
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, m: &TrainingModule) -> Result<()> {
    sqlx::query(
        "INSERT INTO training_modules (id, title, summary, body, minutes, faqs, quiz, pass_percent,
             audience, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
             body = excluded.body, minutes = excluded.minutes, faqs = excluded.faqs,
             quiz = excluded.quiz, pass_percent = excluded.pass_percent,
             audience = excluded.audience, updated_at = excluded.updated_at",
    )
    .bind(&m.id)
    .bind(&m.title)
    .bind(&m.summary)
    .bind(&m.body)
    .bind(m.minutes)
    .bind(to_json(&m.faqs)?)
    .bind(to_json(&m.quiz)?)
    .bind(m.pass_percent)
    .bind(to_json(&m.audience)?)
    .bind(&m.updated_at)
    .bind(&m.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Stores a quiz attempt.
pub async fn store_attempt<'c, X: sqlx::SqliteExecutor<'c>>(db: X, a: &Attempt) -> Result<()> {
    sqlx::query(
        "INSERT INTO training_attempts (id, module_id, owner_user_id, partner_account_id, score, passed, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(random_id("att_"))
    .bind(&a.module_id)
    .bind(&a.user_id)
    .bind(&a.partner_account_id)
    .bind(a.score)
    .bind(a.passed)
    .bind(&a.at)
    .execute(db)
    .await?;
    Ok(())
}

/// Stores a certificate unless the user already holds one for the module.
pub async fn store_certificate<'c, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    c: &Certificate,
) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO certificates (id, module_id, owner_user_id, partner_account_id, score, issued_on)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&c.id)
    .bind(&c.module_id)
    .bind(&c.user_id)
    .bind(&c.partner_account_id)
    .bind(c.score)
    .bind(&c.issued_on)
    .execute(db)
    .await?;
    Ok(())
}

/// Quiz attempts visible to `user` (their own; the account's for partner executives and managers).
pub async fn attempts_in_scope(db: &sqlx::SqlitePool, user: &User) -> Result<Vec<Attempt>> {
    let mut q = QueryBuilder::new(
        "SELECT module_id, owner_user_id, partner_account_id, score, passed, at
         FROM training_attempts WHERE 1",
    );
    push_scope(&mut q, &Scope::of(user));
    q.push(" ORDER BY at");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            Ok(Attempt {
                module_id: r.try_get("module_id")?,
                user_id: r.try_get("owner_user_id")?,
                partner_account_id: r.try_get("partner_account_id")?,
                score: r.try_get("score")?,
                passed: r.try_get("passed")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// The modules `user` may take, with their own progress.
pub async fn modules_for(db: &sqlx::SqlitePool, user: &User) -> Result<Vec<TrainingModule>> {
    let tier = tier_of(db, user).await?;
    let mine: Vec<Attempt> = attempts_in_scope(db, user)
        .await?
        .into_iter()
        .filter(|a| a.user_id == user.id)
        .collect();
    Ok(
        sqlx::query("SELECT * FROM training_modules ORDER BY created_at, id")
            .fetch_all(db)
            .await?
            .iter()
            .map(module_from_row)
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|m| m.audience.includes(tier.as_deref(), user.role))
            .map(|m| m.for_viewer(user.role, &mine))
            .collect(),
    )
}

async fn stored_module(db: &sqlx::SqlitePool, user: &User, id: &str) -> Result<TrainingModule> {
    let tier = tier_of(db, user).await?;
    sqlx::query("SELECT * FROM training_modules WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(|r| module_from_row(&r))
        .transpose()?
        .filter(|m| m.audience.includes(tier.as_deref(), user.role))
        .ok_or_else(|| ApiError::not_found("Training module").into())
}

/// The training modules the user may take, with their progress (staff see every module with answers).
#[utoipa::path(get, path = "/api/training", tag = "training",
    responses((status = 200, body = Vec<TrainingModule>), (status = 401, body = ApiError)))]
pub async fn list_modules(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<TrainingModule>>> {
    Ok(Json(modules_for(&state.db, &user).await?))
}

/// One training module.
#[utoipa::path(get, path = "/api/training/{id}", tag = "training", params(("id" = String, Path)),
    responses((status = 200, body = TrainingModule), (status = 404, body = ApiError)))]
pub async fn get_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<TrainingModule>> {
    modules_for(&state.db, &user)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Training module").into())
}

/// Write a training module (vendor staff).
#[utoipa::path(post, path = "/api/training", tag = "training", request_body = ModuleInput,
    responses((status = 201, body = TrainingModule), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<ModuleInput>,
) -> Result<(StatusCode, Json<TrainingModule>)> {
    input.check()?;
    let m = TrainingModule::from_input(random_id("trn_"), input, now());
    store(&state.db, &m).await?;
    Ok((StatusCode::CREATED, Json(m.for_viewer(user.role, &[]))))
}

/// Edit a training module (vendor staff); earlier attempts and certificates stay.
#[utoipa::path(put, path = "/api/training/{id}", tag = "training", request_body = ModuleInput,
    params(("id" = String, Path)),
    responses((status = 200, body = TrainingModule), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ModuleInput>,
) -> Result<Json<TrainingModule>> {
    input.check()?;
    stored_module(&state.db, &user, &id).await?;
    let m = TrainingModule::from_input(id, input, now());
    store(&state.db, &m).await?;
    Ok(Json(m.for_viewer(user.role, &[])))
}

/// Hand in a quiz: marked on the server; passing grants a certificate (once per module).
#[utoipa::path(post, path = "/api/training/{id}/attempts", tag = "training", request_body = QuizAnswers,
    params(("id" = String, Path)),
    responses((status = 200, body = QuizResult), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn submit_quiz(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(answers): ApiJson<QuizAnswers>,
) -> Result<Json<QuizResult>> {
    let module = stored_module(&state.db, &user, &id).await?;
    let (score, correct) = module.mark(&answers)?;
    let passed = score >= module.pass_percent;
    let attempt = Attempt {
        module_id: id.clone(),
        user_id: user.id.clone(),
        partner_account_id: user.partner_account_id.clone(),
        score,
        passed,
        at: now(),
    };
    let mut tx = state.db.begin().await?;
    store_attempt(&mut *tx, &attempt).await?;
    if passed {
        let cert = Certificate {
            id: random_id("cert_"),
            module_id: id.clone(),
            module_title: module.title.clone(),
            user_id: user.id.clone(),
            user_name: user.name.clone(),
            partner_account_id: user.partner_account_id.clone(),
            account_name: String::new(),
            score,
            issued_on: date(now_unix() / 86_400),
        };
        store_certificate(&mut *tx, &cert).await?;
    }
    tx.commit().await?;
    let mine: Vec<Attempt> = attempts_in_scope(&state.db, &user)
        .await?
        .into_iter()
        .filter(|a| a.user_id == user.id && a.module_id == id)
        .collect();
    let certificate = certificates(&state.db, &user)
        .await?
        .into_iter()
        .find(|c| c.module_id == id && c.user_id == user.id);
    Ok(Json(QuizResult {
        score,
        passed,
        correct,
        certificate,
        progress: progress(mine.iter()),
    }))
}

async fn certificates(db: &sqlx::SqlitePool, user: &User) -> Result<Vec<Certificate>> {
    let mut q = QueryBuilder::new(
        "SELECT c.*, m.title AS module_title, u.name AS user_name,
             COALESCE(a.name, '') AS account_name FROM certificates c
         JOIN training_modules m ON m.id = c.module_id JOIN users u ON u.id = c.owner_user_id
         LEFT JOIN accounts a ON a.id = c.partner_account_id WHERE 1",
    );
    // Qualified by hand: the joined tables have columns of the same names.
    match Scope::of(user) {
        Scope::All => {}
        Scope::Account(a) => {
            q.push(" AND c.partner_account_id = ").push_bind(a);
        }
        Scope::Team { account, members } => {
            q.push(" AND c.partner_account_id = ").push_bind(account);
            crate::records::push_owner_in(&mut q, "c.owner_user_id", &members);
        }
        Scope::Nothing => {
            q.push(" AND 0");
        }
    }
    q.push(" ORDER BY c.issued_on DESC, c.id");
    q.build()
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            Ok(Certificate {
                id: r.try_get("id")?,
                module_id: r.try_get("module_id")?,
                module_title: r.try_get("module_title")?,
                user_id: r.try_get("owner_user_id")?,
                user_name: r.try_get("user_name")?,
                partner_account_id: r.try_get("partner_account_id")?,
                account_name: r.try_get("account_name")?,
                score: r.try_get("score")?,
                issued_on: r.try_get("issued_on")?,
            })
        })
        .collect()
}

/// Certificates the user may see: their own; their account's for partner executives and managers; all for staff.
#[utoipa::path(get, path = "/api/certificates", tag = "training",
    responses((status = 200, body = Vec<Certificate>), (status = 401, body = ApiError)))]
pub async fn list_certificates(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Certificate>>> {
    Ok(Json(certificates(&state.db, &user).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_modules, create_module))
        .routes(routes!(get_module, update_module))
        .routes(routes!(submit_quiz))
        .routes(routes!(list_certificates))
}

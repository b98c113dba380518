//! Partner surveys: staff ask an NPS question, partner users answer once, staff read the results.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::surveys::*;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{random_id, CurrentUser};
use crate::db::now;
use crate::error::{ApiJson, Result};
use crate::AppState;

fn survey_from_row(row: &SqliteRow) -> Result<Survey> {
    Ok(Survey {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        question: row.try_get("question")?,
        open: row.try_get("open")?,
        created_at: row.try_get("created_at")?,
        my_answer: None,
    })
}

/// Stores a survey (insert or replace).
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, s: &Survey) -> Result<()> {
    sqlx::query(
        "INSERT OR REPLACE INTO surveys (id, title, question, open, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&s.id)
    .bind(&s.title)
    .bind(&s.question)
    .bind(s.open)
    .bind(&s.created_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Stores an answer; a second answer by the same user is a unique violation (409).
pub async fn store_response<'c, X: sqlx::SqliteExecutor<'c>>(
    db: X,
    r: &SurveyResponse,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO survey_responses (survey_id, owner_user_id, partner_account_id, score, comment, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&r.survey_id)
    .bind(&r.user_id)
    .bind(&r.partner_account_id)
    .bind(r.score)
    .bind(&r.comment)
    .bind(&r.answered_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Every survey, newest first.
pub async fn all_surveys(db: &sqlx::SqlitePool) -> Result<Vec<Survey>> {
    sqlx::query("SELECT * FROM surveys ORDER BY created_at DESC, id DESC")
        .fetch_all(db)
        .await?
        .iter()
        .map(survey_from_row)
        .collect()
}

/// Every answer with the answering account's name (vendor staff only: callers check).
pub async fn all_responses(db: &sqlx::SqlitePool) -> Result<Vec<SurveyResponse>> {
    sqlx::query(
        "SELECT r.*, COALESCE(a.name, '') AS account_name FROM survey_responses r
         LEFT JOIN accounts a ON a.id = r.partner_account_id ORDER BY r.answered_at",
    )
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        Ok(SurveyResponse {
            survey_id: r.try_get("survey_id")?,
            user_id: r.try_get("owner_user_id")?,
            partner_account_id: r.try_get("partner_account_id")?,
            account_name: r.try_get("account_name")?,
            score: r.try_get("score")?,
            comment: r.try_get("comment")?,
            answered_at: r.try_get("answered_at")?,
        })
    })
    .collect()
}

async fn with_my_answer(db: &sqlx::SqlitePool, user: &User, mut s: Survey) -> Result<Survey> {
    s.my_answer = sqlx::query(
        "SELECT score, comment FROM survey_responses WHERE survey_id = ? AND owner_user_id = ?",
    )
    .bind(&s.id)
    .bind(&user.id)
    .fetch_optional(db)
    .await?
    .map(|r| -> Result<SurveyAnswer> {
        Ok(SurveyAnswer {
            score: r.try_get("score")?,
            comment: r.try_get("comment")?,
        })
    })
    .transpose()?;
    Ok(s)
}

async fn find(db: &sqlx::SqlitePool, id: &str) -> Result<Survey> {
    let row = sqlx::query("SELECT * FROM surveys WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ApiError::not_found("Survey"))?;
    survey_from_row(&row)
}

/// Surveys, newest first, each with the user's own answer if given.
#[utoipa::path(get, path = "/api/surveys", tag = "surveys",
    responses((status = 200, body = Vec<Survey>), (status = 401, body = ApiError)))]
pub async fn list_surveys(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Survey>>> {
    let mut out = Vec::new();
    for s in all_surveys(&state.db).await? {
        out.push(with_my_answer(&state.db, &user, s).await?);
    }
    Ok(Json(out))
}

/// Ask partners a new question (vendor staff); it is open at once.
#[utoipa::path(post, path = "/api/surveys", tag = "surveys", request_body = SurveyInput,
    responses((status = 201, body = Survey), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_survey(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<SurveyInput>,
) -> Result<(StatusCode, Json<Survey>)> {
    input.check()?;
    let s = Survey {
        id: random_id("srv_"),
        title: input.title.trim().into(),
        question: input.question.trim().into(),
        open: true,
        created_at: now(),
        my_answer: None,
    };
    store(&state.db, &s).await?;
    Ok((StatusCode::CREATED, Json(s)))
}

/// Stop taking answers (vendor staff).
#[utoipa::path(post, path = "/api/surveys/{id}/close", tag = "surveys", params(("id" = String, Path)),
    responses((status = 200, body = Survey), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn close_survey(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Survey>> {
    let mut s = find(&state.db, &id).await?;
    s.open = false;
    store(&state.db, &s).await?;
    Ok(Json(s))
}

/// Answer a survey (partner users, once each, while it is open).
#[utoipa::path(post, path = "/api/surveys/{id}/answers", tag = "surveys", request_body = SurveyAnswer,
    params(("id" = String, Path)),
    responses((status = 200, body = Survey), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn answer_survey(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(answer): ApiJson<SurveyAnswer>,
) -> Result<Json<Survey>> {
    let survey = find(&state.db, &id).await?;
    surveys::check_answer(&survey, &user, &answer)?;
    let exists = with_my_answer(&state.db, &user, survey.clone()).await?;
    if exists.my_answer.is_some() {
        return Err(surveys::already_answered().into());
    }
    store_response(
        &state.db,
        &SurveyResponse {
            survey_id: id,
            user_id: user.id.clone(),
            partner_account_id: user.partner_account_id.clone(),
            account_name: String::new(),
            score: answer.score,
            comment: answer.comment.trim().into(),
            answered_at: now(),
        },
    )
    .await?;
    Ok(Json(with_my_answer(&state.db, &user, survey).await?))
}

/// A survey's NPS, score distribution and comments (vendor staff).
#[utoipa::path(get, path = "/api/surveys/{id}/results", tag = "surveys", params(("id" = String, Path)),
    responses((status = 200, body = SurveyResults), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn survey_results(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SurveyResults>> {
    let survey = find(&state.db, &id).await?;
    Ok(Json(results(&survey, &all_responses(&state.db).await?)))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_surveys, create_survey))
        .routes(routes!(close_survey))
        .routes(routes!(answer_survey))
        .routes(routes!(survey_results))
}

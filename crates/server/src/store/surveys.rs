//! Surveys' and their answers' storage.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::surveys::{already_answered, Survey, SurveyAnswer, SurveyResponse};
use trellis_api::ApiError;
use trellis_core::surveys::SurveyStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::Db;

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

pub fn survey_from_row(row: &SqliteRow) -> Result<Survey> {
    Ok(Survey {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        question: row.try_get("question")?,
        open: row.try_get("open")?,
        created_at: row.try_get("created_at")?,
        my_answer: None,
    })
}

async fn find(db: &sqlx::SqlitePool, id: &str) -> Result<Survey> {
    let row = sqlx::query("SELECT * FROM surveys WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ApiError::not_found("Survey"))?;
    survey_from_row(&row)
}

impl SurveyStore for Db {
    async fn surveys(&self) -> CoreResult<Vec<Survey>> {
        Ok(all_surveys(&self.0).await?)
    }

    async fn survey(&self, id: &str) -> CoreResult<Option<Survey>> {
        match find(&self.0, id).await {
            Ok(s) => Ok(Some(s)),
            Err(Error::Api(e)) if e.code == trellis_api::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn put_survey(&self, survey: &Survey) -> CoreResult<()> {
        Ok(store(&self.0, survey).await?)
    }

    async fn answer_of(&self, survey_id: &str, user_id: &str) -> CoreResult<Option<SurveyAnswer>> {
        let row = sqlx::query(
            "SELECT score, comment FROM survey_responses WHERE survey_id = ? AND owner_user_id = ?",
        )
        .bind(survey_id)
        .bind(user_id)
        .fetch_optional(&self.0)
        .await
        .map_err(Error::from)?;
        let answer = |r: SqliteRow| -> Result<SurveyAnswer> {
            Ok(SurveyAnswer {
                score: r.try_get("score")?,
                comment: r.try_get("comment")?,
            })
        };
        Ok(row.map(answer).transpose()?)
    }

    async fn add_response(&self, response: &SurveyResponse) -> CoreResult<()> {
        match store_response(&self.0, response).await {
            // Two answers at once: the primary key keeps one.
            Err(Error::Db(sqlx::Error::Database(db))) if db.is_unique_violation() => {
                Err(already_answered().into())
            }
            other => Ok(other?),
        }
    }

    async fn responses(&self) -> CoreResult<Vec<SurveyResponse>> {
        Ok(all_responses(&self.0).await?)
    }
}

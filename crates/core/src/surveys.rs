//! Partner surveys: staff ask an NPS question, partner users answer once, staff read the results.

use trellis_api::surveys::{
    already_answered, check_answer, results, Survey, SurveyAnswer, SurveyInput, SurveyResponse,
    SurveyResults,
};
use trellis_api::{ApiError, Validate};

use crate::cx::{Cx, Store};
use crate::error::Result;

/// Where surveys and their answers are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait SurveyStore: Store {
    /// Every survey, newest first, without answers.
    async fn surveys(&self) -> Result<Vec<Survey>>;
    /// The survey with `id`, without answers.
    async fn survey(&self, id: &str) -> Result<Option<Survey>>;
    /// Adds or replaces a survey.
    async fn put_survey(&self, survey: &Survey) -> Result<()>;
    /// The answer `user_id` gave to `survey_id`, if any.
    async fn answer_of(&self, survey_id: &str, user_id: &str) -> Result<Option<SurveyAnswer>>;
    /// Adds an answer; a second one by the same user is refused as already answered.
    async fn add_response(&self, response: &SurveyResponse) -> Result<()>;
    /// Every answer, oldest first, with the answering account's name.
    async fn responses(&self) -> Result<Vec<SurveyResponse>>;
}

async fn find<S: SurveyStore>(cx: &Cx<'_, S>, id: &str) -> Result<Survey> {
    Ok(cx
        .store
        .survey(id)
        .await?
        .ok_or_else(|| ApiError::not_found("Survey"))?)
}

async fn with_my_answer<S: SurveyStore>(cx: &Cx<'_, S>, mut survey: Survey) -> Result<Survey> {
    survey.my_answer = cx.store.answer_of(&survey.id, &cx.user.id).await?;
    Ok(survey)
}

/// Surveys, newest first, each with the user's own answer if given.
pub async fn list<S: SurveyStore>(cx: &Cx<'_, S>) -> Result<Vec<Survey>> {
    let mut out = Vec::new();
    for survey in cx.store.surveys().await? {
        out.push(with_my_answer(cx, survey).await?);
    }
    Ok(out)
}

/// Asks partners a new question (vendor staff); it is open at once.
pub async fn create<S: SurveyStore>(cx: &Cx<'_, S>, input: &SurveyInput) -> Result<Survey> {
    input.check()?;
    let survey = Survey {
        id: cx.store.new_id("srv_"),
        title: input.title.trim().into(),
        question: input.question.trim().into(),
        open: true,
        created_at: cx.timestamp(),
        my_answer: None,
    };
    cx.store.put_survey(&survey).await?;
    Ok(survey)
}

/// Stops taking answers (vendor staff).
pub async fn close<S: SurveyStore>(cx: &Cx<'_, S>, id: &str) -> Result<Survey> {
    let mut survey = find(cx, id).await?;
    survey.open = false;
    cx.store.put_survey(&survey).await?;
    Ok(survey)
}

/// Answers a survey (partner users, once each, while it is open).
pub async fn answer<S: SurveyStore>(
    cx: &Cx<'_, S>,
    id: &str,
    answer: &SurveyAnswer,
) -> Result<Survey> {
    let survey = find(cx, id).await?;
    check_answer(&survey, cx.user, answer)?;
    if cx.store.answer_of(id, &cx.user.id).await?.is_some() {
        return Err(already_answered().into());
    }
    let response = SurveyResponse {
        survey_id: id.into(),
        user_id: cx.user.id.clone(),
        partner_account_id: cx.user.partner_account_id.clone(),
        account_name: String::new(),
        score: answer.score,
        comment: answer.comment.trim().into(),
        answered_at: cx.timestamp(),
    };
    cx.store.add_response(&response).await?;
    with_my_answer(cx, survey).await
}

/// A survey's NPS, score distribution and comments (vendor staff).
pub async fn survey_results<S: SurveyStore>(cx: &Cx<'_, S>, id: &str) -> Result<SurveyResults> {
    let survey = find(cx, id).await?;
    Ok(results(&survey, &cx.store.responses().await?))
}

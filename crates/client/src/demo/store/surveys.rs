//! Surveys and their answers in memory.

use trellis_api::surveys::{already_answered, Survey, SurveyAnswer, SurveyResponse};
use trellis_core::surveys::SurveyStore;
use trellis_core::Result;

use super::upsert;
use crate::demo::DemoBackend;

impl SurveyStore for DemoBackend {
    async fn surveys(&self) -> Result<Vec<Survey>> {
        let mut list = self.state.borrow().data.surveys.surveys.clone();
        list.sort_by(|a, b| (&b.created_at, &b.id).cmp(&(&a.created_at, &a.id)));
        Ok(list)
    }

    async fn survey(&self, id: &str) -> Result<Option<Survey>> {
        let state = self.state.borrow();
        Ok(state
            .data
            .surveys
            .surveys
            .iter()
            .find(|s| s.id == id)
            .cloned())
    }

    async fn put_survey(&self, survey: &Survey) -> Result<()> {
        upsert(&mut self.write().data.surveys.surveys, survey, |x| {
            x.id == survey.id
        });
        Ok(())
    }

    async fn answer_of(&self, survey_id: &str, user_id: &str) -> Result<Option<SurveyAnswer>> {
        let state = self.state.borrow();
        let found = state.data.surveys.responses.iter();
        Ok(found
            .filter(|r| r.survey_id == survey_id && r.user_id == user_id)
            .map(|r| SurveyAnswer {
                score: r.score,
                comment: r.comment.clone(),
            })
            .next())
    }

    async fn add_response(&self, response: &SurveyResponse) -> Result<()> {
        let mut state = self.write();
        let responses = &mut state.data.surveys.responses;
        let taken = responses
            .iter()
            .any(|r| r.survey_id == response.survey_id && r.user_id == response.user_id);
        if taken {
            return Err(already_answered().into());
        }
        responses.push(response.clone());
        Ok(())
    }

    async fn responses(&self) -> Result<Vec<SurveyResponse>> {
        let state = self.state.borrow();
        let name = |id: &Option<String>| {
            let account = state
                .data
                .accounts
                .iter()
                .find(|a| Some(&a.id) == id.as_ref());
            account.map(|a| a.name.clone()).unwrap_or_default()
        };
        let mut list: Vec<SurveyResponse> = state
            .data
            .surveys
            .responses
            .iter()
            .map(|r| SurveyResponse {
                account_name: name(&r.partner_account_id),
                ..r.clone()
            })
            .collect();
        list.sort_by(|a, b| a.answered_at.cmp(&b.answered_at));
        Ok(list)
    }
}

//! The demo backend's training, surveys and reports, under the same shared rules as the server.

use trellis_api::datetime::{date, timestamp};
use trellis_api::reports::{Report, ReportData, ReportQuery};
use trellis_api::surveys::*;
use trellis_api::training::*;
use trellis_api::*;

use super::{now_unix, DemoBackend};
use crate::ClientResult;

/// The name of the user's partner account (empty for staff).
fn account_name(data: &trellis_api::seed::DemoData, user: &User) -> String {
    user.partner_account_id
        .as_ref()
        .and_then(|a| data.accounts.iter().find(|x| &x.id == a))
        .map(|a| a.name.clone())
        .unwrap_or_default()
}

impl DemoBackend {
    pub(super) fn tier_of(&self, user: &User) -> Option<String> {
        let state = self.state.borrow();
        let account = user.partner_account_id.as_ref()?;
        state
            .data
            .accounts
            .iter()
            .find(|a| &a.id == account)?
            .tier_id
            .clone()
    }

    fn attempts_in_scope(&self, user: &User) -> Vec<Attempt> {
        let scope = Scope::of(user);
        let state = self.state.borrow();
        state
            .data
            .training
            .attempts
            .iter()
            .filter(|a| scope.allows(*a))
            .cloned()
            .collect()
    }

    fn stored_module(&self, user: &User, id: &str) -> ClientResult<TrainingModule> {
        let tier = self.tier_of(user);
        let state = self.state.borrow();
        Ok(state
            .data
            .training
            .modules
            .iter()
            .find(|m| m.id == id && m.audience.includes(tier.as_deref(), user.role))
            .cloned()
            .ok_or_else(|| ApiError::not_found("Training module"))?)
    }

    pub(super) fn modules_now(&self) -> ClientResult<Vec<TrainingModule>> {
        let user = self.user()?;
        let tier = self.tier_of(&user);
        let mine: Vec<Attempt> = self
            .attempts_in_scope(&user)
            .into_iter()
            .filter(|a| a.user_id == user.id)
            .collect();
        let state = self.state.borrow();
        Ok(state
            .data
            .training
            .modules
            .iter()
            .filter(|m| m.audience.includes(tier.as_deref(), user.role))
            .map(|m| m.clone().for_viewer(user.role, &mine))
            .collect())
    }

    pub(super) fn save_module_now(
        &self,
        id: Option<&str>,
        input: &ModuleInput,
    ) -> ClientResult<TrainingModule> {
        let user = self.staff()?;
        input.check()?;
        let id = match id {
            Some(id) => self.stored_module(&user, id)?.id,
            None => self.next_id("trn_"),
        };
        let m = TrainingModule::from_input(id, input.clone(), timestamp(now_unix()));
        let mut state = self.write();
        let list = &mut state.data.training.modules;
        match list.iter_mut().find(|x| x.id == m.id) {
            Some(slot) => *slot = m.clone(),
            None => list.push(m.clone()),
        }
        Ok(m.for_viewer(user.role, &[]))
    }

    pub(super) fn submit_quiz_now(
        &self,
        id: &str,
        answers: &QuizAnswers,
    ) -> ClientResult<QuizResult> {
        let user = self.user()?;
        let module = self.stored_module(&user, id)?;
        let (score, correct) = module.mark(answers)?;
        let passed = score >= module.pass_percent;
        let now = now_unix();
        let cert_id = self.next_id("cert_");
        let mut state = self.write();
        let account_name = account_name(&state.data, &user);
        let training = &mut state.data.training;
        training.attempts.push(Attempt {
            module_id: id.into(),
            user_id: user.id.clone(),
            partner_account_id: user.partner_account_id.clone(),
            score,
            passed,
            at: timestamp(now),
        });
        let held = |c: &Certificate| c.module_id == id && c.user_id == user.id;
        if passed && !training.certificates.iter().any(held) {
            training.certificates.push(Certificate {
                id: cert_id,
                module_id: id.into(),
                module_title: module.title.clone(),
                user_id: user.id.clone(),
                user_name: user.name.clone(),
                partner_account_id: user.partner_account_id.clone(),
                account_name,
                score,
                issued_on: date(now / 86_400),
            });
        }
        let mine = training
            .attempts
            .iter()
            .filter(|a| a.module_id == id && a.user_id == user.id);
        Ok(QuizResult {
            score,
            passed,
            correct,
            certificate: training.certificates.iter().find(|c| held(c)).cloned(),
            progress: progress(mine),
        })
    }

    pub(super) fn certificates_now(&self) -> ClientResult<Vec<Certificate>> {
        let scope = Scope::of(&self.user()?);
        let state = self.state.borrow();
        let mut list: Vec<Certificate> = state
            .data
            .training
            .certificates
            .iter()
            .filter(|c| scope.allows(*c))
            .cloned()
            .collect();
        list.sort_by(|a, b| (&b.issued_on, &a.id).cmp(&(&a.issued_on, &b.id)));
        Ok(list)
    }

    pub(super) fn surveys_now(&self) -> ClientResult<Vec<Survey>> {
        let user = self.user()?;
        let state = self.state.borrow();
        let data = &state.data.surveys;
        let mut list: Vec<Survey> = data
            .surveys
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.my_answer = data
                    .responses
                    .iter()
                    .find(|r| r.survey_id == s.id && r.user_id == user.id)
                    .map(|r| SurveyAnswer {
                        score: r.score,
                        comment: r.comment.clone(),
                    });
                s
            })
            .collect();
        list.sort_by(|a, b| (&b.created_at, &b.id).cmp(&(&a.created_at, &a.id)));
        Ok(list)
    }

    pub(super) fn create_survey_now(&self, input: &SurveyInput) -> ClientResult<Survey> {
        self.staff()?;
        input.check()?;
        let s = Survey {
            id: self.next_id("srv_"),
            title: input.title.trim().into(),
            question: input.question.trim().into(),
            open: true,
            created_at: timestamp(now_unix()),
            my_answer: None,
        };
        self.write().data.surveys.surveys.push(s.clone());
        Ok(s)
    }

    fn survey(&self, id: &str) -> ClientResult<Survey> {
        let state = self.state.borrow();
        Ok(state
            .data
            .surveys
            .surveys
            .iter()
            .find(|s| s.id == id)
            .cloned()
            .ok_or_else(|| ApiError::not_found("Survey"))?)
    }

    pub(super) fn close_survey_now(&self, id: &str) -> ClientResult<Survey> {
        self.staff()?;
        self.survey(id)?;
        let mut state = self.write();
        let slot = state.data.surveys.surveys.iter_mut().find(|s| s.id == id);
        let slot = slot.ok_or_else(|| ApiError::not_found("Survey"))?;
        slot.open = false;
        Ok(slot.clone())
    }

    pub(super) fn answer_survey_now(
        &self,
        id: &str,
        answer: &SurveyAnswer,
    ) -> ClientResult<Survey> {
        let user = self.user()?;
        let survey = self.survey(id)?;
        check_answer(&survey, &user, answer)?;
        {
            let mut state = self.write();
            let account_name = account_name(&state.data, &user);
            let data = &mut state.data.surveys;
            if data
                .responses
                .iter()
                .any(|r| r.survey_id == id && r.user_id == user.id)
            {
                return Err(already_answered().into());
            }
            data.responses.push(SurveyResponse {
                survey_id: id.into(),
                user_id: user.id.clone(),
                partner_account_id: user.partner_account_id.clone(),
                account_name,
                score: answer.score,
                comment: answer.comment.trim().into(),
                answered_at: timestamp(now_unix()),
            });
        }
        self.surveys_now()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| ApiError::not_found("Survey").into())
    }

    pub(super) fn survey_results_now(&self, id: &str) -> ClientResult<SurveyResults> {
        self.staff()?;
        let survey = self.survey(id)?;
        let state = self.state.borrow();
        Ok(results(&survey, &state.data.surveys.responses))
    }

    pub(super) fn reports_now(&self, range: &ReportQuery) -> ClientResult<Vec<Report>> {
        let user = self.user()?;
        range.check()?;
        let staff = user.role.is_internal();
        let leads = self.all_visible::<Lead>()?;
        let deals = self.all_visible::<DealRegistration>()?;
        let opportunities = self.all_visible::<Opportunity>()?;
        let modules = self.modules_now()?;
        let attempts = self.attempts_in_scope(&user);
        let state = self.state.borrow();
        let d = &state.data;
        let tiers: Vec<Tier> = d.programs.iter().flat_map(|p| p.tiers.clone()).collect();
        let today = date(now_unix() / 86_400);
        let data = ReportData {
            staff,
            today: &today,
            leads: &leads,
            deals: &deals,
            opportunities: &opportunities,
            accounts: if staff { &d.accounts } else { &[] },
            tiers: if staff { &tiers } else { &[] },
            tier_changes: if staff { &d.tier_changes } else { &[] },
            modules: &modules,
            attempts: &attempts,
            surveys: if staff { &d.surveys.surveys } else { &[] },
            responses: if staff { &d.surveys.responses } else { &[] },
        };
        Ok(trellis_api::reports::build(&data, range))
    }
}

//! The demo backend's `PrmBackend` implementation: each call is admitted by its endpoint's
//! declaration, then runs the core's step over the memory store.

use async_trait::async_trait;
use trellis_api::endpoints;
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyInput, SurveyResults};
use trellis_api::training::{Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule};
use trellis_api::{
    Account, AccountInput, Announcement, AnnouncementInput, CaseInput, CaseMessage, Contact,
    ContactInput, DealInput, DealRegistration, Draft, ErrorCode, Health, Lead, LeadInput, ListPage,
    ListQuery, LoginRequest, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim, MdfClaimInput,
    MdfRequest, MdfRequestInput, Me, MessageInput, Opportunity, OpportunityInput, PartnerChange,
    PartnerProgram, Publish, PublishedSite, Restore, SaveDraft, SiteVersion, StoredFile,
    SupportCase, SupportChannels, Tier, TierChange, TierInput, User, UserInput, Validate,
};
use trellis_core::{
    accounts, announcements, community, deal_flow, distribution, import, lead_flow, mdf, records,
    reports, support, surveys, training, users,
};

use super::{err, DemoBackend};
use crate::{ClientResult, PrmBackend};

#[async_trait(?Send)]
impl PrmBackend for DemoBackend {
    async fn health(&self) -> ClientResult<Health> {
        Ok(Health {
            status: "ok".into(),
            version: "demo".into(),
        })
    }

    async fn login(&self, request: &LoginRequest) -> ClientResult<Me> {
        request.check()?;
        let user = {
            let state = self.state.borrow();
            state
                .data
                .users
                .iter()
                .find(|u| {
                    u.active
                        && u.email.eq_ignore_ascii_case(request.email.trim())
                        && state.passwords.get(&u.id) == Some(&request.password)
                })
                .cloned()
        };
        let Some(user) = user else {
            let event = trellis_api::audit::login_event(None, &request.email);
            self.audit_as(None, &request.email, Some(event));
            return Err(err(
                ErrorCode::InvalidCredentials,
                "Wrong email or password",
            ));
        };
        self.write().session = Some(user.id.clone());
        self.audit("", Some(trellis_api::audit::login_event(Some(&user), "")));
        Ok(self.me_of(user))
    }

    async fn logout(&self) -> ClientResult<()> {
        self.write().session = None;
        Ok(())
    }
    async fn logout_everywhere(&self) -> ClientResult<()> {
        // The demo has one session: ending "every" session is ending it, once logged in.
        let user = self.allowed(&endpoints::LOGOUT_EVERYWHERE)?;
        self.audit(
            "",
            Some(trellis_api::audit::NewEvent::new(
                trellis_api::audit::AuditKind::LogoutEverywhere,
                user.partner_account_id.as_deref(),
                Some(&user.id),
                format!("{} <{}>", user.name, user.email),
            )),
        );
        self.write().session = None;
        Ok(())
    }

    async fn me(&self) -> ClientResult<Me> {
        let user = self.allowed(&endpoints::ME)?;
        Ok(self.me_of(user))
    }

    async fn list_accounts(&self, query: &ListQuery) -> ClientResult<ListPage<Account>> {
        let user = self.allowed(&endpoints::LIST_ACCOUNTS)?;
        Ok(accounts::list(&self.cx(&user), query).await?)
    }

    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        let user = self.allowed(&endpoints::GET_ACCOUNT)?;
        Ok(accounts::get(&self.cx(&user), id).await?)
    }

    async fn create_account(&self, input: &AccountInput) -> ClientResult<Account> {
        let user = self.allowed(&endpoints::CREATE_ACCOUNT)?;
        Ok(accounts::create(&self.cx(&user), input).await?)
    }

    async fn update_account(&self, id: &str, input: &AccountInput) -> ClientResult<Account> {
        let user = self.allowed(&endpoints::UPDATE_ACCOUNT)?;
        Ok(accounts::update(&self.cx(&user), id, input).await?)
    }

    async fn change_partnership(&self, id: &str, change: &PartnerChange) -> ClientResult<Account> {
        let user = self.allowed(&endpoints::CHANGE_PARTNERSHIP)?;
        Ok(accounts::change_partnership(&self.cx(&user), id, change).await?)
    }
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>> {
        let user = self.allowed(&endpoints::TIER_HISTORY)?;
        Ok(accounts::tier_history(&self.cx(&user), id).await?)
    }
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        let user = self.allowed(&endpoints::LIST_PROGRAMS)?;
        Ok(accounts::programs(&self.cx(&user)).await?)
    }

    async fn create_tier(&self, program_id: &str, input: &TierInput) -> ClientResult<Tier> {
        let user = self.allowed(&endpoints::CREATE_TIER)?;
        Ok(accounts::create_tier(&self.cx(&user), program_id, input).await?)
    }
    async fn update_tier(&self, id: &str, input: &TierInput) -> ClientResult<Tier> {
        let user = self.allowed(&endpoints::UPDATE_TIER)?;
        Ok(accounts::update_tier(&self.cx(&user), id, input).await?)
    }

    async fn list_users(&self, query: &ListQuery) -> ClientResult<ListPage<User>> {
        let viewer = self.allowed(&endpoints::LIST_USERS)?;
        Ok(users::list(&self.cx(&viewer), query).await?)
    }

    async fn get_user(&self, id: &str) -> ClientResult<User> {
        let viewer = self.allowed(&endpoints::GET_USER)?;
        Ok(users::get(&self.cx(&viewer), id).await?)
    }

    async fn create_user(&self, input: &UserInput) -> ClientResult<User> {
        let actor = self.allowed(&endpoints::CREATE_USER)?;
        Ok(users::create(&self.cx(&actor), input).await?)
    }

    async fn update_user(&self, id: &str, input: &UserInput) -> ClientResult<User> {
        let actor = self.allowed(&endpoints::UPDATE_USER)?;
        Ok(users::update(&self.cx(&actor), id, input).await?)
    }

    async fn list_leads(&self, query: &ListQuery) -> ClientResult<ListPage<Lead>> {
        let user = self.allowed(&endpoints::LIST_LEADS)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        let user = self.allowed(&endpoints::GET_LEAD)?;
        Ok(records::get(&self.cx(&user), id).await?)
    }
    async fn create_lead(&self, input: &LeadInput) -> ClientResult<Lead> {
        let user = self.allowed(&endpoints::CREATE_LEAD)?;
        Ok(records::create(&self.cx(&user), input).await?)
    }
    async fn update_lead(&self, id: &str, input: &LeadInput) -> ClientResult<Lead> {
        let user = self.allowed(&endpoints::UPDATE_LEAD)?;
        Ok(records::update(&self.cx(&user), id, input).await?)
    }

    async fn transition_lead(
        &self,
        id: &str,
        action: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        let user = self.allowed(&endpoints::TRANSITION_LEAD)?;
        Ok(lead_flow::transition(&self.cx(&user), id, action).await?)
    }

    async fn distribute_leads(
        &self,
        body: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        let user = self.allowed(&endpoints::DISTRIBUTE_LEADS)?;
        Ok(distribution::run(&self.cx(&user), body).await?)
    }
    async fn list_deals(&self, query: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        let user = self.allowed(&endpoints::LIST_DEALS)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        let user = self.allowed(&endpoints::GET_DEAL)?;
        Ok(records::get(&self.cx(&user), id).await?)
    }
    async fn create_deal(&self, input: &DealInput) -> ClientResult<DealRegistration> {
        let user = self.allowed(&endpoints::CREATE_DEAL)?;
        Ok(records::create(&self.cx(&user), input).await?)
    }
    async fn update_deal(&self, id: &str, input: &DealInput) -> ClientResult<DealRegistration> {
        let user = self.allowed(&endpoints::UPDATE_DEAL)?;
        Ok(records::update(&self.cx(&user), id, input).await?)
    }

    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>> {
        let user = self.allowed(&endpoints::DEAL_CONFLICTS)?;
        Ok(deal_flow::conflicts(&self.cx(&user), id).await?)
    }

    async fn transition_deal(
        &self,
        id: &str,
        action: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        let user = self.allowed(&endpoints::TRANSITION_DEAL)?;
        Ok(deal_flow::transition(&self.cx(&user), id, action).await?)
    }

    async fn list_opportunities(&self, query: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        let user = self.allowed(&endpoints::LIST_OPPORTUNITIES)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        let user = self.allowed(&endpoints::GET_OPPORTUNITY)?;
        Ok(records::get(&self.cx(&user), id).await?)
    }
    async fn create_opportunity(&self, input: &OpportunityInput) -> ClientResult<Opportunity> {
        let user = self.allowed(&endpoints::CREATE_OPPORTUNITY)?;
        Ok(records::create(&self.cx(&user), input).await?)
    }
    async fn update_opportunity(
        &self,
        id: &str,
        input: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        let user = self.allowed(&endpoints::UPDATE_OPPORTUNITY)?;
        Ok(records::update(&self.cx(&user), id, input).await?)
    }

    async fn list_contacts(&self, query: &ListQuery) -> ClientResult<ListPage<Contact>> {
        let user = self.allowed(&endpoints::LIST_CONTACTS)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        let user = self.allowed(&endpoints::GET_CONTACT)?;
        Ok(records::get(&self.cx(&user), id).await?)
    }
    async fn create_contact(&self, input: &ContactInput) -> ClientResult<Contact> {
        let user = self.allowed(&endpoints::CREATE_CONTACT)?;
        Ok(records::create(&self.cx(&user), input).await?)
    }
    async fn update_contact(&self, id: &str, input: &ContactInput) -> ClientResult<Contact> {
        let user = self.allowed(&endpoints::UPDATE_CONTACT)?;
        Ok(records::update(&self.cx(&user), id, input).await?)
    }

    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>> {
        let user = self.allowed(&endpoints::LIST_MDF_BUDGETS)?;
        Ok(mdf::budgets(&self.cx(&user)).await?)
    }
    async fn create_mdf_budget(&self, input: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        let user = self.allowed(&endpoints::CREATE_MDF_BUDGET)?;
        Ok(mdf::create_budget(&self.cx(&user), input).await?)
    }
    async fn list_mdf_requests(&self, query: &ListQuery) -> ClientResult<ListPage<MdfRequest>> {
        let user = self.allowed(&endpoints::LIST_MDF_REQUESTS)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn create_mdf_request(&self, input: &MdfRequestInput) -> ClientResult<MdfRequest> {
        let user = self.allowed(&endpoints::CREATE_MDF_REQUEST)?;
        Ok(mdf::create_request(&self.cx(&user), input).await?)
    }
    async fn transition_mdf_request(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfRequest> {
        let user = self.allowed(&endpoints::TRANSITION_MDF_REQUEST)?;
        Ok(mdf::transition_request(&self.cx(&user), id, action).await?)
    }
    async fn list_mdf_claims(&self, query: &ListQuery) -> ClientResult<ListPage<MdfClaim>> {
        let user = self.allowed(&endpoints::LIST_MDF_CLAIMS)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn create_mdf_claim(&self, input: &MdfClaimInput) -> ClientResult<MdfClaim> {
        let user = self.allowed(&endpoints::CREATE_MDF_CLAIM)?;
        Ok(mdf::create_claim(&self.cx(&user), input).await?)
    }
    async fn transition_mdf_claim(&self, id: &str, action: &MdfAction) -> ClientResult<MdfClaim> {
        let user = self.allowed(&endpoints::TRANSITION_MDF_CLAIM)?;
        Ok(mdf::transition_claim(&self.cx(&user), id, action).await?)
    }
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile> {
        let user = self.allowed(&endpoints::GET_FILE)?;
        Ok(mdf::file(&self.cx(&user), id).await?)
    }

    async fn import_csv(
        &self,
        request: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport> {
        let user = self.allowed(&endpoints::IMPORT_CSV)?;
        Ok(import::import(&self.cx(&user), request).await?)
    }
    async fn export_csv(
        &self,
        kind: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport> {
        let user = self.allowed(&endpoints::EXPORT_CSV)?;
        Ok(import::export(&self.cx(&user), kind).await?)
    }
    async fn list_cases(&self, query: &ListQuery) -> ClientResult<ListPage<SupportCase>> {
        let user = self.allowed(&endpoints::LIST_CASES)?;
        Ok(records::list(&self.cx(&user), query).await?)
    }
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase> {
        let user = self.allowed(&endpoints::GET_CASE)?;
        Ok(records::get(&self.cx(&user), id).await?)
    }
    async fn create_case(&self, input: &CaseInput) -> ClientResult<SupportCase> {
        let user = self.allowed(&endpoints::CREATE_CASE)?;
        Ok(support::create_case(&self.cx(&user), input).await?)
    }
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>> {
        let user = self.allowed(&endpoints::CASE_MESSAGES)?;
        Ok(support::messages(&self.cx(&user), id).await?)
    }
    async fn post_case_message(&self, id: &str, input: &MessageInput) -> ClientResult<SupportCase> {
        let user = self.allowed(&endpoints::POST_CASE_MESSAGE)?;
        Ok(support::post_message(&self.cx(&user), id, input).await?)
    }
    async fn support_channels(&self) -> ClientResult<SupportChannels> {
        let user = self.allowed(&endpoints::SUPPORT_CHANNELS)?;
        Ok(support::channels(&self.cx(&user)).await?)
    }
    async fn set_support_channels(&self, input: &SupportChannels) -> ClientResult<SupportChannels> {
        let user = self.allowed(&endpoints::SET_SUPPORT_CHANNELS)?;
        Ok(support::set_channels(&self.cx(&user), input).await?)
    }
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>> {
        let user = self.allowed(&endpoints::LIST_ANNOUNCEMENTS)?;
        Ok(announcements::list(&self.cx(&user)).await?)
    }
    async fn create_announcement(&self, input: &AnnouncementInput) -> ClientResult<Announcement> {
        let user = self.allowed(&endpoints::CREATE_ANNOUNCEMENT)?;
        Ok(announcements::create(&self.cx(&user), input).await?)
    }
    async fn update_announcement(
        &self,
        id: &str,
        input: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        let user = self.allowed(&endpoints::UPDATE_ANNOUNCEMENT)?;
        Ok(announcements::update(&self.cx(&user), id, input).await?)
    }
    async fn list_modules(&self) -> ClientResult<Vec<TrainingModule>> {
        let user = self.allowed(&endpoints::LIST_MODULES)?;
        Ok(training::modules_for(&self.cx(&user)).await?)
    }
    async fn create_module(&self, input: &ModuleInput) -> ClientResult<TrainingModule> {
        let user = self.allowed(&endpoints::CREATE_MODULE)?;
        Ok(training::create(&self.cx(&user), input).await?)
    }
    async fn update_module(&self, id: &str, input: &ModuleInput) -> ClientResult<TrainingModule> {
        let user = self.allowed(&endpoints::UPDATE_MODULE)?;
        Ok(training::update(&self.cx(&user), id, input).await?)
    }
    async fn submit_quiz(&self, id: &str, answers: &QuizAnswers) -> ClientResult<QuizResult> {
        let user = self.allowed(&endpoints::SUBMIT_QUIZ)?;
        Ok(training::submit(&self.cx(&user), id, answers).await?)
    }
    async fn list_certificates(&self) -> ClientResult<Vec<Certificate>> {
        let user = self.allowed(&endpoints::LIST_CERTIFICATES)?;
        Ok(training::certificates(&self.cx(&user)).await?)
    }
    async fn list_surveys(&self) -> ClientResult<Vec<Survey>> {
        let user = self.allowed(&endpoints::LIST_SURVEYS)?;
        Ok(surveys::list(&self.cx(&user)).await?)
    }
    async fn create_survey(&self, input: &SurveyInput) -> ClientResult<Survey> {
        let user = self.allowed(&endpoints::CREATE_SURVEY)?;
        Ok(surveys::create(&self.cx(&user), input).await?)
    }
    async fn close_survey(&self, id: &str) -> ClientResult<Survey> {
        let user = self.allowed(&endpoints::CLOSE_SURVEY)?;
        Ok(surveys::close(&self.cx(&user), id).await?)
    }
    async fn answer_survey(&self, id: &str, answer: &SurveyAnswer) -> ClientResult<Survey> {
        let user = self.allowed(&endpoints::ANSWER_SURVEY)?;
        Ok(surveys::answer(&self.cx(&user), id, answer).await?)
    }
    async fn survey_results(&self, id: &str) -> ClientResult<SurveyResults> {
        let user = self.allowed(&endpoints::SURVEY_RESULTS)?;
        Ok(surveys::survey_results(&self.cx(&user), id).await?)
    }
    async fn reports(&self, range: &ReportQuery) -> ClientResult<Vec<Report>> {
        let user = self.allowed(&endpoints::REPORTS)?;
        Ok(reports::list(&self.cx(&user), range).await?)
    }
    async fn community(&self) -> ClientResult<PublishedSite> {
        let user = self.allowed(&endpoints::COMMUNITY)?;
        Ok(community::published(&self.cx(&user)).await?)
    }
    async fn draft(&self) -> ClientResult<Draft> {
        let user = self.allowed(&endpoints::DRAFT)?;
        Ok(community::draft(&self.cx(&user)).await?)
    }
    async fn save_draft(&self, body: &SaveDraft) -> ClientResult<Draft> {
        let user = self.allowed(&endpoints::SAVE_DRAFT)?;
        Ok(community::save_draft(&self.cx(&user), body).await?)
    }
    async fn publish(&self, body: &Publish) -> ClientResult<PublishedSite> {
        let user = self.allowed(&endpoints::PUBLISH)?;
        Ok(community::publish(&self.cx(&user), body).await?)
    }
    async fn site_versions(&self) -> ClientResult<Vec<SiteVersion>> {
        let user = self.allowed(&endpoints::SITE_VERSIONS)?;
        Ok(community::versions(&self.cx(&user)).await?)
    }
    async fn site_version(&self, version: i64) -> ClientResult<PublishedSite> {
        let user = self.allowed(&endpoints::SITE_VERSION)?;
        Ok(community::version(&self.cx(&user), version).await?)
    }
    async fn restore_version(&self, version: i64, body: &Restore) -> ClientResult<Draft> {
        let user = self.allowed(&endpoints::RESTORE_VERSION)?;
        Ok(community::restore(&self.cx(&user), version, body).await?)
    }
    async fn audit_log(
        &self,
        query: &trellis_api::audit::AuditQuery,
    ) -> ClientResult<ListPage<trellis_api::audit::AuditEvent>> {
        self.audit_log_now(query)
    }
}

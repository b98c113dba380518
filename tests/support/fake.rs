//! The browser tests' backend: the demo backend with scripted leads answers and a login counter.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use async_trait::async_trait;
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyInput, SurveyResults};
use trellis_api::training::{Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule};
use trellis_api::*;
use trellis_client::{ClientResult, DemoBackend, PrmBackend};

use crate::tick;

/// The demo backend, with scripted answers for the leads list and a count of login calls.
#[derive(Default)]
pub struct Fake {
    pub demo: DemoBackend,
    pub leads: RefCell<VecDeque<ClientResult<ListPage<Lead>>>>,
    /// While false, leads requests wait (to observe the loading state).
    pub open: Rc<Cell<bool>>,
    pub logins: Cell<u32>,
}

#[async_trait(?Send)]
impl PrmBackend for Fake {
    async fn health(&self) -> ClientResult<Health> {
        self.demo.health().await
    }
    async fn login(&self, r: &LoginRequest) -> ClientResult<Me> {
        self.logins.set(self.logins.get() + 1);
        self.demo.login(r).await
    }
    async fn logout(&self) -> ClientResult<()> {
        self.demo.logout().await
    }
    async fn logout_everywhere(&self) -> ClientResult<()> {
        self.demo.logout_everywhere().await
    }
    async fn me(&self) -> ClientResult<Me> {
        self.demo.me().await
    }
    async fn list_accounts(&self, q: &ListQuery) -> ClientResult<ListPage<Account>> {
        self.demo.list_accounts(q).await
    }
    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        self.demo.get_account(id).await
    }
    async fn create_account(&self, i: &AccountInput) -> ClientResult<Account> {
        self.demo.create_account(i).await
    }
    async fn update_account(&self, id: &str, i: &AccountInput) -> ClientResult<Account> {
        self.demo.update_account(id, i).await
    }
    async fn change_partnership(&self, id: &str, c: &PartnerChange) -> ClientResult<Account> {
        self.demo.change_partnership(id, c).await
    }
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>> {
        self.demo.tier_history(id).await
    }
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        self.demo.list_programs().await
    }
    async fn create_tier(&self, program_id: &str, i: &TierInput) -> ClientResult<Tier> {
        self.demo.create_tier(program_id, i).await
    }
    async fn update_tier(&self, id: &str, i: &TierInput) -> ClientResult<Tier> {
        self.demo.update_tier(id, i).await
    }
    async fn list_users(&self, q: &ListQuery) -> ClientResult<ListPage<User>> {
        self.demo.list_users(q).await
    }
    async fn get_user(&self, id: &str) -> ClientResult<User> {
        self.demo.get_user(id).await
    }
    async fn create_user(&self, i: &UserInput) -> ClientResult<User> {
        self.demo.create_user(i).await
    }
    async fn update_user(&self, id: &str, i: &UserInput) -> ClientResult<User> {
        self.demo.update_user(id, i).await
    }
    async fn list_leads(&self, q: &ListQuery) -> ClientResult<ListPage<Lead>> {
        while !self.open.get() {
            tick().await;
        }
        let scripted = self.leads.borrow_mut().pop_front();
        match scripted {
            Some(answer) => answer,
            None => self.demo.list_leads(q).await,
        }
    }
    async fn transition_lead(
        &self,
        id: &str,
        a: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        self.demo.transition_lead(id, a).await
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        self.demo.get_lead(id).await
    }
    async fn create_lead(&self, i: &LeadInput) -> ClientResult<Lead> {
        self.demo.create_lead(i).await
    }
    async fn update_lead(&self, id: &str, i: &LeadInput) -> ClientResult<Lead> {
        self.demo.update_lead(id, i).await
    }
    async fn distribute_leads(
        &self,
        b: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        self.demo.distribute_leads(b).await
    }
    async fn list_deals(&self, q: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        self.demo.list_deals(q).await
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        self.demo.get_deal(id).await
    }
    async fn create_deal(&self, i: &DealInput) -> ClientResult<DealRegistration> {
        self.demo.create_deal(i).await
    }
    async fn update_deal(&self, id: &str, i: &DealInput) -> ClientResult<DealRegistration> {
        self.demo.update_deal(id, i).await
    }
    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>> {
        self.demo.deal_conflicts(id).await
    }
    async fn transition_deal(
        &self,
        id: &str,
        a: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        self.demo.transition_deal(id, a).await
    }
    async fn list_opportunities(&self, q: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        self.demo.list_opportunities(q).await
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        self.demo.get_opportunity(id).await
    }
    async fn create_opportunity(&self, i: &OpportunityInput) -> ClientResult<Opportunity> {
        self.demo.create_opportunity(i).await
    }
    async fn update_opportunity(
        &self,
        id: &str,
        i: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        self.demo.update_opportunity(id, i).await
    }
    async fn list_contacts(&self, q: &ListQuery) -> ClientResult<ListPage<Contact>> {
        self.demo.list_contacts(q).await
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        self.demo.get_contact(id).await
    }
    async fn create_contact(&self, i: &ContactInput) -> ClientResult<Contact> {
        self.demo.create_contact(i).await
    }
    async fn update_contact(&self, id: &str, i: &ContactInput) -> ClientResult<Contact> {
        self.demo.update_contact(id, i).await
    }
    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>> {
        self.demo.list_mdf_budgets().await
    }
    async fn create_mdf_budget(&self, i: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        self.demo.create_mdf_budget(i).await
    }
    async fn list_mdf_requests(&self, q: &ListQuery) -> ClientResult<ListPage<MdfRequest>> {
        self.demo.list_mdf_requests(q).await
    }
    async fn create_mdf_request(&self, i: &MdfRequestInput) -> ClientResult<MdfRequest> {
        self.demo.create_mdf_request(i).await
    }
    async fn transition_mdf_request(&self, id: &str, a: &MdfAction) -> ClientResult<MdfRequest> {
        self.demo.transition_mdf_request(id, a).await
    }
    async fn list_mdf_claims(&self, q: &ListQuery) -> ClientResult<ListPage<MdfClaim>> {
        self.demo.list_mdf_claims(q).await
    }
    async fn create_mdf_claim(&self, i: &MdfClaimInput) -> ClientResult<MdfClaim> {
        self.demo.create_mdf_claim(i).await
    }
    async fn transition_mdf_claim(&self, id: &str, a: &MdfAction) -> ClientResult<MdfClaim> {
        self.demo.transition_mdf_claim(id, a).await
    }
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile> {
        self.demo.get_file(id).await
    }
    async fn import_csv(
        &self,
        r: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport> {
        self.demo.import_csv(r).await
    }
    async fn export_csv(
        &self,
        k: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport> {
        self.demo.export_csv(k).await
    }
    async fn list_cases(&self, q: &ListQuery) -> ClientResult<ListPage<SupportCase>> {
        self.demo.list_cases(q).await
    }
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase> {
        self.demo.get_case(id).await
    }
    async fn create_case(&self, i: &CaseInput) -> ClientResult<SupportCase> {
        self.demo.create_case(i).await
    }
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>> {
        self.demo.case_messages(id).await
    }
    async fn post_case_message(&self, id: &str, i: &MessageInput) -> ClientResult<SupportCase> {
        self.demo.post_case_message(id, i).await
    }
    async fn support_channels(&self) -> ClientResult<SupportChannels> {
        self.demo.support_channels().await
    }
    async fn set_support_channels(&self, i: &SupportChannels) -> ClientResult<SupportChannels> {
        self.demo.set_support_channels(i).await
    }
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>> {
        self.demo.list_announcements().await
    }
    async fn create_announcement(&self, i: &AnnouncementInput) -> ClientResult<Announcement> {
        self.demo.create_announcement(i).await
    }
    async fn update_announcement(
        &self,
        id: &str,
        i: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        self.demo.update_announcement(id, i).await
    }
    async fn list_modules(&self) -> ClientResult<Vec<TrainingModule>> {
        self.demo.list_modules().await
    }
    async fn create_module(&self, i: &ModuleInput) -> ClientResult<TrainingModule> {
        self.demo.create_module(i).await
    }
    async fn update_module(&self, id: &str, i: &ModuleInput) -> ClientResult<TrainingModule> {
        self.demo.update_module(id, i).await
    }
    async fn submit_quiz(&self, id: &str, a: &QuizAnswers) -> ClientResult<QuizResult> {
        self.demo.submit_quiz(id, a).await
    }
    async fn list_certificates(&self) -> ClientResult<Vec<Certificate>> {
        self.demo.list_certificates().await
    }
    async fn list_surveys(&self) -> ClientResult<Vec<Survey>> {
        self.demo.list_surveys().await
    }
    async fn create_survey(&self, i: &SurveyInput) -> ClientResult<Survey> {
        self.demo.create_survey(i).await
    }
    async fn close_survey(&self, id: &str) -> ClientResult<Survey> {
        self.demo.close_survey(id).await
    }
    async fn answer_survey(&self, id: &str, a: &SurveyAnswer) -> ClientResult<Survey> {
        self.demo.answer_survey(id, a).await
    }
    async fn survey_results(&self, id: &str) -> ClientResult<SurveyResults> {
        self.demo.survey_results(id).await
    }
    async fn reports(&self, r: &ReportQuery) -> ClientResult<Vec<Report>> {
        self.demo.reports(r).await
    }
    async fn community(&self) -> ClientResult<PublishedSite> {
        self.demo.community().await
    }
    async fn draft(&self) -> ClientResult<Draft> {
        self.demo.draft().await
    }
    async fn save_draft(&self, b: &SaveDraft) -> ClientResult<Draft> {
        self.demo.save_draft(b).await
    }
    async fn publish(&self, b: &Publish) -> ClientResult<PublishedSite> {
        self.demo.publish(b).await
    }
    async fn site_versions(&self) -> ClientResult<Vec<SiteVersion>> {
        self.demo.site_versions().await
    }
    async fn site_version(&self, v: i64) -> ClientResult<PublishedSite> {
        self.demo.site_version(v).await
    }
    async fn restore_version(&self, v: i64, b: &Restore) -> ClientResult<Draft> {
        self.demo.restore_version(v, b).await
    }
    async fn audit_log(
        &self,
        q: &trellis_api::audit::AuditQuery,
    ) -> ClientResult<ListPage<trellis_api::audit::AuditEvent>> {
        self.demo.audit_log(q).await
    }
}

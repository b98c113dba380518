//! The typed Trellis client: the one interface the UI uses to talk to a PRM backend.
//!
//! [`PrmBackend`] is implemented by [`HttpBackend`] (the Trellis REST API) and by
//! [`DemoBackend`] (in memory, seeded with the demo organisation, for running with no server).

mod demo;
mod error;
mod http;
mod transport;

use async_trait::async_trait;
use trellis_api::{
    Account, AccountInput, Announcement, AnnouncementInput, CaseInput, CaseMessage, Contact,
    ContactInput, DealInput, DealRegistration, Draft, Health, Lead, LeadInput, ListPage, ListQuery,
    LoginRequest, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim, MdfClaimInput, MdfRequest,
    MdfRequestInput, Me, MessageInput, Opportunity, OpportunityInput, PartnerChange,
    PartnerProgram, Publish, PublishedSite, Restore, SaveDraft, SiteVersion, StoredFile,
    SupportCase, SupportChannels, Tier, TierChange, TierInput, User, UserInput,
};

pub use demo::{DemoBackend, SNAPSHOT_VERSION};
pub use error::ClientError;
pub use http::HttpBackend;

/// The result of every client call.
pub type ClientResult<T> = Result<T, ClientError>;

/// Everything the UI can ask of a PRM backend.
#[async_trait(?Send)]
pub trait PrmBackend {
    /// Liveness of the backend.
    async fn health(&self) -> ClientResult<Health>;
    /// Log in; the session is kept by the backend (a cookie for REST).
    async fn login(&self, request: &LoginRequest) -> ClientResult<Me>;
    /// End the session.
    async fn logout(&self) -> ClientResult<()>;
    /// End every session of the logged-in user, on every device (this one included).
    async fn logout_everywhere(&self) -> ClientResult<()>;
    /// The logged-in user; `Unauthenticated` when nobody is.
    async fn me(&self) -> ClientResult<Me>;

    async fn list_accounts(&self, query: &ListQuery) -> ClientResult<ListPage<Account>>;
    async fn get_account(&self, id: &str) -> ClientResult<Account>;
    async fn create_account(&self, input: &AccountInput) -> ClientResult<Account>;
    async fn update_account(&self, id: &str, input: &AccountInput) -> ClientResult<Account>;
    /// Make an account a partner, move its tier, or end its partnership, with a reason (vendor staff).
    async fn change_partnership(&self, id: &str, change: &PartnerChange) -> ClientResult<Account>;
    /// An account's tier history, newest first.
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>>;
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>>;
    /// Add a tier to a program (vendor staff).
    async fn create_tier(&self, program_id: &str, input: &TierInput) -> ClientResult<Tier>;
    /// Edit a tier (vendor staff).
    async fn update_tier(&self, id: &str, input: &TierInput) -> ClientResult<Tier>;

    async fn list_users(&self, query: &ListQuery) -> ClientResult<ListPage<User>>;
    async fn get_user(&self, id: &str) -> ClientResult<User>;
    async fn create_user(&self, input: &UserInput) -> ClientResult<User>;
    async fn update_user(&self, id: &str, input: &UserInput) -> ClientResult<User>;

    async fn list_leads(&self, query: &ListQuery) -> ClientResult<ListPage<Lead>>;
    async fn get_lead(&self, id: &str) -> ClientResult<Lead>;
    async fn create_lead(&self, input: &LeadInput) -> ClientResult<Lead>;
    async fn update_lead(&self, id: &str, input: &LeadInput) -> ClientResult<Lead>;
    /// Accept, decline or convert a lead.
    async fn transition_lead(
        &self,
        id: &str,
        action: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome>;

    /// Hand pooled or chosen leads to partners by a rule (vendor staff).
    async fn distribute_leads(
        &self,
        body: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult>;

    async fn list_deals(&self, query: &ListQuery) -> ClientResult<ListPage<DealRegistration>>;
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration>;
    async fn create_deal(&self, input: &DealInput) -> ClientResult<DealRegistration>;
    async fn update_deal(&self, id: &str, input: &DealInput) -> ClientResult<DealRegistration>;
    /// Registrations and open opportunities that look like the same deal (vendor staff).
    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>>;
    /// Move a deal registration through its review (submit, approve, reject, ...).
    async fn transition_deal(
        &self,
        id: &str,
        action: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration>;

    async fn list_opportunities(&self, query: &ListQuery) -> ClientResult<ListPage<Opportunity>>;
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity>;
    async fn create_opportunity(&self, input: &OpportunityInput) -> ClientResult<Opportunity>;
    async fn update_opportunity(
        &self,
        id: &str,
        input: &OpportunityInput,
    ) -> ClientResult<Opportunity>;

    async fn list_contacts(&self, query: &ListQuery) -> ClientResult<ListPage<Contact>>;
    async fn get_contact(&self, id: &str) -> ClientResult<Contact>;
    async fn create_contact(&self, input: &ContactInput) -> ClientResult<Contact>;
    async fn update_contact(&self, id: &str, input: &ContactInput) -> ClientResult<Contact>;

    /// MDF budgets: all for vendor staff, the partner's program's for partners.
    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>>;
    /// Set aside a budget (vendor staff).
    async fn create_mdf_budget(&self, input: &MdfBudgetInput) -> ClientResult<MdfBudget>;
    async fn list_mdf_requests(&self, query: &ListQuery) -> ClientResult<ListPage<MdfRequest>>;
    /// Ask for funds (partners).
    async fn create_mdf_request(&self, input: &MdfRequestInput) -> ClientResult<MdfRequest>;
    /// Approve or reject a fund request (vendor staff).
    async fn transition_mdf_request(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfRequest>;
    async fn list_mdf_claims(&self, query: &ListQuery) -> ClientResult<ListPage<MdfClaim>>;
    /// File a claim with proof against an approved request (partners).
    async fn create_mdf_claim(&self, input: &MdfClaimInput) -> ClientResult<MdfClaim>;
    /// Approve, reject or pay a claim (vendor staff).
    async fn transition_mdf_claim(&self, id: &str, action: &MdfAction) -> ClientResult<MdfClaim>;
    /// An uploaded file the user may see.
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile>;

    /// Check a CSV file and import its rows (see [`trellis_api::import`]).
    async fn import_csv(
        &self,
        request: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport>;
    /// Everything of one kind the user may see, as CSV.
    async fn export_csv(
        &self,
        kind: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport>;

    async fn list_cases(&self, query: &ListQuery) -> ClientResult<ListPage<SupportCase>>;
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase>;
    /// Open a support case (partners).
    async fn create_case(&self, input: &CaseInput) -> ClientResult<SupportCase>;
    /// A case's messages, oldest first.
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>>;
    /// Reply to a case, optionally changing its status.
    async fn post_case_message(&self, id: &str, input: &MessageInput) -> ClientResult<SupportCase>;
    async fn support_channels(&self) -> ClientResult<SupportChannels>;
    /// Change the contact channels (vendor staff).
    async fn set_support_channels(&self, input: &SupportChannels) -> ClientResult<SupportChannels>;

    /// Announcements the user sees, newest first (staff also see scheduled ones).
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>>;
    /// Write an announcement (vendor staff).
    async fn create_announcement(&self, input: &AnnouncementInput) -> ClientResult<Announcement>;
    /// Edit an announcement (vendor staff).
    async fn update_announcement(
        &self,
        id: &str,
        input: &AnnouncementInput,
    ) -> ClientResult<Announcement>;

    /// Training modules the user may take, with their progress.
    async fn list_modules(&self) -> ClientResult<Vec<trellis_api::training::TrainingModule>>;
    /// Write a training module (vendor staff).
    async fn create_module(
        &self,
        input: &trellis_api::training::ModuleInput,
    ) -> ClientResult<trellis_api::training::TrainingModule>;
    /// Edit a training module (vendor staff).
    async fn update_module(
        &self,
        id: &str,
        input: &trellis_api::training::ModuleInput,
    ) -> ClientResult<trellis_api::training::TrainingModule>;
    /// Hand in a quiz; passing grants a certificate.
    async fn submit_quiz(
        &self,
        id: &str,
        answers: &trellis_api::training::QuizAnswers,
    ) -> ClientResult<trellis_api::training::QuizResult>;
    /// Certificates the user may see.
    async fn list_certificates(&self) -> ClientResult<Vec<trellis_api::training::Certificate>>;

    /// Surveys, newest first, with the user's own answers.
    async fn list_surveys(&self) -> ClientResult<Vec<trellis_api::surveys::Survey>>;
    /// Ask partners a new question (vendor staff).
    async fn create_survey(
        &self,
        input: &trellis_api::surveys::SurveyInput,
    ) -> ClientResult<trellis_api::surveys::Survey>;
    /// Stop taking answers (vendor staff).
    async fn close_survey(&self, id: &str) -> ClientResult<trellis_api::surveys::Survey>;
    /// Answer a survey once (partner users).
    async fn answer_survey(
        &self,
        id: &str,
        answer: &trellis_api::surveys::SurveyAnswer,
    ) -> ClientResult<trellis_api::surveys::Survey>;
    /// A survey's NPS and comments (vendor staff).
    async fn survey_results(&self, id: &str) -> ClientResult<trellis_api::surveys::SurveyResults>;

    /// The user's dashboard reports over a date range.
    async fn reports(
        &self,
        range: &trellis_api::reports::ReportQuery,
    ) -> ClientResult<Vec<trellis_api::reports::Report>>;

    /// The published community as the logged-in user sees it.
    async fn community(&self) -> ClientResult<PublishedSite>;
    /// The draft community (administrators).
    async fn draft(&self) -> ClientResult<Draft>;
    /// Save the draft; `Conflict` (carrying the current draft) if it changed since `base_version`.
    async fn save_draft(&self, body: &SaveDraft) -> ClientResult<Draft>;
    /// Publish the draft as a new immutable version (administrators).
    async fn publish(&self, body: &Publish) -> ClientResult<PublishedSite>;
    /// The version history, newest first (administrators).
    async fn site_versions(&self) -> ClientResult<Vec<SiteVersion>>;
    /// One published version, whole, for preview (administrators).
    async fn site_version(&self, version: i64) -> ClientResult<PublishedSite>;
    /// Make a published version the draft again (rollback).
    async fn restore_version(&self, version: i64, body: &Restore) -> ClientResult<Draft>;
    /// The audit log, newest first, filtered (administrators).
    async fn audit_log(
        &self,
        query: &trellis_api::audit::AuditQuery,
    ) -> ClientResult<ListPage<trellis_api::audit::AuditEvent>>;
}

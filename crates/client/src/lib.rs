//! The typed Trellis client: the one interface the UI uses to talk to a PRM backend.
//!
//! [`PrmBackend`] is implemented by [`HttpBackend`] (the Trellis REST API) and by
//! [`DemoBackend`] (in memory, seeded with the demo organisation, for running with no server).
//! Each implements one method, [`PrmBackend::send`]; the typed calls the UI makes are written
//! once, below, each naming its endpoint's declaration and how its arguments fill the request.

mod call;
mod demo;
mod error;
mod http;
mod transport;
mod watch;

use async_trait::async_trait;
use trellis_api::endpoints::{self, Endpoint};
use trellis_api::{
    Account, AccountInput, Announcement, AnnouncementInput, CaseInput, CaseMessage, Contact,
    ContactInput, DealInput, DealRegistration, Draft, Health, Lead, LeadInput, ListPage, ListQuery,
    LoginRequest, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim, MdfClaimInput, MdfRequest,
    MdfRequestInput, Me, MessageInput, Opportunity, OpportunityInput, PartnerChange,
    PartnerProgram, Publish, PublishedSite, Restore, SaveDraft, SiteVersion, StoredFile,
    SupportCase, SupportChannels, Tier, TierChange, TierInput, User, UserInput,
};

pub use call::{Arg, Reply, Request};
pub use demo::{DemoBackend, SNAPSHOT_VERSION};
pub use error::ClientError;
pub use http::HttpBackend;
pub use watch::{Reading, Revisions, Subscription, Watched};

/// The result of every client call.
pub type ClientResult<T> = Result<T, ClientError>;

/// The `PrmBackend` trait, with one typed method per line of the table: `fn name(args) -> Reply
/// = ENDPOINT [path parameters] query = arg body = arg;`.
macro_rules! prm_backend {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $reply:ty = $endpoint:ident
        [$($param:expr),*] $(query = $query:ident)? $(body = $body:expr)?;)*) => {
        /// Everything the UI can ask of a PRM backend.
        #[async_trait(?Send)]
        pub trait PrmBackend {
            /// One call to `endpoint`; every typed method comes here.
            async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>)
                -> ClientResult<Reply>;

            $($(#[$doc])*
            async fn $name(&self, $($arg: $ty),*) -> ClientResult<$reply> {
                let request = Request {
                    params: vec![$(Box::new($param.to_owned())),*],
                    query: None $(.or(Some($query as &dyn Arg)))?,
                    body: None $(.or(Some($body as &dyn Arg)))?,
                };
                self.send(&endpoints::$endpoint, request).await?.decode()
            })*
        }
    };
}

prm_backend! {
    /// Liveness of the backend.
    fn health() -> Health = HEALTH [];
    /// Log in; the session is kept by the backend (a cookie for REST).
    fn login(request: &LoginRequest) -> Me = LOGIN [] body = request;
    /// End the session.
    fn logout() -> () = LOGOUT [];
    /// End every session of the logged-in user, on every device (this one included).
    fn logout_everywhere() -> () = LOGOUT_EVERYWHERE [];
    /// The logged-in user; `Unauthenticated` when nobody is.
    fn me() -> Me = ME [];
    fn list_accounts(query: &ListQuery) -> ListPage<Account> = LIST_ACCOUNTS [] query = query;
    fn get_account(id: &str) -> Account = GET_ACCOUNT [id];
    fn create_account(input: &AccountInput) -> Account = CREATE_ACCOUNT [] body = input;
    fn update_account(id: &str, input: &AccountInput) -> Account = UPDATE_ACCOUNT [id] body = input;
    /// Make an account a partner, move its tier, or end its partnership, with a reason (vendor staff).
    fn change_partnership(id: &str, change: &PartnerChange) -> Account = CHANGE_PARTNERSHIP [id] body = change;
    /// An account's tier history, newest first.
    fn tier_history(id: &str) -> Vec<TierChange> = TIER_HISTORY [id];
    fn list_programs() -> Vec<PartnerProgram> = LIST_PROGRAMS [];
    /// Add a tier to a program (vendor staff).
    fn create_tier(program_id: &str, input: &TierInput) -> Tier = CREATE_TIER [program_id] body = input;
    /// Edit a tier (vendor staff).
    fn update_tier(id: &str, input: &TierInput) -> Tier = UPDATE_TIER [id] body = input;
    fn list_users(query: &ListQuery) -> ListPage<User> = LIST_USERS [] query = query;
    fn get_user(id: &str) -> User = GET_USER [id];
    fn create_user(input: &UserInput) -> User = CREATE_USER [] body = input;
    fn update_user(id: &str, input: &UserInput) -> User = UPDATE_USER [id] body = input;
    fn list_leads(query: &ListQuery) -> ListPage<Lead> = LIST_LEADS [] query = query;
    fn get_lead(id: &str) -> Lead = GET_LEAD [id];
    fn create_lead(input: &LeadInput) -> Lead = CREATE_LEAD [] body = input;
    fn update_lead(id: &str, input: &LeadInput) -> Lead = UPDATE_LEAD [id] body = input;
    /// Accept, decline or convert a lead.
    fn transition_lead(id: &str, action: &trellis_api::lead_flow::LeadAction) -> trellis_api::lead_flow::LeadOutcome = TRANSITION_LEAD [id] body = action;
    /// Hand pooled or chosen leads to partners by a rule (vendor staff).
    fn distribute_leads(body: &trellis_api::distribution::Distribution) -> trellis_api::distribution::DistributionResult = DISTRIBUTE_LEADS [] body = body;
    fn list_deals(query: &ListQuery) -> ListPage<DealRegistration> = LIST_DEALS [] query = query;
    fn get_deal(id: &str) -> DealRegistration = GET_DEAL [id];
    fn create_deal(input: &DealInput) -> DealRegistration = CREATE_DEAL [] body = input;
    fn update_deal(id: &str, input: &DealInput) -> DealRegistration = UPDATE_DEAL [id] body = input;
    /// Registrations and open opportunities that look like the same deal (vendor staff).
    fn deal_conflicts(id: &str) -> Vec<trellis_api::deal_flow::DealConflict> = DEAL_CONFLICTS [id];
    /// Move a deal registration through its review (submit, approve, reject, ...).
    fn transition_deal(id: &str, action: &trellis_api::deal_flow::DealAction) -> DealRegistration = TRANSITION_DEAL [id] body = action;
    fn list_opportunities(query: &ListQuery) -> ListPage<Opportunity> = LIST_OPPORTUNITIES [] query = query;
    fn get_opportunity(id: &str) -> Opportunity = GET_OPPORTUNITY [id];
    fn create_opportunity(input: &OpportunityInput) -> Opportunity = CREATE_OPPORTUNITY [] body = input;
    fn update_opportunity(id: &str, input: &OpportunityInput) -> Opportunity = UPDATE_OPPORTUNITY [id] body = input;
    fn list_contacts(query: &ListQuery) -> ListPage<Contact> = LIST_CONTACTS [] query = query;
    fn get_contact(id: &str) -> Contact = GET_CONTACT [id];
    fn create_contact(input: &ContactInput) -> Contact = CREATE_CONTACT [] body = input;
    fn update_contact(id: &str, input: &ContactInput) -> Contact = UPDATE_CONTACT [id] body = input;
    /// MDF budgets: all for vendor staff, the partner's program's for partners.
    fn list_mdf_budgets() -> Vec<MdfBudget> = LIST_MDF_BUDGETS [];
    /// Set aside a budget (vendor staff).
    fn create_mdf_budget(input: &MdfBudgetInput) -> MdfBudget = CREATE_MDF_BUDGET [] body = input;
    fn list_mdf_requests(query: &ListQuery) -> ListPage<MdfRequest> = LIST_MDF_REQUESTS [] query = query;
    /// Ask for funds (partners).
    fn create_mdf_request(input: &MdfRequestInput) -> MdfRequest = CREATE_MDF_REQUEST [] body = input;
    /// Approve or reject a fund request (vendor staff).
    fn transition_mdf_request(id: &str, action: &MdfAction) -> MdfRequest = TRANSITION_MDF_REQUEST [id] body = action;
    fn list_mdf_claims(query: &ListQuery) -> ListPage<MdfClaim> = LIST_MDF_CLAIMS [] query = query;
    /// File a claim with proof against an approved request (partners).
    fn create_mdf_claim(input: &MdfClaimInput) -> MdfClaim = CREATE_MDF_CLAIM [] body = input;
    /// Approve, reject or pay a claim (vendor staff).
    fn transition_mdf_claim(id: &str, action: &MdfAction) -> MdfClaim = TRANSITION_MDF_CLAIM [id] body = action;
    /// An uploaded file the user may see.
    fn get_file(id: &str) -> StoredFile = GET_FILE [id];
    /// Check a CSV file and import its rows (see [`trellis_api::import`]).
    fn import_csv(request: &trellis_api::import::ImportRequest) -> trellis_api::import::ImportReport = IMPORT_CSV [] body = request;
    /// Everything of one kind the user may see, as CSV.
    fn export_csv(kind: trellis_api::import::ImportKind) -> trellis_api::import::CsvExport = EXPORT_CSV [kind];
    fn list_cases(query: &ListQuery) -> ListPage<SupportCase> = LIST_CASES [] query = query;
    fn get_case(id: &str) -> SupportCase = GET_CASE [id];
    /// Open a support case (partners).
    fn create_case(input: &CaseInput) -> SupportCase = CREATE_CASE [] body = input;
    /// A case's messages, oldest first.
    fn case_messages(id: &str) -> Vec<CaseMessage> = CASE_MESSAGES [id];
    /// Reply to a case, optionally changing its status.
    fn post_case_message(id: &str, input: &MessageInput) -> SupportCase = POST_CASE_MESSAGE [id] body = input;
    fn support_channels() -> SupportChannels = SUPPORT_CHANNELS [];
    /// Change the contact channels (vendor staff).
    fn set_support_channels(input: &SupportChannels) -> SupportChannels = SET_SUPPORT_CHANNELS [] body = input;
    /// Announcements the user sees, newest first (staff also see scheduled ones).
    fn list_announcements() -> Vec<Announcement> = LIST_ANNOUNCEMENTS [];
    /// Write an announcement (vendor staff).
    fn create_announcement(input: &AnnouncementInput) -> Announcement = CREATE_ANNOUNCEMENT [] body = input;
    /// Edit an announcement (vendor staff).
    fn update_announcement(id: &str, input: &AnnouncementInput) -> Announcement = UPDATE_ANNOUNCEMENT [id] body = input;
    /// Training modules the user may take, with their progress.
    fn list_modules() -> Vec<trellis_api::training::TrainingModule> = LIST_MODULES [];
    /// Write a training module (vendor staff).
    fn create_module(input: &trellis_api::training::ModuleInput) -> trellis_api::training::TrainingModule = CREATE_MODULE [] body = input;
    /// Edit a training module (vendor staff).
    fn update_module(id: &str, input: &trellis_api::training::ModuleInput) -> trellis_api::training::TrainingModule = UPDATE_MODULE [id] body = input;
    /// Hand in a quiz; passing grants a certificate.
    fn submit_quiz(id: &str, answers: &trellis_api::training::QuizAnswers) -> trellis_api::training::QuizResult = SUBMIT_QUIZ [id] body = answers;
    /// Certificates the user may see.
    fn list_certificates() -> Vec<trellis_api::training::Certificate> = LIST_CERTIFICATES [];
    /// Surveys, newest first, with the user's own answers.
    fn list_surveys() -> Vec<trellis_api::surveys::Survey> = LIST_SURVEYS [];
    /// Ask partners a new question (vendor staff).
    fn create_survey(input: &trellis_api::surveys::SurveyInput) -> trellis_api::surveys::Survey = CREATE_SURVEY [] body = input;
    /// Stop taking answers (vendor staff).
    fn close_survey(id: &str) -> trellis_api::surveys::Survey = CLOSE_SURVEY [id] body = &();
    /// Answer a survey once (partner users).
    fn answer_survey(id: &str, answer: &trellis_api::surveys::SurveyAnswer) -> trellis_api::surveys::Survey = ANSWER_SURVEY [id] body = answer;
    /// A survey's NPS and comments (vendor staff).
    fn survey_results(id: &str) -> trellis_api::surveys::SurveyResults = SURVEY_RESULTS [id];
    /// The user's dashboard reports over a date range.
    fn reports(range: &trellis_api::reports::ReportQuery) -> Vec<trellis_api::reports::Report> = REPORTS [] query = range;
    /// The published community as the logged-in user sees it.
    fn community() -> PublishedSite = COMMUNITY [];
    /// The draft community (administrators).
    fn draft() -> Draft = DRAFT [];
    /// Save the draft; `Conflict` (carrying the current draft) if it changed since `base_version`.
    fn save_draft(body: &SaveDraft) -> Draft = SAVE_DRAFT [] body = body;
    /// Publish the draft as a new immutable version (administrators).
    fn publish(body: &Publish) -> PublishedSite = PUBLISH [] body = body;
    /// The version history, newest first (administrators).
    fn site_versions() -> Vec<SiteVersion> = SITE_VERSIONS [];
    /// One published version, whole, for preview (administrators).
    fn site_version(version: i64) -> PublishedSite = SITE_VERSION [version];
    /// Make a published version the draft again (rollback).
    fn restore_version(version: i64, body: &Restore) -> Draft = RESTORE_VERSION [version] body = body;
    /// The audit log, newest first, filtered (administrators).
    fn audit_log(query: &trellis_api::audit::AuditQuery) -> ListPage<trellis_api::audit::AuditEvent> = AUDIT_LOG [] query = query;

}

//! The typed Trellis client: the one interface the UI uses to talk to a PRM backend.
//!
//! [`PrmBackend`] is implemented by [`HttpBackend`] (the Trellis REST API) and by
//! [`DemoBackend`] (in memory, seeded with the demo organisation, for running with no server).
//! Each implements one method, [`PrmBackend::send`]; the typed calls the UI makes are written
//! once, below, each naming its endpoint's declaration and how its arguments fill the request.

mod call;
#[cfg(feature = "demo")]
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

pub use call::{Arg, Body, Call, Reply, Request};
#[cfg(feature = "demo")]
pub use demo::{DemoBackend, SNAPSHOT_VERSION};
pub use error::ClientError;
pub use http::HttpBackend;
pub use watch::{Reading, Revisions, Subscription, Watched};

/// The result of every client call.
pub type ClientResult<T> = Result<T, ClientError>;

/// The `PrmBackend` trait, with one typed method per line of the table: `fn name(args) -> Reply
/// = ENDPOINT [path parameters] query = arg body = arg;`, borrowing for the table's lifetime.
macro_rules! prm_backend {
    ($lt:lifetime; $($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $reply:ty = $endpoint:ident
        [$($param:expr),*] $(query = $query:ident)? $(body = $body:expr)?;)*) => {
        /// A PRM backend: one method, every call of the UI goes through it.
        #[async_trait(?Send)]
        pub trait PrmBackend {
            /// One call to `endpoint`; every typed method comes here.
            async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>)
                -> ClientResult<Reply>;
        }

        /// Everything the UI can ask of a PRM backend. Inherent methods of the trait object,
        /// not trait methods: a vtable would keep every call (and its decoding) in every bundle,
        /// where these are linked only into the bundles that make them.
        impl dyn PrmBackend + '_ {
            $($(#[$doc])*
            pub fn $name<$lt>(&$lt self, $($arg: $ty),*) -> Call<$lt, $reply> {
                let request = Request {
                    params: vec![$(Box::new($param.to_owned())),*],
                    query: None $(.or(Some($query as &dyn Arg)))?,
                    body: None $(.or(Some($body as &dyn Body)))?,
                };
                Call::new(self.send(&endpoints::$endpoint, request))
            })*
        }
    };
}

prm_backend! {
    'a;
    /// Liveness of the backend.
    fn health() -> Health = HEALTH [];
    /// Log in; the session is kept by the backend (a cookie for REST).
    fn login(request: &'a LoginRequest) -> Me = LOGIN [] body = request;
    /// End the session.
    fn logout() -> () = LOGOUT [];
    /// End every session of the logged-in user, on every device (this one included).
    fn logout_everywhere() -> () = LOGOUT_EVERYWHERE [];
    /// The logged-in user; `Unauthenticated` when nobody is.
    fn me() -> Me = ME [];
    fn list_accounts(query: &'a ListQuery) -> ListPage<Account> = LIST_ACCOUNTS [] query = query;
    fn get_account(id: &'a str) -> Account = GET_ACCOUNT [id];
    fn create_account(input: &'a AccountInput) -> Account = CREATE_ACCOUNT [] body = input;
    fn update_account(id: &'a str, input: &'a AccountInput) -> Account = UPDATE_ACCOUNT [id] body = input;
    /// Make an account a partner, move its tier, or end its partnership, with a reason (vendor staff).
    fn change_partnership(id: &'a str, change: &'a PartnerChange) -> Account = CHANGE_PARTNERSHIP [id] body = change;
    /// An account's tier history, newest first.
    fn tier_history(id: &'a str) -> Vec<TierChange> = TIER_HISTORY [id];
    fn list_programs() -> Vec<PartnerProgram> = LIST_PROGRAMS [];
    /// Add a tier to a program (vendor staff).
    fn create_tier(program_id: &'a str, input: &'a TierInput) -> Tier = CREATE_TIER [program_id] body = input;
    /// Edit a tier (vendor staff).
    fn update_tier(id: &'a str, input: &'a TierInput) -> Tier = UPDATE_TIER [id] body = input;
    fn list_users(query: &'a ListQuery) -> ListPage<User> = LIST_USERS [] query = query;
    fn get_user(id: &'a str) -> User = GET_USER [id];
    fn create_user(input: &'a UserInput) -> User = CREATE_USER [] body = input;
    fn update_user(id: &'a str, input: &'a UserInput) -> User = UPDATE_USER [id] body = input;
    fn list_leads(query: &'a ListQuery) -> ListPage<Lead> = LIST_LEADS [] query = query;
    fn get_lead(id: &'a str) -> Lead = GET_LEAD [id];
    fn create_lead(input: &'a LeadInput) -> Lead = CREATE_LEAD [] body = input;
    fn update_lead(id: &'a str, input: &'a LeadInput) -> Lead = UPDATE_LEAD [id] body = input;
    /// Accept, decline or convert a lead.
    fn transition_lead(id: &'a str, action: &'a trellis_api::lead_flow::LeadAction) -> trellis_api::lead_flow::LeadOutcome = TRANSITION_LEAD [id] body = action;
    /// Hand pooled or chosen leads to partners by a rule (vendor staff).
    fn distribute_leads(body: &'a trellis_api::distribution::Distribution) -> trellis_api::distribution::DistributionResult = DISTRIBUTE_LEADS [] body = body;
    fn list_deals(query: &'a ListQuery) -> ListPage<DealRegistration> = LIST_DEALS [] query = query;
    fn get_deal(id: &'a str) -> DealRegistration = GET_DEAL [id];
    fn create_deal(input: &'a DealInput) -> DealRegistration = CREATE_DEAL [] body = input;
    fn update_deal(id: &'a str, input: &'a DealInput) -> DealRegistration = UPDATE_DEAL [id] body = input;
    /// Registrations and open opportunities that look like the same deal (vendor staff).
    fn deal_conflicts(id: &'a str) -> Vec<trellis_api::deal_flow::DealConflict> = DEAL_CONFLICTS [id];
    /// Move a deal registration through its review (submit, approve, reject, ...).
    fn transition_deal(id: &'a str, action: &'a trellis_api::deal_flow::DealAction) -> DealRegistration = TRANSITION_DEAL [id] body = action;
    fn list_opportunities(query: &'a ListQuery) -> ListPage<Opportunity> = LIST_OPPORTUNITIES [] query = query;
    fn get_opportunity(id: &'a str) -> Opportunity = GET_OPPORTUNITY [id];
    fn create_opportunity(input: &'a OpportunityInput) -> Opportunity = CREATE_OPPORTUNITY [] body = input;
    fn update_opportunity(id: &'a str, input: &'a OpportunityInput) -> Opportunity = UPDATE_OPPORTUNITY [id] body = input;
    fn list_contacts(query: &'a ListQuery) -> ListPage<Contact> = LIST_CONTACTS [] query = query;
    fn get_contact(id: &'a str) -> Contact = GET_CONTACT [id];
    fn create_contact(input: &'a ContactInput) -> Contact = CREATE_CONTACT [] body = input;
    fn update_contact(id: &'a str, input: &'a ContactInput) -> Contact = UPDATE_CONTACT [id] body = input;
    /// MDF budgets: all for vendor staff, the partner's program's for partners.
    fn list_mdf_budgets() -> Vec<MdfBudget> = LIST_MDF_BUDGETS [];
    /// Set aside a budget (vendor staff).
    fn create_mdf_budget(input: &'a MdfBudgetInput) -> MdfBudget = CREATE_MDF_BUDGET [] body = input;
    fn list_mdf_requests(query: &'a ListQuery) -> ListPage<MdfRequest> = LIST_MDF_REQUESTS [] query = query;
    /// Ask for funds (partners).
    fn create_mdf_request(input: &'a MdfRequestInput) -> MdfRequest = CREATE_MDF_REQUEST [] body = input;
    /// One fund request.
    fn get_mdf_request(id: &'a str) -> MdfRequest = GET_MDF_REQUEST [id];
    /// Approve or reject a fund request (vendor staff).
    fn transition_mdf_request(id: &'a str, action: &'a MdfAction) -> MdfRequest = TRANSITION_MDF_REQUEST [id] body = action;
    fn list_mdf_claims(query: &'a ListQuery) -> ListPage<MdfClaim> = LIST_MDF_CLAIMS [] query = query;
    /// File a claim with proof against an approved request (partners).
    fn create_mdf_claim(input: &'a MdfClaimInput) -> MdfClaim = CREATE_MDF_CLAIM [] body = input;
    /// One claim.
    fn get_mdf_claim(id: &'a str) -> MdfClaim = GET_MDF_CLAIM [id];
    /// Approve, reject or pay a claim (vendor staff).
    fn transition_mdf_claim(id: &'a str, action: &'a MdfAction) -> MdfClaim = TRANSITION_MDF_CLAIM [id] body = action;
    /// An uploaded file the user may see.
    fn get_file(id: &'a str) -> StoredFile = GET_FILE [id];
    /// Check a CSV file and import its rows (see [`trellis_api::import`]).
    fn import_csv(request: &'a trellis_api::import::ImportRequest) -> trellis_api::import::ImportReport = IMPORT_CSV [] body = request;
    /// Everything of one kind the user may see, as CSV.
    fn export_csv(kind: trellis_api::import::ImportKind) -> trellis_api::import::CsvExport = EXPORT_CSV [kind];
    fn list_cases(query: &'a ListQuery) -> ListPage<SupportCase> = LIST_CASES [] query = query;
    fn get_case(id: &'a str) -> SupportCase = GET_CASE [id];
    /// Open a support case (partners).
    fn create_case(input: &'a CaseInput) -> SupportCase = CREATE_CASE [] body = input;
    /// A case's messages, oldest first.
    fn case_messages(id: &'a str) -> Vec<CaseMessage> = CASE_MESSAGES [id];
    /// Reply to a case, optionally changing its status.
    fn post_case_message(id: &'a str, input: &'a MessageInput) -> SupportCase = POST_CASE_MESSAGE [id] body = input;
    fn support_channels() -> SupportChannels = SUPPORT_CHANNELS [];
    /// Change the contact channels (vendor staff).
    fn set_support_channels(input: &'a SupportChannels) -> SupportChannels = SET_SUPPORT_CHANNELS [] body = input;
    /// Announcements the user sees, newest first (staff also see scheduled ones).
    fn list_announcements() -> Vec<Announcement> = LIST_ANNOUNCEMENTS [];
    /// Write an announcement (vendor staff).
    fn create_announcement(input: &'a AnnouncementInput) -> Announcement = CREATE_ANNOUNCEMENT [] body = input;
    /// Edit an announcement (vendor staff).
    fn update_announcement(id: &'a str, input: &'a AnnouncementInput) -> Announcement = UPDATE_ANNOUNCEMENT [id] body = input;
    /// Training modules the user may take, with their progress.
    fn list_modules() -> Vec<trellis_api::training::TrainingModule> = LIST_MODULES [];
    /// Write a training module (vendor staff).
    fn create_module(input: &'a trellis_api::training::ModuleInput) -> trellis_api::training::TrainingModule = CREATE_MODULE [] body = input;
    /// Edit a training module (vendor staff).
    fn update_module(id: &'a str, input: &'a trellis_api::training::ModuleInput) -> trellis_api::training::TrainingModule = UPDATE_MODULE [id] body = input;
    /// Hand in a quiz; passing grants a certificate.
    fn submit_quiz(id: &'a str, answers: &'a trellis_api::training::QuizAnswers) -> trellis_api::training::QuizResult = SUBMIT_QUIZ [id] body = answers;
    /// Certificates the user may see.
    fn list_certificates() -> Vec<trellis_api::training::Certificate> = LIST_CERTIFICATES [];
    /// Surveys, newest first, with the user's own answers.
    fn list_surveys() -> Vec<trellis_api::surveys::Survey> = LIST_SURVEYS [];
    /// Ask partners a new question (vendor staff).
    fn create_survey(input: &'a trellis_api::surveys::SurveyInput) -> trellis_api::surveys::Survey = CREATE_SURVEY [] body = input;
    /// Stop taking answers (vendor staff).
    fn close_survey(id: &'a str) -> trellis_api::surveys::Survey = CLOSE_SURVEY [id] body = &();
    /// Answer a survey once (partner users).
    fn answer_survey(id: &'a str, answer: &'a trellis_api::surveys::SurveyAnswer) -> trellis_api::surveys::Survey = ANSWER_SURVEY [id] body = answer;
    /// A survey's NPS and comments (vendor staff).
    fn survey_results(id: &'a str) -> trellis_api::surveys::SurveyResults = SURVEY_RESULTS [id];
    /// The user's dashboard reports over a date range.
    fn reports(range: &'a trellis_api::reports::ReportQuery) -> Vec<trellis_api::reports::Report> = REPORTS [] query = range;
    /// The published community as the logged-in user sees it.
    fn community() -> PublishedSite = COMMUNITY [];
    /// The draft community (administrators).
    fn draft() -> Draft = DRAFT [];
    /// Save the draft; `Conflict` (carrying the current draft) if it changed since `base_version`.
    fn save_draft(body: &'a SaveDraft) -> Draft = SAVE_DRAFT [] body = body;
    /// Publish the draft as a new immutable version (administrators).
    fn publish(body: &'a Publish) -> PublishedSite = PUBLISH [] body = body;
    /// The version history, newest first (administrators).
    fn site_versions() -> Vec<SiteVersion> = SITE_VERSIONS [];
    /// One published version, whole, for preview (administrators).
    fn site_version(version: i64) -> PublishedSite = SITE_VERSION [version];
    /// Make a published version the draft again (rollback).
    fn restore_version(version: i64, body: &'a Restore) -> Draft = RESTORE_VERSION [version] body = body;
    /// The audit log, newest first, filtered (administrators).
    fn audit_log(query: &'a trellis_api::audit::AuditQuery) -> ListPage<trellis_api::audit::AuditEvent> = AUDIT_LOG [] query = query;
    /// A record's timeline, newest first (`kind` is its collection: `leads`).
    fn activity(kind: &'a str, id: &'a str) -> Vec<trellis_api::activity::Activity> = ACTIVITY [kind, id];
    /// Comment on a record, mentioning people who may read it.
    fn comment(kind: &'a str, id: &'a str, input: &'a trellis_api::activity::CommentInput) -> trellis_api::activity::Activity = COMMENT [kind, id] body = input;
    /// Who may be mentioned on a record.
    fn mentionable(kind: &'a str, id: &'a str) -> Vec<trellis_api::activity::Person> = MENTIONABLE [kind, id];
    /// How deal registrations are reviewed (vendor staff).
    fn deal_review_policy() -> trellis_api::deal_flow::DealReview = DEAL_REVIEW_POLICY [];
    /// Change how deal registrations are reviewed (administrators).
    fn set_deal_review_policy(policy: &'a trellis_api::deal_flow::DealReview) -> trellis_api::deal_flow::DealReview = SET_DEAL_REVIEW_POLICY [] body = policy;
    /// The product catalogue: every product for staff, the offered ones for partners.
    fn list_products() -> Vec<trellis_api::products::Product> = LIST_PRODUCTS [];
    /// Add a product to the catalogue (vendor staff).
    fn create_product(input: &'a trellis_api::products::ProductInput) -> trellis_api::products::Product = CREATE_PRODUCT [] body = input;
    /// Edit a product, or stop or resume offering it (vendor staff).
    fn update_product(id: &'a str, input: &'a trellis_api::products::ProductInput) -> trellis_api::products::Product = UPDATE_PRODUCT [id] body = input;
    /// The program's currencies, the default first.
    fn currencies() -> trellis_api::products::ProgramCurrencies = CURRENCIES [];
    /// Change the program's currencies (administrators).
    fn set_currencies(currencies: &'a trellis_api::products::ProgramCurrencies) -> trellis_api::products::ProgramCurrencies = SET_CURRENCIES [] body = currencies;
    /// The latest comments that mention the user.
    fn mentions() -> Vec<trellis_api::activity::Activity> = MENTIONS [];

}

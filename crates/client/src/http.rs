//! The Trellis REST backend: every call goes to its endpoint's declaration (`trellis_api::endpoints`).

use async_trait::async_trait;
use serde::de::DeserializeOwned;
use serde::Serialize;
use trellis_api::endpoints::{self, Endpoint};
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyInput, SurveyResults};
use trellis_api::training::{Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule};
use trellis_api::{
    wire_name, Account, AccountInput, Announcement, AnnouncementInput, ApiError, CaseInput,
    CaseMessage, Contact, ContactInput, DealInput, DealRegistration, Draft, Health, Lead,
    LeadInput, ListPage, ListQuery, LoginRequest, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim,
    MdfClaimInput, MdfRequest, MdfRequestInput, Me, MessageInput, Opportunity, OpportunityInput,
    PartnerChange, PartnerProgram, Publish, PublishedSite, Restore, SaveDraft, SiteVersion,
    StoredFile, SupportCase, SupportChannels, Tier, TierChange, TierInput, User, UserInput,
};

use crate::transport::{Method, Transport};
use crate::{ClientError, ClientResult, PrmBackend};

/// Talks to a Trellis server over its REST API.
#[derive(Clone)]
pub struct HttpBackend {
    base_url: String,
    transport: Transport,
}

impl HttpBackend {
    /// A backend at `base_url` (`""` for the page's own origin, `http://127.0.0.1:8080` natively).
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            transport: Transport::new(),
        }
    }

    /// One request to `endpoint`: its method, its path filled with `params`, then `query`.
    async fn call<T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        params: &[&str],
        query: &str,
        body: Option<String>,
    ) -> ClientResult<T> {
        let url = format!("{}{}{query}", self.base_url, endpoint.url(params));
        let method = match endpoint.method {
            "GET" => Method::Get,
            "PUT" => Method::Put,
            _ => Method::Post,
        };
        let answer = self.transport.send(method, &url, body).await?;
        if (200..300).contains(&answer.status) {
            // 204 carries no body; `()` decodes from `null`.
            let text = if answer.body.is_empty() {
                "null"
            } else {
                &answer.body
            };
            serde_json::from_str(text).map_err(|e| ClientError::Decode(e.to_string()))
        } else {
            match serde_json::from_str::<ApiError>(&answer.body) {
                Ok(api) => Err(ClientError::Api(api)),
                Err(_) => Err(ClientError::Decode(format!(
                    "HTTP {} without a Trellis error body",
                    answer.status
                ))),
            }
        }
    }

    async fn get<T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        params: &[&str],
    ) -> ClientResult<T> {
        self.call(endpoint, params, "", None).await
    }

    async fn fetch<T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        query: &str,
    ) -> ClientResult<T> {
        self.call(endpoint, &[], query, None).await
    }

    async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        params: &[&str],
        body: &B,
    ) -> ClientResult<T> {
        let json = serde_json::to_string(body).map_err(|e| ClientError::Decode(e.to_string()))?;
        self.call(endpoint, params, "", Some(json)).await
    }

    async fn list<T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        query: &ListQuery,
    ) -> ClientResult<T> {
        self.call(endpoint, &[], &query_string(query), None).await
    }
}

/// `?a=1&b=x%20y` for the set fields of a list query.
pub fn query_string(query: &ListQuery) -> String {
    let limit = query.limit.map(|l| l.to_string());
    pairs_query([
        ("cursor", query.cursor.as_deref()),
        ("limit", limit.as_deref()),
        ("q", query.q.as_deref()),
        ("status", query.status.as_deref()),
        ("partner_account_id", query.partner_account_id.as_deref()),
        ("sort", query.sort.as_deref()),
    ])
}

/// `?a=1&b=x%20y` for the pairs that have a value.
fn pairs_query<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> String {
    let pairs: Vec<String> = pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode(v))))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[async_trait(?Send)]
impl PrmBackend for HttpBackend {
    async fn health(&self) -> ClientResult<Health> {
        self.get(&endpoints::HEALTH, &[]).await
    }
    async fn login(&self, request: &LoginRequest) -> ClientResult<Me> {
        self.send(&endpoints::LOGIN, &[], request).await
    }
    async fn logout(&self) -> ClientResult<()> {
        self.call(&endpoints::LOGOUT, &[], "", None).await
    }
    async fn logout_everywhere(&self) -> ClientResult<()> {
        self.call(&endpoints::LOGOUT_EVERYWHERE, &[], "", None)
            .await
    }
    async fn me(&self) -> ClientResult<Me> {
        self.get(&endpoints::ME, &[]).await
    }

    async fn list_accounts(&self, query: &ListQuery) -> ClientResult<ListPage<Account>> {
        self.list(&endpoints::LIST_ACCOUNTS, query).await
    }
    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        self.get(&endpoints::GET_ACCOUNT, &[id]).await
    }
    async fn create_account(&self, input: &AccountInput) -> ClientResult<Account> {
        self.send(&endpoints::CREATE_ACCOUNT, &[], input).await
    }
    async fn update_account(&self, id: &str, input: &AccountInput) -> ClientResult<Account> {
        self.send(&endpoints::UPDATE_ACCOUNT, &[id], input).await
    }
    async fn change_partnership(&self, id: &str, change: &PartnerChange) -> ClientResult<Account> {
        self.send(&endpoints::CHANGE_PARTNERSHIP, &[id], change)
            .await
    }
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>> {
        self.get(&endpoints::TIER_HISTORY, &[id]).await
    }
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        self.get(&endpoints::LIST_PROGRAMS, &[]).await
    }

    async fn create_tier(&self, program_id: &str, input: &TierInput) -> ClientResult<Tier> {
        self.send(&endpoints::CREATE_TIER, &[program_id], input)
            .await
    }
    async fn update_tier(&self, id: &str, input: &TierInput) -> ClientResult<Tier> {
        self.send(&endpoints::UPDATE_TIER, &[id], input).await
    }
    async fn list_users(&self, query: &ListQuery) -> ClientResult<ListPage<User>> {
        self.list(&endpoints::LIST_USERS, query).await
    }
    async fn get_user(&self, id: &str) -> ClientResult<User> {
        self.get(&endpoints::GET_USER, &[id]).await
    }
    async fn create_user(&self, input: &UserInput) -> ClientResult<User> {
        self.send(&endpoints::CREATE_USER, &[], input).await
    }
    async fn update_user(&self, id: &str, input: &UserInput) -> ClientResult<User> {
        self.send(&endpoints::UPDATE_USER, &[id], input).await
    }

    async fn list_leads(&self, query: &ListQuery) -> ClientResult<ListPage<Lead>> {
        self.list(&endpoints::LIST_LEADS, query).await
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        self.get(&endpoints::GET_LEAD, &[id]).await
    }
    async fn create_lead(&self, input: &LeadInput) -> ClientResult<Lead> {
        self.send(&endpoints::CREATE_LEAD, &[], input).await
    }
    async fn update_lead(&self, id: &str, input: &LeadInput) -> ClientResult<Lead> {
        self.send(&endpoints::UPDATE_LEAD, &[id], input).await
    }

    async fn transition_lead(
        &self,
        id: &str,
        action: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        self.send(&endpoints::TRANSITION_LEAD, &[id], action).await
    }

    async fn distribute_leads(
        &self,
        body: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        self.send(&endpoints::DISTRIBUTE_LEADS, &[], body).await
    }

    async fn list_deals(&self, query: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        self.list(&endpoints::LIST_DEALS, query).await
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        self.get(&endpoints::GET_DEAL, &[id]).await
    }
    async fn create_deal(&self, input: &DealInput) -> ClientResult<DealRegistration> {
        self.send(&endpoints::CREATE_DEAL, &[], input).await
    }
    async fn update_deal(&self, id: &str, input: &DealInput) -> ClientResult<DealRegistration> {
        self.send(&endpoints::UPDATE_DEAL, &[id], input).await
    }

    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>> {
        self.get(&endpoints::DEAL_CONFLICTS, &[id]).await
    }

    async fn transition_deal(
        &self,
        id: &str,
        action: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        self.send(&endpoints::TRANSITION_DEAL, &[id], action).await
    }

    async fn list_opportunities(&self, query: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        self.list(&endpoints::LIST_OPPORTUNITIES, query).await
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        self.get(&endpoints::GET_OPPORTUNITY, &[id]).await
    }
    async fn create_opportunity(&self, input: &OpportunityInput) -> ClientResult<Opportunity> {
        self.send(&endpoints::CREATE_OPPORTUNITY, &[], input).await
    }
    async fn update_opportunity(
        &self,
        id: &str,
        input: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        self.send(&endpoints::UPDATE_OPPORTUNITY, &[id], input)
            .await
    }

    async fn list_contacts(&self, query: &ListQuery) -> ClientResult<ListPage<Contact>> {
        self.list(&endpoints::LIST_CONTACTS, query).await
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        self.get(&endpoints::GET_CONTACT, &[id]).await
    }
    async fn create_contact(&self, input: &ContactInput) -> ClientResult<Contact> {
        self.send(&endpoints::CREATE_CONTACT, &[], input).await
    }
    async fn update_contact(&self, id: &str, input: &ContactInput) -> ClientResult<Contact> {
        self.send(&endpoints::UPDATE_CONTACT, &[id], input).await
    }

    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>> {
        self.get(&endpoints::LIST_MDF_BUDGETS, &[]).await
    }
    async fn create_mdf_budget(&self, input: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        self.send(&endpoints::CREATE_MDF_BUDGET, &[], input).await
    }
    async fn list_mdf_requests(&self, query: &ListQuery) -> ClientResult<ListPage<MdfRequest>> {
        self.list(&endpoints::LIST_MDF_REQUESTS, query).await
    }
    async fn create_mdf_request(&self, input: &MdfRequestInput) -> ClientResult<MdfRequest> {
        self.send(&endpoints::CREATE_MDF_REQUEST, &[], input).await
    }
    async fn transition_mdf_request(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfRequest> {
        self.send(&endpoints::TRANSITION_MDF_REQUEST, &[id], action)
            .await
    }
    async fn list_mdf_claims(&self, query: &ListQuery) -> ClientResult<ListPage<MdfClaim>> {
        self.list(&endpoints::LIST_MDF_CLAIMS, query).await
    }
    async fn create_mdf_claim(&self, input: &MdfClaimInput) -> ClientResult<MdfClaim> {
        self.send(&endpoints::CREATE_MDF_CLAIM, &[], input).await
    }
    async fn transition_mdf_claim(&self, id: &str, action: &MdfAction) -> ClientResult<MdfClaim> {
        self.send(&endpoints::TRANSITION_MDF_CLAIM, &[id], action)
            .await
    }
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile> {
        self.get(&endpoints::GET_FILE, &[id]).await
    }

    async fn import_csv(
        &self,
        request: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport> {
        self.send(&endpoints::IMPORT_CSV, &[], request).await
    }
    async fn export_csv(
        &self,
        kind: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport> {
        self.get(&endpoints::EXPORT_CSV, &[&wire_name(&kind)]).await
    }
    async fn list_cases(&self, query: &ListQuery) -> ClientResult<ListPage<SupportCase>> {
        self.list(&endpoints::LIST_CASES, query).await
    }
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase> {
        self.get(&endpoints::GET_CASE, &[id]).await
    }
    async fn create_case(&self, input: &CaseInput) -> ClientResult<SupportCase> {
        self.send(&endpoints::CREATE_CASE, &[], input).await
    }
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>> {
        self.get(&endpoints::CASE_MESSAGES, &[id]).await
    }
    async fn post_case_message(&self, id: &str, input: &MessageInput) -> ClientResult<SupportCase> {
        self.send(&endpoints::POST_CASE_MESSAGE, &[id], input).await
    }
    async fn support_channels(&self) -> ClientResult<SupportChannels> {
        self.get(&endpoints::SUPPORT_CHANNELS, &[]).await
    }
    async fn set_support_channels(&self, input: &SupportChannels) -> ClientResult<SupportChannels> {
        self.send(&endpoints::SET_SUPPORT_CHANNELS, &[], input)
            .await
    }
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>> {
        self.get(&endpoints::LIST_ANNOUNCEMENTS, &[]).await
    }
    async fn create_announcement(&self, input: &AnnouncementInput) -> ClientResult<Announcement> {
        self.send(&endpoints::CREATE_ANNOUNCEMENT, &[], input).await
    }
    async fn update_announcement(
        &self,
        id: &str,
        input: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        self.send(&endpoints::UPDATE_ANNOUNCEMENT, &[id], input)
            .await
    }
    async fn list_modules(&self) -> ClientResult<Vec<TrainingModule>> {
        self.get(&endpoints::LIST_MODULES, &[]).await
    }
    async fn create_module(&self, input: &ModuleInput) -> ClientResult<TrainingModule> {
        self.send(&endpoints::CREATE_MODULE, &[], input).await
    }
    async fn update_module(&self, id: &str, input: &ModuleInput) -> ClientResult<TrainingModule> {
        self.send(&endpoints::UPDATE_MODULE, &[id], input).await
    }
    async fn submit_quiz(&self, id: &str, answers: &QuizAnswers) -> ClientResult<QuizResult> {
        self.send(&endpoints::SUBMIT_QUIZ, &[id], answers).await
    }
    async fn list_certificates(&self) -> ClientResult<Vec<Certificate>> {
        self.get(&endpoints::LIST_CERTIFICATES, &[]).await
    }
    async fn list_surveys(&self) -> ClientResult<Vec<Survey>> {
        self.get(&endpoints::LIST_SURVEYS, &[]).await
    }
    async fn create_survey(&self, input: &SurveyInput) -> ClientResult<Survey> {
        self.send(&endpoints::CREATE_SURVEY, &[], input).await
    }
    async fn close_survey(&self, id: &str) -> ClientResult<Survey> {
        self.send(&endpoints::CLOSE_SURVEY, &[id], &()).await
    }
    async fn answer_survey(&self, id: &str, answer: &SurveyAnswer) -> ClientResult<Survey> {
        self.send(&endpoints::ANSWER_SURVEY, &[id], answer).await
    }
    async fn survey_results(&self, id: &str) -> ClientResult<SurveyResults> {
        self.get(&endpoints::SURVEY_RESULTS, &[id]).await
    }
    async fn reports(&self, range: &ReportQuery) -> ClientResult<Vec<Report>> {
        let query = pairs_query([("from", range.from.as_deref()), ("to", range.to.as_deref())]);
        self.fetch(&endpoints::REPORTS, &query).await
    }
    async fn community(&self) -> ClientResult<PublishedSite> {
        self.get(&endpoints::COMMUNITY, &[]).await
    }
    async fn draft(&self) -> ClientResult<Draft> {
        self.get(&endpoints::DRAFT, &[]).await
    }
    async fn save_draft(&self, body: &SaveDraft) -> ClientResult<Draft> {
        self.send(&endpoints::SAVE_DRAFT, &[], body).await
    }
    async fn publish(&self, body: &Publish) -> ClientResult<PublishedSite> {
        self.send(&endpoints::PUBLISH, &[], body).await
    }
    async fn site_versions(&self) -> ClientResult<Vec<SiteVersion>> {
        self.get(&endpoints::SITE_VERSIONS, &[]).await
    }
    async fn site_version(&self, version: i64) -> ClientResult<PublishedSite> {
        self.get(&endpoints::SITE_VERSION, &[&version.to_string()])
            .await
    }
    async fn restore_version(&self, version: i64, body: &Restore) -> ClientResult<Draft> {
        self.send(&endpoints::RESTORE_VERSION, &[&version.to_string()], body)
            .await
    }
    async fn audit_log(
        &self,
        query: &trellis_api::audit::AuditQuery,
    ) -> ClientResult<ListPage<trellis_api::audit::AuditEvent>> {
        let limit = query.limit.map(|l| l.to_string());
        let kind = query.kind.map(|k| k.wire());
        let query = pairs_query([
            ("kind", kind.as_deref()),
            ("actor_id", query.actor_id.as_deref()),
            ("partner_account_id", query.partner_account_id.as_deref()),
            ("q", query.q.as_deref()),
            ("from", query.from.as_deref()),
            ("to", query.to.as_deref()),
            ("cursor", query.cursor.as_deref()),
            ("limit", limit.as_deref()),
        ]);
        self.fetch(&endpoints::AUDIT_LOG, &query).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_encode_values() {
        assert_eq!(query_string(&ListQuery::default()), "");
        let q = ListQuery {
            q: Some("Acme & Co/ü".into()),
            limit: Some(5),
            ..Default::default()
        };
        assert_eq!(query_string(&q), "?limit=5&q=Acme%20%26%20Co%2F%C3%BC");
    }
}

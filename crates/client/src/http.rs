//! The Trellis REST backend.

use async_trait::async_trait;
use serde::de::DeserializeOwned;
use serde::Serialize;
use trellis_api::paths::{self, item};
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyInput, SurveyResults};
use trellis_api::training::{Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule};
use trellis_api::*;

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

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> ClientResult<T> {
        let url = format!("{}{}", self.base_url, path);
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

    async fn get<T: DeserializeOwned>(&self, path: &str) -> ClientResult<T> {
        self.call(Method::Get, path, None).await
    }

    async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> ClientResult<T> {
        let json = serde_json::to_string(body).map_err(|e| ClientError::Decode(e.to_string()))?;
        self.call(method, path, Some(json)).await
    }

    async fn list<T: DeserializeOwned>(&self, path: &str, query: &ListQuery) -> ClientResult<T> {
        self.get(&format!("{path}{}", query_string(query))).await
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
        self.get(paths::HEALTH).await
    }
    async fn login(&self, request: &LoginRequest) -> ClientResult<Me> {
        self.send(Method::Post, paths::LOGIN, request).await
    }
    async fn logout(&self) -> ClientResult<()> {
        self.call(Method::Post, paths::LOGOUT, None).await
    }
    async fn logout_everywhere(&self) -> ClientResult<()> {
        self.call(Method::Post, paths::LOGOUT_ALL, None).await
    }
    async fn me(&self) -> ClientResult<Me> {
        self.get(paths::ME).await
    }

    async fn list_accounts(&self, query: &ListQuery) -> ClientResult<ListPage<Account>> {
        self.list(paths::ACCOUNTS, query).await
    }
    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        self.get(&item(paths::ACCOUNTS, id)).await
    }
    async fn create_account(&self, input: &AccountInput) -> ClientResult<Account> {
        self.send(Method::Post, paths::ACCOUNTS, input).await
    }
    async fn update_account(&self, id: &str, input: &AccountInput) -> ClientResult<Account> {
        self.send(Method::Put, &item(paths::ACCOUNTS, id), input)
            .await
    }
    async fn change_partnership(&self, id: &str, change: &PartnerChange) -> ClientResult<Account> {
        self.send(Method::Post, &paths::partnership(id), change)
            .await
    }
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>> {
        self.get(&paths::tier_history(id)).await
    }
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        self.get(paths::PROGRAMS).await
    }

    async fn create_tier(&self, program_id: &str, input: &TierInput) -> ClientResult<Tier> {
        self.send(Method::Post, &paths::program_tiers(program_id), input)
            .await
    }
    async fn update_tier(&self, id: &str, input: &TierInput) -> ClientResult<Tier> {
        self.send(Method::Put, &item(paths::TIERS, id), input).await
    }
    async fn list_users(&self, query: &ListQuery) -> ClientResult<ListPage<User>> {
        self.list(paths::USERS, query).await
    }
    async fn get_user(&self, id: &str) -> ClientResult<User> {
        self.get(&item(paths::USERS, id)).await
    }
    async fn create_user(&self, input: &UserInput) -> ClientResult<User> {
        self.send(Method::Post, paths::USERS, input).await
    }
    async fn update_user(&self, id: &str, input: &UserInput) -> ClientResult<User> {
        self.send(Method::Put, &item(paths::USERS, id), input).await
    }

    async fn list_leads(&self, query: &ListQuery) -> ClientResult<ListPage<Lead>> {
        self.list(paths::LEADS, query).await
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        self.get(&item(paths::LEADS, id)).await
    }
    async fn create_lead(&self, input: &LeadInput) -> ClientResult<Lead> {
        self.send(Method::Post, paths::LEADS, input).await
    }
    async fn update_lead(&self, id: &str, input: &LeadInput) -> ClientResult<Lead> {
        self.send(Method::Put, &item(paths::LEADS, id), input).await
    }

    async fn transition_lead(
        &self,
        id: &str,
        action: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        self.send(Method::Post, &paths::lead_transition(id), action)
            .await
    }

    async fn distribute_leads(
        &self,
        body: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        self.send(Method::Post, paths::LEADS_DISTRIBUTE, body).await
    }

    async fn list_deals(&self, query: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        self.list(paths::DEALS, query).await
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        self.get(&item(paths::DEALS, id)).await
    }
    async fn create_deal(&self, input: &DealInput) -> ClientResult<DealRegistration> {
        self.send(Method::Post, paths::DEALS, input).await
    }
    async fn update_deal(&self, id: &str, input: &DealInput) -> ClientResult<DealRegistration> {
        self.send(Method::Put, &item(paths::DEALS, id), input).await
    }

    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>> {
        self.get(&paths::deal_conflicts(id)).await
    }

    async fn transition_deal(
        &self,
        id: &str,
        action: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        self.send(Method::Post, &paths::deal_transition(id), action)
            .await
    }

    async fn list_opportunities(&self, query: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        self.list(paths::OPPORTUNITIES, query).await
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        self.get(&item(paths::OPPORTUNITIES, id)).await
    }
    async fn create_opportunity(&self, input: &OpportunityInput) -> ClientResult<Opportunity> {
        self.send(Method::Post, paths::OPPORTUNITIES, input).await
    }
    async fn update_opportunity(
        &self,
        id: &str,
        input: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        self.send(Method::Put, &item(paths::OPPORTUNITIES, id), input)
            .await
    }

    async fn list_contacts(&self, query: &ListQuery) -> ClientResult<ListPage<Contact>> {
        self.list(paths::CONTACTS, query).await
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        self.get(&item(paths::CONTACTS, id)).await
    }
    async fn create_contact(&self, input: &ContactInput) -> ClientResult<Contact> {
        self.send(Method::Post, paths::CONTACTS, input).await
    }
    async fn update_contact(&self, id: &str, input: &ContactInput) -> ClientResult<Contact> {
        self.send(Method::Put, &item(paths::CONTACTS, id), input)
            .await
    }

    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>> {
        self.get(paths::MDF_BUDGETS).await
    }
    async fn create_mdf_budget(&self, input: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        self.send(Method::Post, paths::MDF_BUDGETS, input).await
    }
    async fn list_mdf_requests(&self, query: &ListQuery) -> ClientResult<ListPage<MdfRequest>> {
        self.list(paths::MDF_REQUESTS, query).await
    }
    async fn create_mdf_request(&self, input: &MdfRequestInput) -> ClientResult<MdfRequest> {
        self.send(Method::Post, paths::MDF_REQUESTS, input).await
    }
    async fn transition_mdf_request(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfRequest> {
        self.send(Method::Post, &paths::mdf_request_transition(id), action)
            .await
    }
    async fn list_mdf_claims(&self, query: &ListQuery) -> ClientResult<ListPage<MdfClaim>> {
        self.list(paths::MDF_CLAIMS, query).await
    }
    async fn create_mdf_claim(&self, input: &MdfClaimInput) -> ClientResult<MdfClaim> {
        self.send(Method::Post, paths::MDF_CLAIMS, input).await
    }
    async fn transition_mdf_claim(&self, id: &str, action: &MdfAction) -> ClientResult<MdfClaim> {
        self.send(Method::Post, &paths::mdf_claim_transition(id), action)
            .await
    }
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile> {
        self.get(&item(paths::FILES, id)).await
    }

    async fn import_csv(
        &self,
        request: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport> {
        self.send(Method::Post, paths::IMPORT, request).await
    }
    async fn export_csv(
        &self,
        kind: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport> {
        self.get(&paths::export(&wire_name(&kind))).await
    }
    async fn list_cases(&self, query: &ListQuery) -> ClientResult<ListPage<SupportCase>> {
        self.list(paths::CASES, query).await
    }
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase> {
        self.get(&item(paths::CASES, id)).await
    }
    async fn create_case(&self, input: &CaseInput) -> ClientResult<SupportCase> {
        self.send(Method::Post, paths::CASES, input).await
    }
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>> {
        self.get(&paths::case_messages(id)).await
    }
    async fn post_case_message(&self, id: &str, input: &MessageInput) -> ClientResult<SupportCase> {
        self.send(Method::Post, &paths::case_messages(id), input)
            .await
    }
    async fn support_channels(&self) -> ClientResult<SupportChannels> {
        self.get(paths::SUPPORT_CHANNELS).await
    }
    async fn set_support_channels(&self, input: &SupportChannels) -> ClientResult<SupportChannels> {
        self.send(Method::Put, paths::SUPPORT_CHANNELS, input).await
    }
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>> {
        self.get(paths::ANNOUNCEMENTS).await
    }
    async fn create_announcement(&self, input: &AnnouncementInput) -> ClientResult<Announcement> {
        self.send(Method::Post, paths::ANNOUNCEMENTS, input).await
    }
    async fn update_announcement(
        &self,
        id: &str,
        input: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        self.send(Method::Put, &item(paths::ANNOUNCEMENTS, id), input)
            .await
    }
    async fn list_modules(&self) -> ClientResult<Vec<TrainingModule>> {
        self.get(paths::TRAINING).await
    }
    async fn create_module(&self, input: &ModuleInput) -> ClientResult<TrainingModule> {
        self.send(Method::Post, paths::TRAINING, input).await
    }
    async fn update_module(&self, id: &str, input: &ModuleInput) -> ClientResult<TrainingModule> {
        self.send(Method::Put, &item(paths::TRAINING, id), input)
            .await
    }
    async fn submit_quiz(&self, id: &str, answers: &QuizAnswers) -> ClientResult<QuizResult> {
        self.send(Method::Post, &paths::quiz_attempts(id), answers)
            .await
    }
    async fn list_certificates(&self) -> ClientResult<Vec<Certificate>> {
        self.get(paths::CERTIFICATES).await
    }
    async fn list_surveys(&self) -> ClientResult<Vec<Survey>> {
        self.get(paths::SURVEYS).await
    }
    async fn create_survey(&self, input: &SurveyInput) -> ClientResult<Survey> {
        self.send(Method::Post, paths::SURVEYS, input).await
    }
    async fn close_survey(&self, id: &str) -> ClientResult<Survey> {
        self.send(Method::Post, &paths::survey_close(id), &()).await
    }
    async fn answer_survey(&self, id: &str, answer: &SurveyAnswer) -> ClientResult<Survey> {
        self.send(Method::Post, &paths::survey_answers(id), answer)
            .await
    }
    async fn survey_results(&self, id: &str) -> ClientResult<SurveyResults> {
        self.get(&paths::survey_results(id)).await
    }
    async fn reports(&self, range: &ReportQuery) -> ClientResult<Vec<Report>> {
        let query = pairs_query([("from", range.from.as_deref()), ("to", range.to.as_deref())]);
        self.get(&format!("{}{query}", paths::REPORTS)).await
    }
    async fn community(&self) -> ClientResult<PublishedSite> {
        self.get(paths::COMMUNITY).await
    }
    async fn draft(&self) -> ClientResult<Draft> {
        self.get(paths::COMMUNITY_DRAFT).await
    }
    async fn save_draft(&self, body: &SaveDraft) -> ClientResult<Draft> {
        self.send(Method::Put, paths::COMMUNITY_DRAFT, body).await
    }
    async fn publish(&self, body: &Publish) -> ClientResult<PublishedSite> {
        self.send(Method::Post, paths::COMMUNITY_PUBLISH, body)
            .await
    }
    async fn site_versions(&self) -> ClientResult<Vec<SiteVersion>> {
        self.get(paths::COMMUNITY_VERSIONS).await
    }
    async fn site_version(&self, version: i64) -> ClientResult<PublishedSite> {
        self.get(&paths::item(
            paths::COMMUNITY_VERSIONS,
            &version.to_string(),
        ))
        .await
    }
    async fn restore_version(&self, version: i64, body: &Restore) -> ClientResult<Draft> {
        self.send(Method::Post, &paths::community_restore(version), body)
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
        self.get(&format!("{}{query}", paths::AUDIT)).await
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

//! Every endpoint of the Trellis API, declared once: its name (the client call and the OpenAPI
//! operation id), method, path template, who may call it and what it reaches. The server's
//! authorisation and the REST client's requests come from this list; tests hold the server's
//! routes and its OpenAPI document to it.

/// Where the server publishes its OpenAPI document (outside the declared API: it is the
/// description of it).
pub const OPENAPI_DOCUMENT: &str = "/api/openapi.json";

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No session needed.
    Anyone,
    /// Any signed-in user, partner or staff.
    SignedIn,
    /// Vendor staff (administrators and channel managers).
    Staff,
    /// Administrators only.
    Admin,
}

/// Which records an endpoint reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Nothing that belongs to a partner account (programs, channels, the session itself).
    Nothing,
    /// Records owned by partner accounts: a partner reaches only their own account's, staff all.
    OwnAccount,
    /// Published content chosen by the caller's tier and role (community, training, surveys).
    Audience,
}

/// One endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The client call and the OpenAPI operation id (`list_leads`).
    pub name: &'static str,
    /// `GET`, `POST` or `PUT`.
    pub method: &'static str,
    /// The path template, as in the OpenAPI document (`/api/leads/{id}`).
    pub path: &'static str,
    pub access: Access,
    pub reach: Reach,
}

impl Endpoint {
    /// The collection the endpoint belongs to, its path's first segment after `/api/`
    /// (`leads` for `/api/leads/{id}/transition`): what a write through it may change.
    pub fn collection(&self) -> &'static str {
        let rest = self.path.strip_prefix("/api/").unwrap_or(self.path);
        rest.split('/').next().unwrap_or(rest)
    }

    /// Whether calling it may change data (anything but `GET`).
    pub fn writes(&self) -> bool {
        self.method != "GET"
    }

    /// The path with each `{placeholder}` replaced, in order, by `params` (percent-encoded).
    pub fn url(&self, params: &[&str]) -> String {
        let mut out = String::with_capacity(self.path.len() + 16);
        let mut params = params.iter();
        let mut rest = self.path;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map_or(rest.len(), |e| start + e + 1);
            out.push_str(&encode(params.next().copied().unwrap_or("")));
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}

/// Percent-encodes everything but unreserved characters, so an id is always one path segment
/// (and a query value one value).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `?a=1&b=x%20y` for a query's wire fields that have a value, by name (none: empty). The
/// typed client sends exactly this, so the server's preload of the same address is used.
pub fn query_string(wire: &serde_json::Value) -> String {
    let mut pairs: Vec<String> = match wire {
        serde_json::Value::Object(fields) => fields
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={}", encode(s)),
                other => format!("{k}={}", encode(&other.to_string())),
            })
            .collect(),
        _ => Vec::new(),
    };
    // serde_json keeps struct order in some builds and sorts in others: one order for both.
    pairs.sort();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

const fn endpoint(
    name: &'static str,
    method: &'static str,
    path: &'static str,
    access: Access,
    reach: Reach,
) -> Endpoint {
    Endpoint {
        name,
        method,
        path,
        access,
        reach,
    }
}

use Access::*;
use Reach::*;

/// Liveness and database check.
pub const HEALTH: Endpoint = endpoint("health", "GET", "/api/health", Anyone, Nothing);
/// Log in with email and password; sets the session cookie.
pub const LOGIN: Endpoint = endpoint("login", "POST", "/api/auth/login", Anyone, Nothing);
/// End the current session.
pub const LOGOUT: Endpoint = endpoint("logout", "POST", "/api/auth/logout", Anyone, Nothing);
/// End every session of the logged-in user, on every device.
pub const LOGOUT_EVERYWHERE: Endpoint = endpoint(
    "logout_everywhere",
    "POST",
    "/api/auth/logout-all",
    SignedIn,
    Nothing,
);
/// The logged-in user.
pub const ME: Endpoint = endpoint("me", "GET", "/api/auth/me", SignedIn, OwnAccount);
/// List accounts: everything for vendor staff, their own account for partners.
pub const LIST_ACCOUNTS: Endpoint = endpoint(
    "list_accounts",
    "GET",
    "/api/accounts",
    SignedIn,
    OwnAccount,
);
/// Create an account (vendor staff).
pub const CREATE_ACCOUNT: Endpoint =
    endpoint("create_account", "POST", "/api/accounts", Staff, OwnAccount);
/// One account.
pub const GET_ACCOUNT: Endpoint = endpoint(
    "get_account",
    "GET",
    "/api/accounts/{id}",
    SignedIn,
    OwnAccount,
);
/// Edit an account's details; partnership and tier change only through `/partnership` (vendor staff).
pub const UPDATE_ACCOUNT: Endpoint = endpoint(
    "update_account",
    "PUT",
    "/api/accounts/{id}",
    Staff,
    OwnAccount,
);
/// Make an account a partner, move it between tiers, or end its partnership, with a reason (vendor staff).
pub const CHANGE_PARTNERSHIP: Endpoint = endpoint(
    "change_partnership",
    "POST",
    "/api/accounts/{id}/partnership",
    Staff,
    OwnAccount,
);
/// An account's tier history, newest first (vendor staff, or the partner's own users).
pub const TIER_HISTORY: Endpoint = endpoint(
    "tier_history",
    "GET",
    "/api/accounts/{id}/tier-history",
    SignedIn,
    OwnAccount,
);
/// Partner programs with their tiers, lowest rank first.
pub const LIST_PROGRAMS: Endpoint =
    endpoint("list_programs", "GET", "/api/programs", SignedIn, Nothing);
/// Add a tier to a program (vendor staff).
pub const CREATE_TIER: Endpoint = endpoint(
    "create_tier",
    "POST",
    "/api/programs/{id}/tiers",
    Staff,
    Nothing,
);
/// Rename a tier, move its rank, or change its benefits and requirements (vendor staff).
pub const UPDATE_TIER: Endpoint = endpoint("update_tier", "PUT", "/api/tiers/{id}", Staff, Nothing);
/// List users.
pub const LIST_USERS: Endpoint = endpoint("list_users", "GET", "/api/users", SignedIn, OwnAccount);
/// Create a user.
pub const CREATE_USER: Endpoint = endpoint("create_user", "POST", "/api/users", Staff, OwnAccount);
/// One user.
pub const GET_USER: Endpoint = endpoint("get_user", "GET", "/api/users/{id}", SignedIn, OwnAccount);
/// Edit a user; deactivating ends their sessions.
pub const UPDATE_USER: Endpoint =
    endpoint("update_user", "PUT", "/api/users/{id}", Staff, OwnAccount);
/// The audit log, newest first, filtered (administrators only; see `policy`).
pub const AUDIT_LOG: Endpoint = endpoint("audit_log", "GET", "/api/audit", Admin, OwnAccount);
/// List the records the user may see, newest first.
pub const LIST_LEADS: Endpoint = endpoint("list_leads", "GET", "/api/leads", SignedIn, OwnAccount);
/// Create a record owned by the user's partner account.
pub const CREATE_LEAD: Endpoint =
    endpoint("create_lead", "POST", "/api/leads", SignedIn, OwnAccount);
/// One record; 404 if it does not exist or is not the user's to see.
pub const GET_LEAD: Endpoint = endpoint("get_lead", "GET", "/api/leads/{id}", SignedIn, OwnAccount);
/// Replace the editable fields of a record.
pub const UPDATE_LEAD: Endpoint = endpoint(
    "update_lead",
    "PUT",
    "/api/leads/{id}",
    SignedIn,
    OwnAccount,
);
/// Accept, decline (with a reason) or convert a lead; converting creates an opportunity and a contact.
pub const TRANSITION_LEAD: Endpoint = endpoint(
    "transition_lead",
    "POST",
    "/api/leads/{id}/transition",
    SignedIn,
    OwnAccount,
);
/// Hand pooled (or chosen) leads to partner accounts by a rule, with an acceptance deadline (vendor staff).
pub const DISTRIBUTE_LEADS: Endpoint = endpoint(
    "distribute_leads",
    "POST",
    "/api/leads/distribute",
    Staff,
    OwnAccount,
);
/// List the records the user may see, newest first.
pub const LIST_DEALS: Endpoint = endpoint("list_deals", "GET", "/api/deals", SignedIn, OwnAccount);
/// Create a record owned by the user's partner account.
pub const CREATE_DEAL: Endpoint =
    endpoint("create_deal", "POST", "/api/deals", SignedIn, OwnAccount);
/// One record; 404 if it does not exist or is not the user's to see.
pub const GET_DEAL: Endpoint = endpoint("get_deal", "GET", "/api/deals/{id}", SignedIn, OwnAccount);
/// Replace the editable fields of a record.
pub const UPDATE_DEAL: Endpoint = endpoint(
    "update_deal",
    "PUT",
    "/api/deals/{id}",
    SignedIn,
    OwnAccount,
);
/// Submit, withdraw, approve, reject, or mark won/lost; illegal moves are a typed 409.
pub const TRANSITION_DEAL: Endpoint = endpoint(
    "transition_deal",
    "POST",
    "/api/deals/{id}/transition",
    SignedIn,
    OwnAccount,
);
/// Other registrations and open opportunities that look like the same deal (vendor staff).
pub const DEAL_CONFLICTS: Endpoint = endpoint(
    "deal_conflicts",
    "GET",
    "/api/deals/{id}/conflicts",
    Staff,
    OwnAccount,
);
/// List the records the user may see, newest first.
pub const LIST_OPPORTUNITIES: Endpoint = endpoint(
    "list_opportunities",
    "GET",
    "/api/opportunities",
    SignedIn,
    OwnAccount,
);
/// Create a record owned by the user's partner account.
pub const CREATE_OPPORTUNITY: Endpoint = endpoint(
    "create_opportunity",
    "POST",
    "/api/opportunities",
    SignedIn,
    OwnAccount,
);
/// One record; 404 if it does not exist or is not the user's to see.
pub const GET_OPPORTUNITY: Endpoint = endpoint(
    "get_opportunity",
    "GET",
    "/api/opportunities/{id}",
    SignedIn,
    OwnAccount,
);
/// Replace the editable fields of a record.
pub const UPDATE_OPPORTUNITY: Endpoint = endpoint(
    "update_opportunity",
    "PUT",
    "/api/opportunities/{id}",
    SignedIn,
    OwnAccount,
);
/// List the records the user may see, newest first.
pub const LIST_CONTACTS: Endpoint = endpoint(
    "list_contacts",
    "GET",
    "/api/contacts",
    SignedIn,
    OwnAccount,
);
/// Create a record owned by the user's partner account.
pub const CREATE_CONTACT: Endpoint = endpoint(
    "create_contact",
    "POST",
    "/api/contacts",
    SignedIn,
    OwnAccount,
);
/// One record; 404 if it does not exist or is not the user's to see.
pub const GET_CONTACT: Endpoint = endpoint(
    "get_contact",
    "GET",
    "/api/contacts/{id}",
    SignedIn,
    OwnAccount,
);
/// Replace the editable fields of a record.
pub const UPDATE_CONTACT: Endpoint = endpoint(
    "update_contact",
    "PUT",
    "/api/contacts/{id}",
    SignedIn,
    OwnAccount,
);
/// The published site, as the logged-in user's tier and role see it.
pub const COMMUNITY: Endpoint = endpoint("community", "GET", "/api/community", SignedIn, Audience);
/// The draft site (administrators).
pub const DRAFT: Endpoint = endpoint("draft", "GET", "/api/community/draft", Admin, Nothing);
/// Save the draft; 409 if someone saved since `base_version`.
pub const SAVE_DRAFT: Endpoint =
    endpoint("save_draft", "PUT", "/api/community/draft", Admin, Nothing);
/// Publish the draft as it was at `base_version`: a new immutable version partners see.
pub const PUBLISH: Endpoint = endpoint("publish", "POST", "/api/community/publish", Admin, Nothing);
/// The version history, newest first.
pub const SITE_VERSIONS: Endpoint = endpoint(
    "site_versions",
    "GET",
    "/api/community/versions",
    Admin,
    Nothing,
);
/// One published version, whole (for preview).
pub const SITE_VERSION: Endpoint = endpoint(
    "site_version",
    "GET",
    "/api/community/versions/{version}",
    Admin,
    Nothing,
);
/// Make a published version the draft again (rollback); partners see it after the next publish.
pub const RESTORE_VERSION: Endpoint = endpoint(
    "restore_version",
    "POST",
    "/api/community/versions/{version}/restore",
    Admin,
    Nothing,
);
/// Budgets: every one for vendor staff, those of their own program for partners.
pub const LIST_MDF_BUDGETS: Endpoint = endpoint(
    "list_mdf_budgets",
    "GET",
    "/api/mdf/budgets",
    SignedIn,
    OwnAccount,
);
/// Set aside a budget for a program and period (vendor staff).
pub const CREATE_MDF_BUDGET: Endpoint = endpoint(
    "create_mdf_budget",
    "POST",
    "/api/mdf/budgets",
    Staff,
    OwnAccount,
);
/// Fund requests the user may see, newest first.
pub const LIST_MDF_REQUESTS: Endpoint = endpoint(
    "list_mdf_requests",
    "GET",
    "/api/mdf/requests",
    SignedIn,
    OwnAccount,
);
/// Ask for funds from one of the program's open budgets (partners).
pub const CREATE_MDF_REQUEST: Endpoint = endpoint(
    "create_mdf_request",
    "POST",
    "/api/mdf/requests",
    SignedIn,
    OwnAccount,
);
/// One fund request.
pub const GET_MDF_REQUEST: Endpoint = endpoint(
    "get_mdf_request",
    "GET",
    "/api/mdf/requests/{id}",
    SignedIn,
    OwnAccount,
);
/// Approve (committing the amount against the budget) or reject a fund request (vendor staff).
pub const TRANSITION_MDF_REQUEST: Endpoint = endpoint(
    "transition_mdf_request",
    "POST",
    "/api/mdf/requests/{id}/transition",
    SignedIn,
    OwnAccount,
);
/// Claims the user may see, newest first.
pub const LIST_MDF_CLAIMS: Endpoint = endpoint(
    "list_mdf_claims",
    "GET",
    "/api/mdf/claims",
    SignedIn,
    OwnAccount,
);
/// File a claim with proof against an approved fund request (partners).
pub const CREATE_MDF_CLAIM: Endpoint = endpoint(
    "create_mdf_claim",
    "POST",
    "/api/mdf/claims",
    SignedIn,
    OwnAccount,
);
/// One claim.
pub const GET_MDF_CLAIM: Endpoint = endpoint(
    "get_mdf_claim",
    "GET",
    "/api/mdf/claims/{id}",
    SignedIn,
    OwnAccount,
);
/// Approve, reject (releasing the claimed amount) or mark a claim paid (vendor staff).
pub const TRANSITION_MDF_CLAIM: Endpoint = endpoint(
    "transition_mdf_claim",
    "POST",
    "/api/mdf/claims/{id}/transition",
    SignedIn,
    OwnAccount,
);
/// A stored file, if the user may see the record it belongs to.
pub const GET_FILE: Endpoint = endpoint("get_file", "GET", "/api/files/{id}", SignedIn, OwnAccount);
/// Check a CSV file against a column mapping and import its rows: the valid ones, or all or none.
pub const IMPORT_CSV: Endpoint =
    endpoint("import_csv", "POST", "/api/import", SignedIn, OwnAccount);
/// Every lead, contact or account the user may see, as CSV.
pub const EXPORT_CSV: Endpoint = endpoint(
    "export_csv",
    "GET",
    "/api/export/{kind}",
    SignedIn,
    OwnAccount,
);
/// Cases the user may see, newest first: the channel team's queue, or the partner's own.
pub const LIST_CASES: Endpoint = endpoint("list_cases", "GET", "/api/cases", SignedIn, OwnAccount);
/// Open a case, with an optional attachment (partners).
pub const CREATE_CASE: Endpoint =
    endpoint("create_case", "POST", "/api/cases", SignedIn, OwnAccount);
/// One case.
pub const GET_CASE: Endpoint = endpoint("get_case", "GET", "/api/cases/{id}", SignedIn, OwnAccount);
/// A case's messages, oldest first.
pub const CASE_MESSAGES: Endpoint = endpoint(
    "case_messages",
    "GET",
    "/api/cases/{id}/messages",
    SignedIn,
    OwnAccount,
);
/// Reply to a case, optionally changing its status; answers with the case as it is now.
pub const POST_CASE_MESSAGE: Endpoint = endpoint(
    "post_case_message",
    "POST",
    "/api/cases/{id}/messages",
    SignedIn,
    OwnAccount,
);
/// How partners reach the channel team.
pub const SUPPORT_CHANNELS: Endpoint = endpoint(
    "support_channels",
    "GET",
    "/api/support/channels",
    SignedIn,
    Nothing,
);
/// Change the contact channels (vendor staff).
pub const SET_SUPPORT_CHANNELS: Endpoint = endpoint(
    "set_support_channels",
    "PUT",
    "/api/support/channels",
    Staff,
    Nothing,
);
/// The announcements the user sees: every one for staff (scheduled too), published ones in their audience for partners.
pub const LIST_ANNOUNCEMENTS: Endpoint = endpoint(
    "list_announcements",
    "GET",
    "/api/announcements",
    SignedIn,
    Audience,
);
/// Write an announcement (vendor staff).
pub const CREATE_ANNOUNCEMENT: Endpoint = endpoint(
    "create_announcement",
    "POST",
    "/api/announcements",
    Staff,
    Audience,
);
/// Edit an announcement (vendor staff).
pub const UPDATE_ANNOUNCEMENT: Endpoint = endpoint(
    "update_announcement",
    "PUT",
    "/api/announcements/{id}",
    Staff,
    Audience,
);
/// The training modules the user may take, with their progress (staff see every module with answers).
pub const LIST_MODULES: Endpoint =
    endpoint("list_modules", "GET", "/api/training", SignedIn, Audience);
/// Write a training module (vendor staff).
pub const CREATE_MODULE: Endpoint =
    endpoint("create_module", "POST", "/api/training", Staff, Audience);
/// One training module.
pub const GET_MODULE: Endpoint = endpoint(
    "get_module",
    "GET",
    "/api/training/{id}",
    SignedIn,
    Audience,
);
/// Edit a training module (vendor staff); earlier attempts and certificates stay.
pub const UPDATE_MODULE: Endpoint = endpoint(
    "update_module",
    "PUT",
    "/api/training/{id}",
    Staff,
    Audience,
);
/// Hand in a quiz: marked on the server; passing grants a certificate (once per module).
pub const SUBMIT_QUIZ: Endpoint = endpoint(
    "submit_quiz",
    "POST",
    "/api/training/{id}/attempts",
    SignedIn,
    Audience,
);
/// Certificates the user may see: their own; their account's for partner executives and managers; all for staff.
pub const LIST_CERTIFICATES: Endpoint = endpoint(
    "list_certificates",
    "GET",
    "/api/certificates",
    SignedIn,
    OwnAccount,
);
/// Surveys, newest first, each with the user's own answer if given.
pub const LIST_SURVEYS: Endpoint =
    endpoint("list_surveys", "GET", "/api/surveys", SignedIn, Audience);
/// Ask partners a new question (vendor staff); it is open at once.
pub const CREATE_SURVEY: Endpoint =
    endpoint("create_survey", "POST", "/api/surveys", Staff, Audience);
/// Answer a survey (partner users, once each, while it is open).
pub const ANSWER_SURVEY: Endpoint = endpoint(
    "answer_survey",
    "POST",
    "/api/surveys/{id}/answers",
    SignedIn,
    Audience,
);
/// Stop taking answers (vendor staff).
pub const CLOSE_SURVEY: Endpoint = endpoint(
    "close_survey",
    "POST",
    "/api/surveys/{id}/close",
    Staff,
    Audience,
);
/// A survey's NPS, score distribution and comments (vendor staff).
pub const SURVEY_RESULTS: Endpoint = endpoint(
    "survey_results",
    "GET",
    "/api/surveys/{id}/results",
    Staff,
    OwnAccount,
);
/// How deal registrations are reviewed: the amount above which two approvers are needed.
pub const DEAL_REVIEW_POLICY: Endpoint = endpoint(
    "deal_review_policy",
    "GET",
    "/api/settings/deal-review",
    Staff,
    Nothing,
);
/// Change how deal registrations are reviewed (administrators).
pub const SET_DEAL_REVIEW_POLICY: Endpoint = endpoint(
    "set_deal_review_policy",
    "PUT",
    "/api/settings/deal-review",
    Admin,
    Nothing,
);
/// A record's timeline, newest first: changes and comments (whoever may read the record).
pub const ACTIVITY: Endpoint = endpoint(
    "activity",
    "GET",
    "/api/activity/{kind}/{id}",
    SignedIn,
    OwnAccount,
);
/// Comment on a record; `@Full Name` mentions someone who may read it.
pub const COMMENT: Endpoint = endpoint(
    "comment",
    "POST",
    "/api/activity/{kind}/{id}",
    SignedIn,
    OwnAccount,
);
/// Who may be mentioned on a record: the channel team and the colleagues who may read it.
pub const MENTIONABLE: Endpoint = endpoint(
    "mentionable",
    "GET",
    "/api/activity/{kind}/{id}/people",
    SignedIn,
    OwnAccount,
);
/// Comments that mention the user, newest first, on records they may still read.
pub const MENTIONS: Endpoint = endpoint(
    "mentions",
    "GET",
    "/api/activity/mentions",
    SignedIn,
    OwnAccount,
);
/// The product catalogue: every product for staff, the offered ones for partners.
pub const LIST_PRODUCTS: Endpoint =
    endpoint("list_products", "GET", "/api/products", SignedIn, Nothing);
/// Add a product to the catalogue (vendor staff).
pub const CREATE_PRODUCT: Endpoint =
    endpoint("create_product", "POST", "/api/products", Staff, Nothing);
/// Edit a product, or stop or resume offering it (vendor staff).
pub const UPDATE_PRODUCT: Endpoint = endpoint(
    "update_product",
    "PUT",
    "/api/products/{id}",
    Staff,
    Nothing,
);
/// The currencies deals, opportunities and products may be in, the default first.
pub const CURRENCIES: Endpoint = endpoint(
    "currencies",
    "GET",
    "/api/settings/currencies",
    SignedIn,
    Nothing,
);
/// Change the program's currencies (administrators).
pub const SET_CURRENCIES: Endpoint = endpoint(
    "set_currencies",
    "PUT",
    "/api/settings/currencies",
    Admin,
    Nothing,
);
/// Every report for the user's dashboard over a date range: partner reports for everyone, program reports for vendor staff.
pub const REPORTS: Endpoint = endpoint("reports", "GET", "/api/reports", SignedIn, OwnAccount);

/// Every endpoint. A route without a declaration is refused by the server.
pub const ALL: &[Endpoint] = &[
    HEALTH,
    LOGIN,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    ME,
    LIST_ACCOUNTS,
    CREATE_ACCOUNT,
    GET_ACCOUNT,
    UPDATE_ACCOUNT,
    CHANGE_PARTNERSHIP,
    TIER_HISTORY,
    LIST_PROGRAMS,
    CREATE_TIER,
    UPDATE_TIER,
    LIST_USERS,
    CREATE_USER,
    GET_USER,
    UPDATE_USER,
    AUDIT_LOG,
    LIST_LEADS,
    CREATE_LEAD,
    GET_LEAD,
    UPDATE_LEAD,
    TRANSITION_LEAD,
    DISTRIBUTE_LEADS,
    LIST_DEALS,
    CREATE_DEAL,
    GET_DEAL,
    UPDATE_DEAL,
    TRANSITION_DEAL,
    DEAL_CONFLICTS,
    LIST_OPPORTUNITIES,
    CREATE_OPPORTUNITY,
    GET_OPPORTUNITY,
    UPDATE_OPPORTUNITY,
    LIST_CONTACTS,
    CREATE_CONTACT,
    GET_CONTACT,
    UPDATE_CONTACT,
    COMMUNITY,
    DRAFT,
    SAVE_DRAFT,
    PUBLISH,
    SITE_VERSIONS,
    SITE_VERSION,
    RESTORE_VERSION,
    LIST_MDF_BUDGETS,
    CREATE_MDF_BUDGET,
    LIST_MDF_REQUESTS,
    CREATE_MDF_REQUEST,
    GET_MDF_REQUEST,
    TRANSITION_MDF_REQUEST,
    LIST_MDF_CLAIMS,
    CREATE_MDF_CLAIM,
    GET_MDF_CLAIM,
    TRANSITION_MDF_CLAIM,
    GET_FILE,
    IMPORT_CSV,
    EXPORT_CSV,
    LIST_CASES,
    CREATE_CASE,
    GET_CASE,
    CASE_MESSAGES,
    POST_CASE_MESSAGE,
    SUPPORT_CHANNELS,
    SET_SUPPORT_CHANNELS,
    LIST_ANNOUNCEMENTS,
    CREATE_ANNOUNCEMENT,
    UPDATE_ANNOUNCEMENT,
    LIST_MODULES,
    CREATE_MODULE,
    GET_MODULE,
    UPDATE_MODULE,
    SUBMIT_QUIZ,
    LIST_CERTIFICATES,
    LIST_SURVEYS,
    CREATE_SURVEY,
    ANSWER_SURVEY,
    CLOSE_SURVEY,
    SURVEY_RESULTS,
    REPORTS,
    ACTIVITY,
    COMMENT,
    MENTIONABLE,
    MENTIONS,
    DEAL_REVIEW_POLICY,
    SET_DEAL_REVIEW_POLICY,
    LIST_PRODUCTS,
    CREATE_PRODUCT,
    UPDATE_PRODUCT,
    CURRENCIES,
    SET_CURRENCIES,
];

#[cfg(test)]
mod tests {
    use super::{ALL, GET_LEAD, HEALTH, RESTORE_VERSION, TRANSITION_LEAD};

    #[test]
    fn urls_fill_the_template_and_keep_ids_in_one_segment() {
        assert_eq!(GET_LEAD.url(&["lead_1"]), "/api/leads/lead_1");
        assert_eq!(GET_LEAD.url(&["a/b c"]), "/api/leads/a%2Fb%20c");
        assert_eq!(
            RESTORE_VERSION.url(&["12"]),
            "/api/community/versions/12/restore"
        );
    }

    #[test]
    fn an_endpoint_belongs_to_its_first_path_segment() {
        assert_eq!(TRANSITION_LEAD.collection(), "leads");
        assert_eq!(RESTORE_VERSION.collection(), "community");
        assert_eq!(HEALTH.collection(), "health");
        assert!(TRANSITION_LEAD.writes() && !GET_LEAD.writes());
    }

    #[test]
    fn names_and_routes_are_unique() {
        let mut names: Vec<&str> = ALL.iter().map(|e| e.name).collect();
        let mut routes: Vec<(&str, &str)> = ALL.iter().map(|e| (e.method, e.path)).collect();
        names.sort();
        names.dedup();
        routes.sort();
        routes.dedup();
        assert_eq!((names.len(), routes.len()), (ALL.len(), ALL.len()));
    }
}

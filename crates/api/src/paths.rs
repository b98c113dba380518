//! The REST paths of the Trellis API, shared so client and server cannot disagree.

pub const HEALTH: &str = "/api/health";
pub const OPENAPI: &str = "/api/openapi.json";
pub const LOGIN: &str = "/api/auth/login";
pub const LOGOUT: &str = "/api/auth/logout";
/// End every session of the logged-in user.
pub const LOGOUT_ALL: &str = "/api/auth/logout-all";
pub const ME: &str = "/api/auth/me";
pub const ACCOUNTS: &str = "/api/accounts";
pub const PROGRAMS: &str = "/api/programs";
pub const USERS: &str = "/api/users";
pub const LEADS: &str = "/api/leads";
pub const DEALS: &str = "/api/deals";
pub const OPPORTUNITIES: &str = "/api/opportunities";
pub const CONTACTS: &str = "/api/contacts";
pub const COMMUNITY: &str = "/api/community";
pub const COMMUNITY_DRAFT: &str = "/api/community/draft";
pub const COMMUNITY_PUBLISH: &str = "/api/community/publish";
pub const COMMUNITY_VERSIONS: &str = "/api/community/versions";

/// The path that makes a published version the draft again (`POST`).
pub fn community_restore(version: i64) -> String {
    format!("{COMMUNITY_VERSIONS}/{version}/restore")
}

/// The path of one record under a collection path: `/api/leads/lead_1`.
pub fn item(collection: &str, id: &str) -> String {
    format!("{collection}/{id}")
}

/// The path that moves a deal registration through its review (`POST`).
pub fn deal_transition(id: &str) -> String {
    format!("{DEALS}/{id}/transition")
}

/// The path that accepts, declines or converts a lead (`POST`).
pub fn lead_transition(id: &str) -> String {
    format!("{LEADS}/{id}/transition")
}

/// The path of a deal registration's possible conflicts (`GET`, vendor staff).
pub fn deal_conflicts(id: &str) -> String {
    format!("{DEALS}/{id}/conflicts")
}

pub const MDF_BUDGETS: &str = "/api/mdf/budgets";
pub const MDF_REQUESTS: &str = "/api/mdf/requests";
pub const MDF_CLAIMS: &str = "/api/mdf/claims";
pub const FILES: &str = "/api/files";

/// The path that approves or rejects a fund request (`POST`, vendor staff).
pub fn mdf_request_transition(id: &str) -> String {
    format!("{MDF_REQUESTS}/{id}/transition")
}

/// The path that approves, rejects or pays a claim (`POST`, vendor staff).
pub fn mdf_claim_transition(id: &str) -> String {
    format!("{MDF_CLAIMS}/{id}/transition")
}

/// The path that changes an account's partnership or tier (`POST`, vendor staff).
pub fn partnership(account_id: &str) -> String {
    format!("{ACCOUNTS}/{account_id}/partnership")
}

/// The path of an account's tier history (`GET`).
pub fn tier_history(account_id: &str) -> String {
    format!("{ACCOUNTS}/{account_id}/tier-history")
}

/// The path that distributes leads to partners by a rule (`POST`, vendor staff).
pub const LEADS_DISTRIBUTE: &str = "/api/leads/distribute";

/// CSV import (`POST`).
pub const IMPORT: &str = "/api/import";

/// The CSV export of one kind (`GET`): `/api/export/leads`.
pub fn export(kind: &str) -> String {
    format!("/api/export/{kind}")
}

pub const CASES: &str = "/api/cases";
pub const SUPPORT_CHANNELS: &str = "/api/support/channels";

/// A case's message thread (`GET`, `POST`).
pub fn case_messages(id: &str) -> String {
    format!("{CASES}/{id}/messages")
}

pub const ANNOUNCEMENTS: &str = "/api/announcements";

pub const TRAINING: &str = "/api/training";
pub const CERTIFICATES: &str = "/api/certificates";

/// Hand in a module's quiz (`POST`).
pub fn quiz_attempts(id: &str) -> String {
    format!("{TRAINING}/{id}/attempts")
}

pub const SURVEYS: &str = "/api/surveys";

/// Answer a survey (`POST`).
pub fn survey_answers(id: &str) -> String {
    format!("{SURVEYS}/{id}/answers")
}

/// Close a survey (`POST`).
pub fn survey_close(id: &str) -> String {
    format!("{SURVEYS}/{id}/close")
}

/// A survey's results (`GET`).
pub fn survey_results(id: &str) -> String {
    format!("{SURVEYS}/{id}/results")
}

pub const REPORTS: &str = "/api/reports";

/// A program's tiers (`POST`).
pub fn program_tiers(program: &str) -> String {
    format!("/api/programs/{program}/tiers")
}

pub const TIERS: &str = "/api/tiers";
/// The audit log (administrators).
pub const AUDIT: &str = "/api/audit";

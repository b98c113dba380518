//! The same scenarios against every PrmBackend: the REST client on a real server, and the demo backend.

mod access;
mod activity;
mod audit;
mod community;
mod contract;
mod deals;
mod enablement;
mod import;
mod leads;
mod mdf;
mod partners;
mod products;
mod records;
mod snapshot;
mod sorting;
mod support;
mod themes;

use access::*;
use activity::*;
use audit::*;
use community::*;
use contract::*;
use deals::*;
use enablement::*;
use import::*;
use leads::*;
use mdf::*;
use partners::*;
use products::*;
use records::*;
use sorting::*;
use support::*;
use themes::*;

use trellis_api::seed::DEMO_PASSWORD;
use trellis_api::*;
use trellis_client::{ClientResult, DemoBackend, HttpBackend, PrmBackend};

/// A real server on 127.0.0.1:0 with a fresh temporary database; dropped with the test.
struct Server {
    _dir: tempfile::TempDir,
    url: String,
}

async fn start_server() -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = server::Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("t.db").to_string_lossy().into_owned(),
        dist: dir.path().join("no-dist"),
        secure_cookies: false,
        ..Default::default()
    };
    let (state, seeded) = server::prepare(&config).await.expect("database");
    assert!(seeded);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(server::serve(listener, state));
    Server { _dir: dir, url }
}

pub async fn login(b: &dyn PrmBackend, email: &str) -> Me {
    b.login(&LoginRequest {
        email: email.into(),
        password: DEMO_PASSWORD.into(),
    })
    .await
    .unwrap_or_else(|e| panic!("login {email}: {e}"))
}

pub fn code<T: std::fmt::Debug>(r: ClientResult<T>) -> ErrorCode {
    r.expect_err("expected an error")
        .code()
        .expect("a typed API error")
}

/// Every lead the logged-in user can see, following cursors.
pub async fn all_leads(b: &dyn PrmBackend, query: ListQuery) -> Vec<Lead> {
    let mut query = ListQuery {
        limit: Some(37),
        ..query
    };
    let mut out = Vec::new();
    loop {
        let page = b.list_leads(&query).await.expect("list");
        assert!(page.items.len() <= 37);
        out.extend(page.items);
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return out,
        }
    }
}

pub fn lead_input() -> LeadInput {
    LeadInput {
        company: "Initrode AG".into(),
        contact_name: "Nina Berg".into(),
        email: "nina@initrode.example".into(),
        phone: String::new(),
        region: "EMEA".into(),
        postcode: "10115".into(),
        product_interest: "Trellis Cloud".into(),
        partner_account_id: Some("acc_bluebird".into()),
    }
}

macro_rules! conformance {
    ($($scenario:ident),* $(,)?) => {
        mod http_backend {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let server = super::start_server().await;
                    let backend = super::HttpBackend::new(server.url.clone());
                    super::$scenario(&backend).await;
                }
            )*
        }
        mod demo_backend {
            $(
                #[tokio::test]
                async fn $scenario() {
                    super::$scenario(&super::DemoBackend::new()).await;
                }
            )*
        }
    };
}

conformance!(
    wrong_password_and_unknown_email_answer_alike,
    session_lifecycle,
    partners_see_exactly_their_scope,
    staff_see_everything,
    filters_and_search,
    partner_creates_and_edits_own_records,
    staff_assign_leads_to_partner_accounts_only,
    draft_saves_are_versioned,
    publishing_keeps_versions_and_rolls_back,
    user_management_rules,
    deal_registrations_follow_their_state_machine,
    partners_work_their_lead_inbox,
    reviewers_see_conflicting_registrations,
    staff_distribute_pool_leads_to_partners,
    partners_request_funds_and_claim_them,
    budgets_are_never_overspent,
    partnership_changes_are_recorded_with_reasons,
    staff_distribute_leads_by_rule_with_a_deadline,
    csv_imports_report_bad_rows_and_exports_stay_in_scope,
    support_cases_move_through_their_threads,
    announcements_reach_their_audience_once_published,
    partner_users_work_their_account_inbox,
    training_quizzes_grant_one_certificate,
    surveys_take_one_answer_per_partner_user,
    reports_count_only_what_the_viewer_sees,
    lists_sort_by_any_offered_column_across_pages,
    partner_managers_see_their_teams_records,
    staff_shape_the_programs_tiers,
    themes_brand_tiers_and_unreadable_ones_cannot_be_published,
    the_audit_log_records_security_and_money_events,
    the_last_active_administrator_stays_one,
    amounts_have_a_maximum_and_totals_never_wrap,
    required_text_needs_a_visible_character,
    page_sizes_outside_the_range_are_refused,
    timelines_record_changes_and_comments_mention_readers,
    partners_convert_leads_through_the_dialogs_mapping,
    large_deals_need_two_approvers_and_partners_read_the_comment,
    deals_and_opportunities_pick_from_the_catalogue_and_the_programs_currencies,
);

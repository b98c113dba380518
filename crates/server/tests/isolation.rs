//! The partner isolation matrix, generated: every endpoint of the access table
//! (`server::policy::RULES`, itself checked against the OpenAPI document, so no endpoint can be
//! forgotten) × every caller (anonymous, each partner role, a channel manager), aimed at ids that
//! belong to another partner account → the declared refusal and nothing of theirs in the body.
//! Lists, search, reports and exports with filters are probed on top.

mod common;

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};
use server::policy::{Access, Reach, Rule, RULES};
use trellis_api::import::{suggest_mapping, ImportKind, ImportMode, ImportRequest};
use trellis_api::seed::{demo_data, DemoData};
use trellis_api::*;

/// Partner users (every partner role) and the account whose records they must never reach.
const PARTNERS: [(&str, &str, &str); 4] = [
    ("partner@bluebird.test", "acc_bluebird", "acc_acme"),
    ("rep@bluebird.test", "acc_bluebird", "acc_acme"),
    ("manager@acme.test", "acc_acme", "acc_bluebird"),
    ("partner@cedar.test", "acc_cedar", "acc_acme"),
];

#[test]
fn every_openapi_operation_is_declared_once_with_its_name() {
    let doc = serde_json::to_value(server::openapi()).unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if let Some(op) = item.get(method) {
                let name = op["operationId"].as_str().unwrap_or("").to_string();
                documented.insert((method.to_uppercase(), path.clone(), name));
            }
        }
    }
    let declared: BTreeSet<(String, String, String)> = RULES
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string(), r.name.to_string()))
        .collect();
    assert_eq!(declared.len(), RULES.len(), "a route is declared twice");
    let undeclared: Vec<_> = documented.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "no declaration (or another name) for {undeclared:?}"
    );
    let stale: Vec<_> = declared.difference(&documented).collect();
    assert!(
        stale.is_empty(),
        "declarations of routes that are not served under that name: {stale:?}"
    );
}

fn first<T: Owned + Clone>(items: &[T], account: &str, what: &str) -> T {
    items
        .iter()
        .find(|r| r.partner_account_id() == Some(account))
        .cloned()
        .unwrap_or_else(|| panic!("the seed has a {what} of {account}"))
}

/// The records of `foreign` that probes aim at.
struct Foreign {
    account: String,
    name: String,
    lead: Lead,
    deal: DealRegistration,
    opportunity: Opportunity,
    contact: Contact,
    request: MdfRequest,
    claim: MdfClaim,
    case: trellis_api::support::SupportCase,
    user: String,
}

impl Foreign {
    fn of(d: &DemoData, account: &str, claims: &[MdfClaim]) -> Foreign {
        Foreign {
            account: account.into(),
            name: d
                .accounts
                .iter()
                .find(|a| a.id == account)
                .unwrap()
                .name
                .clone(),
            lead: first(&d.leads, account, "lead"),
            deal: first(&d.deals, account, "deal"),
            opportunity: first(&d.opportunities, account, "opportunity"),
            contact: first(&d.contacts, account, "contact"),
            request: first(&d.mdf.requests, account, "fund request"),
            claim: first(&[&d.mdf.claims[..], claims].concat(), account, "claim"),
            case: first(&d.support.cases, account, "case"),
            user: d
                .users
                .iter()
                .find(|u| u.partner_account_id.as_deref() == Some(account))
                .unwrap()
                .id
                .clone(),
        }
    }

    /// What a route template's path parameter names, and whether that is this account's record.
    fn target(&self, d: &DemoData, template: &str) -> (String, bool) {
        let segment = template.split('/').nth(2).unwrap_or("");
        let sub = template.split('/').nth(3).unwrap_or("");
        let owned = |id: &str| (id.to_string(), true);
        let shared = |id: &str| (id.to_string(), false);
        match (segment, sub) {
            ("accounts", _) => owned(&self.account),
            ("users", _) => owned(&self.user),
            ("leads", _) => owned(&self.lead.id),
            ("deals", _) => owned(&self.deal.id),
            ("opportunities", _) => owned(&self.opportunity.id),
            ("contacts", _) => owned(&self.contact.id),
            ("mdf", "requests") => owned(&self.request.id),
            ("mdf", "claims") => owned(&self.claim.id),
            ("files", _) => owned(&self.claim.proof_file_id),
            ("cases", _) => owned(&self.case.id),
            ("training", _) => shared(&d.training.modules[0].id),
            ("announcements", _) => shared(&d.announcements[0].id),
            ("products", _) => shared(&d.products[0].id),
            // The open survey, so an answer gets as far as it can.
            ("surveys", _) => shared("srv_q4"),
            ("programs", _) => shared(&d.programs[0].id),
            ("tiers", _) => shared(&d.programs[0].tiers[0].id),
            ("community", "versions") => shared("1"),
            ("export", _) => shared("leads"),
            // `{kind}` is `leads` (see `concrete`); every kind is probed in its own test below.
            ("activity", _) => owned(&self.lead.id),
            _ => panic!("{template}: say which record its id names in Foreign::target"),
        }
    }

    /// A well-formed body for a write, aimed at this account: a probe that fails validation
    /// would prove nothing.
    fn body(&self, rule: &Rule) -> Value {
        match (rule.method, rule.path) {
            (_, _) if matches!(rule.access, Access::Staff | Access::Admin) => json!({}),
            ("POST", "/api/auth/login") => {
                json!({"email": "nobody@unknown.test", "password": "wrong-password-1"})
            }
            ("POST", "/api/auth/logout" | "/api/auth/logout-all") => Value::Null,
            ("POST", "/api/leads") | ("PUT", "/api/leads/{id}") => {
                serde_json::to_value(&self.lead).unwrap()
            }
            ("POST", "/api/deals") | ("PUT", "/api/deals/{id}") => {
                serde_json::to_value(&self.deal).unwrap()
            }
            ("POST", "/api/opportunities") | ("PUT", "/api/opportunities/{id}") => {
                serde_json::to_value(&self.opportunity).unwrap()
            }
            ("POST", "/api/contacts") | ("PUT", "/api/contacts/{id}") => {
                serde_json::to_value(&self.contact).unwrap()
            }
            ("POST", "/api/leads/{id}/transition") => json!({"action": "accept"}),
            ("POST", "/api/deals/{id}/transition") => json!({"action": "withdraw"}),
            ("POST", "/api/mdf/requests") => serde_json::to_value(&self.request).unwrap(),
            ("POST", "/api/mdf/requests/{id}/transition") => json!({"action": "approve"}),
            // A claim against another account's approved request.
            ("POST", "/api/mdf/claims") => json!({
                "request_id": self.request.id, "amount": 1,
                "proof": {"file_name": "receipt.pdf", "data": "JVBERi0xLjQKJSVFT0YK"}
            }),
            ("POST", "/api/mdf/claims/{id}/transition") => json!({"action": "mark_paid"}),
            ("POST", "/api/cases") => serde_json::to_value(&self.case).unwrap(),
            ("POST", "/api/cases/{id}/messages") => json!({"body": "hello"}),
            ("POST", "/api/activity/{kind}/{id}") => json!({"body": "hello @Pat Partner"}),
            ("POST", "/api/import") => {
                let csv = format!(
                    "company,contact_name,email,partner_account_id\nInitrode,Nina,nina@initrode.example,{}\n",
                    self.account
                );
                let table = trellis_api::import::parse_csv(&csv).unwrap();
                serde_json::to_value(ImportRequest {
                    kind: ImportKind::Leads,
                    mapping: suggest_mapping(ImportKind::Leads, &table.headers),
                    csv,
                    mode: ImportMode::ValidRows,
                    dry_run: false,
                })
                .unwrap()
            }
            ("POST", "/api/surveys/{id}/answers") => json!({"score": 9, "comment": ""}),
            ("POST", "/api/training/{id}/attempts") => json!({"answers": [0, 0, 0]}),
            (method, path) => panic!("{method} {path}: give the isolation probe a body"),
        }
    }
}

/// Who calls.
#[derive(Clone, Copy, Debug)]
enum Caller {
    Anonymous,
    Partner(&'static str),
    ChannelManager,
}

/// Logging out ends the session the later probes use, so those routes go last.
fn ordered_rules() -> Vec<&'static Rule> {
    let mut rules: Vec<&Rule> = RULES.iter().collect();
    rules.sort_by_key(|r| {
        (
            r.path.starts_with("/api/auth/logout"),
            r.path == "/api/auth/logout",
        )
    });
    rules
}

/// The template with its parameter filled in, and whether it names one of `foreign`'s records.
fn concrete(foreign: &Foreign, d: &DemoData, template: &str) -> (String, bool) {
    if !template.contains('{') {
        return (template.to_string(), false);
    }
    let (id, owned) = foreign.target(d, template);
    let path = template
        .split('/')
        .map(|seg| {
            if seg == "{kind}" {
                "leads"
            } else if seg.starts_with('{') {
                id.as_str()
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    (path, owned)
}

/// The seed has no claim of Bluebird's: file one, so every account probed has one.
async fn bluebird_claim(app: &TestApp) -> MdfClaim {
    let bluebird = login(app, "partner@bluebird.test").await;
    let claim = json!({
        "request_id": "mdfr_email", "amount": 100,
        "proof": {"file_name": "receipt.pdf", "data": "JVBERi0xLjQKJSVFT0YK"}
    });
    let (status, _, text) = send(
        app,
        json_req(
            Method::POST,
            "/api/mdf/claims",
            &claim.to_string(),
            Some(&bluebird),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn every_endpoint_and_role_is_refused_another_accounts_records() {
    let app = test_app(false).await;
    let data = demo_data(0);
    let mut callers = vec![
        (Caller::Anonymous, "acc_acme"),
        (Caller::ChannelManager, "acc_acme"),
    ];
    for (email, _, foreign) in PARTNERS {
        callers.push((Caller::Partner(email), foreign));
    }
    let claims = [bluebird_claim(&app).await];
    let mut tried = 0;
    // Status of every (rule, caller), compared with the reviewed matrix below.
    let mut outcomes: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (caller, foreign) in callers {
        let foreign = Foreign::of(&data, foreign, &claims);
        let cookie = match caller {
            Caller::Anonymous => None,
            Caller::Partner(email) => Some(login(&app, email).await),
            Caller::ChannelManager => Some(login(&app, "channel@trellis.test").await),
        };
        for rule in ordered_rules() {
            let (path, foreign_record) = concrete(&foreign, &data, rule.path);
            let method: Method = rule.method.parse().unwrap();
            let req = if method == Method::GET {
                get(&path, cookie.as_deref())
            } else {
                let body = foreign.body(rule);
                json_req(method.clone(), &path, &body.to_string(), cookie.as_deref())
            };
            let (status, _, text) = send(&app, req).await;
            let at = text
                .find(&foreign.account)
                .or(text.find(&foreign.name))
                .unwrap_or(0)
                .saturating_sub(200);
            let what = format!(
                "{caller:?} {method} {path}: {status} …{}",
                text.get(at..)
                    .unwrap_or("")
                    .chars()
                    .take(400)
                    .collect::<String>()
            );
            tried += 1;
            let who = match caller {
                Caller::Anonymous => "anonymous".to_string(),
                Caller::ChannelManager => "channel".to_string(),
                Caller::Partner(email) => email.trim_end_matches(".test").to_string(),
            };
            outcomes
                .entry(format!("{} {}", rule.method, rule.path))
                .or_default()
                .push(format!("{who}={}", status.as_u16()));
            assert!(!status.is_server_error(), "{what}");
            if status.is_client_error() {
                error_body(&text);
            }
            match caller {
                Caller::Anonymous => {
                    if rule.access != Access::Anyone {
                        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
                    }
                }
                Caller::ChannelManager => {
                    if rule.access == Access::Admin {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
                    } else if rule.access != Access::Anyone {
                        assert_ne!(status, StatusCode::UNAUTHORIZED, "{what}");
                    }
                }
                Caller::Partner(_) => {
                    if matches!(rule.access, Access::Staff | Access::Admin) {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
                    } else if foreign_record {
                        assert!(
                            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
                            "{what}"
                        );
                    }
                    if foreign_record {
                        assert_eq!(rule.reach, Reach::OwnAccount, "{what}: declare its reach");
                    }
                    if rule.reach == Reach::Nothing {
                        assert!(
                            !text.contains("acc_"),
                            "declared to reach no account: {what}"
                        );
                    }
                    assert!(!text.contains(&foreign.account), "leaked: {what}");
                    assert!(!text.contains(&foreign.name), "leaked: {what}");
                }
            }
        }
    }
    let expected = RULES.len() * 6;
    assert_eq!(tried, expected, "every rule × every caller");
    check_matrix(&outcomes);
}

/// The reviewed access matrix: a change to who gets what (a new endpoint, a loosened rule) fails
/// here until someone looks at it and runs the test with `TRELLIS_BLESS=1` to record it.
const MATRIX_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/access_matrix.txt");

fn check_matrix(outcomes: &std::collections::BTreeMap<String, Vec<String>>) {
    let actual: String = outcomes
        .iter()
        .map(|(route, got)| format!("{route:<48} {}\n", got.join(" ")))
        .collect();
    if std::env::var_os("TRELLIS_BLESS").is_some() {
        std::fs::write(MATRIX_FILE, &actual).unwrap();
        return;
    }
    let reviewed = std::fs::read_to_string(MATRIX_FILE).unwrap_or_default();
    let changed: Vec<String> = actual
        .lines()
        .filter(|line| !reviewed.lines().any(|r| r == *line))
        .map(|line| format!("now:    {line}"))
        .chain(
            reviewed
                .lines()
                .filter(|line| !actual.lines().any(|a| a == *line))
                .map(|line| format!("before: {line}")),
        )
        .collect();
    assert!(
        changed.is_empty(),
        "the access matrix changed; review it, then record it with TRELLIS_BLESS=1:\n{}",
        changed.join("\n")
    );
}

/// Lists, searches, reports and exports with filters; none may carry the foreign account.
const READS: [&str; 17] = [
    "/api/leads?limit=200",
    "/api/leads?limit=200&q=a",
    "/api/leads?limit=200&sort=company",
    "/api/deals?limit=200&status=approved",
    "/api/opportunities?limit=200&sort=-amount",
    "/api/contacts?limit=200&q=e",
    "/api/mdf/requests?limit=200",
    "/api/mdf/claims?limit=200",
    "/api/cases?limit=200",
    "/api/accounts?limit=200",
    "/api/users?limit=200",
    "/api/certificates",
    "/api/reports",
    "/api/export/leads",
    "/api/export/contacts",
    "/api/export/accounts",
    "/api/activity/mentions",
];

/// Every kind's timeline, comments and people: another account's record is not found, and a
/// comment on it is not written.
#[tokio::test]
async fn every_kind_of_timeline_is_refused_to_other_accounts() {
    let app = test_app(false).await;
    let data = demo_data(0);
    let claims = [bluebird_claim(&app).await];
    for (email, _, foreign) in PARTNERS {
        let cookie = login(&app, email).await;
        let f = Foreign::of(&data, foreign, &claims);
        let ids = [
            ("leads", f.lead.id.as_str()),
            ("deals", f.deal.id.as_str()),
            ("opportunities", f.opportunity.id.as_str()),
            ("contacts", f.contact.id.as_str()),
            ("mdf_requests", f.request.id.as_str()),
            ("mdf_claims", f.claim.id.as_str()),
            ("cases", f.case.id.as_str()),
        ];
        assert_eq!(ids.len(), trellis_api::activity::RecordKind::ALL.len());
        for (kind, id) in ids {
            for path in [
                format!("/api/activity/{kind}/{id}"),
                format!("/api/activity/{kind}/{id}/people"),
            ] {
                let (status, _, text) = send(&app, get(&path, Some(&cookie))).await;
                assert_eq!(status, StatusCode::NOT_FOUND, "{email} {path}: {text}");
                assert!(
                    !text.contains(foreign) && !text.contains(&f.name),
                    "{email} {path}"
                );
            }
            let path = format!("/api/activity/{kind}/{id}");
            let req = json_req(Method::POST, &path, r#"{"body":"hello"}"#, Some(&cookie));
            let (status, _, text) = send(&app, req).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{email} POST {path}: {text}");
        }
        let staff = login(&app, "channel@trellis.test").await;
        let (status, _, text) = send(
            &app,
            get(&format!("/api/activity/leads/{}", f.lead.id), Some(&staff)),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "staff read every timeline: {text}");
        assert!(
            !text.contains("hello"),
            "{email}'s refused comments were not written"
        );
    }
}

#[tokio::test]
async fn filtered_lists_reports_and_exports_hold_only_the_partners_own_records() {
    let app = test_app(false).await;
    let data = demo_data(0);
    for (email, own, foreign) in PARTNERS {
        let cookie = login(&app, email).await;
        let foreign_name = &data.accounts.iter().find(|a| a.id == foreign).unwrap().name;
        for path in READS {
            let (status, _, text) = send(&app, get(path, Some(&cookie))).await;
            assert_eq!(status, StatusCode::OK, "{email} {path}: {text}");
            assert!(!text.contains(foreign), "{email} {path} leaked {foreign}");
            assert!(
                !text.contains(foreign_name.as_str()),
                "{email} {path} leaked {foreign_name}"
            );
        }
        let (_, _, text) = send(
            &app,
            get(
                &format!("/api/leads?partner_account_id={foreign}"),
                Some(&cookie),
            ),
        )
        .await;
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap()["items"],
            json!([]),
            "{email}"
        );
        let (_, _, text) = send(&app, get("/api/leads?limit=200", Some(&cookie))).await;
        assert!(text.contains(own), "{email} sees their own account's leads");
    }
}

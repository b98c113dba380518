//! The partner isolation matrix: every partner role × every endpoint that takes an id × ids of
//! another partner account → 403 or 404 with nothing of theirs in the body; and every list,
//! search, report and export answers without a foreign record.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};
use trellis_api::seed::{demo_data, DemoData};
use trellis_api::*;

/// Partner users and the account whose records they must never reach.
const VIEWERS: [(&str, &str, &str); 4] = [
    ("partner@bluebird.test", "acc_bluebird", "acc_acme"),
    ("rep@bluebird.test", "acc_bluebird", "acc_acme"),
    ("manager@acme.test", "acc_acme", "acc_bluebird"),
    ("partner@cedar.test", "acc_cedar", "acc_acme"),
];

fn first<T: Owned>(items: &[T], account: &str, id: impl Fn(&T) -> &str) -> String {
    items
        .iter()
        .find(|r| r.partner_account_id() == Some(account))
        .map(|r| id(r).to_string())
        .unwrap_or_else(|| panic!("the seed has a record of {account}"))
}

/// (method, path, body) for every id-taking endpoint, aimed at `foreign`'s records.
fn probes(d: &DemoData, foreign: &str) -> Vec<(Method, String, Value)> {
    let lead = first(&d.leads, foreign, |r| &r.id);
    let deal = first(&d.deals, foreign, |r| &r.id);
    let opp = first(&d.opportunities, foreign, |r| &r.id);
    let contact = first(&d.contacts, foreign, |r| &r.id);
    let request = first(&d.mdf.requests, foreign, |r| &r.id);
    let case = first(&d.support.cases, foreign, |r| &r.id);
    let file = d
        .mdf
        .files
        .iter()
        .find(|f| f.partner_account_id == foreign)
        .map(|f| f.id.as_str());
    let user = d
        .users
        .iter()
        .find(|u| u.partner_account_id.as_deref() == Some(foreign))
        .unwrap();
    let lead_body = serde_json::to_value(LeadInput {
        company: "X".into(),
        contact_name: "Y".into(),
        email: "y@x.example".into(),
        phone: String::new(),
        region: String::new(),
        postcode: String::new(),
        product_interest: String::new(),
        partner_account_id: None,
    })
    .unwrap();
    let mut out = vec![
        (Method::GET, format!("/api/leads/{lead}"), Value::Null),
        (Method::PUT, format!("/api/leads/{lead}"), lead_body),
        (
            Method::POST,
            format!("/api/leads/{lead}/transition"),
            json!({"action": "accept"}),
        ),
        (Method::GET, format!("/api/deals/{deal}"), Value::Null),
        (
            Method::POST,
            format!("/api/deals/{deal}/transition"),
            json!({"action": "withdraw"}),
        ),
        (
            Method::GET,
            format!("/api/deals/{deal}/conflicts"),
            Value::Null,
        ),
        (
            Method::GET,
            format!("/api/opportunities/{opp}"),
            Value::Null,
        ),
        (Method::GET, format!("/api/contacts/{contact}"), Value::Null),
        (
            Method::GET,
            format!("/api/mdf/requests/{request}"),
            Value::Null,
        ),
        (
            Method::POST,
            format!("/api/mdf/requests/{request}/transition"),
            json!({"action": "approve"}),
        ),
        (Method::GET, format!("/api/cases/{case}"), Value::Null),
        (
            Method::GET,
            format!("/api/cases/{case}/messages"),
            Value::Null,
        ),
        (
            Method::POST,
            format!("/api/cases/{case}/messages"),
            json!({"body": "hello"}),
        ),
        (Method::GET, format!("/api/accounts/{foreign}"), Value::Null),
        (
            Method::GET,
            format!("/api/accounts/{foreign}/tier-history"),
            Value::Null,
        ),
        (
            Method::POST,
            format!("/api/accounts/{foreign}/partnership"),
            json!({"action": "leave", "reason": "r"}),
        ),
        (Method::GET, format!("/api/users/{}", user.id), Value::Null),
        (
            Method::GET,
            "/api/surveys/srv_q4/results".into(),
            Value::Null,
        ),
    ];
    if let Some(claim) = d
        .mdf
        .claims
        .iter()
        .find(|c| c.partner_account_id.as_deref() == Some(foreign))
    {
        out.push((
            Method::GET,
            format!("/api/mdf/claims/{}", claim.id),
            Value::Null,
        ));
        out.push((
            Method::POST,
            format!("/api/mdf/claims/{}/transition", claim.id),
            json!({"action": "mark_paid"}),
        ));
    }
    if let Some(file) = file {
        out.push((Method::GET, format!("/api/files/{file}"), Value::Null));
    }
    out
}

/// Lists, searches, reports and exports a partner can call; none may carry the foreign account.
const READS: [&str; 16] = [
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
];

#[tokio::test]
async fn partners_never_reach_another_accounts_records() {
    let app = test_app(false).await;
    let data = demo_data(0);
    let mut tried = 0;
    for (email, own, foreign) in VIEWERS {
        let cookie = login(&app, email).await;
        let foreign_name = &data.accounts.iter().find(|a| a.id == foreign).unwrap().name;
        for (method, path, body) in probes(&data, foreign) {
            let req = if method == Method::GET {
                get(&path, Some(&cookie))
            } else {
                json_req(method.clone(), &path, &body.to_string(), Some(&cookie))
            };
            let (status, _, text) = send(&app, req).await;
            assert!(
                status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
                "{email} {method} {path}: {status} {text}"
            );
            error_body(&text);
            assert!(
                !text.contains(foreign),
                "{email} {method} {path} leaked: {text}"
            );
            tried += 1;
        }
        for path in READS {
            let (status, _, text) = send(&app, get(path, Some(&cookie))).await;
            assert_eq!(status, StatusCode::OK, "{email} {path}: {text}");
            assert!(!text.contains(foreign), "{email} {path} leaked {foreign}");
            assert!(
                !text.contains(foreign_name.as_str()),
                "{email} {path} leaked {foreign_name}"
            );
            tried += 1;
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
    assert!(tried >= 145, "the matrix ran only {tried} probes");
}

//! Workflows over HTTP that need the database or large bodies: proof uploads, deadlines and expiry.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

mod common;
use common::*;

#[tokio::test]
async fn proof_uploads_take_large_bodies_but_only_up_to_the_upload_limit() {
    use trellis_api::upload::{encode, MAX_UPLOAD_BYTES};
    let app = test_app(false).await;
    let cookie = login(&app, "partner@bluebird.test").await;
    let claim = |bytes: &[u8]| {
        json!({"request_id": "mdfr_email", "amount": 100,
               "proof": {"file_name": "../../etc/passwd.pdf", "data": encode(bytes)}})
        .to_string()
    };
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(MAX_UPLOAD_BYTES, b' ');
    let (status, _, text) = send(
        &app,
        json_req(Method::POST, "/api/mdf/claims", &claim(&pdf), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let created: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(created["proof_file_name"], "passwd.pdf");
    assert_eq!(created["proof_size"], MAX_UPLOAD_BYTES as i64);
    pdf.resize(MAX_UPLOAD_BYTES + 1, b' ');
    let (status, _, text) = send(
        &app,
        json_req(Method::POST, "/api/mdf/claims", &claim(&pdf), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert_eq!(error_body(&text)["field_errors"][0]["field"], "proof");
    pdf.resize(2 * MAX_UPLOAD_BYTES, b' ');
    let (status, _, _) = send(
        &app,
        json_req(Method::POST, "/api/mdf/claims", &claim(&pdf), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn overdue_leads_return_to_the_pool_and_old_approvals_expire() {
    let app = test_app(false).await;
    let cookie = login(&app, "channel@trellis.test").await;
    let assigned: String =
        sqlx::query_scalar("SELECT id FROM leads WHERE status = 'assigned' ORDER BY id LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let approved: String =
        sqlx::query_scalar("SELECT id FROM deals WHERE status = 'approved' ORDER BY id LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let (_, _, text) = send(&app, get(&format!("/api/leads/{assigned}"), Some(&cookie))).await;
    let lead: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(lead["status"], "assigned", "the seeded deadline is ahead");
    assert!(lead["accept_by"].is_string());
    sqlx::query("UPDATE leads SET accept_by = '2000-01-01T00:00:00Z' WHERE id = ?")
        .bind(&assigned)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("UPDATE deals SET expires_on = '2000-01-01' WHERE id = ?")
        .bind(&approved)
        .execute(&app.db)
        .await
        .unwrap();
    app.memo.forget();
    let (_, _, text) = send(&app, get(&format!("/api/leads/{assigned}"), Some(&cookie))).await;
    let lead: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (
            &lead["status"],
            &lead["partner_account_id"],
            &lead["decline_reason"]
        ),
        (
            &json!("new"),
            &Value::Null,
            &json!("Not accepted before the deadline")
        )
    );
    let (_, _, text) = send(
        &app,
        get("/api/deals?status=expired&limit=200", Some(&cookie)),
    )
    .await;
    let page: Value = serde_json::from_str(&text).unwrap();
    assert!(page["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["id"] == json!(approved)));
    // Trellis made these changes: the timeline says so, with what changed.
    let (_, _, text) = send(
        &app,
        get(&format!("/api/activity/leads/{assigned}"), Some(&cookie)),
    )
    .await;
    let timeline: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(timeline[0]["actor_name"], "Trellis", "{timeline}");
    assert_eq!(timeline[0]["actor_user_id"], Value::Null);
    let changes = timeline[0]["changes"].as_array().unwrap();
    assert!(changes
        .iter()
        .any(|c| c["field"] == "status" && c["from"] == "assigned" && c["to"] == "new"));
    assert!(changes
        .iter()
        .any(|c| c["field"] == "partner_account_id" && c["to"].is_null()));
    let (_, _, text) = send(
        &app,
        get(&format!("/api/activity/deals/{approved}"), Some(&cookie)),
    )
    .await;
    let timeline: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(timeline[0]["changes"][0]["to"], "expired", "{timeline}");
}

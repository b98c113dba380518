//! The HTTP surface of `server::app`, exercised with `oneshot`: typed errors, cookies, OpenAPI, SPA fallback.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

mod common;
use common::*;

#[tokio::test]
async fn health_answers() {
    let app = test_app(false).await;
    let (status, _, body) = send(&app, get("/api/health", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["status"],
        "ok"
    );
}

#[tokio::test]
async fn bad_bodies_get_typed_4xx_naming_the_field() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    let c = Some(cookie.as_str());
    let cases: [(&str, StatusCode, &str, Option<&str>); 6] = [
        ("{not json", StatusCode::BAD_REQUEST, "bad_request", None),
        (
            r#"{"company": 7, "contact_name": "A", "email": "a@b.co"}"#,
            StatusCode::BAD_REQUEST,
            "bad_request",
            Some("company"),
        ),
        (
            r#"{"company": "X", "email": "a@b.co"}"#,
            StatusCode::BAD_REQUEST,
            "bad_request",
            Some("contact_name"),
        ),
        (
            r#"{"company": "X", "contact_name": "A", "email": "nope"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Some("email"),
        ),
        (
            r#"{"company": "", "contact_name": "A", "email": "a@b.co"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Some("company"),
        ),
        ("[]", StatusCode::BAD_REQUEST, "bad_request", None),
    ];
    for (body, status, code, field) in cases {
        let (got, _, text) = send(&app, json_req(Method::POST, "/api/leads", body, c)).await;
        assert_eq!(got, status, "{body} -> {text}");
        let v = error_body(&text);
        assert_eq!(v["code"], code, "{body}");
        if let Some(f) = field {
            assert_eq!(v["field_errors"][0]["field"], f, "{body} -> {text}");
        }
    }
    let (status, _, text) = send(
        &app,
        Request::builder()
            .method(Method::POST)
            .uri("/api/leads")
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("hi"))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error_body(&text)["message"]
        .as_str()
        .unwrap()
        .contains("JSON"));
    let (status, _, text) = send(&app, get("/api/leads?limit=lots", c)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    error_body(&text);
    let (status, _, text) =
        send(&app, json_req(Method::PUT, "/api/leads/lead_9999", "{}", c)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let app = test_app(false).await;
    let cookie = login(&app, "admin@trellis.test").await;
    let huge = format!(
        r#"{{"company": "{}", "contact_name": "A", "email": "a@b.co"}}"#,
        "x".repeat(2 << 20)
    );
    let (status, _, text) = send(
        &app,
        json_req(Method::POST, "/api/leads", &huge, Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_body(&text)["code"], "payload_too_large");
}

#[tokio::test]
async fn unknown_api_paths_are_typed_404s_and_other_paths_serve_the_spa() {
    let app = test_app(true).await;
    let (status, _, text) = send(&app, get("/api/nope", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error_body(&text)["code"], "not_found");
    for path in ["/", "/leads", "/pages/page_home"] {
        let (status, headers, text) = send(&app, get(path, None)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(text.contains("Trellis SPA"), "{path}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        // The page's inline loader is allowed by its hash (echo -n 'start()' | sha256 | base64),
        // and so is the full bundle page's.
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00=' 'sha256-"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
    }
    let (_, headers, _) = send(&app, get("/api/health", None)).await;
    assert!(
        headers.contains_key(header::CONTENT_SECURITY_POLICY),
        "API answers carry it too"
    );
    let (status, _, text) = send(&app, json_req(Method::DELETE, "/api/leads", "", None)).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_body(&text)["code"], "method_not_allowed");
    let (_, _, text) = send(&app, get("/app.js", None)).await;
    assert_eq!(text, "console.log(1)");
}

#[tokio::test]
async fn every_record_kind_hides_other_partners_records() {
    let app = test_app(false).await;
    let data = trellis_api::seed::demo_data(0);
    let cookie = login(&app, "partner@bluebird.test").await;
    let acme = |p: &Option<String>| p.as_deref() == Some("acc_acme");
    let foreign = [
        format!(
            "/api/leads/{}",
            data.leads
                .iter()
                .find(|r| acme(&r.partner_account_id))
                .unwrap()
                .id
        ),
        format!(
            "/api/deals/{}",
            data.deals
                .iter()
                .find(|r| acme(&r.partner_account_id))
                .unwrap()
                .id
        ),
        format!(
            "/api/opportunities/{}",
            data.opportunities
                .iter()
                .find(|r| acme(&r.partner_account_id))
                .unwrap()
                .id
        ),
        format!(
            "/api/contacts/{}",
            data.contacts
                .iter()
                .find(|r| acme(&r.partner_account_id))
                .unwrap()
                .id
        ),
        "/api/accounts/acc_acme".to_string(),
        "/api/users/usr_acme_exec".to_string(),
    ];
    for path in foreign {
        let (status, _, text) = send(&app, get(&path, Some(&cookie))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!text.contains("acc_acme"), "{path} leaked: {text}");
    }
    for list in [
        "/api/leads?limit=200",
        "/api/deals?limit=200",
        "/api/opportunities?limit=200",
        "/api/contacts?limit=200",
    ] {
        let (status, _, text) = send(&app, get(list, Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            text.contains("acc_bluebird") && !text.contains("acc_acme"),
            "{list}"
        );
    }
    let asked = send(
        &app,
        get("/api/leads?partner_account_id=acc_acme", Some(&cookie)),
    )
    .await
    .2;
    assert_eq!(
        serde_json::from_str::<Value>(&asked).unwrap()["items"],
        json!([])
    );
}

#[tokio::test]
async fn the_openapi_document_covers_every_route() {
    let app = test_app(false).await;
    let (status, _, text) = send(&app, get("/api/openapi.json", None)).await;
    assert_eq!(status, StatusCode::OK);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let expected = [
        "/api/health",
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/logout-all",
        "/api/auth/me",
        "/api/accounts",
        "/api/accounts/{id}",
        "/api/programs",
        "/api/users",
        "/api/users/{id}",
        "/api/leads",
        "/api/leads/{id}",
        "/api/leads/{id}/transition",
        "/api/deals",
        "/api/deals/{id}",
        "/api/deals/{id}/transition",
        "/api/deals/{id}/conflicts",
        "/api/opportunities",
        "/api/opportunities/{id}",
        "/api/contacts",
        "/api/contacts/{id}",
        "/api/community",
        "/api/community/draft",
        "/api/community/publish",
        "/api/community/versions",
        "/api/community/versions/{version}",
        "/api/community/versions/{version}/restore",
        "/api/mdf/budgets",
        "/api/mdf/requests",
        "/api/mdf/requests/{id}",
        "/api/mdf/requests/{id}/transition",
        "/api/mdf/claims",
        "/api/mdf/claims/{id}",
        "/api/mdf/claims/{id}/transition",
        "/api/files/{id}",
        "/api/accounts/{id}/partnership",
        "/api/accounts/{id}/tier-history",
        "/api/leads/distribute",
        "/api/import",
        "/api/export/{kind}",
        "/api/cases",
        "/api/cases/{id}",
        "/api/cases/{id}/messages",
        "/api/support/channels",
        "/api/announcements",
        "/api/announcements/{id}",
        "/api/training",
        "/api/training/{id}",
        "/api/training/{id}/attempts",
        "/api/certificates",
        "/api/surveys",
        "/api/surveys/{id}/answers",
        "/api/surveys/{id}/close",
        "/api/surveys/{id}/results",
        "/api/reports",
        "/api/programs/{id}/tiers",
        "/api/tiers/{id}",
        "/api/audit",
        "/api/activity/{kind}/{id}",
        "/api/activity/{kind}/{id}/people",
        "/api/activity/mentions",
        "/api/settings/deal-review",
        "/api/products",
        "/api/products/{id}",
        "/api/settings/currencies",
    ];
    let mut documented: Vec<_> = paths.keys().map(String::as_str).collect();
    documented.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(documented, want);
    let mut ids: Vec<String> = paths
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str().map(String::from))
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "operation ids are unique");
    assert!(count >= 30, "{count} operations");
    // Each documented operation answers (never 404/405 from the router) when called without a session.
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let uri = path.replace("{id}", "x");
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let (status, _, _) = send(&app, req).await;
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(
                status != StatusCode::NOT_FOUND || path.ends_with("{id}"),
                "{method} {path}: {status}"
            );
        }
    }
}

//! The HTTP surface of `server::app`, exercised with `oneshot`: typed errors, cookies, OpenAPI, SPA fallback.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use server::{app, prepare, Config};
use tower::ServiceExt;

struct TestApp {
    router: Router,
    db: sqlx::SqlitePool,
    _dir: tempfile::TempDir,
}

async fn test_app(with_dist: bool) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    if with_dist {
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Trellis SPA</title>",
        )
        .unwrap();
        std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    }
    let config = Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("t.db").to_string_lossy().into_owned(),
        dist,
        secure_cookies: false,
    };
    let (state, _) = prepare(&config).await.unwrap();
    TestApp {
        db: state.db.clone(),
        router: app(state),
        _dir: dir,
    }
}

async fn send(app: &TestApp, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.router.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn json_req(method: Method, uri: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().uri(uri);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::empty()).unwrap()
}

async fn login(app: &TestApp, email: &str) -> String {
    let body = json!({"email": email, "password": "trellis-demo"}).to_string();
    let (status, headers, _) =
        send(app, json_req(Method::POST, "/api/auth/login", &body, None)).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers[header::SET_COOKIE].to_str().unwrap().to_string();
    cookie.split(';').next().unwrap().to_string()
}

fn error_body(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert!(
        v["code"].is_string() && v["message"].is_string(),
        "not an ApiError: {text}"
    );
    v
}

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
async fn session_cookie_is_http_only_and_lax_and_logout_ends_it() {
    let app = test_app(false).await;
    let body = json!({"email": "partner@acme.test", "password": "trellis-demo"}).to_string();
    let (_, headers, _) = send(&app, json_req(Method::POST, "/api/auth/login", &body, None)).await;
    let set = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
        "{set}"
    );
    assert!(!set.contains("Secure"), "plain HTTP by default");
    let cookie = set.split(';').next().unwrap();
    assert_eq!(
        send(&app, get("/api/auth/me", Some(cookie))).await.0,
        StatusCode::OK
    );
    let (status, headers, _) = send(
        &app,
        json_req(Method::POST, "/api/auth/logout", "", Some(cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let (status, _, body) = send(&app, get("/api/auth/me", Some(cookie))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_body(&body)["code"], "unauthenticated");
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
    }
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
}

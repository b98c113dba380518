//! Logins and sessions over HTTP, exercised with `oneshot`: cookie flags, throttling, idle and
//! absolute expiry, logging out everywhere, and cross-site writes refused.

use axum::http::{header, Method, StatusCode};
use serde_json::json;

mod common;
use common::*;

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
    log_out(&app, "/api/auth/logout", cookie).await;
    let (status, _, body) = send(&app, get("/api/auth/me", Some(cookie))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_body(&body)["code"], "unauthenticated");
}

/// A login attempt from `addr` (as the real server sees the peer), answered with status and body.
async fn attempt(
    app: &TestApp,
    email: &str,
    password: &str,
    addr: &str,
) -> (StatusCode, String, String) {
    let body = json!({"email": email, "password": password}).to_string();
    let mut req = json_req(Method::POST, "/api/auth/login", &body, None);
    let peer: std::net::SocketAddr = addr.parse().unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(peer));
    let (status, headers, text) = send(app, req).await;
    let retry = headers
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, text, retry)
}

#[tokio::test]
async fn failed_logins_are_throttled_per_account_and_per_address_alike_for_unknown_emails() {
    let app = test_app(false).await;
    for email in ["partner@acme.test", "nobody@acme.test"] {
        for _ in 0..server::throttle::ACCOUNT_FREE {
            let (status, _, _) = attempt(&app, email, "wrong-password", "10.0.0.1:5000").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        let (status, text, retry) = attempt(&app, email, "trellis-demo", "10.0.0.1:5000").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{email}: {text}");
        let body = error_body(&text);
        assert_eq!(body["code"], "too_many_requests");
        assert_eq!(
            body["message"],
            "Too many failed logins: try again in 1 seconds"
        );
        assert_eq!(retry, "1");
    }
    // Another account from another address is not affected.
    let (status, _, _) = attempt(&app, "rep@acme.test", "trellis-demo", "10.0.0.2:5000").await;
    assert_eq!(status, StatusCode::OK);

    // One address trying many accounts waits after its own allowance.
    for i in 0..server::throttle::ADDRESS_FREE - 2 * server::throttle::ACCOUNT_FREE {
        let (status, _, _) = attempt(
            &app,
            &format!("guess{i}@acme.test"),
            "x-wrong-pass",
            "10.0.0.1:5000",
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let (status, _, _) = attempt(
        &app,
        "partner@bluebird.test",
        "trellis-demo",
        "10.0.0.1:5000",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the address is throttled"
    );
    let (status, _, _) = attempt(
        &app,
        "partner@bluebird.test",
        "trellis-demo",
        "10.0.0.3:5000",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the account itself is fine from elsewhere"
    );
}

/// Posts to a logout endpoint: 204 and the cookie cleared.
async fn log_out(app: &TestApp, path: &str, cookie: &str) {
    let (status, headers, _) = send(app, json_req(Method::POST, path, "", Some(cookie))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
}

/// Sets a time column of every session of rep@acme.test.
async fn age_rep_sessions(app: &TestApp, column: &str, at: &str) {
    sqlx::query(&format!(
        "UPDATE sessions SET {column} = ? WHERE user_id = 'usr_acme_rep'"
    ))
    .bind(at)
    .execute(&app.db)
    .await
    .unwrap();
    app.memo.forget();
}

#[tokio::test]
async fn sessions_end_when_idle_at_their_absolute_expiry_and_everywhere_at_once() {
    let app = test_app(false).await;
    let first = login(&app, "partner@acme.test").await;
    let second = login(&app, "partner@acme.test").await;
    let other = login(&app, "rep@acme.test").await;
    for c in [&first, &second, &other] {
        assert_eq!(
            send(&app, get("/api/auth/me", Some(c))).await.0,
            StatusCode::OK
        );
    }
    // Idle for longer than allowed: that session ends, the others do not.
    let stale = trellis_api::datetime::timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
            - server::auth::IDLE_SECONDS
            - 5,
    );
    age_rep_sessions(&app, "last_seen_at", &stale).await;
    assert_eq!(
        send(&app, get("/api/auth/me", Some(&other))).await.0,
        StatusCode::UNAUTHORIZED
    );
    // Past the absolute expiry, however recently used.
    let third = login(&app, "rep@acme.test").await;
    age_rep_sessions(&app, "expires_at", &stale).await;
    assert_eq!(
        send(&app, get("/api/auth/me", Some(&third))).await.0,
        StatusCode::UNAUTHORIZED
    );
    // Log out everywhere ends both of the partner's sessions and clears this cookie.
    log_out(&app, "/api/auth/logout-all", &first).await;
    for c in [&first, &second] {
        assert_eq!(
            send(&app, get("/api/auth/me", Some(c))).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn cross_site_writes_are_refused_and_same_origin_ones_pass() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    let body = json!({"first_name": "Csrf", "last_name": "Test", "email": "csrf@example.test"})
        .to_string();
    let write = |origin: Option<&str>, fetch_site: Option<&str>| {
        let mut req = json_req(Method::POST, "/api/contacts", &body, Some(&cookie));
        req.headers_mut()
            .insert(header::HOST, "trellis.example".parse().unwrap());
        if let Some(o) = origin {
            req.headers_mut().insert(header::ORIGIN, o.parse().unwrap());
        }
        if let Some(s) = fetch_site {
            req.headers_mut()
                .insert("sec-fetch-site", s.parse().unwrap());
        }
        req
    };
    for (origin, site) in [
        (Some("https://evil.example"), None),
        (None, Some("cross-site")),
        (Some("null"), None),
    ] {
        let (status, _, text) = send(&app, write(origin, site)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?} {site:?}");
        assert!(error_body(&text)["message"]
            .as_str()
            .unwrap()
            .starts_with("Cross-site request refused"));
    }
    let (status, _, text) = send(
        &app,
        write(Some("https://trellis.example"), Some("same-origin")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    // Reads are not state-changing: a cross-site GET is answered (and carries no Lax cookie anyway).
    let mut read = get("/api/auth/me", Some(&cookie));
    read.headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(send(&app, read).await.0, StatusCode::OK);
}

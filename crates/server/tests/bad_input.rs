//! Bad input is harmless: every write endpoint of the OpenAPI document (so none can be forgotten),
//! as an administrator and as a partner, answers hostile bodies with a typed 4xx, never a 5xx.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;

/// Bodies no endpoint should choke on.
fn hostile_bodies() -> Vec<(&'static str, Vec<u8>)> {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{}1{}", "{\"a\":".repeat(5_000), "}".repeat(5_000));
    vec![
        ("empty", Vec::new()),
        ("not JSON", b"hello".to_vec()),
        ("null", b"null".to_vec()),
        ("wrong types", br#"{"name": 5, "email": [], "amount": "lots", "site": 1, "base_version": "x"}"#.to_vec()),
        ("huge number", br#"{"amount": 1e400, "base_version": 99999999999999999999999}"#.to_vec()),
        ("deeply nested array", deep.into_bytes()),
        ("deeply nested object", deep_object.into_bytes()),
        ("invalid UTF-8", b"{\"name\": \"\xff\xfe\"}".to_vec()),
        ("script everywhere", br#"{"name": "<script>alert(1)</script>", "title": "<img src=x onerror=alert(1)>", "email": "a@b.c"}"#.to_vec()),
        ("path traversal", br#"{"file_name": "../../etc/passwd", "data": "AAAA"}"#.to_vec()),
        ("long string", format!("{{\"name\": \"{}\"}}", "x".repeat(300_000)).into_bytes()),
    ]
}

/// Every (method, path) of the OpenAPI document that changes something, ids filled in.
fn write_routes() -> Vec<(Method, String)> {
    let doc = serde_json::to_value(server::openapi()).unwrap();
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                let concrete = path
                    .split('/')
                    .map(|seg| {
                        if seg.starts_with('{') {
                            "lead_0001"
                        } else {
                            seg
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                routes.push((method.to_uppercase().parse().unwrap(), concrete));
            }
        }
    }
    routes
}

#[tokio::test]
async fn every_write_endpoint_answers_hostile_bodies_with_a_typed_4xx() {
    let app = test_app(false).await;
    let routes = write_routes();
    assert!(
        routes.len() > 30,
        "only {} write routes found",
        routes.len()
    );
    let mut tried = 0;
    for cookie in [
        None,
        Some(login(&app, "admin@trellis.test").await),
        Some(login(&app, "partner@bluebird.test").await),
    ] {
        for (method, path) in &routes {
            // Logging out or everywhere would end the session the next requests use.
            if path.contains("logout") {
                continue;
            }
            for (name, body) in hostile_bodies() {
                let mut req = Request::builder()
                    .method(method.clone())
                    .uri(path)
                    .header(header::CONTENT_TYPE, "application/json");
                if let Some(c) = &cookie {
                    req = req.header(header::COOKIE, c);
                }
                let (status, _, text) = send(&app, req.body(Body::from(body)).unwrap()).await;
                tried += 1;
                assert!(
                    status.is_client_error(),
                    "{method} {path} with {name} ({}): {status} {}",
                    if cookie.is_some() {
                        "logged in"
                    } else {
                        "anonymous"
                    },
                    text.chars().take(200).collect::<String>()
                );
                assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR);
                error_body(&text);
            }
        }
    }
    assert!(tried > 1000, "{tried} hostile requests");
}

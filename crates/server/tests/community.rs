//! The community draft on the wire: big sites save, bad layouts get typed errors naming the place.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

mod common;
use common::*;

async fn draft(app: &TestApp, cookie: &str) -> Value {
    let (status, _, text) = send(app, get("/api/community/draft", Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn components(n: usize, prefix: &str) -> Vec<Value> {
    (0..n)
        .map(|i| {
            json!({"type": "component", "id": format!("{prefix}{i}"), "component": "lead_inbox",
            "props": {"title": "New leads for the whole partner team this quarter", "limit": 5}})
        })
        .collect()
}

#[tokio::test]
async fn a_site_of_several_full_pages_saves_and_comes_back_whole() {
    let app = test_app(false).await;
    let cookie = login(&app, "admin@trellis.test").await;
    let current = draft(&app, &cookie).await;
    let mut site = current["site"].clone();
    site["pages"][0]["root"] = Value::Array(components(5_000, "a"));
    site["pages"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "page_more", "title": "More", "root": components(5_000, "b")}));
    let body = json!({"base_version": current["version"], "site": site}).to_string();
    assert!(
        body.len() > 1 << 20,
        "bigger than the default body limit: {}",
        body.len()
    );
    let (status, _, text) = send(
        &app,
        json_req(Method::PUT, "/api/community/draft", &body, Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", &text[..text.len().min(300)]);
    let huge = "x".repeat(9 << 20);
    let (status, _, _) = send(
        &app,
        json_req(Method::PUT, "/api/community/draft", &huge, Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let saved = draft(&app, &cookie).await;
    let back: trellis_api::Site = serde_json::from_value(saved["site"].clone()).unwrap();
    let sent: trellis_api::Site = serde_json::from_value(site).unwrap();
    assert_eq!(back.pages[1].root.len(), 5_000);
    assert!(back == sent, "the site comes back as sent");
}

#[tokio::test]
async fn bad_layouts_are_refused_with_the_place_named() {
    let app = test_app(false).await;
    let cookie = login(&app, "admin@trellis.test").await;
    let current = draft(&app, &cookie).await;
    let with_root = |root: Value| {
        let mut site = current["site"].clone();
        site["pages"][0]["root"] = root;
        json!({"base_version": current["version"], "site": site}).to_string()
    };
    let mut deep = json!({"type": "component", "id": "leaf", "component": "heading"});
    for i in 0..200 {
        deep = json!({"type": "section", "id": format!("s{i}"), "children": [deep]});
    }
    let cases = [
        (
            with_root(json!([{"type": "component", "id": "x", "component": "carousel"}])),
            StatusCode::BAD_REQUEST,
            "site",
        ),
        (
            with_root(
                json!([{"type": "component", "id": "x", "component": "heading", "props": {"level": 9}}]),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "site.pages[0].root[0].props.level",
        ),
        (
            with_root(
                json!([{"type": "row", "id": "r", "columns": [{"id": "a", "children": []}, {"id": "b", "children": []},
                {"id": "c", "children": []}, {"id": "d", "children": []}, {"id": "e", "children": []}]}]),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "site.pages[0].root[0].columns",
        ),
        // Too deep to even read: a typed 400 naming where reading stopped, not a stack overflow.
        (
            with_root(json!([deep])),
            StatusCode::BAD_REQUEST,
            "site.pages[0].root[0].children[0].children[0]",
        ),
    ];
    for (body, status, field) in cases {
        let (got, _, text) = send(
            &app,
            json_req(Method::PUT, "/api/community/draft", &body, Some(&cookie)),
        )
        .await;
        assert_eq!(got, status, "{}", &text[..text.len().min(300)]);
        let error = error_body(&text);
        let fields: Vec<&str> = error["field_errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert!(
            fields.iter().any(|f| f.starts_with(field)),
            "{field} not in {:?}",
            &text[..text.len().min(300)]
        );
    }
    assert!(draft(&app, &cookie).await == current, "nothing was saved");
}

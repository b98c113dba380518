//! The SPA's files: precompressed as built, hashed names cached for good, the page revalidated.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use trellis_api::screens::Shown;

mod common;
use common::*;

async fn fetch(
    app: &TestApp,
    uri: &str,
    encoding: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    fetch_with_cookie(app, uri, encoding, None).await
}

async fn fetch_with_cookie(
    app: &TestApp,
    uri: &str,
    encoding: Option<&str>,
    cookie: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::builder().uri(uri);
    if let Some(e) = encoding {
        request = request.header(header::ACCEPT_ENCODING, e);
    }
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

fn header(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers.get(name).map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn hashed_assets_come_precompressed_and_immutable() {
    let app = test_app(true).await;
    let path = format!("/{HASHED_ASSET}");
    for (accepts, encoding, body) in [
        (Some("br, gzip"), "br", "brotli bytes"),
        (Some("gzip"), "gzip", "gzip bytes"),
        (None, "", "console.log(2)"),
    ] {
        let (status, headers, text) = fetch(&app, &path, accepts).await;
        assert_eq!(status, StatusCode::OK, "{accepts:?}");
        assert_eq!(
            text, body,
            "the file made at build time, as it is: {accepts:?}"
        );
        assert_eq!(header(&headers, header::CONTENT_ENCODING), encoding);
        assert!(header(&headers, header::CONTENT_TYPE).contains("javascript"));
        assert_eq!(
            header(&headers, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(header(&headers, header::VARY), "accept-encoding");
    }
}

#[tokio::test]
async fn the_page_and_unhashed_files_are_revalidated() {
    let app = test_app(true).await;
    let missing = "/gone-0123456789abcdef.js";
    for path in ["/", "/leads", "/index.html", "/app.js", missing] {
        let (status, headers, _) = fetch(&app, path, Some("br")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            header(&headers, header::CACHE_CONTROL),
            "no-cache",
            "{path}"
        );
    }
    let (_, headers, text) = fetch(&app, missing, None).await;
    assert!(
        text.contains("Trellis SPA")
            && header(&headers, header::CONTENT_TYPE).starts_with("text/html"),
        "an unknown hashed name answers with the page, which must never be kept as that file"
    );
}

#[tokio::test]
async fn api_answers_are_still_compressed_as_they_are_made() {
    let app = test_app(true).await;
    let (status, headers, _) = fetch(&app, "/api/openapi.json", Some("br")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, header::CONTENT_ENCODING), "br");
    assert!(
        !header(&headers, header::CACHE_CONTROL).contains("immutable"),
        "the API is never cached for good"
    );
}

#[tokio::test]
async fn the_bundle_cookie_chooses_the_full_page_for_the_apps_routes() {
    let app = test_app(true).await;
    for path in ["/", "/builder", "/leads"] {
        let (_, headers, partner) = fetch(&app, path, None).await;
        assert!(partner.contains("Trellis SPA"), "{path}: {partner}");
        assert_eq!(header(&headers, header::VARY), "accept-encoding, cookie");
        for cookie in ["trellis-bundle=full", "a=1; trellis-bundle=full"] {
            let (status, headers, full) = fetch_with_cookie(&app, path, None, Some(cookie)).await;
            assert_eq!(status, StatusCode::OK);
            assert!(full.contains("Trellis full"), "{path} {cookie}: {full}");
            assert_eq!(header(&headers, header::CACHE_CONTROL), "no-cache");
        }
        let (_, _, other) = fetch_with_cookie(&app, path, None, Some("trellis-bundle=x")).await;
        assert!(other.contains("Trellis SPA"), "{path}: {other}");
    }
    let (_, headers, asset) =
        fetch_with_cookie(&app, "/app.js", None, Some("trellis-bundle=full")).await;
    assert_eq!(
        asset, "console.log(1)",
        "files are the same for both bundles"
    );
    let policy = header(&headers, header::CONTENT_SECURITY_POLICY);
    assert_eq!(
        policy.matches("'sha256-").count(),
        2,
        "both pages' loaders are allowed: {policy}"
    );
}

#[tokio::test]
async fn the_page_preloads_the_apps_first_calls() {
    let app = test_app(true).await;
    let preload =
        |path: &str| format!("<{path}>; rel=preload; as=fetch; crossorigin=use-credentials");
    let calls = format!("{}, {}", preload("/api/auth/me"), preload("/api/community"));
    let code = |files: &[&str]| {
        files
            .iter()
            .map(|f| format!(", <{f}>; rel=preload; as=fetch; crossorigin"))
            .collect::<String>()
    };
    let leads = format!(", {}", preload("/api/leads"));
    let session = "trellis_session=abc";
    let full = "trellis-bundle=full; trellis_session=abc";
    for (uri, cookie, files) in [
        // Without a session every path shows the login page: no screen's code.
        ("/leads", None, code(&[])),
        ("/", Some(session), code(&[])),
        ("/", Some(full), code(&[])),
        ("/pages/about", Some(session), code(&[])),
        (
            "/leads",
            Some(session),
            leads.clone() + &code(&["/chunk_1-aa.wasm", "/split_leads-bb.wasm"]),
        ),
        (
            "/leads/",
            Some(session),
            leads.clone() + &code(&["/chunk_1-aa.wasm", "/split_leads-bb.wasm"]),
        ),
        // A query changes the list's first call: only the code then.
        (
            "/leads?status=accepted",
            Some(session),
            code(&["/chunk_1-aa.wasm", "/split_leads-bb.wasm"]),
        ),
        (
            "/support/c-1",
            Some(session),
            code(&["/split_case-cc.wasm"]),
        ),
        (
            "/leads",
            Some(full),
            leads.clone() + &code(&["/chunk_1-dd.wasm", "/split_leads-ee.wasm"]),
        ),
        // A list screen the bundle's file list does not name still gets its first call.
        (
            "/support",
            Some(session),
            format!(", {}", preload("/api/cases")),
        ),
        ("/builder", Some(full), code(&["/split_builder-ff.wasm"])),
        // A screen the bundle's list does not name preloads nothing extra.
        ("/builder", Some(session), code(&[])),
    ] {
        let (_, headers, _) = fetch_with_cookie(&app, uri, None, cookie).await;
        assert_eq!(
            header(&headers, header::LINK),
            format!("{calls}{files}"),
            "{uri} with {cookie:?}"
        );
    }
    let (_, headers, _) = fetch(&app, "/app.js", None).await;
    assert!(headers.get(header::LINK).is_none(), "files preload nothing");
    for demo in ["/?demo", "/leads?x=1&demo=1"] {
        let (_, headers, _) = fetch_with_cookie(&app, demo, None, Some(session)).await;
        assert!(headers.get(header::LINK).is_none(), "{demo} calls no API");
    }
    let (_, headers, _) = fetch(&app, "/?demo=off", None).await;
    assert_eq!(header(&headers, header::LINK), calls);
}

#[tokio::test]
async fn a_community_page_preloads_its_components_first_calls() {
    let app = test_app(true).await;
    let preloads = |headers: &HeaderMap| -> Vec<String> {
        header(headers, header::LINK)
            .split(", ")
            .filter_map(|l| {
                l.strip_prefix('<')?
                    .split_once('>')
                    .map(|(p, _)| p.to_string())
            })
            .collect()
    };
    let partner = login(&app, "partner@acme.test").await;
    let (_, _, body) = send(&app, get("/api/community", Some(&partner))).await;
    let site: trellis_api::PublishedSite = serde_json::from_str(&body).unwrap();
    let home = trellis_api::screens::page_calls(&site.site.pages[0], Shown::PartnerHome);
    assert!(
        home.iter()
            .any(|c| c == "/api/leads?limit=5&status=assigned")
            && home.iter().any(|c| c == "/api/surveys"),
        "the seeded home's lead inbox and the partner's survey prompt: {home:?}"
    );
    let (_, headers, _) = fetch_with_cookie(&app, "/", None, Some(&partner)).await;
    let mut want = vec!["/api/auth/me".to_string(), "/api/community".to_string()];
    want.extend(home.iter().cloned());
    assert_eq!(preloads(&headers), want);
    // A page by id, as its own components fetch (no survey prompt off the home).
    let page = &site.site.pages[0];
    let uri = format!("/pages/{}", page.id);
    let (_, headers, _) = fetch_with_cookie(&app, &uri, None, Some(&partner)).await;
    let mut want = vec!["/api/auth/me".to_string(), "/api/community".to_string()];
    want.extend(trellis_api::screens::page_calls(page, Shown::Page));
    assert_eq!(preloads(&headers), want);
    // Staff have their queues as home; a query, an unknown page or a stale session add nothing.
    let admin = login(&app, "admin@trellis.test").await;
    let (_, headers, _) = fetch_with_cookie(&app, "/", None, Some(&admin)).await;
    let mut want = vec!["/api/auth/me".to_string(), "/api/community".to_string()];
    want.extend(trellis_api::queues::QUEUES.iter().map(|q| q.call()));
    want.extend(trellis_api::queues::directory_calls());
    want.push("/api/activity/mentions".to_string());
    assert_eq!(preloads(&headers), want);
    for (uri, cookie) in [
        ("/?tab=1", partner.as_str()),
        ("/pages/no-such-page", partner.as_str()),
        ("/", "trellis_session=stale"),
    ] {
        let (_, headers, _) = fetch_with_cookie(&app, uri, None, Some(cookie)).await;
        assert_eq!(
            preloads(&headers),
            ["/api/auth/me", "/api/community"],
            "{uri}"
        );
    }
}

#[tokio::test]
async fn a_page_with_on_demand_components_preloads_their_code() {
    let app = test_app(true).await;
    let admin = login(&app, "admin@trellis.test").await;
    let (_, _, text) = send(&app, get("/api/community/draft", Some(&admin))).await;
    let draft: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut site = draft["site"].clone();
    site["pages"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "page_figures", "title": "Figures", "root": [
                {"type": "component", "id": "k", "component": "kpi_tile", "props": {}}]
        }));
    let body = serde_json::json!({"base_version": draft["version"], "site": site}).to_string();
    let (status, _, text) = send(
        &app,
        json_req(Method::PUT, "/api/community/draft", &body, Some(&admin)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    let publish = serde_json::json!({"base_version": saved["version"]}).to_string();
    let (status, _, text) = send(
        &app,
        json_req(
            Method::POST,
            "/api/community/publish",
            &publish,
            Some(&admin),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let partner = login(&app, "partner@acme.test").await;
    let (_, headers, _) =
        fetch_with_cookie(&app, "/pages/page_figures", None, Some(&partner)).await;
    let link = header(&headers, header::LINK);
    assert!(
        link.ends_with(
            "</api/reports>; rel=preload; as=fetch; crossorigin=use-credentials, \
             </chunk_1-aa.wasm>; rel=preload; as=fetch; crossorigin, \
             </split_widgets-gg.wasm>; rel=preload; as=fetch; crossorigin"
        ),
        "{link}"
    );
    let (_, headers, _) = fetch_with_cookie(&app, "/", None, Some(&partner)).await;
    assert!(
        !header(&headers, header::LINK).contains(".wasm"),
        "the seeded home draws main-module components only"
    );
}

#[tokio::test]
async fn an_unreadable_screen_list_preloads_no_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>T</title>",
    )
    .unwrap();
    std::fs::write(dir.path().join("index.screens.json"), "{not json").unwrap();
    let config = server::config::Config {
        db: dir.path().join("t.db").to_string_lossy().into_owned(),
        ..Default::default()
    };
    let (state, _) = server::prepare(&config).await.unwrap();
    let router = server::assets::spa(&state, dir.path());
    let request = Request::builder()
        .uri("/leads")
        .header(header::COOKIE, "trellis_session=abc")
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(router, request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let link = header(response.headers(), header::LINK);
    assert!(!link.contains(".wasm"), "{link}");
    assert!(link.contains("/api/auth/me"), "{link}");
}

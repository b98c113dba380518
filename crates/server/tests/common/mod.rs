//! Helpers shared by the server's `oneshot` tests: a fresh app on a temporary database, requests, login.
// Each test binary uses some of these.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use server::{app, prepare, Config};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub db: sqlx::SqlitePool,
    /// What the server remembers of the database: tests that write around it call `forget`.
    pub memo: std::sync::Arc<server::store::memo::Memo>,
    /// The database file.
    pub path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// A file of the test SPA whose name carries a content hash, as Trunk names them.
pub const HASHED_ASSET: &str = "app-0123456789abcdef.js";

pub async fn test_app(with_dist: bool) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    if with_dist {
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Trellis SPA</title><script type=\"module\">start()</script>",
        )
        .unwrap();
        std::fs::write(
            dist.join("full.html"),
            "<!doctype html><title>Trellis full</title><script type=\"module\">startFull()</script>",
        )
        .unwrap();
        std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
        // A hashed asset as the build leaves it: the file and its precompressed twins.
        std::fs::write(dist.join(HASHED_ASSET), "console.log(2)").unwrap();
        std::fs::write(dist.join(format!("{HASHED_ASSET}.br")), "brotli bytes").unwrap();
        std::fs::write(dist.join(format!("{HASHED_ASSET}.gz")), "gzip bytes").unwrap();
        // Each bundle's on-demand screens and the files their code comes in.
        std::fs::write(
            dist.join("index.screens.json"),
            r#"{"leads":["/chunk_1-aa.wasm","/split_leads-bb.wasm"],"case":["/split_case-cc.wasm"],"widgets":["/chunk_1-aa.wasm","/split_widgets-gg.wasm"]}"#,
        )
        .unwrap();
        std::fs::write(
            dist.join("full.screens.json"),
            r#"{"leads":["/chunk_1-dd.wasm","/split_leads-ee.wasm"],"builder":["/split_builder-ff.wasm"]}"#,
        )
        .unwrap();
    }
    let config = Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("t.db").to_string_lossy().into_owned(),
        dist,
        secure_cookies: false,
        ..Default::default()
    };
    let (state, _) = prepare(&config).await.unwrap();
    TestApp {
        path: dir.path().join("t.db"),
        db: state.db.clone(),
        memo: state.memo.clone(),
        router: app(state),
        _dir: dir,
    }
}

pub async fn send(
    app: &TestApp,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.router.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

pub fn json_req(method: Method, uri: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

pub fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().uri(uri);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::empty()).unwrap()
}

pub async fn login(app: &TestApp, email: &str) -> String {
    let body = json!({"email": email, "password": "trellis-demo"}).to_string();
    let (status, headers, _) =
        send(app, json_req(Method::POST, "/api/auth/login", &body, None)).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers[header::SET_COOKIE].to_str().unwrap().to_string();
    cookie.split(';').next().unwrap().to_string()
}

pub fn error_body(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert!(
        v["code"].is_string() && v["message"].is_string(),
        "not an ApiError: {text}"
    );
    v
}

/// Starts the real server binary on the database `db` with the log filter `log` (the log goes to
/// its stderr, piped); returns it and its address.
pub fn start_binary(db: &std::path::Path, log: &str) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_trellis-server"))
        .env("TRELLIS_ADDR", "127.0.0.1:0")
        .env("TRELLIS_DB", db)
        .env("TRELLIS_DIST", db.with_extension("no-dist"))
        .env("TRELLIS_LOG", log)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if let Some(addr) = line.unwrap().strip_prefix("trellis: listening on ") {
            return (child, addr.to_string());
        }
    }
    let status = child.wait();
    panic!("the server exited before listening: {status:?}");
}

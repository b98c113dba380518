//! Operations: a backup taken while serving restores every record; a server killed with SIGKILL
//! mid-stream restarts with a sound database holding every acknowledged write; parallel writers
//! never lose an update nor overspend a budget.

mod common;

use std::collections::BTreeMap;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};
use server::backup::{backup, restore};

/// Every row of every table, as JSON, in a stable order: a full export to compare.
async fn dump(db: &sqlx::SqlitePool) -> BTreeMap<String, Vec<String>> {
    use sqlx::{Row, ValueRef};
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(db)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for table in tables {
        let rows = sqlx::query(&format!("SELECT * FROM \"{table}\""))
            .fetch_all(db)
            .await
            .unwrap();
        let mut lines: Vec<String> = rows
            .iter()
            .map(|r| {
                let cells: Vec<Value> = (0..r.columns().len())
                    .map(|i| {
                        let raw = r.try_get_raw(i).unwrap();
                        if raw.is_null() {
                            Value::Null
                        } else if let Ok(n) = r.try_get::<i64, _>(i) {
                            json!(n)
                        } else if let Ok(t) = r.try_get::<String, _>(i) {
                            json!(t)
                        } else {
                            json!(format!("{:?}", r.try_get::<Vec<u8>, _>(i).ok()))
                        }
                    })
                    .collect();
                serde_json::to_string(&cells).unwrap()
            })
            .collect();
        lines.sort();
        out.insert(table, lines);
    }
    out
}

async fn add_contact(app: &TestApp, cookie: &str, name: &str) {
    let body = json!({"first_name": name, "last_name": "Backup", "email": format!("{name}@example.test"),
        "company": "Northwind"});
    let (status, _, text) = send(
        app,
        json_req(
            Method::POST,
            "/api/contacts",
            &body.to_string(),
            Some(cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_record() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    add_contact(&app, &cookie, "before").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trellis-backup.db");
    let at_backup = dump(&app.db).await;
    backup(&app.path, &file).await.expect("backup");
    assert!(backup(&app.path, &file)
        .await
        .unwrap_err()
        .0
        .contains("already exists"));
    add_contact(&app, &cookie, "after").await;
    let latest = dump(&app.db).await;
    assert_ne!(latest["contacts"].len(), at_backup["contacts"].len());

    let not_a_db = dir.path().join("notes.txt");
    std::fs::write(&not_a_db, "hello").unwrap();
    assert!(restore(&app.path, &not_a_db).await.is_err());
    assert!(
        dump(&app.db).await == latest,
        "a refused restore changes nothing"
    );

    let TestApp { db, path, .. } = app;
    db.close().await;
    let kept = restore(&path, &file).await.expect("restore").expect("kept");
    let restored = server::db::open(&path.to_string_lossy()).await.unwrap();
    assert!(
        dump(&restored).await == at_backup,
        "every record as it was at the backup"
    );
    let before = server::db::open(&kept.to_string_lossy()).await.unwrap();
    assert!(
        dump(&before).await == latest,
        "the replaced database is kept, nothing lost"
    );
    let tables = at_backup.len();
    let rows: usize = at_backup.values().map(Vec::len).sum();
    assert!(
        tables > 20 && rows > 500,
        "{tables} tables, {rows} rows compared"
    );
}

#[tokio::test]
async fn a_server_killed_mid_stream_restarts_sound_with_every_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut acknowledged = Vec::new();
    for round in 0..3 {
        let (mut child, base) = tokio::task::spawn_blocking({
            let db = db.clone();
            move || start_binary(&db, "error")
        })
        .await
        .unwrap();
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let login = client
            .post(format!("{base}/api/auth/login"))
            .json(&json!({"email": "partner@acme.test", "password": "trellis-demo"}))
            .send()
            .await
            .unwrap();
        assert_eq!(login.status(), 200);
        let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (client, base, acked) = (client.clone(), base.clone(), acked.clone());
                tokio::spawn(async move {
                    for i in 0.. {
                        let email = format!("r{round}w{w}n{i}@crash.test");
                        let body =
                            json!({"first_name": "Crash", "last_name": "Test", "email": email});
                        match client
                            .post(format!("{base}/api/contacts"))
                            .json(&body)
                            .send()
                            .await
                        {
                            Ok(r) if r.status().is_success() => acked.lock().unwrap().push(email),
                            _ => break,
                        }
                    }
                })
            })
            .collect();
        while acked.lock().unwrap().len() < 40 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        child.kill().unwrap(); // SIGKILL: no shutdown, no flush
        child.wait().unwrap();
        for w in writers {
            let _ = w.await;
        }
        acknowledged.extend(acked.lock().unwrap().drain(..));

        let pool = server::db::open(&db.to_string_lossy()).await.unwrap();
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        let stored: std::collections::HashSet<String> =
            sqlx::query_scalar("SELECT email FROM contacts WHERE email LIKE '%@crash.test'")
                .fetch_all(&pool)
                .await
                .unwrap()
                .into_iter()
                .collect();
        let lost: Vec<_> = acknowledged
            .iter()
            .filter(|e| !stored.contains(*e))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged but lost: {lost:?}"
        );
        pool.close().await;
    }
    assert!(
        acknowledged.len() >= 120,
        "{} writes checked",
        acknowledged.len()
    );
}

/// Sends every request at once (each on its own task) and returns the statuses in order.
async fn all_at_once(
    app: &TestApp,
    requests: Vec<axum::http::Request<axum::body::Body>>,
) -> Vec<StatusCode> {
    use tower::ServiceExt;
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|req| {
            let router = app.router.clone();
            tokio::spawn(async move { router.oneshot(req).await.unwrap().status() })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses
}

async fn json_of(app: &TestApp, req: axum::http::Request<axum::body::Body>) -> Value {
    let (status, _, text) = send(app, req).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

// Several worker threads, so the handlers really run side by side.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_writers_never_lose_an_update_nor_overspend_a_budget() {
    let app = test_app(false).await;
    // Eight saves of the draft from the same base version: one wins, seven get 409.
    let admin = login(&app, "admin@trellis.test").await;
    let draft = json_of(&app, get("/api/community/draft", Some(&admin))).await;
    let saves = (0..8)
        .map(|i| {
            let mut site = draft["site"].clone();
            site["name"] = json!(format!("Writer {i}"));
            let body = json!({"base_version": draft["version"], "site": site}).to_string();
            json_req(Method::PUT, "/api/community/draft", &body, Some(&admin))
        })
        .collect();
    let statuses = all_at_once(&app, saves).await;
    let won: Vec<usize> = (0..8).filter(|i| statuses[*i] == StatusCode::OK).collect();
    assert_eq!(won.len(), 1, "{statuses:?}");
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        7
    );
    let now = json_of(&app, get("/api/community/draft", Some(&admin))).await;
    assert_eq!(
        now["site"]["name"],
        format!("Writer {}", won[0]),
        "the winner's save is the draft"
    );

    // Ten requests of 150 approved at once against a budget of 1,000: six fit, never more.
    let budget = json_of(
        &app,
        json_req(
            Method::POST,
            "/api/mdf/budgets",
            &json!({"program_id": "prog_resell", "name": "Race fund", "starts_on": "2020-01-01",
                "ends_on": "2999-12-31", "amount": 1000, "currency": "USD"})
            .to_string(),
            Some(&admin),
        ),
    )
    .await;
    let partner = login(&app, "partner@acme.test").await;
    let mut ids = Vec::new();
    for i in 0..10 {
        let body = json!({"budget_id": budget["id"], "activity": format!("Event {i}"),
            "description": "A stand", "amount": 150, "starts_on": "2020-01-01", "ends_on": "2999-12-31"});
        let request = json_of(
            &app,
            json_req(
                Method::POST,
                "/api/mdf/requests",
                &body.to_string(),
                Some(&partner),
            ),
        )
        .await;
        ids.push(request["id"].as_str().unwrap().to_string());
    }
    let channel = login(&app, "channel@trellis.test").await;
    let approvals = ids
        .iter()
        .map(|id| {
            let path = format!("/api/mdf/requests/{id}/transition");
            json_req(
                Method::POST,
                &path,
                &json!({"action": "approve"}).to_string(),
                Some(&channel),
            )
        })
        .collect();
    let statuses = all_at_once(&app, approvals).await;
    let approved = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(approved, 6, "{statuses:?}");
    assert!(statuses
        .iter()
        .all(|s| *s == StatusCode::OK || *s == StatusCode::UNPROCESSABLE_ENTITY));
    let budgets = json_of(&app, get("/api/mdf/budgets", Some(&channel))).await;
    let race = budgets
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == budget["id"])
        .unwrap();
    assert_eq!(race["committed"], 900);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_reviewers_of_one_deal_get_one_decision() {
    let app = test_app(false).await;
    let deal = trellis_api::seed::demo_data(0)
        .deals
        .into_iter()
        .find(|d| d.status == trellis_api::DealStatus::Submitted)
        .expect("a submitted deal in the seed");
    let admin = login(&app, "admin@trellis.test").await;
    let channel = login(&app, "channel@trellis.test").await;
    let path = format!("/api/deals/{}/transition", deal.id);
    let decisions = (0..8)
        .map(|i| {
            let (body, cookie) = if i % 2 == 0 {
                (json!({"action": "approve"}), &admin)
            } else {
                (
                    json!({"action": "reject", "reason": "Not a new opportunity"}),
                    &channel,
                )
            };
            json_req(Method::POST, &path, &body.to_string(), Some(cookie))
        })
        .collect();
    let statuses = all_at_once(&app, decisions).await;
    let winners: Vec<usize> = (0..8).filter(|i| statuses[*i] == StatusCode::OK).collect();
    assert_eq!(winners.len(), 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| s.is_success() || s.is_client_error()),
        "{statuses:?}"
    );
    let now = json_of(&app, get(&format!("/api/deals/{}", deal.id), Some(&admin))).await;
    let expected = if winners[0].is_multiple_of(2) {
        "approved"
    } else {
        "rejected"
    };
    assert_eq!(
        now["status"], expected,
        "the one decision that answered 200 is the one kept"
    );
}

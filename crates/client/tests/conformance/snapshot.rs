//! The demo backend kept between visits: a snapshot restores every record and the session.

use std::cell::Cell;
use std::rc::Rc;

use trellis_api::*;
use trellis_client::{DemoBackend, PrmBackend, SNAPSHOT_VERSION};

use crate::login;

#[tokio::test]
async fn a_demo_snapshot_restores_every_record_and_the_session() {
    let backend = DemoBackend::new();
    let demo: &dyn PrmBackend = &backend;
    let changes = Rc::new(Cell::new(0));
    let seen = changes.clone();
    backend.on_change(move || seen.set(seen.get() + 1));
    login(demo, "admin@trellis.test").await;
    assert!(changes.get() > 0, "logging in changes the session");
    let draft = demo.draft().await.unwrap();
    let mut site = draft.site.clone();
    site.name = "Kept between visits".into();
    demo.save_draft(&SaveDraft {
        base_version: draft.version,
        site,
    })
    .await
    .unwrap();
    let query = ListQuery::default();
    let leads = demo.list_leads(&query).await.unwrap();

    let json = backend.snapshot();
    let kept = DemoBackend::from_snapshot(&json).expect("readable");
    let restored: &dyn PrmBackend = &kept;
    assert_eq!(
        restored.me().await.unwrap().user.email,
        "admin@trellis.test"
    );
    assert_eq!(restored.draft().await.unwrap(), demo.draft().await.unwrap());
    assert_eq!(restored.list_leads(&query).await.unwrap(), leads);
    let value = |j: &str| serde_json::from_str::<serde_json::Value>(j).unwrap();
    assert!(
        value(&kept.snapshot()) == value(&json),
        "a restored demo saves the same snapshot"
    );
    // Browsers keep about 5 MB per site: the whole organisation must fit with room to grow.
    assert!(json.len() < 2_000_000, "snapshot is {} bytes", json.len());

    let other = json.replacen(
        &format!("{{\"version\":{SNAPSHOT_VERSION}"),
        "{\"version\":999",
        1,
    );
    assert!(DemoBackend::from_snapshot(&other)
        .err()
        .is_some_and(|e| e.contains("format 999")));
    assert!(DemoBackend::from_snapshot("{\"version\":1").is_err());
}

//! The community site: draft saves, publishing, version history, rollback and audiences.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{code, login};

pub async fn draft_saves_are_versioned(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    assert_eq!(code(b.draft().await), ErrorCode::Forbidden);
    let site = b.community().await.expect("community").site;
    assert_eq!(site.tabs.first().map(|t| t.label.as_str()), Some("Home"));
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    assert!(!draft.has_unpublished_changes);
    let mut site = draft.site.clone();
    site.tabs[1].label = "My leads".into();
    let saved = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: site.clone(),
        })
        .await
        .expect("save");
    assert_eq!(saved.version, draft.version + 1);
    assert!(saved.has_unpublished_changes);
    assert_eq!(saved.site, site);
    let stale = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: draft.site.clone(),
        })
        .await;
    let conflict = stale.expect_err("stale save");
    let body = conflict.api().expect("typed body");
    assert_eq!(body.code, ErrorCode::Conflict);
    let current: Draft = body
        .current_as()
        .expect("the conflict carries the current draft");
    assert_eq!((current.version, &current.site), (saved.version, &site));
    assert_eq!(
        b.draft().await.expect("draft").site,
        site,
        "the stale save changed nothing"
    );
    site.tabs[0].label = " ".into();
    let invalid = b
        .save_draft(&SaveDraft {
            base_version: saved.version,
            site,
        })
        .await
        .expect_err("invalid");
    assert!(invalid
        .api()
        .and_then(|e| e.field("site.tabs[0].label"))
        .is_some());
    let published = b.community().await.expect("published");
    assert_eq!(
        published.site.tabs[1].label, "Leads",
        "partners keep seeing the published version"
    );
}

fn gold_only_tab() -> Tab {
    Tab {
        id: "tab_gold".into(),
        label: "Gold lounge".into(),
        target: TabTarget::View {
            view: WorkspaceView::Training,
        },
        hidden: false,
        audience: Audience {
            tiers: vec!["tier_gold".into()],
            roles: vec![],
        },
    }
}

async fn tab_labels(b: &dyn PrmBackend, email: &str) -> Vec<String> {
    b.logout().await.ok();
    login(b, email).await;
    let site = b.community().await.expect("community").site;
    b.logout().await.unwrap();
    site.tabs.into_iter().map(|t| t.label).collect()
}

pub async fn publishing_keeps_versions_and_rolls_back(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    assert_eq!(code(b.site_versions().await), ErrorCode::Forbidden);
    let publish = Publish {
        base_version: 1,
        note: String::new(),
    };
    assert_eq!(code(b.publish(&publish).await), ErrorCode::Forbidden);
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    let first = draft.site.clone();
    let nothing = b
        .publish(&Publish {
            base_version: draft.version,
            note: String::new(),
        })
        .await
        .expect_err("unchanged draft");
    assert_eq!(
        nothing.api().map(|e| e.message.as_str()),
        Some(NOTHING_TO_PUBLISH)
    );

    let mut site = first.clone();
    site.tabs.push(gold_only_tab());
    let saved = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: site.clone(),
        })
        .await
        .expect("save");
    let long_note = b
        .publish(&Publish {
            base_version: saved.version,
            note: "x".repeat(MAX_PUBLISH_NOTE + 1),
        })
        .await
        .expect_err("long note");
    assert!(long_note.api().and_then(|e| e.field("note")).is_some());
    let stale = b
        .publish(&Publish {
            base_version: draft.version,
            note: String::new(),
        })
        .await
        .expect_err("stale publish");
    let current: Draft = stale
        .api()
        .and_then(|e| e.current_as())
        .expect("current draft");
    assert_eq!(current.version, saved.version);

    let v2 = b
        .publish(&Publish {
            base_version: saved.version,
            note: "  Gold lounge for Gold partners ".into(),
        })
        .await
        .expect("publish");
    assert_eq!(
        (v2.version, v2.note.as_str()),
        (2, "Gold lounge for Gold partners")
    );
    assert_eq!(v2.site, site);
    assert!(!b.draft().await.expect("draft").has_unpublished_changes);
    let history = b.site_versions().await.expect("history");
    let numbers: Vec<_> = history.iter().map(|v| v.version).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(history[0].published_by_name, "Alex Admin");
    assert_eq!(history[1].note, "First version");
    assert_eq!(b.site_version(1).await.expect("v1").site, first);
    assert_eq!(code(b.site_version(99).await), ErrorCode::NotFound);

    assert!(tab_labels(b, "partner@acme.test")
        .await
        .contains(&"Gold lounge".to_string()));
    assert!(
        !tab_labels(b, "partner@bluebird.test")
            .await
            .contains(&"Gold lounge".to_string()),
        "a Silver partner does not get the Gold-only tab"
    );

    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    assert_eq!(
        code(
            b.restore_version(
                1,
                &Restore {
                    base_version: draft.version - 1
                }
            )
            .await
        ),
        ErrorCode::Conflict
    );
    assert_eq!(
        code(
            b.restore_version(
                42,
                &Restore {
                    base_version: draft.version
                }
            )
            .await
        ),
        ErrorCode::NotFound
    );
    let restored = b
        .restore_version(
            1,
            &Restore {
                base_version: draft.version,
            },
        )
        .await
        .expect("restore");
    assert_eq!(restored.site, first);
    assert!(
        restored.has_unpublished_changes,
        "the rollback is a draft until published"
    );
    assert!(tab_labels(b, "partner@acme.test")
        .await
        .contains(&"Gold lounge".to_string()));

    login(b, "admin@trellis.test").await;
    let v3 = b
        .publish(&Publish {
            base_version: restored.version,
            note: "Back to version 1".into(),
        })
        .await
        .expect("publish the rollback");
    assert_eq!(v3.version, 3);
    assert!(!tab_labels(b, "partner@acme.test")
        .await
        .contains(&"Gold lounge".to_string()));
}

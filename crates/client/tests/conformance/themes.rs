//! Themes in the community site: saved with the draft, branded per tier, and a theme that fails
//! the contrast check cannot be published.

use trellis_api::theme::presets::default_theme;
use trellis_api::theme::site::CONTRAST_BLOCKS_PUBLISH;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{code, login};

async fn save(b: &dyn PrmBackend, base_version: i64, site: &Site) -> ClientResultDraft {
    b.save_draft(&SaveDraft {
        base_version,
        site: site.clone(),
    })
    .await
}

type ClientResultDraft = trellis_client::ClientResult<Draft>;

async fn theme_of(b: &dyn PrmBackend, email: &str) -> (String, usize) {
    b.logout().await.ok();
    login(b, email).await;
    let site = b.community().await.expect("community").site;
    b.logout().await.unwrap();
    (site.theme_id, site.themes.len())
}

pub async fn themes_brand_tiers_and_unreadable_ones_cannot_be_published(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    let mut site = draft.site.clone();
    let mut gold = default_theme();
    gold.id = "theme_gold_brand".into();
    gold.name = "Gold brand".into();
    gold.light.brand = "#e8c766".into();
    site.themes.push(gold);
    site.tier_themes.push(TierTheme {
        tier_id: "tier_gold".into(),
        theme_id: "theme_gold_brand".into(),
    });

    let mut dangling = site.clone();
    dangling.tier_themes[0].theme_id = "theme_missing".into();
    let refused = save(b, draft.version, &dangling)
        .await
        .expect_err("dangling");
    assert!(refused
        .api()
        .and_then(|e| e.field("site.tier_themes[0].theme_id"))
        .is_some());

    let saved = save(b, draft.version, &site)
        .await
        .expect("a theme failing contrast is saved as a draft");
    let blocked = b
        .publish(&Publish {
            base_version: saved.version,
            note: String::new(),
        })
        .await
        .expect_err("contrast failure");
    let body = blocked.api().expect("typed body");
    assert_eq!(
        (body.code, body.message.as_str()),
        (ErrorCode::Validation, CONTRAST_BLOCKS_PUBLISH)
    );
    assert!(
        body.field("theme Gold brand: light.brand").is_some(),
        "{body:?}"
    );
    assert_eq!(
        theme_of(b, "partner@acme.test").await.0,
        "theme_default",
        "nothing was published"
    );

    login(b, "admin@trellis.test").await;
    site.themes[0].light.brand = "#7a5b00".into();
    let fixed = save(b, saved.version, &site).await.expect("save the fix");
    b.publish(&Publish {
        base_version: fixed.version,
        note: "Gold branding".into(),
    })
    .await
    .expect("publish");
    assert_eq!(
        theme_of(b, "partner@acme.test").await,
        ("theme_gold_brand".into(), 1),
        "a Gold partner gets the Gold theme"
    );
    assert_eq!(
        theme_of(b, "partner@bluebird.test").await,
        ("theme_default".into(), 0),
        "a Silver partner gets the community's theme and no other"
    );
    assert_eq!(code(b.draft().await), ErrorCode::Unauthenticated);
}

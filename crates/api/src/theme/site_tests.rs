use super::image::{sniff_image, ImageSlot};
use super::presets::presets;
use super::{image, site, ThemeImage, ThemeTokens};
use crate::{templates, Role, TierTheme, Validate};

fn custom(id: &str, name: &str) -> ThemeTokens {
    let mut t = presets().remove(0);
    t.id = id.into();
    t.name = name.into();
    t
}

fn site_with_gold_theme() -> crate::Site {
    let mut site = templates::partner_central();
    site.themes.push(custom("theme_gold", "Gold"));
    site.tier_themes.push(TierTheme {
        tier_id: "tier_gold".into(),
        theme_id: "theme_gold".into(),
    });
    site.theme_id = "theme_ocean".into();
    site
}

#[test]
fn tiers_get_their_own_branding_and_viewers_only_theirs() {
    let site = site_with_gold_theme();
    assert_eq!(site.theme_for(Some("tier_gold")).id, "theme_gold");
    assert_eq!(site.theme_for(Some("tier_silver")).id, "theme_ocean");
    assert_eq!(site.theme_for(None).id, "theme_ocean");
    let gold = site.for_viewer(Some("tier_gold"), Role::PartnerUser);
    assert_eq!(gold.theme_id, "theme_gold");
    assert_eq!(gold.themes.len(), 1);
    assert!(gold.tier_themes.is_empty());
    let silver = site.for_viewer(Some("tier_silver"), Role::PartnerUser);
    assert_eq!(
        (silver.theme_id.as_str(), silver.themes.len()),
        ("theme_ocean", 0)
    );
    // A site naming a theme that is gone still renders, with the default.
    let mut broken = site.clone();
    broken.theme_id = "theme_gone".into();
    assert_eq!(broken.theme_for(None).id, "theme_default");
}

#[test]
fn site_rules_check_theme_ids_and_references() {
    let site = site_with_gold_theme();
    assert_eq!(site.validate(), vec![]);
    let mut bad = site.clone();
    bad.themes.push(custom("theme_ocean", "Clash"));
    bad.themes[0].light.brand = "teal".into();
    bad.tier_themes.push(TierTheme {
        tier_id: "tier_gold".into(),
        theme_id: "theme_nope".into(),
    });
    bad.theme_id = "theme_nope".into();
    let fields: Vec<String> = bad.validate().into_iter().map(|f| f.field).collect();
    assert_eq!(
        fields,
        [
            "site.themes[0].light.brand",
            "site.themes[1].id",
            "site.theme_id",
            "site.tier_themes[1].tier_id",
            "site.tier_themes[1].theme_id",
        ]
    );
}

#[test]
fn only_themes_in_use_with_contrast_failures_block_publishing() {
    let mut site = site_with_gold_theme();
    assert_eq!(site.publish_check(), Ok(()));
    site.themes.push(custom("theme_draft", "Work in progress"));
    site.themes[1].light.brand = "#9fe3d3".into();
    assert_eq!(
        site.publish_check(),
        Ok(()),
        "an unused theme does not block"
    );
    site.themes[0].light.brand = "#9fe3d3".into();
    let error = site.publish_check().unwrap_err();
    assert_eq!(error.message, site::CONTRAST_BLOCKS_PUBLISH);
    let fields: Vec<&str> = error
        .field_errors
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert!(fields.contains(&"theme Gold: light.brand"), "{fields:?}");
    assert!(error.field_errors[0].message.contains(":1, needs 4.5:1"));
}

#[test]
fn logos_and_favicons_are_checked_by_their_bytes() {
    let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
    let logo = ImageSlot::Logo.accept_bytes(&png).unwrap();
    assert_eq!(logo.media_type, "image/png");
    assert!(logo.data_url().starts_with("data:image/png;base64,"));
    assert_eq!(logo.problem(ImageSlot::Logo), None);
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>";
    assert_eq!(
        ImageSlot::Logo.accept_bytes(svg),
        Err("must be a PNG or JPEG or WebP image".into())
    );
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
    assert!(ImageSlot::Favicon.accept_bytes(&jpeg).is_err());
    assert_eq!(sniff_image(&[0, 0, 1, 0, 1]), Some("image/x-icon"));
    let big = [png.clone(), vec![0; MAX_FAVICON]].concat();
    assert_eq!(
        ImageSlot::Favicon.accept_bytes(&big),
        Err("must be at most 64 KB".into())
    );
    let mut lying = logo.clone();
    lying.media_type = "image/webp".into();
    assert_eq!(
        lying.problem(ImageSlot::Logo),
        Some("is image/png, not image/webp".into())
    );
    let mut theme = custom("theme_x", "X");
    theme.favicon = Some(ThemeImage {
        media_type: "image/png".into(),
        data: "not base64!".into(),
    });
    let errors = theme.validate();
    assert_eq!(errors[0].field, "favicon");
}

const MAX_FAVICON: usize = image::MAX_FAVICON_BYTES;

use super::presets::presets;
use super::{contrast_failures, css_variables, export_theme, import_theme, Density, Rgb, Variant};
use crate::colour::contrast;

#[test]
fn every_preset_passes_aa_in_both_variants() {
    let all = presets();
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].id, "theme_default");
    for t in &all {
        assert_eq!(crate::Validate::validate(t), vec![], "{}", t.name);
        assert_eq!(contrast_failures(t), vec![], "{}", t.name);
    }
}

#[test]
fn failures_name_the_pair_the_ratio_and_a_passing_suggestion() {
    let mut t = presets().remove(0);
    t.light.muted_text = "#9aa5a1".into();
    t.dark.on_brand = "#ffffff".into();
    let failures = contrast_failures(&t);
    assert_eq!(failures.len(), 3, "{failures:?}");
    let muted = &failures[0];
    assert_eq!(
        (muted.variant, muted.pair.as_str()),
        (Variant::Light, "Muted text on background")
    );
    assert!(muted.ratio < 4.5 && muted.minimum == 4.5);
    let fixed = Rgb::parse(muted.suggestion.as_deref().unwrap()).unwrap();
    assert!(contrast(fixed, Rgb::parse(&t.light.background).unwrap()) >= 4.5);
    assert_eq!(failures[1].pair, "Muted text on cards");
    assert_eq!(
        (failures[2].variant, failures[2].pair.as_str()),
        (Variant::Dark, "Button and top bar text")
    );
}

#[test]
fn tokens_become_css_custom_properties() {
    let mut t = presets().remove(0);
    t.density = Density::Spacious;
    t.scale_permille = 1250;
    let vars = css_variables(&t, Variant::Dark);
    let get = |name: &str| {
        vars.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("--color-brand"), Some("#4fd1b0"));
    assert_eq!(get("--font-size"), Some("15px"));
    assert_eq!(get("--radius"), Some("8px"));
    assert_eq!(get("--space-1"), Some("5px"));
    assert_eq!(get("--space-6"), Some("40px"));
    assert_eq!(get("--h1-size"), Some("1.953rem"));
    assert_eq!(get("--h3-size"), Some("1.250rem"));
    assert!(get("--font-body").is_some_and(|f| f.starts_with("system-ui")));
    let names: Vec<_> = vars.iter().map(|(n, _)| *n).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "no variable twice");
}

#[test]
fn bad_tokens_are_named() {
    let mut t = presets().remove(0);
    t.light.brand = "teal".into();
    t.dark.text = "#12345".into();
    t.base_px = 40;
    t.heading_weight = 650;
    let fields: Vec<_> = crate::Validate::validate(&t)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["light.brand", "dark.text", "base_px", "heading_weight"]
    );
}

#[test]
fn theme_files_round_trip_and_bad_ones_are_refused_precisely() {
    let theme = presets().remove(2);
    let file = export_theme(&theme);
    assert!(file.contains("\"format\": \"trellis.theme\""));
    assert_eq!(import_theme(&file), Ok(theme));

    let field = |text: &str| {
        import_theme(text).unwrap_err().field_errors[0]
            .field
            .clone()
    };
    assert_eq!(field("nope"), "file");
    assert_eq!(
        field(r#"{"format": "trellis.site", "format_version": 1}"#),
        "format"
    );
    assert_eq!(
        field(r#"{"format": "trellis.theme", "format_version": 9}"#),
        "format_version"
    );
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    value["theme"]["font"] = "comic".into();
    assert_eq!(field(&value.to_string()), "theme.font");
    value["theme"]["font"] = "serif".into();
    value["theme"]["dark"]["surface"] = "navy".into();
    assert_eq!(field(&value.to_string()), "theme.dark.surface");
    value["theme"]["dark"]
        .as_object_mut()
        .unwrap()
        .remove("surface");
    let e = import_theme(&value.to_string()).unwrap_err();
    assert_eq!(e.field_errors[0].field, "theme.dark");
    assert!(e.field_errors[0]
        .message
        .contains("missing field `surface`"));
}

#[test]
fn one_suggestion_fixes_every_pair_of_its_token() {
    let mut t = presets().remove(0);
    t.light.brand = "#9fe3d3".into();
    let links: Vec<_> = contrast_failures(&t)
        .into_iter()
        .filter(|f| f.token == "brand")
        .collect();
    assert_eq!(links.len(), 2, "{links:?}");
    assert_eq!(links[0].suggestion, links[1].suggestion);
    t.light.brand = links[0].suggestion.clone().unwrap();
    let left: Vec<_> = contrast_failures(&t)
        .into_iter()
        .filter(|f| f.token == "brand")
        .collect();
    assert_eq!(left, vec![]);
}

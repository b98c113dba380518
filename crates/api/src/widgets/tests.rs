use super::{
    check_props, default_props, is_safe_link, prop_int, prop_text, ComponentKind, Map, Value,
    CATALOGUE,
};
use serde_json::json;

fn props(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[test]
fn the_catalogue_lists_every_kind_once_in_palette_order() {
    let kinds: Vec<_> = CATALOGUE.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, ComponentKind::ALL);
    for info in CATALOGUE {
        let mut keys: Vec<_> = info.props.iter().map(|p| p.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), info.props.len(), "{} repeats a key", info.label);
    }
}

#[test]
fn every_default_is_valid() {
    for kind in ComponentKind::ALL {
        let defaults = default_props(kind);
        assert_eq!(defaults.len(), kind.info().props.len());
        assert_eq!(check_props(kind, &defaults, "p"), vec![], "{kind:?}");
        assert_eq!(check_props(kind, &Map::new(), "p"), vec![], "{kind:?}");
    }
}

#[test]
fn bad_settings_are_named_with_their_path() {
    let errors = check_props(
        ComponentKind::Heading,
        &props(json!({"text": " ", "level": 7, "colour": "red"})),
        "x.props",
    );
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["x.props.colour", "x.props.level", "x.props.text"]);
    assert!(errors[0].message.contains("not a setting of Heading"));
    assert!(errors[1].message.contains("1 to 3"));
    assert_eq!(errors[2].message, "is required");

    let link = check_props(
        ComponentKind::Button,
        &props(json!({"href": "javascript:alert(1)"})),
        "b",
    );
    assert_eq!(link[0].field, "b.href");
    let choice = check_props(
        ComponentKind::KpiTile,
        &props(json!({"metric": "profit"})),
        "k",
    );
    assert!(choice[0]
        .message
        .starts_with("must be one of pipeline_by_stage"));
    let wrong_type = check_props(ComponentKind::LeadInbox, &props(json!({"title": 5})), "l");
    assert_eq!(wrong_type[0].message, "must be text");
}

#[test]
fn an_image_needs_a_text_alternative() {
    let bare = props(json!({"src": "https://cdn.example.com/a.png"}));
    let errors = check_props(ComponentKind::Image, &bare, "i");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "i.alt");
    let described = props(json!({"src": "/logo.png", "alt": "Our logo"}));
    assert!(check_props(ComponentKind::Image, &described, "i").is_empty());
    let insecure = props(json!({"src": "http://x.test/a.png", "alt": "A"}));
    assert_eq!(
        check_props(ComponentKind::Image, &insecure, "i")[0].field,
        "i.src"
    );
}

#[test]
fn settings_fall_back_to_defaults() {
    let p = props(json!({"limit": 9}));
    assert_eq!(prop_int(ComponentKind::LeadInbox, &p, "limit"), 9);
    assert_eq!(
        prop_text(ComponentKind::LeadInbox, &p, "title"),
        "New leads"
    );
    assert_eq!(
        prop_int(ComponentKind::AnnouncementList, &Map::new(), "limit"),
        3
    );
    assert!(is_safe_link("/deals/new") && is_safe_link("https://a.test"));
    assert!(!is_safe_link("//evil.test") && !is_safe_link("data:text/html,x"));
}

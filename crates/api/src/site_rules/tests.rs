use super::{
    export_site, import_site, FieldError, LayoutNode, Site, TabTarget, Validate, MAX_PAGE_NODES,
};
use crate::{Audience, Column, ComponentKind, ErrorCode};
use serde_json::{json, Value};

use crate::templates::partner_central;

fn component(id: &str) -> LayoutNode {
    LayoutNode::Component {
        id: id.into(),
        component: ComponentKind::Heading,
        props: Default::default(),
        audience: Audience::default(),
    }
}

fn fields(site: &Site) -> Vec<String> {
    site.validate().into_iter().map(|e| e.field).collect()
}

#[test]
fn deep_layouts_are_rejected() {
    let mut node = component("c");
    for i in 0..12 {
        node = LayoutNode::Section {
            id: format!("s{i}"),
            title: String::new(),
            children: vec![node],
        };
    }
    let mut site = partner_central();
    site.pages[0].root = vec![node];
    let errors = site.validate();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("deeper"));
}

#[test]
fn structure_rules_name_the_bad_place() {
    let mut site = partner_central();
    site.pages[0].root = vec![
        component("dup"),
        LayoutNode::Row {
            id: "row".into(),
            columns: (0..5)
                .map(|i| Column {
                    id: format!("col{i}"),
                    children: vec![],
                })
                .collect(),
        },
        component("dup"),
    ];
    site.tabs[0].label = String::new();
    site.tabs[1].id = site.tabs[0].id.clone();
    site.tabs[0].target = TabTarget::Page {
        page_id: "page_gone".into(),
    };
    assert_eq!(
        fields(&site),
        [
            "site.tabs[0].label",
            "site.tabs[0].target",
            "site.tabs[1].id",
            "site.pages[0].root[1].columns",
            "site.pages[0].root[2].id",
        ]
    );
}

#[test]
fn component_settings_are_checked_in_place() {
    let mut site = partner_central();
    site.pages[0].root = vec![LayoutNode::Row {
        id: "r".into(),
        columns: vec![Column {
            id: "c".into(),
            children: vec![LayoutNode::Component {
                id: "h".into(),
                component: ComponentKind::Heading,
                props: json!({"level": 9}).as_object().cloned().unwrap_or_default(),
                audience: Audience::default(),
            }],
        }],
    }];
    assert_eq!(
        fields(&site),
        ["site.pages[0].root[0].columns[0].children[0].props.level"]
    );
}

#[test]
fn too_many_blocks_on_a_page_are_refused() {
    let mut site = partner_central();
    site.pages[0].root = (0..=MAX_PAGE_NODES)
        .map(|i| component(&format!("n{i}")))
        .collect();
    assert_eq!(fields(&site), ["site.pages[0].root"]);
}

#[test]
fn export_then_import_gives_the_same_site() {
    let site = partner_central();
    let file = export_site(&site, "2026-11-27T10:00:00Z");
    assert!(file.starts_with("{\n  \"format\": \"trellis.site\",\n  \"format_version\": 1"));
    assert_eq!(import_site(&file), Ok(site));
}

fn import_error(text: &str) -> FieldError {
    let error = import_site(text).expect_err("import must fail");
    assert_eq!(error.code, ErrorCode::Validation);
    error.field_errors[0].clone()
}

fn file_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value =
        serde_json::from_str(&export_site(&partner_central(), "2026-11-27T10:00:00Z")).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn imports_report_precise_errors() {
    let e = import_error("{\"format\": ");
    assert_eq!(e.field, "file");
    assert!(e.message.contains("line 1"), "{}", e.message);
    assert_eq!(import_error("[]").message, "must be a JSON object");
    assert_eq!(import_error("{}").field, "format");
    let e = import_error(&file_with(|v| v["format_version"] = json!(2)));
    assert_eq!(
        (e.field.as_str(), e.message.as_str()),
        ("format_version", "is 2; this Trellis reads versions 1 to 1")
    );

    let e = import_error(&file_with(|v| {
        v["site"]["pages"][0]["root"][0]["component"] = json!("carousel")
    }));
    assert_eq!(e.field, "site.pages[0].root[0]");
    assert!(
        e.message.contains("unknown variant `carousel`"),
        "{}",
        e.message
    );

    let e = import_error(&file_with(|v| {
        v["site"]["pages"][0]["root"][0] = json!({"type": "column", "id": "x", "children": []})
    }));
    assert_eq!(e.field, "site.pages[0].root[0].type");
    assert!(
        e.message.contains("unknown variant `column`"),
        "{}",
        e.message
    );

    let e = import_error(&file_with(|v| {
        v["site"]["tabs"][0]
            .as_object_mut()
            .unwrap()
            .remove("label");
    }));
    assert_eq!(e.field, "site.tabs[0]");
    assert!(e.message.contains("missing field `label`"), "{}", e.message);

    let e = import_error(&file_with(|v| v["site"]["tabs"][0]["label"] = json!("")));
    assert_eq!(e.field, "site.tabs[0].label");
}

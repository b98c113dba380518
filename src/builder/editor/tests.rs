use serde_json::json;
use trellis_api::templates::partner_central;
use trellis_api::{Audience, ComponentKind, Role, TabTarget, Validate, WorkspaceView};

use super::*;
use crate::builder::tree::{Parent, Slot};

fn run(editor: Editor, actions: impl IntoIterator<Item = Action>) -> Editor {
    let mut state = Rc::new(editor);
    for a in actions {
        state = state.reduce(a);
    }
    Rc::unwrap_or_clone(state)
}

fn home() -> String {
    "page_home".into()
}

fn at(parent: Parent, index: usize) -> Slot {
    Slot { parent, index }
}

fn add(kind: ComponentKind) -> Action {
    Action::Edit(Edit::AddComponent {
        page: home(),
        kind,
        at: at(Parent::Root, 0),
    })
}

#[test]
fn edits_undo_and_redo_with_labels() {
    let start = Editor::new(partner_central());
    let original = start.site.clone();
    let e = run(start, [add(ComponentKind::KpiTile)]);
    assert_eq!(e.undo_label(), Some("Add KPI tile"));
    let id = e.selected.clone().expect("the new block is selected");
    let e = run(
        e,
        [Action::Edit(Edit::SetProp {
            page: home(),
            id: id.clone(),
            key: "metric".into(),
            value: json!("win_rate"),
        })],
    );
    assert_eq!(e.undo_label(), Some("Change metric of KPI tile"));
    let e = run(e, [Action::Undo, Action::Undo]);
    assert_eq!(e.site, original);
    assert_eq!(e.redo_label(), Some("Add KPI tile"));
    assert_eq!(
        e.notice,
        Some(Notice::Travelled("Undid: Add KPI tile".into()))
    );
    let e = run(e, [Action::Redo, Action::Redo]);
    let Some(LayoutNode::Component { props, .. }) = tree::node(&e.page().unwrap().root, &id) else {
        panic!("the tile is back");
    };
    assert_eq!(props["metric"], json!("win_rate"));
    assert_eq!(e.redo_label(), None);
    assert_eq!(e.revision, 6);
}

#[test]
fn edits_that_change_nothing_leave_no_history() {
    let e = run(
        Editor::new(partner_central()),
        [add(ComponentKind::Heading)],
    );
    let id = e.selected.clone().unwrap();
    let e = run(
        e,
        [
            Action::Edit(Edit::SetProp {
                page: home(),
                id: id.clone(),
                key: "text".into(),
                value: json!("Heading"),
            }),
            Action::Edit(Edit::Move {
                page: home(),
                id: id.clone(),
                to: at(Parent::Root, 0),
            }),
            Action::Select(None),
            Action::OpenPage(home()),
        ],
    );
    assert_eq!(e.undo_label(), Some("Add Heading"));
    assert_eq!(run(e, [Action::Undo]).undo_label(), None);
}

#[test]
fn history_spans_pages_and_returns_to_the_edited_page() {
    let e = run(
        Editor::new(partner_central()),
        [
            add(ComponentKind::Spacer),
            Action::Edit(Edit::AddPage {
                page: Page {
                    id: "x".into(),
                    title: "Offers".into(),
                    root: vec![],
                },
                tab: true,
            }),
        ],
    );
    let offers = e.page.clone().unwrap();
    assert_ne!(offers, home());
    assert_eq!(e.site.tabs.last().map(|t| t.label.as_str()), Some("Offers"));
    let e = run(e, [Action::OpenPage(offers.clone()), Action::Undo]);
    assert!(e.site.pages.iter().all(|p| p.id != offers));
    assert_eq!(e.page, Some(home()), "the deleted page is not left open");
    let e = run(e, [Action::OpenPage(home()), Action::Redo]);
    assert_eq!(e.page, Some(offers));
    let e = run(e, [Action::OpenPage(home()), Action::Undo, Action::Undo]);
    assert_eq!(e.site, Rc::new(partner_central()));
}

#[test]
fn refused_edits_change_nothing_and_say_why() {
    let start = Editor::new(partner_central());
    let e = run(
        start.clone(),
        [Action::Edit(Edit::DeletePage { page: home() })],
    );
    assert_eq!(e.site, start.site);
    assert_eq!(e.undo_label(), None);
    assert!(
        matches!(&e.notice, Some(Notice::Refused(m)) if m.contains("\"Home\" opens this page"))
    );
    let e = run(
        e,
        [Action::Edit(Edit::Move {
            page: home(),
            id: "nope".into(),
            to: at(Parent::Root, 0),
        })],
    );
    assert_eq!(e.site, start.site);
}

#[test]
fn deleting_selects_the_next_block_then_the_previous_then_the_container() {
    let remove = |id: &str| {
        Action::Edit(Edit::Remove {
            page: home(),
            id: id.into(),
        })
    };
    let e = run(Editor::new(partner_central()), [remove("n_ann")]);
    assert_eq!(e.selected.as_deref(), Some("n_pipe"));
    let e = run(e, [remove("n_pipe")]);
    assert_eq!(
        e.selected.as_deref(),
        Some("n_row"),
        "column 1 is empty: its row"
    );
    let e = run(e, [remove("n_deal")]);
    assert_eq!(e.selected.as_deref(), Some("n_inbox"));
}

#[test]
fn rows_keep_their_contents_when_columns_are_dropped() {
    let e = run(
        Editor::new(partner_central()),
        [Action::Edit(Edit::AddRow {
            page: home(),
            columns: 3,
            at: at(Parent::Root, 0),
        })],
    );
    let row = e.selected.clone().unwrap();
    let Some(LayoutNode::Row { columns, .. }) = tree::node(&e.page().unwrap().root, &row) else {
        panic!("a row");
    };
    let third = columns[2].id.clone();
    let e = run(
        e,
        [
            Action::Edit(Edit::AddComponent {
                page: home(),
                kind: ComponentKind::ContactCard,
                at: at(Parent::Column(third), 0),
            }),
            Action::Edit(Edit::SetColumns {
                page: home(),
                id: row.clone(),
                columns: 2,
            }),
        ],
    );
    let Some(LayoutNode::Row { columns, .. }) = tree::node(&e.page().unwrap().root, &row) else {
        panic!("a row");
    };
    assert_eq!(columns.len(), 2);
    assert_eq!(
        columns[1].children.len(),
        1,
        "the contact card moved to column 2"
    );
    assert!(e.site.validate().is_empty());
}

#[test]
fn duplicates_get_fresh_ids_and_keep_the_site_valid() {
    let e = Editor::new(partner_central());
    let first = e.page().unwrap().root[0].id().to_string();
    let e = run(
        e,
        [
            Action::Edit(Edit::Duplicate {
                page: home(),
                id: first.clone(),
            }),
            Action::Edit(Edit::Duplicate {
                page: home(),
                id: first,
            }),
        ],
    );
    assert_eq!(
        e.page().unwrap().root.len(),
        partner_central().pages[0].root.len() + 2
    );
    assert_eq!(e.site.validate(), vec![]);
}

#[test]
fn templates_replace_tabs_and_pages_but_keep_name_and_theme() {
    let mut mine = partner_central();
    mine.name = "Acme partners".into();
    mine.theme_id = "theme_ocean".into();
    let mut template = partner_central();
    template.name = "Blank".into();
    template.tabs.truncate(1);
    let e = run(
        Editor::new(mine.clone()),
        [Action::Edit(Edit::ReplaceSite {
            site: Box::new(template),
            whole: false,
        })],
    );
    assert_eq!(e.site.tabs.len(), 1);
    assert_eq!(
        (e.site.name.as_str(), e.site.theme_id.as_str()),
        ("Acme partners", "theme_ocean")
    );
    assert_eq!(e.undo_label(), Some("Replace the site with Blank"));
    assert_eq!(run(e, [Action::Undo]).site, Rc::new(mine));
}

#[test]
fn tabs_move_hide_and_point_elsewhere() {
    let e = run(
        Editor::new(partner_central()),
        [
            Action::Edit(Edit::MoveTab {
                id: "tab_leads".into(),
                to: 3,
            }),
            Action::Edit(Edit::SetTabHidden {
                id: "tab_contacts".into(),
                hidden: true,
            }),
            Action::Edit(Edit::SetTabTarget {
                id: "tab_home".into(),
                target: TabTarget::View {
                    view: WorkspaceView::Deals,
                },
            }),
            Action::Edit(Edit::SetTabAudience {
                id: "tab_deals".into(),
                audience: Audience {
                    tiers: vec!["tier_gold".into()],
                    roles: vec![Role::PartnerExecutive],
                },
            }),
        ],
    );
    let order: Vec<_> = e.site.tabs.iter().map(|t| t.id.as_str()).take(4).collect();
    assert_eq!(order, ["tab_home", "tab_deals", "tab_opps", "tab_leads"]);
    assert_eq!(e.undo_label(), Some("Change who sees tab Deals"));
    let e = run(
        e,
        [Action::Edit(Edit::RenameSite {
            name: "Acme partners".into(),
        })],
    );
    assert_eq!(e.site.name, "Acme partners");
    assert_eq!(
        e.undo_label(),
        Some("Rename the community to Acme partners")
    );
    let silver = e
        .site
        .visible_tabs(Some("tier_silver"), Role::PartnerExecutive);
    assert!(silver
        .iter()
        .all(|t| t.id != "tab_deals" && t.id != "tab_contacts"));
}

#[test]
fn an_edit_that_nests_deeper_than_a_page_may_is_refused() {
    use trellis_api::site_rules::MAX_LAYOUT_DEPTH;
    let mut e = Editor::new(partner_central());
    let mut parent = Parent::Root;
    // Sections inside sections, each new one selected: as deep as a page may go.
    for _ in 0..MAX_LAYOUT_DEPTH {
        e = run(
            e,
            [Action::Edit(Edit::AddSection {
                page: home(),
                at: at(parent.clone(), 0),
            })],
        );
        parent = Parent::Section(e.selected.clone().expect("the new section"));
    }
    assert!(e.site.validate().is_empty(), "{:?}", e.site.validate());
    let before = e.site.clone();
    let e = run(e, [add_at(ComponentKind::Heading, parent)]);
    assert_eq!(e.site, before, "one level more is refused");
    assert!(
        matches!(&e.notice, Some(Notice::Refused(t)) if t.contains("at most 8 levels")),
        "{:?}",
        e.notice.as_ref().map(|_| ())
    );
}

fn add_at(kind: ComponentKind, parent: Parent) -> Action {
    Action::Edit(Edit::AddComponent {
        page: home(),
        kind,
        at: at(parent, 0),
    })
}

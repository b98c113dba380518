use proptest::prelude::*;
use serde_json::json;
use trellis_api::templates::partner_central;
use trellis_api::{Audience, ComponentKind, Role, TabTarget, Validate, WorkspaceView};

use super::*;
use crate::builder::drop::slots;
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

/// Turns raw numbers into an edit that makes sense for the editor's current site.
fn edit_from(e: &Editor, (op, a, b, c): (u8, usize, usize, usize)) -> Edit {
    let page = e.page().expect("a page");
    let ids = tree::ids(&page.root)
        .into_iter()
        .filter(|id| tree::node(&page.root, id).is_some())
        .collect::<Vec<_>>();
    let pick = |n: usize| ids.get(n % ids.len().max(1)).cloned().unwrap_or_default();
    let places = slots(page, None);
    let place = places[b % places.len()].clone();
    let p = page.id.clone();
    match op % 8 {
        0 => Edit::AddComponent {
            page: p,
            kind: ComponentKind::ALL[a % ComponentKind::ALL.len()],
            at: place,
        },
        1 => Edit::AddRow {
            page: p,
            columns: 1 + c % 4,
            at: place,
        },
        2 => Edit::AddSection { page: p, at: place },
        3 => {
            let id = pick(a);
            let to = slots(page, Some(&id));
            Edit::Move {
                page: p,
                to: to[c % to.len().max(1)].clone(),
                id,
            }
        }
        4 => Edit::Remove {
            page: p,
            id: pick(a),
        },
        5 => Edit::Duplicate {
            page: p,
            id: pick(a),
        },
        6 => Edit::SetProp {
            page: p,
            id: pick(a),
            key: "limit".into(),
            value: json!(1 + c % 5),
        },
        _ => Edit::MoveTab {
            id: e.site.tabs[a % e.site.tabs.len()].id.clone(),
            to: c % e.site.tabs.len(),
        },
    }
}

fn layout_ids(e: &Editor) -> Vec<String> {
    let mut ids = tree::ids(&e.page().unwrap().root);
    ids.sort();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_edits_then_undo_all_give_back_the_original(
        raw in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..40)
    ) {
        let original = Editor::new(partner_central());
        let mut e = Rc::new(original.clone());
        let mut steps = 0;
        for r in raw {
            let edit = edit_from(&e, r);
            let before = e.undo_label().map(str::to_string);
            let before_len = e.undo.len();
            e = e.reduce(Action::Edit(edit));
            if e.undo.len() > before_len {
                steps += 1;
            } else {
                prop_assert_eq!(e.undo_label().map(str::to_string), before);
            }
            // Every edit the editor accepts leaves a site the server accepts.
            let errors = e.site.validate();
            prop_assert!(errors.iter().all(|x| x.field.ends_with(".props.limit")), "{:?}", errors);
        }
        let last = e.site.clone();
        for _ in 0..steps {
            e = e.reduce(Action::Undo);
        }
        prop_assert_eq!(&e.site, &original.site);
        prop_assert_eq!(e.undo_label(), None);
        for _ in 0..steps {
            e = e.reduce(Action::Redo);
        }
        prop_assert_eq!(&e.site, &last);
    }

    #[test]
    fn moves_never_lose_or_duplicate_a_block(
        raw in prop::collection::vec((any::<usize>(), any::<usize>()), 1..60)
    ) {
        let mut e = Rc::new(Editor::new(partner_central()));
        for (a, b) in [(0, 0), (1, 5), (2, 9)] {
            let edit = edit_from(&e, (1, a, b, 2));
            e = e.reduce(Action::Edit(edit));
        }
        let before = layout_ids(&e);
        for (a, c) in raw {
            let edit = edit_from(&e, (3, a, 0, c));
            e = e.reduce(Action::Edit(edit));
            prop_assert_eq!(layout_ids(&e), before.clone());
        }
    }
}

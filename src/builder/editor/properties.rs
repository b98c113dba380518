//! Property tests of the editor: random edit sequences, undo and redo, and moves.

use proptest::prelude::*;
use serde_json::json;
use trellis_api::templates::partner_central;
use trellis_api::{ComponentKind, Validate};

use super::*;
use crate::builder::drop::slots;

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

use trellis_api::{Audience, Column, ComponentKind, LayoutNode, Page};

use super::*;

fn c(id: &str) -> LayoutNode {
    LayoutNode::Component {
        id: id.into(),
        component: ComponentKind::LeadInbox,
        props: Default::default(),
        audience: Audience::default(),
    }
}

/// root: [a, row r [col1 [b, x], col2 []], section s "News" [d]]
fn page() -> Page {
    Page {
        id: "p".into(),
        title: "Home".into(),
        root: vec![
            c("a"),
            LayoutNode::Row {
                id: "r".into(),
                columns: vec![
                    Column {
                        id: "col1".into(),
                        children: vec![c("b"), c("x")],
                    },
                    Column {
                        id: "col2".into(),
                        children: vec![],
                    },
                ],
            },
            LayoutNode::Section {
                id: "s".into(),
                title: "News".into(),
                children: vec![c("d")],
            },
        ],
    }
}

fn s(parent: Parent, index: usize) -> Slot {
    Slot { parent, index }
}

#[test]
fn pointer_drops_land_between_midpoints() {
    let mids = [10.0, 30.0, 50.0];
    assert_eq!(drop_index(&mids, 0.0), 0);
    assert_eq!(drop_index(&mids, 29.0), 1);
    assert_eq!(drop_index(&mids, 31.0), 2);
    assert_eq!(drop_index(&mids, 99.0), 3);
    assert_eq!(drop_index(&[], 5.0), 0);
}

#[test]
fn a_new_block_can_go_anywhere_in_reading_order() {
    let col1 = || Parent::Column("col1".into());
    let col2 = Parent::Column("col2".into());
    let sec = || Parent::Section("s".into());
    assert_eq!(
        slots(&page(), None),
        [
            s(Parent::Root, 0),
            s(Parent::Root, 1),
            s(col1(), 0),
            s(col1(), 1),
            s(col1(), 2),
            s(col2, 0),
            s(Parent::Root, 2),
            s(sec(), 0),
            s(sec(), 1),
            s(Parent::Root, 3),
        ]
    );
}

#[test]
fn a_moving_block_skips_its_own_inside_and_its_no_op_twin() {
    let p = page();
    let for_row = slots(&p, Some("r"));
    assert!(for_row
        .iter()
        .all(|x| !matches!(x.parent, Parent::Column(_))));
    assert_eq!(for_row.len(), 5, "{for_row:?}");
    assert_eq!(current(&for_row, &p, "r"), Some(1));

    let for_b = slots(&p, Some("b"));
    assert_eq!(
        for_b
            .iter()
            .filter(|x| x.parent == Parent::Column("col1".into()))
            .count(),
        2
    );
    let here = current(&for_b, &p, "b").unwrap();
    assert_eq!(
        describe(&p, &for_b[here], Some("b")),
        "column 1 of row 1, position 1"
    );
    // One step down: after x, where b would be position 2.
    assert_eq!(
        describe(&p, &for_b[here + 1], Some("b")),
        "column 1 of row 1, position 2"
    );
    assert_eq!(
        describe(&p, &for_b[here + 2], Some("b")),
        "column 2 of row 1, position 1"
    );
    assert_eq!(
        describe(&p, &s(Parent::Section("s".into()), 1), Some("b")),
        "section News, position 2"
    );
    assert_eq!(
        describe(&p, &s(Parent::Root, 3), None),
        "the page, position 4"
    );
}

#[test]
fn every_keyboard_stop_is_a_real_move() {
    let p = page();
    for id in ["a", "b", "x", "r", "s", "d"] {
        let places = slots(&p, Some(id));
        let here = current(&places, &p, id).unwrap();
        let mut seen = Vec::new();
        for (i, place) in places.iter().enumerate() {
            let mut moved = p.clone();
            tree::move_node(&mut moved, id, place).unwrap();
            assert_eq!(moved == p, i == here, "{id} to {place:?}");
            assert!(
                !seen.contains(&moved),
                "{id}: two stops give the same layout"
            );
            seen.push(moved);
        }
    }
}

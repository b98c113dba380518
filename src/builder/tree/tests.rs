use serde_json::Map;
use trellis_api::{Audience, Column, ComponentKind, LayoutNode, Page};

use super::*;

fn component(id: &str) -> LayoutNode {
    LayoutNode::Component {
        id: id.into(),
        component: ComponentKind::Heading,
        props: Map::new(),
        audience: Audience::default(),
    }
}

/// root: [h1, section s1 [h2, row r1 [c1 [h3], c2 []]], h4]
fn page() -> Page {
    Page {
        id: "p".into(),
        title: "Home".into(),
        root: vec![
            component("h1"),
            LayoutNode::Section {
                id: "s1".into(),
                title: String::new(),
                children: vec![
                    component("h2"),
                    LayoutNode::Row {
                        id: "r1".into(),
                        columns: vec![
                            Column {
                                id: "c1".into(),
                                children: vec![component("h3")],
                            },
                            Column {
                                id: "c2".into(),
                                children: vec![],
                            },
                        ],
                    },
                ],
            },
            component("h4"),
        ],
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn nodes_are_found_in_nested_regions() {
    let p = page();
    assert_eq!(
        find(&p, "h4"),
        Some(Slot {
            parent: Parent::Root,
            index: 2
        })
    );
    assert_eq!(
        find(&p, "h3"),
        Some(Slot {
            parent: Parent::Column("c1".into()),
            index: 0
        })
    );
    assert_eq!(
        find(&p, "r1"),
        Some(Slot {
            parent: Parent::Section("s1".into()),
            index: 1
        })
    );
    assert_eq!(find(&p, "nope"), None);
    assert_eq!(
        ids(&p.root),
        ["h1", "s1", "h2", "r1", "c1", "h3", "c2", "h4"]
    );
}

#[test]
fn moving_down_within_a_list_counts_positions_before_the_move() {
    let mut p = page();
    move_node(
        &mut p,
        "h1",
        &Slot {
            parent: Parent::Root,
            index: 3,
        },
    )
    .unwrap();
    let top: Vec<&str> = p.root.iter().map(|n| n.id()).collect();
    assert_eq!(top, ["s1", "h4", "h1"]);
    move_node(
        &mut p,
        "h1",
        &Slot {
            parent: Parent::Root,
            index: 0,
        },
    )
    .unwrap();
    let top: Vec<&str> = p.root.iter().map(|n| n.id()).collect();
    assert_eq!(top, ["h1", "s1", "h4"]);
}

#[test]
fn nodes_move_between_levels_and_regions() {
    let mut p = page();
    move_node(
        &mut p,
        "h4",
        &Slot {
            parent: Parent::Column("c2".into()),
            index: 0,
        },
    )
    .unwrap();
    assert_eq!(
        find(&p, "h4"),
        Some(Slot {
            parent: Parent::Column("c2".into()),
            index: 0
        })
    );
    move_node(
        &mut p,
        "r1",
        &Slot {
            parent: Parent::Root,
            index: 0,
        },
    )
    .unwrap();
    assert_eq!(
        find(&p, "h3"),
        Some(Slot {
            parent: Parent::Column("c1".into()),
            index: 0
        })
    );
    assert_eq!(
        find(&p, "r1"),
        Some(Slot {
            parent: Parent::Root,
            index: 0
        })
    );
}

#[test]
fn a_region_cannot_move_into_itself_and_failures_change_nothing() {
    let mut p = page();
    let before = p.clone();
    assert_eq!(
        move_node(
            &mut p,
            "s1",
            &Slot {
                parent: Parent::Column("c1".into()),
                index: 0
            }
        ),
        Err(TreeError::IntoItself)
    );
    assert_eq!(
        move_node(
            &mut p,
            "h1",
            &Slot {
                parent: Parent::Section("gone".into()),
                index: 0
            }
        ),
        Err(TreeError::Missing("gone".into()))
    );
    assert_eq!(
        move_node(
            &mut p,
            "gone",
            &Slot {
                parent: Parent::Root,
                index: 0
            }
        ),
        Err(TreeError::Missing("gone".into()))
    );
    assert_eq!(p, before);
}

#[test]
fn any_sequence_of_moves_keeps_every_node_exactly_once() {
    let mut p = page();
    let all = sorted(ids(&p.root));
    let movable = ["h1", "s1", "h2", "r1", "h3", "h4"];
    let parents = [
        Parent::Root,
        Parent::Section("s1".into()),
        Parent::Column("c1".into()),
        Parent::Column("c2".into()),
    ];
    // A small deterministic generator stands in for random sequences.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut refused = 0;
    for _ in 0..2_000 {
        let id = movable[next(movable.len())];
        let to = Slot {
            parent: parents[next(parents.len())].clone(),
            index: next(5),
        };
        if move_node(&mut p, id, &to).is_err() {
            refused += 1;
        }
        assert_eq!(sorted(ids(&p.root)), all, "after moving {id} to {to:?}");
    }
    assert!(
        refused > 0 && refused < 2_000,
        "both kinds of outcome happened: {refused} refused"
    );
}

#[test]
fn removing_and_inserting_round_trips() {
    let mut p = page();
    let before = p.clone();
    let slot = find(&p, "r1").unwrap();
    let node = remove(&mut p, "r1").unwrap();
    assert!(find(&p, "h3").is_none(), "children leave with their region");
    insert(&mut p, &slot, node).unwrap();
    assert_eq!(p, before);
    insert(
        &mut p,
        &Slot {
            parent: Parent::Root,
            index: 99,
        },
        component("h5"),
    )
    .unwrap();
    assert_eq!(
        p.root.last().map(|n| n.id()),
        Some("h5"),
        "past the end appends"
    );
}

#[test]
fn lineage_runs_from_the_top_down_to_a_block_or_a_column() {
    let p = page();
    assert_eq!(lineage(&p.root, "h3"), Some(vec!["s1", "r1", "h3"]));
    assert_eq!(lineage(&p.root, "c2"), Some(vec!["s1", "r1"]));
    assert_eq!(lineage(&p.root, "h1"), Some(vec!["h1"]));
    assert_eq!(lineage(&p.root, "nope"), None);
}

//! Drop-position maths for pointer and keyboard moves: where a drop lands, every place a block
//! can go in reading order, and how to say a place in words.

use trellis_api::{LayoutNode, Page};

use super::tree::{self, Parent, Slot};

/// The index a pointer at `y` drops at, given the vertical midpoints of the list's items.
pub fn drop_index(midpoints: &[f64], y: f64) -> usize {
    midpoints.iter().take_while(|m| **m < y).count()
}

/// Every slot the block `moving` (or a new block, if `None`) can be put at, in reading order,
/// as `tree::move_node` counts them. The block's own place appears once; places inside the
/// block do not appear.
pub fn slots(page: &Page, moving: Option<&str>) -> Vec<Slot> {
    let mut out = Vec::new();
    let own = moving.and_then(|id| tree::find(page, id));
    walk(&page.root, Parent::Root, moving, own.as_ref(), &mut out);
    out
}

fn walk(
    nodes: &[LayoutNode],
    parent: Parent,
    moving: Option<&str>,
    own: Option<&Slot>,
    out: &mut Vec<Slot>,
) {
    for index in 0..=nodes.len() {
        let just_after_self = own.is_some_and(|o| o.parent == parent && o.index + 1 == index);
        if !just_after_self {
            out.push(Slot {
                parent: parent.clone(),
                index,
            });
        }
        let Some(node) = nodes.get(index) else {
            break;
        };
        if Some(node.id()) == moving {
            continue;
        }
        match node {
            LayoutNode::Section { id, children, .. } => {
                walk(children, Parent::Section(id.clone()), moving, own, out)
            }
            LayoutNode::Row { columns, .. } => {
                for c in columns {
                    walk(&c.children, Parent::Column(c.id.clone()), moving, own, out);
                }
            }
            LayoutNode::Component { .. } => {}
        }
    }
}

/// Where the block is now, as an index into `slots(page, Some(id))`.
pub fn current(slots: &[Slot], page: &Page, id: &str) -> Option<usize> {
    let own = tree::find(page, id)?;
    slots.iter().position(|s| *s == own)
}

fn rows_in_order(nodes: &[LayoutNode], out: &mut Vec<(String, Vec<String>)>) {
    for n in nodes {
        match n {
            LayoutNode::Section { children, .. } => rows_in_order(children, out),
            LayoutNode::Row { id, columns } => {
                out.push((id.clone(), columns.iter().map(|c| c.id.clone()).collect()));
                for c in columns {
                    rows_in_order(&c.children, out);
                }
            }
            LayoutNode::Component { .. } => {}
        }
    }
}

/// A slot in words: "column 2 of row 1, position 3". `moving` is the block being moved, whose
/// own place does not count.
pub fn describe(page: &Page, slot: &Slot, moving: Option<&str>) -> String {
    let own = moving.and_then(|id| tree::find(page, id));
    let shifted = own.is_some_and(|o| o.parent == slot.parent && o.index < slot.index);
    let position = if shifted { slot.index } else { slot.index + 1 };
    let place = match &slot.parent {
        Parent::Root => "the page".to_string(),
        Parent::Section(id) => match tree::node(&page.root, id) {
            Some(LayoutNode::Section { title, .. }) if !title.is_empty() => {
                format!("section {title}")
            }
            _ => "a section".into(),
        },
        Parent::Column(id) => {
            let mut rows = Vec::new();
            rows_in_order(&page.root, &mut rows);
            rows.iter()
                .enumerate()
                .find_map(|(r, (_, cols))| {
                    let c = cols.iter().position(|c| c == id)?;
                    Some(format!("column {} of row {}", c + 1, r + 1))
                })
                .unwrap_or_else(|| "a column".into())
        }
    };
    format!("{place}, position {position}")
}

#[cfg(test)]
mod tests;

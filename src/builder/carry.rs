//! A block being moved (by keyboard or pointer) or placed from the palette: where it may go,
//! where it would land now, and the edit that drops it there. Pure, tested natively.

use std::rc::Rc;

use trellis_api::{ComponentKind, Page};

use super::drop::{current, describe, slots};
use super::edit::Edit;
use super::editor::node_name;
use super::tree::{self, Parent, Slot};

/// What is carried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Carried {
    /// An existing block, by id.
    Node(String),
    /// A new component from the palette.
    Component(ComponentKind),
    /// A new row with this many columns.
    Row(usize),
    Section,
}

/// A move in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Carry {
    pub what: Carried,
    pub name: String,
    /// Every place it may go, in reading order.
    pub slots: Rc<Vec<Slot>>,
    /// Index into `slots` where it would land now; `None` while a pointer is over no valid place.
    pub at: Option<usize>,
    /// Where an existing block is now.
    pub origin: Option<usize>,
}

impl Carry {
    /// Pick up an existing block.
    pub fn node(page: &Page, id: &str) -> Option<Carry> {
        let node = tree::node(&page.root, id)?;
        let slots = slots(page, Some(id));
        let origin = current(&slots, page, id);
        Some(Carry {
            what: Carried::Node(id.into()),
            name: node_name(node),
            slots: Rc::new(slots),
            at: origin,
            origin,
        })
    }

    /// Pick up a new block, starting just after `after` (or at the end of the page).
    pub fn new_block(page: &Page, what: Carried, after: Option<&str>) -> Carry {
        let name = match &what {
            Carried::Component(kind) => kind.info().label.to_string(),
            Carried::Row(n) => format!("Row of {n} columns"),
            Carried::Section => "Section".into(),
            Carried::Node(_) => String::new(),
        };
        let slots = slots(page, None);
        let start = after
            .and_then(|id| tree::find(page, id))
            .map(|s| Slot {
                parent: s.parent,
                index: s.index + 1,
            })
            .unwrap_or(Slot {
                parent: Parent::Root,
                index: page.root.len(),
            });
        let at = slots.iter().position(|s| *s == start);
        Carry {
            what,
            name,
            slots: Rc::new(slots),
            at,
            origin: None,
        }
    }

    /// The slot it would land at now.
    pub fn target(&self) -> Option<&Slot> {
        self.at.and_then(|i| self.slots.get(i))
    }

    /// One step through the places (negative is up), stopping at the ends.
    pub fn step(&mut self, by: isize) {
        let last = self.slots.len().saturating_sub(1) as isize;
        let from = self.at.map_or(0, |a| a as isize);
        self.at = Some((from + by).clamp(0, last) as usize);
    }

    /// Point at `slot` (from the pointer); a place the block may not go clears the target.
    pub fn point(&mut self, page: &Page, slot: Slot) {
        // The place just after the block itself is the same as where it is.
        let own = match &self.what {
            Carried::Node(id) => tree::find(page, id),
            _ => None,
        };
        let slot = match own {
            Some(o) if o.parent == slot.parent && o.index + 1 == slot.index => o,
            _ => slot,
        };
        self.at = self.slots.iter().position(|s| *s == slot);
    }

    /// Where it would land, in words.
    pub fn describe(&self, page: &Page) -> String {
        let moving = match &self.what {
            Carried::Node(id) => Some(id.as_str()),
            _ => None,
        };
        match self.target() {
            Some(slot) => describe(page, slot, moving),
            None => "no place".into(),
        }
    }

    /// The edit that drops it at the target, unless that changes nothing.
    pub fn drop_edit(&self, page: &Page) -> Option<Edit> {
        let at = self.target()?.clone();
        let p = page.id.clone();
        match &self.what {
            Carried::Node(_) if self.at == self.origin => None,
            Carried::Node(id) => Some(Edit::Move {
                page: p,
                id: id.clone(),
                to: at,
            }),
            Carried::Component(kind) => Some(Edit::AddComponent {
                page: p,
                kind: *kind,
                at,
            }),
            Carried::Row(columns) => Some(Edit::AddRow {
                page: p,
                columns: *columns,
                at,
            }),
            Carried::Section => Some(Edit::AddSection { page: p, at }),
        }
    }
}

#[cfg(test)]
mod tests {
    use trellis_api::templates::partner_central;

    use super::*;

    #[test]
    fn a_carried_block_steps_through_places_and_drops_as_one_move() {
        let page = partner_central().pages[0].clone();
        let mut carry = Carry::node(&page, "n_inbox").unwrap();
        assert_eq!(carry.name, "Lead inbox");
        assert_eq!(carry.describe(&page), "column 2 of row 1, position 1");
        assert_eq!(
            carry.drop_edit(&page),
            None,
            "dropping in place changes nothing"
        );
        carry.step(-1);
        assert_eq!(carry.describe(&page), "column 1 of row 1, position 3");
        carry.step(-100);
        assert_eq!(carry.describe(&page), "the page, position 1");
        let Some(Edit::Move { id, to, .. }) = carry.drop_edit(&page) else {
            panic!("a move");
        };
        assert_eq!(
            (id.as_str(), to),
            (
                "n_inbox",
                Slot {
                    parent: Parent::Root,
                    index: 0
                }
            )
        );
        carry.step(1000);
        assert_eq!(carry.describe(&page), "the page, position 4");
    }

    #[test]
    fn the_pointer_over_its_own_twin_means_stay() {
        let page = partner_central().pages[0].clone();
        let mut carry = Carry::node(&page, "n_intro").unwrap();
        carry.point(
            &page,
            Slot {
                parent: Parent::Root,
                index: 2,
            },
        );
        assert_eq!(carry.at, carry.origin);
        carry.point(
            &page,
            Slot {
                parent: Parent::Column("n_col2".into()),
                index: 2,
            },
        );
        assert_eq!(carry.describe(&page), "column 2 of row 1, position 3");
        carry.point(
            &page,
            Slot {
                parent: Parent::Column("nope".into()),
                index: 0,
            },
        );
        assert_eq!(carry.drop_edit(&page), None);
    }

    #[test]
    fn palette_blocks_start_after_the_selection() {
        let page = partner_central().pages[0].clone();
        let carry = Carry::new_block(
            &page,
            Carried::Component(ComponentKind::KpiTile),
            Some("n_ann"),
        );
        assert_eq!(carry.describe(&page), "column 1 of row 1, position 2");
        let carry = Carry::new_block(&page, Carried::Row(3), None);
        assert_eq!(carry.describe(&page), "the page, position 4");
        assert!(matches!(
            carry.drop_edit(&page),
            Some(Edit::AddRow { columns: 3, .. })
        ));
    }
}

//! Pure operations on a page's layout tree: find, insert, remove and move nodes by id.
//! Every edit of the layout editor goes through these; none can lose or duplicate a node.

use trellis_api::{LayoutNode, Page};

/// A list of nodes that can hold children: the page itself, a section, or a row's column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parent {
    Root,
    Section(String),
    Column(String),
}

/// A position in a parent's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub parent: Parent,
    pub index: usize,
}

/// Why a tree operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeError {
    /// No node (or container) has this id.
    Missing(String),
    /// A section or row cannot go inside itself.
    IntoItself,
}

fn list_mut<'a>(nodes: &'a mut [LayoutNode], parent: &Parent) -> Option<&'a mut Vec<LayoutNode>> {
    for node in nodes.iter_mut() {
        match node {
            LayoutNode::Section { id, children, .. } => {
                if *parent == Parent::Section(id.clone()) {
                    return Some(children);
                }
                if let Some(found) = list_mut(children, parent) {
                    return Some(found);
                }
            }
            LayoutNode::Row { columns, .. } => {
                for column in columns.iter_mut() {
                    if *parent == Parent::Column(column.id.clone()) {
                        return Some(&mut column.children);
                    }
                    if let Some(found) = list_mut(&mut column.children, parent) {
                        return Some(found);
                    }
                }
            }
            LayoutNode::Component { .. } => {}
        }
    }
    None
}

/// The children list of `parent`, if it exists.
pub fn children_mut<'a>(page: &'a mut Page, parent: &Parent) -> Option<&'a mut Vec<LayoutNode>> {
    match parent {
        Parent::Root => Some(&mut page.root),
        other => list_mut(&mut page.root, other),
    }
}

fn locate(nodes: &[LayoutNode], here: Parent, id: &str) -> Option<Slot> {
    for (index, node) in nodes.iter().enumerate() {
        if node.id() == id {
            return Some(Slot {
                parent: here,
                index,
            });
        }
        let found = match node {
            LayoutNode::Section {
                id: s, children, ..
            } => locate(children, Parent::Section(s.clone()), id),
            LayoutNode::Row { columns, .. } => columns
                .iter()
                .find_map(|c| locate(&c.children, Parent::Column(c.id.clone()), id)),
            LayoutNode::Component { .. } => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Where the node `id` is.
pub fn find(page: &Page, id: &str) -> Option<Slot> {
    locate(&page.root, Parent::Root, id)
}

/// The children of `parent`, if it exists (read-only).
pub fn children<'a>(page: &'a Page, parent: &Parent) -> Option<&'a [LayoutNode]> {
    match parent {
        Parent::Root => Some(&page.root),
        Parent::Section(id) => match node(&page.root, id)? {
            LayoutNode::Section { children, .. } => Some(children),
            _ => None,
        },
        Parent::Column(id) => {
            let row = *lineage(&page.root, id)?.last()?;
            match node(&page.root, row)? {
                LayoutNode::Row { columns, .. } => columns
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.children.as_slice()),
                _ => None,
            }
        }
    }
}

/// The node `id`, wherever it is.
pub fn node<'a>(nodes: &'a [LayoutNode], id: &str) -> Option<&'a LayoutNode> {
    nodes.iter().find_map(|n| {
        if n.id() == id {
            return Some(n);
        }
        match n {
            LayoutNode::Section { children, .. } => node(children, id),
            LayoutNode::Row { columns, .. } => columns.iter().find_map(|c| node(&c.children, id)),
            LayoutNode::Component { .. } => None,
        }
    })
}

/// The ids of the blocks from the top of the page down to `id` (a block, or a column: then
/// down to its row), or `None` if there is no such id.
pub fn lineage<'a>(nodes: &'a [LayoutNode], id: &str) -> Option<Vec<&'a str>> {
    for n in nodes {
        let inner = match n {
            _ if n.id() == id => Some(Vec::new()),
            LayoutNode::Section { children, .. } => lineage(children, id),
            LayoutNode::Row { columns, .. } => columns.iter().find_map(|c| {
                if c.id == id {
                    Some(Vec::new())
                } else {
                    lineage(&c.children, id)
                }
            }),
            LayoutNode::Component { .. } => None,
        };
        if let Some(mut below) = inner {
            below.insert(0, n.id());
            return Some(below);
        }
    }
    None
}

/// Every id in the tree (nodes and columns), in document order.
pub fn ids(nodes: &[LayoutNode]) -> Vec<String> {
    let mut out = Vec::new();
    for node in nodes {
        out.push(node.id().to_string());
        match node {
            LayoutNode::Section { children, .. } => out.extend(ids(children)),
            LayoutNode::Row { columns, .. } => {
                for c in columns {
                    out.push(c.id.clone());
                    out.extend(ids(&c.children));
                }
            }
            LayoutNode::Component { .. } => {}
        }
    }
    out
}

/// Takes the node `id` out of the page.
pub fn remove(page: &mut Page, id: &str) -> Result<LayoutNode, TreeError> {
    let slot = find(page, id).ok_or_else(|| TreeError::Missing(id.into()))?;
    let list = children_mut(page, &slot.parent).ok_or_else(|| TreeError::Missing(id.into()))?;
    Ok(list.remove(slot.index))
}

/// Puts `node` at `slot` (an index past the end appends).
pub fn insert(page: &mut Page, slot: &Slot, node: LayoutNode) -> Result<(), TreeError> {
    let inside = match &slot.parent {
        Parent::Root => Vec::new(),
        Parent::Section(id) | Parent::Column(id) => vec![id.clone()],
    };
    if inside
        .iter()
        .any(|p| ids(std::slice::from_ref(&node)).contains(p))
    {
        return Err(TreeError::IntoItself);
    }
    let list = children_mut(page, &slot.parent).ok_or_else(|| match &slot.parent {
        Parent::Section(id) | Parent::Column(id) => TreeError::Missing(id.clone()),
        Parent::Root => TreeError::Missing(String::new()),
    })?;
    let at = slot.index.min(list.len());
    list.insert(at, node);
    Ok(())
}

/// Moves the node `id` to `to`, where `to.index` counts positions before the move.
/// On any error the page is unchanged; it is checked before anything moves, so the page is
/// never copied (moves stay cheap on large pages).
pub fn move_node(page: &mut Page, id: &str, to: &Slot) -> Result<(), TreeError> {
    let from = find(page, id).ok_or_else(|| TreeError::Missing(id.into()))?;
    if let Parent::Section(target) | Parent::Column(target) = &to.parent {
        let moving = node(&page.root, id).ok_or_else(|| TreeError::Missing(id.into()))?;
        if ids(std::slice::from_ref(moving)).contains(target) {
            return Err(TreeError::IntoItself);
        }
        if children_mut(page, &to.parent).is_none() {
            return Err(TreeError::Missing(target.clone()));
        }
    }
    let moved = remove(page, id)?;
    let mut target = to.clone();
    // Taking the node out shifts later siblings up by one.
    if from.parent == to.parent && from.index < to.index {
        target.index -= 1;
    }
    insert(page, &target, moved)
}

#[cfg(test)]
mod tests;

/// How many levels the page's deepest block spans (`LayoutNode::depth`).
pub fn depth(page: &Page) -> usize {
    page.root.iter().map(LayoutNode::depth).max().unwrap_or(0)
}

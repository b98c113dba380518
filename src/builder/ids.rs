//! Fresh ids for new blocks, pages and tabs, never clashing with the site's.

use std::collections::HashSet;

use trellis_api::{Column, LayoutNode, Site};

use super::tree;

/// Every id used in the site: pages, tabs, nodes and columns.
pub fn site_ids(site: &Site) -> HashSet<String> {
    let mut all: HashSet<String> = site.tabs.iter().map(|t| t.id.clone()).collect();
    for page in &site.pages {
        all.insert(page.id.clone());
        all.extend(tree::ids(&page.root));
    }
    all
}

/// Hands out ids that are not used yet.
pub struct Ids {
    used: HashSet<String>,
    next: u64,
}

impl Ids {
    /// Ids fresh for `site`.
    pub fn for_site(site: &Site) -> Self {
        Self {
            used: site_ids(site),
            next: 1,
        }
    }

    /// A fresh id like `c_7`.
    pub fn fresh(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}_{}", self.next);
            self.next += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }

    /// `node` with every id (its own, its columns', its children's) renewed.
    pub fn renew(&mut self, node: &LayoutNode) -> LayoutNode {
        match node {
            LayoutNode::Section {
                title, children, ..
            } => LayoutNode::Section {
                id: self.fresh("s"),
                title: title.clone(),
                children: children.iter().map(|c| self.renew(c)).collect(),
            },
            LayoutNode::Row { columns, .. } => LayoutNode::Row {
                id: self.fresh("r"),
                columns: columns
                    .iter()
                    .map(|c| Column {
                        id: self.fresh("col"),
                        children: c.children.iter().map(|n| self.renew(n)).collect(),
                    })
                    .collect(),
            },
            LayoutNode::Component {
                component,
                props,
                audience,
                ..
            } => LayoutNode::Component {
                id: self.fresh("c"),
                component: *component,
                props: props.clone(),
                audience: audience.clone(),
            },
        }
    }
}

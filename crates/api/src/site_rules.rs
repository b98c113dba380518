//! What makes a community site valid (checked by the builder, the demo backend and the server),
//! and the versioned JSON file a whole site is exported to and imported from.

use crate::{ApiError, FieldError, LayoutNode, SaveDraft, Site, TabTarget, Validate};
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::file_format;
use crate::validate::{Errors, MAX_TEXT};
use crate::widgets::check_props;

/// Deepest page layout accepted.
pub const MAX_LAYOUT_DEPTH: usize = 8;
/// Most nodes (sections, rows, columns' contents and components) on one page.
pub const MAX_PAGE_NODES: usize = 5_000;
/// Most tabs in the navigation.
pub const MAX_TABS: usize = 30;
/// Longest tab label, in characters.
pub const MAX_TAB_LABEL: usize = 40;

impl Validate for SaveDraft {
    fn validate(&self) -> Vec<FieldError> {
        self.site.validate()
    }
}

impl Validate for Site {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("site.name", &self.name, MAX_TEXT);
        e.required("site.theme_id", &self.theme_id, MAX_TEXT);
        crate::theme::site::check_site_themes(self, &mut e);
        let mut page_ids = HashSet::new();
        for (i, page) in self.pages.iter().enumerate() {
            if page.id.trim().is_empty() || !page_ids.insert(page.id.as_str()) {
                e.add(
                    &format!("site.pages[{i}].id"),
                    "is empty or used by another page",
                );
            }
        }
        if self.tabs.len() > MAX_TABS {
            e.add("site.tabs", &format!("has more than {MAX_TABS} tabs"));
        }
        let mut tab_ids = HashSet::new();
        for (i, tab) in self.tabs.iter().enumerate() {
            e.required(&format!("site.tabs[{i}].label"), &tab.label, MAX_TAB_LABEL);
            if tab.id.trim().is_empty() || !tab_ids.insert(tab.id.as_str()) {
                e.add(
                    &format!("site.tabs[{i}].id"),
                    "is empty or used by another tab",
                );
            }
            if let TabTarget::Page { page_id } = &tab.target {
                if !page_ids.contains(page_id.as_str()) {
                    e.add(
                        &format!("site.tabs[{i}].target"),
                        "points at a page that does not exist",
                    );
                }
            }
        }
        let mut node_ids = HashSet::new();
        for (i, page) in self.pages.iter().enumerate() {
            let at = format!("site.pages[{i}]");
            e.required(&format!("{at}.title"), &page.title, MAX_TEXT);
            let mut walk = Walk {
                e: &mut e,
                ids: &mut node_ids,
                count: 0,
            };
            for (j, node) in page.root.iter().enumerate() {
                walk.node(node, &format!("{at}.root[{j}]"), 1);
            }
            if walk.count > MAX_PAGE_NODES {
                e.add(
                    &format!("{at}.root"),
                    &format!("has more than {MAX_PAGE_NODES} blocks"),
                );
            }
        }
        e.0
    }
}

struct Walk<'e, 'a> {
    e: &'e mut Errors,
    ids: &'e mut HashSet<&'a str>,
    count: usize,
}

impl<'a> Walk<'_, 'a> {
    fn id(&mut self, id: &'a str, at: &str) {
        if id.trim().is_empty() || !self.ids.insert(id) {
            self.e
                .add(&format!("{at}.id"), "is empty or used by another block");
        }
    }

    fn node(&mut self, node: &'a LayoutNode, at: &str, depth: usize) {
        if depth > MAX_LAYOUT_DEPTH {
            self.e
                .add(at, &format!("nests deeper than {MAX_LAYOUT_DEPTH} levels"));
            return;
        }
        self.count += 1;
        self.id(node.id(), at);
        match node {
            LayoutNode::Section {
                children, title, ..
            } => {
                self.e.max(&format!("{at}.title"), title, MAX_TEXT);
                for (k, c) in children.iter().enumerate() {
                    self.node(c, &format!("{at}.children[{k}]"), depth + 1);
                }
            }
            LayoutNode::Row { columns, .. } => {
                if !(1..=4).contains(&columns.len()) {
                    self.e
                        .add(&format!("{at}.columns"), "a row has 1 to 4 columns");
                }
                for (c, col) in columns.iter().enumerate() {
                    self.id(&col.id, &format!("{at}.columns[{c}]"));
                    for (k, child) in col.children.iter().enumerate() {
                        let path = format!("{at}.columns[{c}].children[{k}]");
                        self.node(child, &path, depth + 1);
                    }
                }
            }
            LayoutNode::Component {
                component, props, ..
            } => {
                self.e
                    .0
                    .extend(check_props(*component, props, &format!("{at}.props")));
            }
        }
    }
}

/// The `format` of a site export file.
pub const SITE_FORMAT: &str = "trellis.site";
/// The newest `format_version` this build writes and reads.
pub const SITE_FORMAT_VERSION: u32 = 1;

/// A whole site as a file: `{"format":"trellis.site","format_version":1,"exported_at":…,"site":{…}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteExport {
    pub format: String,
    pub format_version: u32,
    pub exported_at: String,
    pub site: Site,
}

/// The export file of a site, as pretty-printed JSON.
pub fn export_site(site: &Site, exported_at: &str) -> String {
    let file = SiteExport {
        format: SITE_FORMAT.into(),
        format_version: SITE_FORMAT_VERSION,
        exported_at: exported_at.into(),
        site: site.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Read an export file: every problem is a validation error naming where it is
/// (`site.pages[0].root[2]: unknown variant …`). Nothing is returned unless the whole site is valid.
pub fn import_site(text: &str) -> Result<Site, ApiError> {
    let body = file_format::open(text, SITE_FORMAT, SITE_FORMAT_VERSION, "site")?;
    let site: Site = file_format::typed(body, "site")?;
    site.check()?;
    Ok(site)
}

#[cfg(test)]
mod tests;

//! The builder's state: the draft site being edited, the open page and selection, and undo/redo
//! history (which spans every page of the session). A yew `Reducible`, tested natively.

use std::rc::Rc;

use trellis_api::{LayoutNode, Page, Site};
use yew::Reducible;

use super::edit::{apply, Edit};
use super::tree;

/// Most undo steps kept.
pub const HISTORY_LIMIT: usize = 200;

/// A site as it was before an edit, with where the admin was and what the edit was.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    site: Rc<Site>,
    page: Option<String>,
    label: String,
}

/// The builder's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    pub site: Rc<Site>,
    /// The page open in the layout editor.
    pub page: Option<String>,
    /// The selected block, page or tab id.
    pub selected: Option<String>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Bumps on every change of `site` (edits, undo, redo), so autosave knows what is unsaved.
    pub revision: u64,
    /// What the last action did or why it was refused, for the live region.
    pub notice: Option<Notice>,
}

/// A message about the last action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An edit, by its label (the view that made it announces it in more detail).
    Done(String),
    /// Undo or redo ("Undid: Move Lead inbox").
    Travelled(String),
    Refused(String),
}

/// Everything that changes the builder's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start over from a site (first load, or reloading the server's draft): no history.
    Load(Site),
    Edit(Edit),
    Undo,
    Redo,
    OpenPage(String),
    Select(Option<String>),
}

impl Editor {
    /// A fresh editor on `site`, with its first page open.
    pub fn new(site: Site) -> Self {
        Self {
            page: site.pages.first().map(|p| p.id.clone()),
            site: Rc::new(site),
            selected: None,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            notice: None,
        }
    }

    /// The open page.
    pub fn page(&self) -> Option<&Page> {
        let id = self.page.as_deref()?;
        self.site.pages.iter().find(|p| p.id == id)
    }

    /// What Undo would undo ("Move Lead inbox"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What Redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    fn edit(&mut self, edit: &Edit) {
        let mut site = (*self.site).clone();
        match apply(&mut site, edit) {
            // An edit that changes nothing leaves no history entry.
            Ok(_) if site == *self.site => self.notice = None,
            Ok(applied) => {
                let label = label(&self.site, edit);
                self.undo.push(Snapshot {
                    site: std::mem::replace(&mut self.site, Rc::new(site)),
                    page: self.page.clone(),
                    label: label.clone(),
                });
                if self.undo.len() > HISTORY_LIMIT {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.revision += 1;
                if applied.page.is_some() {
                    self.page = applied.page;
                }
                self.selected = applied.select;
                self.notice = Some(Notice::Done(label));
            }
            Err(e) => self.notice = Some(Notice::Refused(e.to_string())),
        }
    }

    /// Undo or redo: swap the current site with the top of `from`, pushing it onto `to`.
    fn travel(&mut self, undo: bool) {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(snapshot) = from.pop() else {
            return;
        };
        to.push(Snapshot {
            site: std::mem::replace(&mut self.site, snapshot.site),
            page: self.page.clone(),
            label: snapshot.label.clone(),
        });
        // Go back to the page the edit was made on, if it still exists.
        self.page = snapshot
            .page
            .filter(|id| self.site.pages.iter().any(|p| &p.id == id))
            .or_else(|| self.site.pages.first().map(|p| p.id.clone()));
        // Keep the selection if the block is still on the open page.
        let keep = self.selected.take().filter(|id| {
            self.page()
                .is_some_and(|p| tree::node(&p.root, id).is_some())
        });
        self.selected = keep;
        self.revision += 1;
        let verb = if undo { "Undid" } else { "Redid" };
        self.notice = Some(Notice::Travelled(format!("{verb}: {}", snapshot.label)));
    }
}

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Load(site) => {
                let page = next.page.clone();
                next = Editor::new(site);
                if page
                    .as_ref()
                    .is_some_and(|id| next.site.pages.iter().any(|p| &p.id == id))
                {
                    next.page = page;
                }
                next.revision = self.revision + 1;
            }
            Action::Edit(edit) => next.edit(&edit),
            Action::Undo => next.travel(true),
            Action::Redo => next.travel(false),
            Action::OpenPage(id) => {
                next.page = Some(id);
                next.selected = None;
            }
            Action::Select(id) => next.selected = id,
        }
        Rc::new(next)
    }
}

/// A block's name as people read it: "Lead inbox", "Row", "Section Welcome".
pub fn node_name(node: &LayoutNode) -> String {
    match node {
        LayoutNode::Component { component, .. } => component.info().label.to_string(),
        LayoutNode::Row { columns, .. } => format!("Row of {} columns", columns.len()),
        LayoutNode::Section { title, .. } if title.is_empty() => "Section".into(),
        LayoutNode::Section { title, .. } => format!("Section {title}"),
    }
}

fn name_of(site: &Site, page: &str, id: &str) -> String {
    site.pages
        .iter()
        .find(|p| p.id == page)
        .and_then(|p| tree::node(&p.root, id))
        .map(node_name)
        .unwrap_or_else(|| "block".into())
}

fn tab_name(site: &Site, id: &str) -> String {
    site.tabs
        .iter()
        .find(|t| t.id == id)
        .map(|t| format!("tab {}", t.label))
        .unwrap_or_else(|| "tab".into())
}

/// A short description of an edit, for the undo button and announcements.
pub fn label(site: &Site, edit: &Edit) -> String {
    match edit {
        Edit::AddComponent { kind, .. } => format!("Add {}", kind.info().label),
        Edit::AddRow { columns, .. } => format!("Add a row of {columns} columns"),
        Edit::AddSection { .. } => "Add a section".into(),
        Edit::Move { page, id, .. } => format!("Move {}", name_of(site, page, id)),
        Edit::Remove { page, id } => format!("Delete {}", name_of(site, page, id)),
        Edit::Duplicate { page, id } => format!("Duplicate {}", name_of(site, page, id)),
        Edit::SetProp { page, id, key, .. } => {
            format!("Change {key} of {}", name_of(site, page, id))
        }
        Edit::SetAudience { page, id, .. } => {
            format!("Change who sees {}", name_of(site, page, id))
        }
        Edit::SetSectionTitle { .. } => "Rename section".into(),
        Edit::SetColumns { columns, .. } => format!("Make the row {columns} columns"),
        Edit::AddPage { page, .. } => format!("Add page {}", page.title),
        Edit::RenamePage { .. } => "Rename page".into(),
        Edit::DeletePage { .. } => "Delete page".into(),
        Edit::AddTab { label, .. } => format!("Add tab {label}"),
        Edit::RenameTab { id, .. } => format!("Rename {}", tab_name(site, id)),
        Edit::MoveTab { id, .. } => format!("Move {}", tab_name(site, id)),
        Edit::SetTabHidden { id, hidden: true } => format!("Hide {}", tab_name(site, id)),
        Edit::SetTabHidden { id, .. } => format!("Show {}", tab_name(site, id)),
        Edit::SetTabTarget { id, .. } => format!("Change what {} opens", tab_name(site, id)),
        Edit::SetTabAudience { id, .. } => format!("Change who sees {}", tab_name(site, id)),
        Edit::DeleteTab { id } => format!("Delete {}", tab_name(site, id)),
        Edit::RenameSite { name } => format!("Rename the community to {name}"),
        Edit::ReplaceSite { site, .. } => format!("Replace the site with {}", site.name),
        Edit::Theme(edit) => super::theme_edit::theme_label(site, edit),
    }
}

// Native only: the property tests use proptest, which is not built for wasm.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod theme_tests;

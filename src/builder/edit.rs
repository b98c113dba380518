//! Every change an admin can make to a site, as data, and the pure function that applies one.

use serde_json::Value;
use trellis_api::site_rules::MAX_LAYOUT_DEPTH;
use trellis_api::widgets::default_props;
use trellis_api::{Audience, Column, ComponentKind, LayoutNode, Page, Site, Tab, TabTarget};

pub use super::edit_error::{Applied, EditError};
use super::ids::Ids;
use super::theme_edit::apply_theme;
pub use super::theme_edit::ThemeEdit;
use super::tree::{self, Slot, TreeError};

/// One undoable change to the site.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A new component of `kind` with default settings.
    AddComponent {
        page: String,
        kind: ComponentKind,
        at: Slot,
    },
    /// A new row of `columns` empty columns.
    AddRow {
        page: String,
        columns: usize,
        at: Slot,
    },
    /// A new, empty, titled section.
    AddSection {
        page: String,
        at: Slot,
    },
    /// Move a node; `to.index` counts positions before the move.
    Move {
        page: String,
        id: String,
        to: Slot,
    },
    Remove {
        page: String,
        id: String,
    },
    /// A copy (with new ids) right after the original.
    Duplicate {
        page: String,
        id: String,
    },
    /// Set one setting of a component.
    SetProp {
        page: String,
        id: String,
        key: String,
        value: Value,
    },
    /// Set who sees a component.
    SetAudience {
        page: String,
        id: String,
        audience: Audience,
    },
    SetSectionTitle {
        page: String,
        id: String,
        title: String,
    },
    /// Change a row's column count (1–4); the contents of dropped columns move to the last kept one.
    SetColumns {
        page: String,
        id: String,
        columns: usize,
    },
    /// A new page (its ids are renewed); `tab` also adds a tab opening it.
    AddPage {
        page: Page,
        tab: bool,
    },
    RenamePage {
        page: String,
        title: String,
    },
    /// Delete a page; refused while a tab opens it.
    DeletePage {
        page: String,
    },
    AddTab {
        label: String,
        target: TabTarget,
    },
    RenameTab {
        id: String,
        label: String,
    },
    /// Move a tab to position `to` (counted after taking it out).
    MoveTab {
        id: String,
        to: usize,
    },
    SetTabHidden {
        id: String,
        hidden: bool,
    },
    SetTabTarget {
        id: String,
        target: TabTarget,
    },
    SetTabAudience {
        id: String,
        audience: Audience,
    },
    DeleteTab {
        id: String,
    },
    /// Rename the community (shown in the top bar).
    RenameSite {
        name: String,
    },
    /// Replace tabs and pages (a template or an imported file); name and theme are kept
    /// unless `whole` is set.
    ReplaceSite {
        site: Box<Site>,
        whole: bool,
    },
    /// A change to the themes or to who gets which theme.
    Theme(ThemeEdit),
}

fn page_mut<'a>(site: &'a mut Site, id: &str) -> Result<&'a mut Page, EditError> {
    site.pages
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::NoPage(id.into()))
}

fn tab_mut<'a>(site: &'a mut Site, id: &str) -> Result<&'a mut Tab, EditError> {
    site.tabs
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| EditError::NoTab(id.into()))
}

fn node_mut<'a>(site: &'a mut Site, page: &str, id: &str) -> Result<&'a mut LayoutNode, EditError> {
    let page = page_mut(site, page)?;
    let slot = tree::find(page, id).ok_or_else(|| TreeError::Missing(id.into()))?;
    tree::children_mut(page, &slot.parent)
        .and_then(|list| list.get_mut(slot.index))
        .ok_or_else(|| TreeError::Missing(id.into()).into())
}

/// Apply `edit` to `site`. On error `site` may be partly changed: callers apply to a copy.
pub fn apply(site: &mut Site, edit: &Edit) -> Result<Applied, EditError> {
    let applied = apply_any_depth(site, edit)?;
    // The edits that can nest a page deeper: refused past what the server accepts.
    if let Edit::AddComponent { page, .. }
    | Edit::AddRow { page, .. }
    | Edit::AddSection { page, .. }
    | Edit::Move { page, .. }
    | Edit::Duplicate { page, .. } = edit
    {
        if tree::depth(page_mut(site, page)?) > MAX_LAYOUT_DEPTH {
            return Err(EditError::TooDeep);
        }
    }
    Ok(applied)
}

fn apply_any_depth(site: &mut Site, edit: &Edit) -> Result<Applied, EditError> {
    let mut ids = Ids::for_site(site);
    let on = |page: &str, select: Option<String>| Applied {
        page: Some(page.to_string()),
        select,
    };
    match edit {
        Edit::AddComponent { page, kind, at } => {
            let id = ids.fresh("c");
            let node = LayoutNode::Component {
                id: id.clone(),
                component: *kind,
                props: default_props(*kind),
                audience: Audience::default(),
            };
            tree::insert(page_mut(site, page)?, at, node)?;
            Ok(on(page, Some(id)))
        }
        Edit::AddRow { page, columns, at } => {
            let id = ids.fresh("r");
            let node = LayoutNode::Row {
                id: id.clone(),
                columns: (0..(*columns).clamp(1, 4))
                    .map(|_| Column {
                        id: ids.fresh("col"),
                        children: Vec::new(),
                    })
                    .collect(),
            };
            tree::insert(page_mut(site, page)?, at, node)?;
            Ok(on(page, Some(id)))
        }
        Edit::AddSection { page, at } => {
            let id = ids.fresh("s");
            let node = LayoutNode::Section {
                id: id.clone(),
                title: "New section".into(),
                children: Vec::new(),
            };
            tree::insert(page_mut(site, page)?, at, node)?;
            Ok(on(page, Some(id)))
        }
        Edit::Move { page, id, to } => {
            tree::move_node(page_mut(site, page)?, id, to)?;
            Ok(on(page, Some(id.clone())))
        }
        Edit::Remove { page, id } => {
            let p = page_mut(site, page)?;
            let next = neighbour(p, id);
            tree::remove(p, id)?;
            Ok(on(page, next))
        }
        Edit::Duplicate { page, id } => {
            let p = page_mut(site, page)?;
            let slot = tree::find(p, id).ok_or_else(|| TreeError::Missing(id.clone()))?;
            let list = tree::children_mut(p, &slot.parent)
                .ok_or_else(|| TreeError::Missing(id.clone()))?;
            let copy = ids.renew(&list[slot.index]);
            let copy_id = copy.id().to_string();
            list.insert(slot.index + 1, copy);
            Ok(on(page, Some(copy_id)))
        }
        Edit::SetProp {
            page,
            id,
            key,
            value,
        } => match node_mut(site, page, id)? {
            LayoutNode::Component { props, .. } => {
                props.insert(key.clone(), value.clone());
                Ok(on(page, Some(id.clone())))
            }
            _ => Err(EditError::WrongKind(id.clone())),
        },
        Edit::SetAudience { page, id, audience } => match node_mut(site, page, id)? {
            LayoutNode::Component { audience: a, .. } => {
                *a = audience.clone();
                Ok(on(page, Some(id.clone())))
            }
            _ => Err(EditError::WrongKind(id.clone())),
        },
        Edit::SetSectionTitle { page, id, title } => match node_mut(site, page, id)? {
            LayoutNode::Section { title: t, .. } => {
                *t = title.clone();
                Ok(on(page, Some(id.clone())))
            }
            _ => Err(EditError::WrongKind(id.clone())),
        },
        Edit::SetColumns { page, id, columns } => match node_mut(site, page, id)? {
            LayoutNode::Row { columns: cols, .. } => {
                let want = (*columns).clamp(1, 4);
                while cols.len() < want {
                    cols.push(Column {
                        id: ids.fresh("col"),
                        children: Vec::new(),
                    });
                }
                while cols.len() > want {
                    let dropped = cols.pop().map(|c| c.children).unwrap_or_default();
                    if let Some(last) = cols.last_mut() {
                        last.children.extend(dropped);
                    }
                }
                Ok(on(page, Some(id.clone())))
            }
            _ => Err(EditError::WrongKind(id.clone())),
        },
        Edit::AddPage { page, tab } => {
            let id = ids.fresh("page");
            let root = page.root.iter().map(|n| ids.renew(n)).collect();
            site.pages.push(Page {
                id: id.clone(),
                title: page.title.clone(),
                root,
            });
            if *tab {
                site.tabs.push(Tab {
                    id: ids.fresh("tab"),
                    label: page.title.chars().take(40).collect(),
                    target: TabTarget::Page {
                        page_id: id.clone(),
                    },
                    hidden: false,
                    audience: Audience::default(),
                });
            }
            Ok(on(&id, None))
        }
        Edit::RenamePage { page, title } => {
            page_mut(site, page)?.title = title.clone();
            Ok(on(page, None))
        }
        Edit::DeletePage { page } => {
            let opener = site
                .tabs
                .iter()
                .find(|t| matches!(&t.target, TabTarget::Page { page_id } if page_id == page));
            if let Some(tab) = opener {
                return Err(EditError::PageInUse {
                    tab: tab.label.clone(),
                });
            }
            page_mut(site, page)?;
            site.pages.retain(|p| &p.id != page);
            Ok(Applied {
                page: site.pages.first().map(|p| p.id.clone()),
                select: None,
            })
        }
        Edit::AddTab { label, target } => {
            let id = ids.fresh("tab");
            site.tabs.push(Tab {
                id: id.clone(),
                label: label.clone(),
                target: target.clone(),
                hidden: false,
                audience: Audience::default(),
            });
            Ok(Applied {
                page: None,
                select: Some(id),
            })
        }
        Edit::RenameTab { id, label } => tab_edit(site, id, |t| t.label = label.clone()),
        Edit::MoveTab { id, to } => {
            let from = site
                .tabs
                .iter()
                .position(|t| &t.id == id)
                .ok_or_else(|| EditError::NoTab(id.clone()))?;
            let tab = site.tabs.remove(from);
            let to = (*to).min(site.tabs.len());
            site.tabs.insert(to, tab);
            Ok(Applied {
                page: None,
                select: Some(id.clone()),
            })
        }
        Edit::SetTabHidden { id, hidden } => tab_edit(site, id, |t| t.hidden = *hidden),
        Edit::SetTabTarget { id, target } => tab_edit(site, id, |t| t.target = target.clone()),
        Edit::SetTabAudience { id, audience } => {
            tab_edit(site, id, |t| t.audience = audience.clone())
        }
        Edit::DeleteTab { id } => {
            tab_mut(site, id)?;
            site.tabs.retain(|t| &t.id != id);
            Ok(Applied::default())
        }
        Edit::RenameSite { name } => {
            site.name = name.clone();
            Ok(Applied::default())
        }
        Edit::ReplaceSite { site: new, whole } => {
            let mut new = (**new).clone();
            if !whole {
                new.name = site.name.clone();
                new.theme_id = site.theme_id.clone();
                new.themes = site.themes.clone();
                new.tier_themes = site.tier_themes.clone();
            }
            *site = new;
            Ok(Applied {
                page: site.pages.first().map(|p| p.id.clone()),
                select: None,
            })
        }
        Edit::Theme(edit) => apply_theme(site, edit),
    }
}

/// What to select once `id` is gone: the next block, else the previous one, else its container.
fn neighbour(page: &Page, id: &str) -> Option<String> {
    let slot = tree::find(page, id)?;
    let list = tree::children(page, &slot.parent)?;
    let sibling = list
        .get(slot.index + 1)
        .or_else(|| slot.index.checked_sub(1).and_then(|i| list.get(i)))
        .map(|n| n.id().to_string());
    sibling.or_else(|| {
        let chain = tree::lineage(&page.root, id)?;
        chain.len().checked_sub(2).map(|i| chain[i].to_string())
    })
}

fn tab_edit(
    site: &mut Site,
    id: &str,
    change: impl FnOnce(&mut Tab),
) -> Result<Applied, EditError> {
    change(tab_mut(site, id)?);
    Ok(Applied {
        page: None,
        select: Some(id.to_string()),
    })
}

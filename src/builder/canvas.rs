//! The layout canvas: the open page's tree as editable blocks, with the drop indicator of a
//! move in progress. Events are handled once at the canvas root (delegation), not per block,
//! and each block is a component that re-renders only when its content or highlight changes,
//! so one move on a 2,000-block page touches only the blocks it moved between.

use std::collections::HashSet;
use std::rc::Rc;

use trellis_api::widgets::prop_text;
use trellis_api::{Audience, LayoutNode, Page, Site, Tier};
use yew::prelude::*;

use super::carry::{Carried, Carry};
use super::editor::node_name;
use super::tree::{self, Parent, Slot};

/// A list container's key in `data-list`: `root`, `s:<section id>` or `c:<column id>`.
pub fn list_key(parent: &Parent) -> String {
    match parent {
        Parent::Root => "root".into(),
        Parent::Section(id) => format!("s:{id}"),
        Parent::Column(id) => format!("c:{id}"),
    }
}

/// The parent a `data-list` key names.
pub fn parse_list_key(key: &str) -> Option<Parent> {
    match key.split_once(':') {
        None if key == "root" => Some(Parent::Root),
        Some(("s", id)) => Some(Parent::Section(id.into())),
        Some(("c", id)) => Some(Parent::Column(id.into())),
        _ => None,
    }
}

/// Who sees a block, in a few words; empty for everyone.
pub fn audience_summary(a: &Audience, tiers: &[Tier]) -> String {
    let mut parts: Vec<String> = a
        .tiers
        .iter()
        .map(|id| {
            tiers
                .iter()
                .find(|t| &t.id == id)
                .map_or(id.clone(), |t| t.name.clone())
        })
        .collect();
    parts.extend(a.roles.iter().map(|r| r.label().to_string()));
    parts.join(", ")
}

fn summary(node: &LayoutNode) -> String {
    let LayoutNode::Component {
        component, props, ..
    } = node
    else {
        return String::new();
    };
    let text = [
        "text", "title", "label", "heading", "metric", "report", "src",
    ]
    .iter()
    .filter(|k| component.info().props.iter().any(|p| p.key == **k))
    .map(|k| prop_text(*component, props, k))
    .find(|t| !t.trim().is_empty())
    .unwrap_or_default();
    let mut short: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        short.push('…');
    }
    short
}

/// What the canvas highlights (selection, a block being moved, the drop place). Shared, as
/// `Some`, only with the blocks on the way down to those, so every other block skips re-rendering.
#[derive(Debug, PartialEq, Eq)]
pub struct Hot {
    selected: Option<String>,
    moving: Option<String>,
    target: Option<Slot>,
    /// Blocks that contain (or are) one of the above.
    ids: HashSet<String>,
}

impl Hot {
    fn new(page: &Page, selected: Option<String>, carry: Option<&Carry>) -> Self {
        let moving = carry.and_then(|c| match &c.what {
            Carried::Node(id) => Some(id.clone()),
            _ => None,
        });
        let target = carry.and_then(Carry::target).cloned();
        let mut ids = HashSet::new();
        let container = target.as_ref().and_then(|t| match &t.parent {
            Parent::Root => None,
            Parent::Section(id) | Parent::Column(id) => Some(id.as_str()),
        });
        for id in [selected.as_deref(), moving.as_deref(), container]
            .into_iter()
            .flatten()
        {
            if let Some(chain) = tree::lineage(&page.root, id) {
                ids.extend(chain.into_iter().map(str::to_string));
            }
        }
        Self {
            selected,
            moving,
            target,
            ids,
        }
    }

    fn for_child(self: &Rc<Self>, id: &str) -> Option<Rc<Self>> {
        self.ids.contains(id).then(|| self.clone())
    }
}

/// Where a block is: its page's index in the site and the indices down to it (a section's
/// child index, or a row's column index then child index).
fn node_at<'a>(site: &'a Site, page: usize, path: &[usize]) -> Option<&'a LayoutNode> {
    let (first, rest) = path.split_first()?;
    let mut node = site.pages.get(page)?.root.get(*first)?;
    let mut steps = rest.iter();
    while let Some(step) = steps.next() {
        node = match node {
            LayoutNode::Section { children, .. } => children.get(*step)?,
            LayoutNode::Row { columns, .. } => columns.get(*step)?.children.get(*steps.next()?)?,
            LayoutNode::Component { .. } => return None,
        };
    }
    Some(node)
}

/// Properties of [`Canvas`].
#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    pub site: Rc<Site>,
    /// Index of the open page in `site.pages`.
    pub page: usize,
    pub selected: Option<String>,
    pub carry: Option<Carry>,
    pub tiers: Rc<Vec<Tier>>,
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onfocusin: Callback<FocusEvent>,
}

/// The editable page.
#[component]
pub fn Canvas(props: &CanvasProps) -> Html {
    let Some(page) = props.site.pages.get(props.page) else {
        return Html::default();
    };
    let hot = Rc::new(Hot::new(page, props.selected.clone(), props.carry.as_ref()));
    let root = Rc::new(Vec::new());
    html! {
        <div class={classes!("b-canvas", props.carry.is_some().then_some("carrying"))}
            onclick={props.onclick.clone()} onkeydown={props.onkeydown.clone()}
            onpointerdown={props.onpointerdown.clone()} onfocusin={props.onfocusin.clone()}>
            { list(&page.root, Parent::Root, &root, props.page, &props.site, Some(&hot), &props.tiers) }
        </div>
    }
}

fn indicator() -> Html {
    html! { <div key="b-drop" class="b-drop" aria-hidden="true"></div> }
}

fn list(
    nodes: &[LayoutNode],
    parent: Parent,
    path: &Rc<Vec<usize>>,
    page: usize,
    site: &Rc<Site>,
    hot: Option<&Rc<Hot>>,
    tiers: &Rc<Vec<Tier>>,
) -> Html {
    let at = hot
        .and_then(|h| h.target.as_ref())
        .filter(|t| t.parent == parent)
        .map(|t| t.index);
    // Every child is keyed (blocks by id), so a move re-uses the blocks' DOM.
    let mut items: Vec<Html> = Vec::with_capacity(nodes.len() + 1);
    for (i, n) in nodes.iter().enumerate() {
        if at == Some(i) {
            items.push(indicator());
        }
        let mut child = (**path).clone();
        child.push(i);
        items.push(html! {
            <CanvasNode key={n.id()} site={site.clone()} {page} path={Rc::new(child)}
                hot={hot.and_then(|h| h.for_child(n.id()))} tiers={tiers.clone()} />
        });
    }
    if at == Some(nodes.len()) {
        items.push(indicator());
    }
    if items.is_empty() {
        items.push(html! { <p key="b-empty" class="b-empty">{ "Empty: drop blocks here" }</p> });
    }
    html! { <div class="b-list" data-list={list_key(&parent)}>{ items }</div> }
}

/// Properties of [`CanvasNode`].
#[derive(Properties)]
pub struct CanvasNodeProps {
    pub site: Rc<Site>,
    pub page: usize,
    pub path: Rc<Vec<usize>>,
    pub hot: Option<Rc<Hot>>,
    pub tiers: Rc<Vec<Tier>>,
}

impl PartialEq for CanvasNodeProps {
    /// Equal when the block's content and highlights are: an unchanged block (wherever it
    /// moved) does not re-render. The site is compared by pointer first, then this block only.
    fn eq(&self, other: &Self) -> bool {
        self.hot == other.hot
            && self.tiers == other.tiers
            && ((Rc::ptr_eq(&self.site, &other.site)
                && self.path == other.path
                && self.page == other.page)
                || node_at(&self.site, self.page, &self.path)
                    == node_at(&other.site, other.page, &other.path))
    }
}

/// One block of the canvas, with its nested blocks.
#[component]
pub fn CanvasNode(props: &CanvasNodeProps) -> Html {
    let Some(n) = node_at(&props.site, props.page, &props.path) else {
        return Html::default();
    };
    let hot = props.hot.as_ref();
    let id = n.id().to_string();
    let selected = hot.is_some_and(|h| h.selected.as_deref() == Some(id.as_str()));
    let moving = hot.is_some_and(|h| h.moving.as_deref() == Some(id.as_str()));
    let (kind, audience) = match n {
        LayoutNode::Component { audience, .. } => {
            ("b-component", audience_summary(audience, &props.tiers))
        }
        LayoutNode::Row { .. } => ("b-row-node", String::new()),
        LayoutNode::Section { .. } => ("b-section", String::new()),
    };
    let sub = |parent: Parent, children: &[LayoutNode], prefix: &[usize]| {
        let mut path = (*props.path).clone();
        path.extend_from_slice(prefix);
        list(
            children,
            parent,
            &Rc::new(path),
            props.page,
            &props.site,
            hot,
            &props.tiers,
        )
    };
    let body = match n {
        LayoutNode::Section { id, children, .. } => sub(Parent::Section(id.clone()), children, &[]),
        LayoutNode::Row { columns, .. } => html! {
            <div class="b-row" style={format!("--cols:{}", columns.len().clamp(1, 4))}>
                { for columns.iter().enumerate().map(|(i, c)| html! {
                    <div class="b-col" key={c.id.clone()}>
                        <span class="b-col-label">{ format!("Column {}", i + 1) }</span>
                        { sub(Parent::Column(c.id.clone()), &c.children, &[i]) }
                    </div>
                }) }
            </div>
        },
        LayoutNode::Component { .. } => Html::default(),
    };
    html! {
        <div data-node={id.clone()}
            class={classes!("b-node", kind, selected.then_some("selected"), moving.then_some("moving"))}>
            <div class="b-bar">
                <button type="button" class="b-handle" id={format!("h-{id}")} data-id={id.clone()}
                    aria-pressed={selected.to_string()} aria-describedby="b-dnd-help">
                    <span class="grip" aria-hidden="true">{ "⠿" }</span>{ node_name(n) }
                </button>
                <span class="b-summary">{ summary(n) }</span>
                if !audience.is_empty() { <span class="badge">{ format!("Only {audience}") }</span> }
            </div>
            { body }
        </div>
    }
}

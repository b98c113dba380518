//! The layout canvas: the open page's tree as editable blocks, with the drop indicator of a
//! move in progress. Events are handled once at the canvas root (delegation), not per block,
//! so a 2,000-block page builds no per-block closures.

use std::rc::Rc;

use trellis_api::widgets::prop_text;
use trellis_api::{Audience, LayoutNode, Page, Tier};
use yew::prelude::*;

use super::carry::{Carried, Carry};
use super::editor::node_name;
use super::tree::{Parent, Slot};

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

/// Properties of [`Canvas`].
#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    pub page: Rc<Page>,
    pub selected: Option<String>,
    pub carry: Option<Carry>,
    pub tiers: Rc<Vec<Tier>>,
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onfocusin: Callback<FocusEvent>,
}

struct Ctx<'a> {
    selected: Option<&'a str>,
    target: Option<&'a Slot>,
    moving: Option<&'a str>,
    tiers: &'a [Tier],
}

/// The editable page.
#[component]
pub fn Canvas(props: &CanvasProps) -> Html {
    let ctx = Ctx {
        selected: props.selected.as_deref(),
        target: props.carry.as_ref().and_then(Carry::target),
        moving: props.carry.as_ref().and_then(|c| match &c.what {
            Carried::Node(id) => Some(id.as_str()),
            _ => None,
        }),
        tiers: &props.tiers,
    };
    html! {
        <div class={classes!("b-canvas", props.carry.is_some().then_some("carrying"))}
            onclick={props.onclick.clone()} onkeydown={props.onkeydown.clone()}
            onpointerdown={props.onpointerdown.clone()} onfocusin={props.onfocusin.clone()}>
            { list(&props.page.root, Parent::Root, &ctx) }
        </div>
    }
}

fn indicator() -> Html {
    html! { <div key="b-drop" class="b-drop" aria-hidden="true"></div> }
}

fn list(nodes: &[LayoutNode], parent: Parent, ctx: &Ctx) -> Html {
    let at = ctx.target.filter(|t| t.parent == parent).map(|t| t.index);
    // Every child is keyed (blocks by id), so a move re-uses the blocks' DOM.
    let mut items: Vec<Html> = Vec::with_capacity(nodes.len() + 1);
    for (i, n) in nodes.iter().enumerate() {
        if at == Some(i) {
            items.push(indicator());
        }
        items.push(node(n, ctx));
    }
    if at == Some(nodes.len()) {
        items.push(indicator());
    }
    if items.is_empty() {
        items.push(html! { <p key="b-empty" class="b-empty">{ "Empty: drop blocks here" }</p> });
    }
    html! { <div class="b-list" data-list={list_key(&parent)}>{ items }</div> }
}

fn node(n: &LayoutNode, ctx: &Ctx) -> Html {
    let id = n.id().to_string();
    let selected = ctx.selected == Some(id.as_str());
    let moving = ctx.moving == Some(id.as_str());
    let (kind, audience) = match n {
        LayoutNode::Component { audience, .. } => {
            ("b-component", audience_summary(audience, ctx.tiers))
        }
        LayoutNode::Row { .. } => ("b-row-node", String::new()),
        LayoutNode::Section { .. } => ("b-section", String::new()),
    };
    let body = match n {
        LayoutNode::Section { id, children, .. } => {
            list(children, Parent::Section(id.clone()), ctx)
        }
        LayoutNode::Row { columns, .. } => html! {
            <div class="b-row" style={format!("--cols:{}", columns.len().clamp(1, 4))}>
                { for columns.iter().enumerate().map(|(i, c)| html! {
                    <div class="b-col" key={c.id.clone()}>
                        <span class="b-col-label">{ format!("Column {}", i + 1) }</span>
                        { list(&c.children, Parent::Column(c.id.clone()), ctx) }
                    </div>
                }) }
            </div>
        },
        LayoutNode::Component { .. } => Html::default(),
    };
    html! {
        <div key={id.clone()} data-node={id.clone()}
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

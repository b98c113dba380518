//! The template gallery: a live wireframe of each template's first page, a full preview, and
//! applying one to the community (after confirmation; undoable).

use std::rc::Rc;

use trellis_api::{LayoutNode, Role, Template};
use yew::prelude::*;

use super::edit::Edit;
use super::preview::{Device, SitePreview};
use crate::components::dialog::Dialog;

fn sketch(nodes: &[LayoutNode]) -> Html {
    html! {
        { for nodes.iter().map(|n| match n {
            LayoutNode::Section { children, .. } => html! { <div class="t-section">{ sketch(children) }</div> },
            LayoutNode::Row { columns, .. } => html! {
                <div class="t-row" style={format!("--cols:{}", columns.len().clamp(1, 4))}>
                    { for columns.iter().map(|c| html! { <div class="t-col">{ sketch(&c.children) }</div> }) }
                </div>
            },
            LayoutNode::Component { component, .. } => html! {
                <div class="t-block">{ component.info().label }</div>
            },
        }) }
    }
}

/// Properties of [`Gallery`].
#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub on_edit: Callback<Edit>,
}

/// Every template, to preview and apply.
#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let templates: Rc<Vec<Template>> = use_memo((), |_| trellis_api::templates::all());
    let previewing = use_state(|| None::<usize>);
    let confirming = use_state(|| None::<usize>);
    let applied = use_state(|| None::<String>);
    let cards = templates.iter().enumerate().map(|(i, t)| {
        let first = t.site.pages.first();
        let tabs: Vec<_> = t.site.tabs.iter().map(|t| t.label.clone()).collect();
        let (previewing, confirming) = (previewing.clone(), confirming.clone());
        html! {
            <li class="card t-card">
                <div class="t-thumb" aria-hidden="true">
                    <div class="t-tabs">{ for tabs.iter().take(6).map(|l| html! { <span>{ l.clone() }</span> }) }</div>
                    { first.map(|p| sketch(&p.root)).unwrap_or_default() }
                </div>
                <h3 id={format!("t-{}", t.id)}>{ t.name.clone() }</h3>
                <p class="muted small">{ t.description.clone() }</p>
                <p class="small">{ format!("Tabs: {}", tabs.join(", ")) }</p>
                <div class="actions">
                    <button type="button" class="button secondary small" aria-describedby={format!("t-{}", t.id)}
                        onclick={move |_| previewing.set(Some(i))}>{ "Preview" }</button>
                    <button type="button" class="button small" aria-describedby={format!("t-{}", t.id)}
                        onclick={move |_| confirming.set(Some(i))}>{ "Use this template" }</button>
                </div>
            </li>
        }
    });
    let confirm = confirming.and_then(|i| templates.get(i)).map(|t| {
        let apply = {
            let (on_edit, site, confirming, applied, name) = (props.on_edit.clone(), t.site.clone(), confirming.clone(), applied.clone(), t.name.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Edit::ReplaceSite { site: Box::new(site.clone()), whole: false });
                applied.set(Some(name.clone()));
                confirming.set(None);
            })
        };
        let cancel = { let confirming = confirming.clone(); Callback::from(move |()| confirming.set(None)) };
        let cancel_click = cancel.reform(|_: MouseEvent| ());
        html! {
            <Dialog title_id="t-confirm-title" text_id="t-confirm-text" on_cancel={Some(cancel)}>
                <h2 id="t-confirm-title">{ format!("Use {}?", t.name) }</h2>
                <p id="t-confirm-text">{ "This replaces the draft's tabs and pages. The community's name and theme stay. \
                    Partners see nothing until you publish, and Undo brings your current draft back." }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={apply}>{ format!("Replace with {}", t.name) }</button>
                    <button type="button" class="button secondary" onclick={cancel_click}>{ "Cancel" }</button>
                </div>
            </Dialog>
        }
    });
    let preview = previewing.and_then(|i| templates.get(i)).map(|t| {
        let site = Rc::new(t.site.for_viewer(None, Role::Admin));
        html! { <SitePreview site={site} device={Device::Desktop} label={format!("{} template", t.name)} /> }
    });
    html! {
        <div class="stack">
            <div class="card">
                <h2>{ "Templates" }</h2>
                <p class="muted">{ "Start the community from a template. To add a single page from a template, use Add page in Page layout." }</p>
                if let Some(name) = &*applied {
                    <p class="alert success" role="status">{ format!("The draft now uses {name}. Undo to go back.") }</p>
                }
            </div>
            <ul class="t-gallery">{ for cards }</ul>
            { confirm.unwrap_or_default() }
            { preview.unwrap_or_default() }
        </div>
    }
}

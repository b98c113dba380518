//! The navigation editor: add, rename, reorder (pointer or keyboard), hide, delete tabs, choose
//! what each opens and who sees it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use trellis_api::{Site, TabTarget, Tier, WorkspaceView};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::drop::drop_index;
use super::edit::Edit;
use super::inspector::AudienceEditor;

/// Every workspace view a tab can open, with its name.
pub const VIEWS: [(WorkspaceView, &str); 8] = [
    (WorkspaceView::Leads, "Leads"),
    (WorkspaceView::Deals, "Deals"),
    (WorkspaceView::Opportunities, "Opportunities"),
    (WorkspaceView::Contacts, "Contacts"),
    (WorkspaceView::Funds, "Funds"),
    (WorkspaceView::Dashboards, "Dashboards"),
    (WorkspaceView::Training, "Training"),
    (WorkspaceView::Support, "Support"),
];

/// A tab target as a `<select>` value: `page:<id>` or `view:<name>`.
pub fn target_value(t: &TabTarget) -> String {
    match t {
        TabTarget::Page { page_id } => format!("page:{page_id}"),
        TabTarget::View { view } => format!("view:{}", trellis_api::wire_name(view)),
    }
}

/// The target a `<select>` value names.
pub fn parse_target(v: &str) -> Option<TabTarget> {
    match v.split_once(':')? {
        ("page", id) => Some(TabTarget::Page { page_id: id.into() }),
        ("view", name) => VIEWS
            .iter()
            .find(|(view, _)| trellis_api::wire_name(view) == name)
            .map(|(view, _)| TabTarget::View { view: *view }),
        _ => None,
    }
}

fn target_options(site: &Site, current: &TabTarget) -> Html {
    let now = target_value(current);
    html! {
        <>
            <optgroup label="Pages">
                { for site.pages.iter().map(|p| {
                    let v = format!("page:{}", p.id);
                    html! { <option value={v.clone()} selected={v == now}>{ format!("Page: {}", p.title) }</option> }
                }) }
            </optgroup>
            <optgroup label="Workspace views">
                { for VIEWS.iter().map(|(view, name)| {
                    let v = target_value(&TabTarget::View { view: *view });
                    html! { <option value={v.clone()} selected={v == now}>{ *name }</option> }
                }) }
            </optgroup>
        </>
    }
}

/// Properties of [`TabsEditor`].
#[derive(Properties, PartialEq)]
pub struct TabsEditorProps {
    pub site: Rc<Site>,
    pub tiers: Rc<Vec<Tier>>,
    pub on_edit: Callback<Edit>,
    pub announce: Callback<String>,
}

/// A tab being moved: its id, where it is and where it would go.
#[derive(Clone, Debug, PartialEq)]
struct Moving {
    id: String,
    from: usize,
    to: usize,
    pointer: bool,
}

/// The tab list editor.
#[component]
pub fn TabsEditor(props: &TabsEditorProps) -> Html {
    let moving = use_state(|| None::<Moving>);
    let mirror: Rc<RefCell<Option<Moving>>> = use_mut_ref(|| None);
    let list_ref = use_node_ref();
    let open = use_state(|| None::<String>);
    let new_label = use_state(String::new);
    let new_target = use_state(|| "view:leads".to_string());
    let error = use_state(|| None::<String>);
    *mirror.borrow_mut() = (*moving).clone();
    let count = props.site.tabs.len();
    let set_moving = {
        let (moving, mirror) = (moving.setter(), mirror.clone());
        Rc::new(move |m: Option<Moving>| {
            *mirror.borrow_mut() = m.clone();
            moving.set(m);
        })
    };
    let finish = {
        let (on_edit, announce, site) = (
            props.on_edit.clone(),
            props.announce.clone(),
            props.site.clone(),
        );
        Rc::new(move |m: &Moving| {
            let label = site
                .tabs
                .iter()
                .find(|t| t.id == m.id)
                .map(|t| t.label.clone())
                .unwrap_or_default();
            if m.to != m.from {
                on_edit.emit(Edit::MoveTab {
                    id: m.id.clone(),
                    to: m.to,
                });
            }
            announce.emit(format!(
                "{label} tab, dropped at position {} of {}",
                m.to + 1,
                site.tabs.len()
            ));
        })
    };
    {
        let (mirror, set_moving, finish, list_ref) = (
            mirror.clone(),
            set_moving.clone(),
            finish.clone(),
            list_ref.clone(),
        );
        let pointer = moving.as_ref().is_some_and(|m| m.pointer);
        use_effect_with(pointer, move |pointer| {
            let listeners = pointer.then(|| {
                let window = web_sys::window().expect("a window");
                let (m1, s1) = (mirror.clone(), set_moving.clone());
                let on_move = EventListener::new(&window, "pointermove", move |e| {
                    let (Some(e), Some(list)) =
                        (e.dyn_ref::<PointerEvent>(), list_ref.cast::<Element>())
                    else {
                        return;
                    };
                    let rows = list.query_selector_all("[data-tab]").ok();
                    let mids: Vec<f64> = rows
                        .iter()
                        .flat_map(|r| (0..r.length()).filter_map(move |i| r.item(i)))
                        .filter_map(|n| n.dyn_into::<Element>().ok())
                        .map(|el| {
                            let r = el.get_bounding_client_rect();
                            r.top() + r.height() / 2.0
                        })
                        .collect();
                    let current = m1.borrow().clone();
                    if let Some(mut m) = current {
                        // Positions count with the moving tab taken out.
                        let raw = drop_index(&mids, f64::from(e.client_y()));
                        let to = if raw > m.from { raw - 1 } else { raw };
                        if to != m.to {
                            m.to = to;
                            s1(Some(m));
                        }
                    }
                });
                let on_up = EventListener::new(&window, "pointerup", move |_| {
                    let current = mirror.borrow().clone();
                    if let Some(m) = current {
                        finish(&m);
                    }
                    set_moving(None);
                });
                (on_move, on_up)
            });
            move || drop(listeners)
        });
    }
    let rows = props.site.tabs.iter().enumerate().map(|(i, tab)| {
        let id = tab.id.clone();
        let is_moving = moving.as_ref().is_some_and(|m| m.id == id);
        let handle_key = {
            let (id, label, set_moving, finish, announce, moving) = (id.clone(), tab.label.clone(), set_moving.clone(), finish.clone(), props.announce.clone(), (*moving).clone());
            Callback::from(move |e: KeyboardEvent| {
                let key = e.key();
                match (&moving, key.as_str()) {
                    (None, " " | "Enter") => {
                        e.prevent_default();
                        announce.emit(format!("{label} tab, picked up at position {} of {count}. Arrow keys move it, Space or Enter drops it, Escape cancels.", i + 1));
                        set_moving(Some(Moving { id: id.clone(), from: i, to: i, pointer: false }));
                    }
                    (Some(m), "ArrowUp" | "ArrowLeft" | "ArrowDown" | "ArrowRight" | "Home" | "End") => {
                        e.prevent_default();
                        let to = match key.as_str() {
                            "ArrowUp" | "ArrowLeft" => m.to.saturating_sub(1),
                            "Home" => 0,
                            "End" => count - 1,
                            _ => (m.to + 1).min(count - 1),
                        };
                        announce.emit(format!("{label} tab, moved to position {} of {count}", to + 1));
                        set_moving(Some(Moving { to, ..m.clone() }));
                    }
                    (Some(m), " " | "Enter") => {
                        e.prevent_default();
                        finish(m);
                        set_moving(None);
                    }
                    (Some(_), "Escape") => {
                        e.prevent_default();
                        announce.emit(format!("{label} tab, move cancelled"));
                        set_moving(None);
                    }
                    _ => {}
                }
            })
        };
        let pointer_down = {
            let (id, set_moving) = (id.clone(), set_moving.clone());
            Callback::from(move |e: PointerEvent| {
                if e.button() == 0 {
                    set_moving(Some(Moving { id: id.clone(), from: i, to: i, pointer: true }));
                }
            })
        };
        let rename = {
            let (on_edit, id, error, old) = (props.on_edit.clone(), id.clone(), error.clone(), tab.label.clone());
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let label = input.value();
                if label.trim().is_empty() {
                    // A tab needs a name: put the old one back and say why.
                    input.set_value(&old);
                    error.set(Some(format!("The tab \"{old}\" keeps its label: a label is required")));
                } else {
                    error.set(None);
                    on_edit.emit(Edit::RenameTab { id: id.clone(), label });
                }
            })
        };
        let retarget = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| {
                if let Some(target) = parse_target(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                    on_edit.emit(Edit::SetTabTarget { id: id.clone(), target });
                }
            })
        };
        let hide = {
            let (on_edit, id, hidden) = (props.on_edit.clone(), id.clone(), tab.hidden);
            Callback::from(move |_: Event| on_edit.emit(Edit::SetTabHidden { id: id.clone(), hidden: !hidden }))
        };
        let delete = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |_: MouseEvent| on_edit.emit(Edit::DeleteTab { id: id.clone() }))
        };
        let audience = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |audience| on_edit.emit(Edit::SetTabAudience { id: id.clone(), audience }))
        };
        let expanded = open.as_ref() == Some(&id);
        let toggle = {
            let (open, id) = (open.clone(), id.clone());
            Callback::from(move |_: MouseEvent| open.set(if expanded { None } else { Some(id.clone()) }))
        };
        let before = moving.as_ref().is_some_and(|m| m.to == i && m.to < m.from);
        let after = moving.as_ref().is_some_and(|m| m.to == i && m.to > m.from);
        html! {
            <li key={id.clone()} data-tab={id.clone()} class={classes!("b-tab", is_moving.then_some("moving"), before.then_some("drop-before"), after.then_some("drop-after"))}>
                <button type="button" class="b-handle" aria-describedby="b-tabs-help" onkeydown={handle_key}
                    onpointerdown={pointer_down} aria-pressed={is_moving.to_string()}>
                    <span class="grip" aria-hidden="true">{ "⠿" }</span>{ format!("Move {}", tab.label) }
                </button>
                <label class="visually-hidden" for={format!("tab-label-{id}")}>{ format!("Label of the {} tab", tab.label) }</label>
                <input id={format!("tab-label-{id}")} key={format!("{id}-{}", tab.label)} value={tab.label.clone()} maxlength="40" onchange={rename} />
                <label class="visually-hidden" for={format!("tab-target-{id}")}>{ format!("What the {} tab opens", tab.label) }</label>
                <select id={format!("tab-target-{id}")} onchange={retarget}>{ target_options(&props.site, &tab.target) }</select>
                <label><input type="checkbox" checked={tab.hidden} onchange={hide} />{ " Hidden" }
                    <span class="visually-hidden">{ format!(" ({} tab)", tab.label) }</span></label>
                <button type="button" class="button secondary small" aria-expanded={expanded.to_string()} onclick={toggle}
                    aria-label={format!("Who sees the {} tab: {}", tab.label, if tab.audience.tiers.is_empty() && tab.audience.roles.is_empty() { "everyone" } else { "some partners" })}>
                    { if tab.audience.tiers.is_empty() && tab.audience.roles.is_empty() { "Everyone".to_string() } else { "Some partners".to_string() } }
                </button>
                <button type="button" class="button danger small" onclick={delete} aria-label={format!("Delete tab {}", tab.label)}>{ "Delete" }</button>
                if expanded {
                    <AudienceEditor id={format!("tab-aud-{id}")} audience={tab.audience.clone()} tiers={props.tiers.clone()} on_change={audience} />
                }
            </li>
        }
    });
    let add = {
        let (on_edit, new_label, new_target, error) = (
            props.on_edit.clone(),
            new_label.clone(),
            new_target.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = new_label.trim().to_string();
            match (
                label.is_empty() || label.chars().count() > 40,
                parse_target(&new_target),
            ) {
                (false, Some(target)) => {
                    on_edit.emit(Edit::AddTab { label, target });
                    new_label.set(String::new());
                    error.set(None);
                }
                _ => error.set(Some("Label is required (at most 40 characters)".into())),
            }
        })
    };
    let rename_site = {
        let (on_edit, old) = (props.on_edit.clone(), props.site.name.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let name = input.value();
            if name.trim().is_empty() {
                input.set_value(&old);
            } else {
                on_edit.emit(Edit::RenameSite { name });
            }
        })
    };
    html! {
        <div class="card stack">
            <h2>{ "Navigation" }</h2>
            <div class="b-pages-row">
                <label for="b-site-name">{ "Community name" }</label>
                <input id="b-site-name" key={props.site.name.clone()} maxlength="200" value={props.site.name.clone()} onchange={rename_site} />
            </div>
            <p id="b-tabs-help" class="muted small">
                { "Drag a tab's handle to reorder, or focus it and press Space, move with the arrow keys and press Space again." }
            </p>
            <ol class="b-tabs" ref={list_ref} aria-label="Tabs">{ for rows }</ol>
            <form class="b-pages-row" onsubmit={add} aria-label="Add a tab">
                <label for="b-tab-new">{ "New tab" }</label>
                <input id="b-tab-new" maxlength="40" value={(*new_label).clone()} aria-invalid={error.is_some().to_string()}
                    oninput={{ let l = new_label.clone(); move |e: InputEvent| l.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                <label for="b-tab-new-target">{ "Opens" }</label>
                <select id="b-tab-new-target" onchange={{ let t = new_target.clone(); move |e: Event| t.set(e.target_unchecked_into::<HtmlSelectElement>().value()) }}>
                    { target_options(&props.site, &parse_target(&new_target).unwrap_or(TabTarget::View { view: WorkspaceView::Leads })) }
                </select>
                <button class="button small">{ "Add tab" }</button>
                if let Some(e) = &*error { <p class="field-error" role="alert">{ e.clone() }</p> }
            </form>
        </div>
    }
}

//! The community's tabs in the top bar: in one row while they fit, else behind a menu button
//! whose list keeps keyboard focus until it is closed, so the bar never wraps onto two rows.

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

/// One tab: its label, where it leads, and whether it is a staff entry.
pub type Tab = (String, Route, bool);

/// Properties of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub links: Vec<Tab>,
    /// Which link is the current page.
    pub current: Option<usize>,
}

/// Properties of [`NavLink`].
#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    /// Whether this link is the current page (see [`current_tab`]).
    pub current: bool,
    pub children: Html,
}

/// A link that navigates inside the app and says whether it is the current page.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let to = props.to.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // Let modified clicks (new tab, new window) do what the browser does.
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        if let Some(n) = &navigator {
            n.push(&to);
        }
    });
    html! {
        <a href={props.to.to_path()} aria-current={props.current.then_some("page")} {onclick}>{ props.children.clone() }</a>
    }
}

/// Where focus goes on Tab inside the open menu: past the last item back to the first, and
/// before the first to the last. `None` leaves the move to the browser.
pub fn trapped_focus(focused: Option<usize>, count: usize, backwards: bool) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (focused, backwards) {
        (Some(i), false) if i >= last => Some(0),
        (Some(0), true) => Some(last),
        (Some(_), _) => None,
        (None, false) => Some(0),
        (None, true) => Some(last),
    }
}

fn items(links: &[Tab], current: Option<usize>) -> Html {
    html! {
        { for links.iter().cloned().enumerate().map(|(i, (label, to, staff))| html! {
            <li class={staff.then_some("staff")}>
                <NavLink {to} current={current == Some(i)}>{ label }</NavLink>
            </li>
        }) }
    }
}

/// The focusable items of the open menu, the button first.
fn menu_items(nav: &NodeRef) -> Vec<web_sys::HtmlElement> {
    let Some(nav) = nav.cast::<web_sys::Element>() else {
        return Vec::new();
    };
    let Ok(found) = nav.query_selector_all(".nav-menu, .nav-panel a") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The tab row, folded into a menu button when it is wider than the room the bar leaves it.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let nav = use_node_ref();
    let row = use_node_ref();
    let folded = use_state_eq(|| false);
    let open = use_state_eq(|| false);
    {
        // The hidden row keeps its natural width while folded, so it is measured either way;
        // the nav is watched rather than the window, so a builder preview's frame folds too.
        let (nav, row, folded) = (nav.clone(), row.clone(), folded.clone());
        use_effect_with(props.links.clone(), move |_| {
            let measure = {
                let nav = nav.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let nav = nav.cast::<web_sys::Element>();
                    if let (Some(nav), Some(row)) = (nav, row.cast::<web_sys::Element>()) {
                        folded.set(row.scroll_width() > nav.client_width());
                    }
                })
            };
            let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(nav)) = (&observer, nav.cast::<web_sys::Element>()) {
                observer.observe(&nav);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(measure);
            }
        });
    }
    let route = use_route::<Route>();
    {
        let open = open.clone();
        use_effect_with(route, move |_| open.set(false));
    }
    {
        // A click anywhere else closes the open menu.
        let (nav, open) = (nav.clone(), open.clone());
        use_effect_with(*open, move |is_open| {
            let document = web_sys::window().and_then(|w| w.document());
            let listener = document.filter(|_| *is_open).map(|d| {
                EventListener::new(&d, "click", move |e| {
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let nav = nav.cast::<web_sys::Node>();
                    if !nav.is_some_and(|n| n.contains(target.as_ref())) {
                        open.set(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let (nav, open) = (nav.clone(), open.clone());
        Callback::from(move |e: KeyboardEvent| {
            if !*open {
                return;
            }
            let items = menu_items(&nav);
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let focused = active.and_then(|a| items.iter().position(|i| **i == a));
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    open.set(false);
                    if let Some(button) = items.first() {
                        let _ = button.focus();
                    }
                }
                "Tab" => {
                    if let Some(next) = trapped_focus(focused, items.len(), e.shift_key()) {
                        e.prevent_default();
                        let _ = items[next].focus();
                    }
                }
                _ => {}
            }
        })
    };
    let current_label = props
        .current
        .and_then(|i| props.links.get(i))
        .map(|(label, _, _)| label.clone());
    html! {
        <nav aria-label="Community" ref={nav} class={classes!(folded.then_some("folded"))} {onkeydown}>
            if *folded {
                <button type="button" class="button ghost nav-menu" aria-expanded={open.to_string()}
                    aria-controls="nav-panel" onclick={toggle}>
                    <span aria-hidden="true">{ "☰ " }</span>{ "Menu" }
                    if let Some(label) = current_label { <span class="nav-current">{ format!("· {label}") }</span> }
                </button>
            }
            <ul class="tabs" ref={row} aria-hidden={folded.then_some("true")}>
                { items(&props.links, props.current) }
            </ul>
            if *folded && *open {
                <ul class="nav-panel" id="nav-panel">{ items(&props.links, props.current) }</ul>
            }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::trapped_focus;

    #[test]
    fn focus_wraps_around_the_open_menu() {
        assert_eq!(trapped_focus(Some(3), 4, false), Some(0));
        assert_eq!(trapped_focus(Some(0), 4, true), Some(3));
        assert_eq!(
            trapped_focus(Some(1), 4, false),
            None,
            "the browser moves on"
        );
        assert_eq!(trapped_focus(Some(2), 4, true), None);
        assert_eq!(
            trapped_focus(None, 4, false),
            Some(0),
            "focus outside comes back in"
        );
        assert_eq!(trapped_focus(None, 4, true), Some(3));
        assert_eq!(trapped_focus(Some(0), 1, false), Some(0));
        assert_eq!(trapped_focus(None, 0, false), None);
    }
}

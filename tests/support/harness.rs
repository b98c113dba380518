//! The browser tests' and benchmarks' root: the backend in context around the content under test.

use trellis::app::switch;
use trellis::backend::Backend;
use trellis::routes::RoutePages;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    pub backend: Backend,
    pub children: Html,
}

/// The content with the backend and the app's pages in context.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    html! {
        <ContextProvider<Backend> context={props.backend.clone()}>
            <ContextProvider<RoutePages> context={RoutePages(switch)}>{ props.children.clone() }</ContextProvider<RoutePages>>
        </ContextProvider<Backend>>
    }
}

/// A fresh div at the end of the page's body.
pub fn container() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Sends a bubbling, cancelable `keydown` of `key` to `target`.
pub fn key(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

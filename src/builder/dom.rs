//! DOM lookups for the layout editor: the block or palette item an event came from, the slot
//! under the pointer, and focusing a block's handle.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::canvas::parse_list_key;
use super::drop::drop_index;
use super::tree::Slot;

/// The `attr` of the element an event came from, or of its closest ancestor that has one.
pub fn target_attr(e: &Event, attr: &str) -> Option<String> {
    let el: Element = e.target()?.dyn_into().ok()?;
    el.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)
}

/// The slot under the pointer: the innermost list there, and the gap between its blocks.
pub fn slot_at(x: f64, y: f64) -> Option<Slot> {
    let hit = web_sys::window()?
        .document()?
        .element_from_point(x as f32, y as f32)?;
    let list = hit.closest("[data-list]").ok()??;
    let parent = parse_list_key(&list.get_attribute("data-list")?)?;
    let children = list.children();
    let mids: Vec<f64> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|c| c.has_attribute("data-node"))
        .map(|c| {
            let r = c.get_bounding_client_rect();
            r.top() + r.height() / 2.0
        })
        .collect();
    Some(Slot {
        parent,
        index: drop_index(&mids, y),
    })
}

/// Focuses the handle of block `id`.
pub fn focus_handle(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("h-{id}")))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

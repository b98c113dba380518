//! A modal dialog: focus moves into it, Tab and Shift+Tab stay inside it, Escape cancels
//! (when the dialog can be cancelled).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// Id of the element that names the dialog.
    pub title_id: AttrValue,
    /// Id of the element that describes it.
    pub text_id: AttrValue,
    /// Called on Escape; `None` for a dialog that needs an answer.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    pub children: Html,
}

fn focusables(root: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) =
        root.query_selector_all("button:not([disabled]), input, select, textarea, a[href]")
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The dialog.
#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let card = use_node_ref();
    {
        let card = card.clone();
        use_effect_with((), move |_| {
            if let Some(first) = card
                .cast::<web_sys::Element>()
                .and_then(|c| focusables(&c).into_iter().next())
            {
                let _ = first.focus();
            }
        });
    }
    let onkeydown = {
        let (card, on_cancel) = (card.clone(), props.on_cancel.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                if let Some(cancel) = &on_cancel {
                    e.prevent_default();
                    cancel.emit(());
                }
                return;
            }
            let Some(root) = card.cast::<web_sys::Element>() else {
                return;
            };
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let at = |el: &HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            };
            if e.key() == "Tab" && e.shift_key() && at(first) {
                e.prevent_default();
                let _ = last.focus();
            } else if e.key() == "Tab" && !e.shift_key() && at(last) {
                e.prevent_default();
                let _ = first.focus();
            }
        })
    };
    html! {
        <div class="b-dialog" role="alertdialog" aria-modal="true" aria-labelledby={props.title_id.clone()}
            aria-describedby={props.text_id.clone()} {onkeydown}>
            <div class="card" ref={card}>{ props.children.clone() }</div>
        </div>
    }
}

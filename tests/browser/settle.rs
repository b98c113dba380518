//! A settling screen: held back (hidden, busy) while its first loads are out, then shown whole.

use trellis::components::load::{use_load, Load};
use trellis::components::settle::Settle;

use super::*;

/// Loads the first leads and says how many came.
#[component]
fn LeadCount() -> Html {
    let (state, _) = use_load((), |b, ()| async move {
        b.list_leads(&ListQuery::default()).await
    });
    match &*state {
        Load::Ready(page) => html! { <p>{ format!("{} leads", page.items.len()) }</p> },
        _ => html! { <p>{ "…" }</p> },
    }
}

fn busy(root: &web_sys::Element) -> String {
    find::<web_sys::Element>(root, ".settle")
        .get_attribute("aria-busy")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_settling_screen_shows_once_its_first_loads_answer() {
    let fake = logged_in_fake(vec![]).await;
    fake.open.set(false);
    let root = mount(
        fake.clone(),
        html! {
            <Settle>
                <h2>{ "Static part" }</h2>
                <LeadCount />
            </Settle>
        },
    )
    .await;
    for _ in 0..20 {
        tick().await;
    }
    assert_eq!(busy(&root), "true", "held while the leads are out");
    assert!(root.query_selector(".settle.settling").unwrap().is_some());
    assert!(root
        .query_selector(".settle-status [role=status]")
        .unwrap()
        .is_some());
    fake.open.set(true);
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if busy(&root) == "false" {
            break;
        }
        tick().await;
    }
    assert_eq!(busy(&root), "false", "shown once they answered");
    assert!(root.query_selector(".settle.settling").unwrap().is_none());
    assert!(root.query_selector(".settle-status").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("50 leads"));
}

#[wasm_bindgen_test]
async fn a_screen_with_nothing_to_load_shows_at_once() {
    let root = mount(
        Rc::new(Fake::default()),
        html! { <Settle><h2>{ "Only text" }</h2></Settle> },
    )
    .await;
    for _ in 0..5 {
        tick().await;
        yew::scheduler::flush().await;
    }
    assert_eq!(busy(&root), "false");
}

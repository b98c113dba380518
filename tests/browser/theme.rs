//! Browser tests of the theme studio: the live preview follows token changes at once, and a
//! contrast failure in a theme in use blocks publishing.

use trellis::builder::view::{Builder, View};

use super::*;

async fn studio() -> web_sys::Element {
    let (fake, draft) = admin_with_draft().await;
    let history = yew_router::history::AnyHistory::from(yew_router::history::MemoryHistory::new());
    let root = mount(
        Rc::new(fake),
        html! { <yew_router::Router {history}><Builder draft={draft} view={View::Theme} /></yew_router::Router> },
    )
    .await;
    wait_for_text(&root, "Live preview").await;
    root
}

fn change(root: &web_sys::Element, selector: &str, value: &str) {
    let input = find::<web_sys::HtmlInputElement>(root, selector);
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// The brand colour the preview frame carries (tests run without the app's stylesheets, so the
/// custom property is read rather than a computed colour).
fn frame_brand(root: &web_sys::Element) -> String {
    find::<web_sys::HtmlElement>(root, ".b-frame")
        .style()
        .get_property_value("--color-brand")
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_live_preview_follows_token_changes_and_failures_block_publishing() {
    let root = studio().await;
    assert_eq!(frame_brand(&root), "#0f6e5a", "the Trellis preset");
    assert!(
        find::<web_sys::Element>(&root, ".t-tokens").has_attribute("disabled"),
        "presets are read-only"
    );

    change(&root, "#t-new-name", "Acme brand");
    click(&root, "form[aria-label='Duplicate the theme'] button");
    yew::scheduler::flush().await;
    wait_for_text(&root, "Delete theme").await;
    assert_eq!(
        find::<web_sys::HtmlInputElement>(&root, "#t-name").value(),
        "Acme brand"
    );

    change(&root, "#t-light-brand", "#7a1f5c");
    yew::scheduler::flush().await;
    assert_eq!(
        frame_brand(&root),
        "#7a1f5c",
        "the preview shows the new brand colour at once"
    );
    let page_brand = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .style()
        .get_property_value("--color-brand")
        .unwrap();
    assert_ne!(
        page_brand, "#7a1f5c",
        "the app around the preview keeps its theme"
    );

    change(&root, "#t-light-brand", "teal");
    yew::scheduler::flush().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Colour must start with # (like #0f6e5a)"));
    assert_eq!(frame_brand(&root), "#7a1f5c", "a bad value is not applied");

    change(&root, "#t-light-brand", "#9fe3d3");
    let community = find::<web_sys::HtmlSelectElement>(&root, "#t-community");
    community.set_value("theme_custom_1");
    community
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    wait_for_text(&root, "Publishing is blocked").await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Light · Links on cards: #9fe3d3 on #ffffff is 1.45:1, needs 4.5:1."),
        "{text}"
    );
    assert!(
        find::<web_sys::HtmlButtonElement>(&root, "form[aria-label='Publish'] button").disabled()
    );

    click(&root, ".t-failures button");
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(
        !text.contains("Links on cards"),
        "one fix clears every pair of the brand colour"
    );
}

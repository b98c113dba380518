//! Browser tests of the builder's editor: keyboard moves with announcements, the pointer drop
//! indicator, and the validated property panel.

use trellis::builder::view::Builder;
use web_sys::{PointerEvent, PointerEventInit};

use super::harness::key;
use super::*;

async fn admin_builder() -> web_sys::Element {
    let (fake, draft) = admin_with_draft().await;
    let root = mount(Rc::new(fake), html! { <Builder draft={draft} /> }).await;
    wait_for_text(&root, "All changes saved").await;
    root
}

fn pointer(target: &web_sys::EventTarget, kind: &str, x: f64, y: f64) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_button(0);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn live(root: &web_sys::Element) -> String {
    find::<web_sys::Element>(root, "#b-live")
        .text_content()
        .unwrap_or_default()
}

/// The block names in a region, in order.
fn blocks(root: &web_sys::Element, region: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("{region} .b-handle"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().replace('⠿', ""))
        .collect()
}

#[wasm_bindgen_test]
async fn a_block_moves_by_keyboard_with_announcements_and_an_indicator() {
    let root = admin_builder().await;
    let handle = find::<web_sys::HtmlElement>(&root, "#h-n_inbox");
    handle.focus().unwrap();
    key(&handle, " ");
    yew::scheduler::flush().await;
    assert!(
        live(&root).starts_with("Lead inbox, picked up at column 2 of row 1, position 1"),
        "{}",
        live(&root)
    );
    key(&handle, "ArrowUp");
    key(&handle, "ArrowUp");
    yew::scheduler::flush().await;
    assert_eq!(
        live(&root),
        "Lead inbox, moved to column 1 of row 1, position 2"
    );
    let drop = find::<web_sys::Element>(&root, ".b-drop");
    let list = drop.parent_element().unwrap();
    assert_eq!(list.get_attribute("data-list").as_deref(), Some("c:n_col1"));
    assert_eq!(
        drop.previous_element_sibling()
            .and_then(|e| e.get_attribute("data-node"))
            .as_deref(),
        Some("n_ann"),
        "the indicator sits between the announcements and the pipeline"
    );
    key(&handle, " ");
    yew::scheduler::flush().await;
    assert_eq!(
        live(&root),
        "Lead inbox, dropped at column 1 of row 1, position 2"
    );
    assert!(root.query_selector(".b-drop").unwrap().is_none());
    assert_eq!(
        blocks(&root, "[data-list='c:n_col1']"),
        ["Announcement list", "Lead inbox", "Pipeline summary"]
    );
    // Escape puts it back where it was.
    let moved = find::<web_sys::HtmlElement>(&root, "#h-n_inbox");
    key(&moved, "Enter");
    key(&moved, "ArrowDown");
    key(&moved, "Escape");
    yew::scheduler::flush().await;
    assert_eq!(live(&root), "Lead inbox, move cancelled");
    assert_eq!(blocks(&root, "[data-list='c:n_col1']")[1], "Lead inbox");
    // Delete removes it and keeps the keyboard user in place: focus goes to the next block.
    key(&moved, "Delete");
    yew::scheduler::flush().await;
    assert!(root.query_selector("#h-n_inbox").unwrap().is_none());
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused.id(), "h-n_pipe");
}

#[wasm_bindgen_test]
async fn dragging_from_the_palette_shows_where_the_block_lands() {
    let root = admin_builder().await;
    let item = find::<web_sys::Element>(&root, "[data-palette='c:kpi_tile']");
    // Earlier tests' builders stay mounted above: bring this one's canvas into view.
    find::<web_sys::Element>(&root, "[data-node='n_pipe']").scroll_into_view();
    let from = item.get_bounding_client_rect();
    pointer(&item, "pointerdown", from.x() + 5.0, from.y() + 5.0);
    let target = find::<web_sys::Element>(&root, "[data-node='n_pipe']").get_bounding_client_rect();
    let window: web_sys::EventTarget = web_sys::window().unwrap().into();
    pointer(&window, "pointermove", from.x() + 30.0, from.y() + 30.0);
    pointer(
        &window,
        "pointermove",
        target.x() + 20.0,
        target.y() + target.height() - 2.0,
    );
    yew::scheduler::flush().await;
    let drop = find::<web_sys::Element>(&root, ".b-drop");
    assert_eq!(
        drop.parent_element()
            .unwrap()
            .get_attribute("data-list")
            .as_deref(),
        Some("c:n_col1")
    );
    assert_eq!(
        drop.previous_element_sibling()
            .and_then(|e| e.get_attribute("data-node"))
            .as_deref(),
        Some("n_pipe")
    );
    pointer(
        &window,
        "pointerup",
        target.x() + 20.0,
        target.y() + target.height() - 2.0,
    );
    yew::scheduler::flush().await;
    assert_eq!(
        blocks(&root, "[data-list='c:n_col1']"),
        ["Announcement list", "Pipeline summary", "KPI tile"]
    );
    assert!(
        live(&root).starts_with("KPI tile, dropped at column 1 of row 1, position 3"),
        "{}",
        live(&root)
    );
}

#[wasm_bindgen_test]
async fn the_property_panel_validates_then_commits_an_undoable_change() {
    let root = admin_builder().await;
    click(&root, "#h-n_inbox");
    yew::scheduler::flush().await;
    let limit = find::<web_sys::HtmlInputElement>(&root, "#prop-n_inbox-limit");
    assert_eq!(limit.value(), "5");
    limit.set_value("50");
    limit
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    limit
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("How many must be a whole number from 1 to 20"));
    assert_eq!(limit.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        find::<web_sys::HtmlButtonElement>(&root, "button[aria-label^='Nothing to undo']")
            .disabled(),
        "an invalid value is not applied"
    );

    let title = find::<web_sys::HtmlInputElement>(&root, "#prop-n_inbox-title");
    title.set_value("Fresh leads");
    title
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    title
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let canvas = find::<web_sys::Element>(&root, ".b-canvas")
        .text_content()
        .unwrap();
    assert!(canvas.contains("Fresh leads"), "{canvas}");
    click(
        &root,
        "button[aria-label^='Undo: Change title of Lead inbox']",
    );
    yew::scheduler::flush().await;
    assert_eq!(
        find::<web_sys::HtmlInputElement>(&root, "#prop-n_inbox-title").value(),
        "New leads"
    );
}

#[wasm_bindgen_test]
async fn every_component_kind_renders_for_a_partner_with_its_defaults() {
    let fake = logged_in_fake(vec![]).await;
    let page = Page {
        id: "p".into(),
        title: "All".into(),
        root: ComponentKind::ALL
            .iter()
            .enumerate()
            .map(|(i, kind)| LayoutNode::Component {
                id: format!("c{i}"),
                component: *kind,
                props: trellis_api::widgets::default_props(*kind),
                audience: Audience::default(),
            })
            .collect(),
    };
    // Components link into the app, so they need a router.
    let history = yew_router::history::AnyHistory::from(yew_router::history::MemoryHistory::new());
    let root = mount(
        fake,
        html! {
            <yew_router::Router {history}><trellis::components::page_view::PageView page={page} /></yew_router::Router>
        },
    )
    .await;
    for text in [
        "Heading",
        "Write something for your partners.",
        "No image chosen yet.",
        "Announcements",
        "New leads",
        "Register a deal",
        "open opportunities",
        "Pipeline by stage",
        "Your training",
        "Your channel manager",
        "Need help?",
    ] {
        wait_for_text(&root, text).await;
    }
    assert!(root.query_selector("hr").unwrap().is_some(), "the divider");
    assert!(
        root.query_selector("svg[role=img]").unwrap().is_some(),
        "the chart"
    );
    assert!(!root
        .text_content()
        .unwrap()
        .contains("Nothing to show here yet"));
}

//! The leads list: loading, live reloads, errors with retry, the empty state and search.

use super::*;

/// The leads page in a router, as the app shows it (its rows link to each lead's page).
fn leads_page() -> Html {
    let history = yew_router::history::AnyHistory::from(yew_router::history::MemoryHistory::new());
    yew_router::history::History::push(&history, "/leads");
    html! { <yew_router::Router {history}><LeadsPage /></yew_router::Router> }
}

#[wasm_bindgen_test]
async fn leads_list_shows_loading_then_rows() {
    let fake = logged_in_fake(vec![]).await;
    fake.open.set(false);
    let root = mount(fake.clone(), leads_page()).await;
    wait_for_text(&root, "Loading leads").await;
    fake.open.set(true);
    wait_for_text(&root, "Showing 50 leads (more available)").await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 50);
    let acme = trellis_api::seed::demo_data(0)
        .leads
        .iter()
        .filter(|l| l.partner_account_id.as_deref() == Some("acc_acme"))
        .count();
    assert!(
        acme > 50 && acme <= 100,
        "the demo data has two pages of Acme leads"
    );
    click(&root, ".more button");
    wait_for_text(&root, &format!("Showing {acme} leads")).await;
    assert!(!root.text_content().unwrap().contains("more available"));
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length() as usize,
        acme
    );
}

#[wasm_bindgen_test]
async fn the_leads_list_loads_again_when_the_app_changes_leads() {
    let fake = logged_in_fake(vec![]).await;
    let backend = Backend::shared(fake.clone());
    let root = mount_with(backend.clone(), leads_page()).await;
    wait_for_text(&root, "Showing 50 leads (more available)").await;
    let acme = trellis_api::seed::demo_data(0)
        .leads
        .iter()
        .filter(|l| l.partner_account_id.as_deref() == Some("acc_acme"))
        .count() as u32;
    click(&root, ".more button");
    wait_for_text(&root, &format!("Showing {acme} leads")).await;
    let input: LeadInput = serde_json::from_value(serde_json::json!({
        "company": "Live Update GmbH",
        "contact_name": "Lia Live",
        "email": "lia@live.example",
    }))
    .unwrap();
    backend.client().create_lead(&input).await.unwrap();
    wait_for_text(&root, "Live Update GmbH").await;
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        acme,
        "as many rows as were shown, newest first"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains(&format!("Showing {acme} leads (more available)")));
}

#[wasm_bindgen_test]
async fn leads_list_shows_an_error_with_retry() {
    let fake = logged_in_fake(vec![Err(ClientError::Network("connection refused".into()))]).await;
    let root = mount(fake, leads_page()).await;
    wait_for_text(&root, "could not reach the server").await;
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
    click(&root, ".state button");
    wait_for_text(&root, "Showing 50 leads").await;
}

#[wasm_bindgen_test]
async fn leads_list_has_an_empty_state() {
    let empty = ListPage {
        items: vec![],
        next_cursor: None,
    };
    let fake = logged_in_fake(vec![Ok(empty)]).await;
    let root = mount(fake, leads_page()).await;
    wait_for_text(&root, "No leads yet.").await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn leads_search_filters_through_the_backend() {
    let fake = logged_in_fake(vec![]).await;
    let root = mount(fake, leads_page()).await;
    wait_for_text(&root, "Showing 50 leads").await;
    set_input(&root, "input[type=search]", "zzz-no-such-company");
    click(&root, "form[role=search] button[type=submit]");
    wait_for_text(&root, "No leads match these filters.").await;
}

//! The audit log screen: events from the backend, filtered through the URL.

use super::*;
use trellis::session::{Auth, Session};
use trellis_api::audit::AuditKind;
use yew_router::history::{AnyHistory, History, MemoryHistory};

#[wasm_bindgen_test]
async fn the_audit_log_lists_events_and_filters_them_through_the_url() {
    let (fake, _) = admin_with_draft().await;
    let gold = PartnerChange::MoveTier {
        tier_id: "tier_gold".into(),
        reason: "Hit the targets".into(),
    };
    fake.demo()
        .change_partnership("acc_bluebird", &gold)
        .await
        .unwrap();
    let me = fake.demo().me().await.unwrap();
    let session = Session {
        auth: Auth::LoggedIn(me),
        site: None,
        set_me: Callback::noop(),
        reload_site: Callback::noop(),
    };
    let history = AnyHistory::from(MemoryHistory::new());
    history.push("/admin/audit");
    let page = html! {
        <ContextProvider<Session> context={session}>
            <yew_router::Router history={history.clone()}><trellis::pages::audit::AuditPage /></yew_router::Router>
        </ContextProvider<Session>>
    };
    let root = mount(Rc::new(fake), page).await;
    wait_for_text(&root, "Tier changed").await;
    let rows = || {
        root.query_selector_all("table.audit tbody tr")
            .unwrap()
            .length()
    };
    assert_eq!(rows(), 2, "the promotion and the admin's login");
    assert!(root
        .text_content()
        .unwrap()
        .contains("Bluebird Distribution: Silver → Gold (Hit the targets)"));

    let kind: web_sys::HtmlSelectElement = find(&root, "select[name=kind]");
    kind.set_value(&AuditKind::Login.wire());
    kind.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(&root, "form[role=search] button[type=submit]");
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if rows() == 1 {
            break;
        }
        tick().await;
    }
    assert_eq!(rows(), 1);
    assert!(root.text_content().unwrap().contains("Logged in"));
    assert_eq!(history.location().query_str(), "?kind=login");

    set_input(&root, "input[name=from]", "2026-12-31");
    find::<web_sys::HtmlInputElement>(&root, "input[name=from]")
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    set_input(&root, "input[name=to]", "2026-01-01");
    find::<web_sys::HtmlInputElement>(&root, "input[name=to]")
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(
        find::<web_sys::HtmlButtonElement>(&root, "form[role=search] button[type=submit]")
            .disabled(),
        "an end before the start cannot be applied"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Choose a start date on or before the end date."));
}

//! Browser tests: components mounted in headless Chromium with a fake backend in context.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use async_trait::async_trait;
use trellis::backend::Backend;
use trellis::pages::leads::LeadsPage;
use trellis::pages::login::LoginForm;
use trellis_api::*;
use trellis_client::{ClientError, ClientResult, DemoBackend, PrmBackend};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The demo backend, with scripted answers for the leads list and a count of login calls.
#[derive(Default)]
struct Fake {
    demo: DemoBackend,
    leads: RefCell<VecDeque<ClientResult<ListPage<Lead>>>>,
    /// While false, leads requests wait (to observe the loading state).
    open: Rc<Cell<bool>>,
    logins: Cell<u32>,
}

#[async_trait(?Send)]
impl PrmBackend for Fake {
    async fn health(&self) -> ClientResult<Health> {
        self.demo.health().await
    }
    async fn login(&self, r: &LoginRequest) -> ClientResult<Me> {
        self.logins.set(self.logins.get() + 1);
        self.demo.login(r).await
    }
    async fn logout(&self) -> ClientResult<()> {
        self.demo.logout().await
    }
    async fn me(&self) -> ClientResult<Me> {
        self.demo.me().await
    }
    async fn list_accounts(&self, q: &ListQuery) -> ClientResult<ListPage<Account>> {
        self.demo.list_accounts(q).await
    }
    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        self.demo.get_account(id).await
    }
    async fn create_account(&self, i: &AccountInput) -> ClientResult<Account> {
        self.demo.create_account(i).await
    }
    async fn update_account(&self, id: &str, i: &AccountInput) -> ClientResult<Account> {
        self.demo.update_account(id, i).await
    }
    async fn change_partnership(&self, id: &str, c: &PartnerChange) -> ClientResult<Account> {
        self.demo.change_partnership(id, c).await
    }
    async fn tier_history(&self, id: &str) -> ClientResult<Vec<TierChange>> {
        self.demo.tier_history(id).await
    }
    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        self.demo.list_programs().await
    }
    async fn list_users(&self, q: &ListQuery) -> ClientResult<ListPage<User>> {
        self.demo.list_users(q).await
    }
    async fn get_user(&self, id: &str) -> ClientResult<User> {
        self.demo.get_user(id).await
    }
    async fn create_user(&self, i: &UserInput) -> ClientResult<User> {
        self.demo.create_user(i).await
    }
    async fn update_user(&self, id: &str, i: &UserInput) -> ClientResult<User> {
        self.demo.update_user(id, i).await
    }
    async fn list_leads(&self, q: &ListQuery) -> ClientResult<ListPage<Lead>> {
        while !self.open.get() {
            tick().await;
        }
        let scripted = self.leads.borrow_mut().pop_front();
        match scripted {
            Some(answer) => answer,
            None => self.demo.list_leads(q).await,
        }
    }
    async fn transition_lead(
        &self,
        id: &str,
        a: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        self.demo.transition_lead(id, a).await
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        self.demo.get_lead(id).await
    }
    async fn create_lead(&self, i: &LeadInput) -> ClientResult<Lead> {
        self.demo.create_lead(i).await
    }
    async fn update_lead(&self, id: &str, i: &LeadInput) -> ClientResult<Lead> {
        self.demo.update_lead(id, i).await
    }
    async fn distribute_leads(
        &self,
        b: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        self.demo.distribute_leads(b).await
    }
    async fn list_deals(&self, q: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        self.demo.list_deals(q).await
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        self.demo.get_deal(id).await
    }
    async fn create_deal(&self, i: &DealInput) -> ClientResult<DealRegistration> {
        self.demo.create_deal(i).await
    }
    async fn update_deal(&self, id: &str, i: &DealInput) -> ClientResult<DealRegistration> {
        self.demo.update_deal(id, i).await
    }
    async fn deal_conflicts(
        &self,
        id: &str,
    ) -> ClientResult<Vec<trellis_api::deal_flow::DealConflict>> {
        self.demo.deal_conflicts(id).await
    }
    async fn transition_deal(
        &self,
        id: &str,
        a: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        self.demo.transition_deal(id, a).await
    }
    async fn list_opportunities(&self, q: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        self.demo.list_opportunities(q).await
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        self.demo.get_opportunity(id).await
    }
    async fn create_opportunity(&self, i: &OpportunityInput) -> ClientResult<Opportunity> {
        self.demo.create_opportunity(i).await
    }
    async fn update_opportunity(
        &self,
        id: &str,
        i: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        self.demo.update_opportunity(id, i).await
    }
    async fn list_contacts(&self, q: &ListQuery) -> ClientResult<ListPage<Contact>> {
        self.demo.list_contacts(q).await
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        self.demo.get_contact(id).await
    }
    async fn create_contact(&self, i: &ContactInput) -> ClientResult<Contact> {
        self.demo.create_contact(i).await
    }
    async fn update_contact(&self, id: &str, i: &ContactInput) -> ClientResult<Contact> {
        self.demo.update_contact(id, i).await
    }
    async fn list_mdf_budgets(&self) -> ClientResult<Vec<MdfBudget>> {
        self.demo.list_mdf_budgets().await
    }
    async fn create_mdf_budget(&self, i: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        self.demo.create_mdf_budget(i).await
    }
    async fn list_mdf_requests(&self, q: &ListQuery) -> ClientResult<ListPage<MdfRequest>> {
        self.demo.list_mdf_requests(q).await
    }
    async fn create_mdf_request(&self, i: &MdfRequestInput) -> ClientResult<MdfRequest> {
        self.demo.create_mdf_request(i).await
    }
    async fn transition_mdf_request(&self, id: &str, a: &MdfAction) -> ClientResult<MdfRequest> {
        self.demo.transition_mdf_request(id, a).await
    }
    async fn list_mdf_claims(&self, q: &ListQuery) -> ClientResult<ListPage<MdfClaim>> {
        self.demo.list_mdf_claims(q).await
    }
    async fn create_mdf_claim(&self, i: &MdfClaimInput) -> ClientResult<MdfClaim> {
        self.demo.create_mdf_claim(i).await
    }
    async fn transition_mdf_claim(&self, id: &str, a: &MdfAction) -> ClientResult<MdfClaim> {
        self.demo.transition_mdf_claim(id, a).await
    }
    async fn get_file(&self, id: &str) -> ClientResult<StoredFile> {
        self.demo.get_file(id).await
    }
    async fn import_csv(
        &self,
        r: &trellis_api::import::ImportRequest,
    ) -> ClientResult<trellis_api::import::ImportReport> {
        self.demo.import_csv(r).await
    }
    async fn export_csv(
        &self,
        k: trellis_api::import::ImportKind,
    ) -> ClientResult<trellis_api::import::CsvExport> {
        self.demo.export_csv(k).await
    }
    async fn list_cases(&self, q: &ListQuery) -> ClientResult<ListPage<SupportCase>> {
        self.demo.list_cases(q).await
    }
    async fn get_case(&self, id: &str) -> ClientResult<SupportCase> {
        self.demo.get_case(id).await
    }
    async fn create_case(&self, i: &CaseInput) -> ClientResult<SupportCase> {
        self.demo.create_case(i).await
    }
    async fn case_messages(&self, id: &str) -> ClientResult<Vec<CaseMessage>> {
        self.demo.case_messages(id).await
    }
    async fn post_case_message(&self, id: &str, i: &MessageInput) -> ClientResult<SupportCase> {
        self.demo.post_case_message(id, i).await
    }
    async fn support_channels(&self) -> ClientResult<SupportChannels> {
        self.demo.support_channels().await
    }
    async fn set_support_channels(&self, i: &SupportChannels) -> ClientResult<SupportChannels> {
        self.demo.set_support_channels(i).await
    }
    async fn list_announcements(&self) -> ClientResult<Vec<Announcement>> {
        self.demo.list_announcements().await
    }
    async fn create_announcement(&self, i: &AnnouncementInput) -> ClientResult<Announcement> {
        self.demo.create_announcement(i).await
    }
    async fn update_announcement(
        &self,
        id: &str,
        i: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        self.demo.update_announcement(id, i).await
    }
    async fn community(&self) -> ClientResult<PublishedSite> {
        self.demo.community().await
    }
    async fn draft(&self) -> ClientResult<Draft> {
        self.demo.draft().await
    }
    async fn save_draft(&self, b: &SaveDraft) -> ClientResult<Draft> {
        self.demo.save_draft(b).await
    }
}

/// Lets the browser run timers and promises for a moment.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    backend: Backend,
    children: Html,
}

#[component]
fn Harness(props: &HarnessProps) -> Html {
    html! {
        <ContextProvider<Backend> context={props.backend.clone()}>{ props.children.clone() }</ContextProvider<Backend>>
    }
}

/// Mounts `content` with `fake` as the backend into a fresh div; returns the div.
async fn mount(fake: Rc<Fake>, content: Html) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let backend = Backend(fake);
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            backend,
            children: content,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

/// Waits (up to ~2 s) until the root's text contains `needle`.
async fn wait_for_text(root: &web_sys::Element, needle: &str) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.text_content().unwrap_or_default().contains(needle) {
            return;
        }
        tick().await;
    }
    let text: String = root
        .text_content()
        .unwrap_or_default()
        .chars()
        .take(400)
        .collect();
    panic!("'{needle}' never appeared; text begins: {text}");
}

fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<T>()
        .unwrap()
}

fn set_input(root: &web_sys::Element, selector: &str, value: &str) {
    find::<web_sys::HtmlInputElement>(root, selector).set_value(value);
}

fn click(root: &web_sys::Element, selector: &str) {
    find::<web_sys::HtmlElement>(root, selector).click();
}

async fn logged_in_fake(answers: Vec<ClientResult<ListPage<Lead>>>) -> Rc<Fake> {
    let fake = Fake::default();
    fake.demo
        .login(&LoginRequest {
            email: "partner@acme.test".into(),
            password: "trellis-demo".into(),
        })
        .await
        .unwrap();
    fake.leads.borrow_mut().extend(answers);
    fake.open.set(true);
    Rc::new(fake)
}

#[wasm_bindgen_test]
async fn login_form_checks_fields_before_sending() {
    let fake = Rc::new(Fake::default());
    let root = mount(
        fake.clone(),
        html! { <LoginForm on_login={Callback::noop()} /> },
    )
    .await;
    click(&root, "button[type=submit]");
    wait_for_text(&root, "Email is required").await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Password is required"));
    assert_eq!(
        find::<web_sys::HtmlInputElement>(&root, "#email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    set_input(&root, "#email", "not-an-email");
    set_input(&root, "#password", "x");
    click(&root, "button[type=submit]");
    wait_for_text(&root, "Email must be an email address").await;
    assert!(!root
        .text_content()
        .unwrap()
        .contains("Password is required"));
    assert_eq!(fake.logins.get(), 0, "invalid forms are not sent");
}

#[wasm_bindgen_test]
async fn login_form_reports_wrong_password_and_logs_in_with_the_right_one() {
    let fake = Rc::new(Fake::default());
    let logged_in = Rc::new(RefCell::new(None::<Me>));
    let on_login = {
        let logged_in = logged_in.clone();
        Callback::from(move |me: Me| *logged_in.borrow_mut() = Some(me))
    };
    let root = mount(fake.clone(), html! { <LoginForm {on_login} /> }).await;
    set_input(&root, "#email", "partner@acme.test");
    set_input(&root, "#password", "wrong-password");
    click(&root, "button[type=submit]");
    wait_for_text(&root, "Wrong email or password").await;
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
    assert!(logged_in.borrow().is_none());

    set_input(&root, "#password", "trellis-demo");
    click(&root, "button[type=submit]");
    for _ in 0..100 {
        if logged_in.borrow().is_some() {
            break;
        }
        tick().await;
    }
    assert_eq!(
        logged_in
            .borrow()
            .as_ref()
            .map(|m| m.user.email.clone())
            .as_deref(),
        Some("partner@acme.test")
    );
    assert_eq!(fake.logins.get(), 2);
}

#[wasm_bindgen_test]
async fn leads_list_shows_loading_then_rows() {
    let fake = logged_in_fake(vec![]).await;
    fake.open.set(false);
    let root = mount(fake.clone(), html! { <LeadsPage /> }).await;
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
async fn leads_list_shows_an_error_with_retry() {
    let fake = logged_in_fake(vec![Err(ClientError::Network("connection refused".into()))]).await;
    let root = mount(fake, html! { <LeadsPage /> }).await;
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
    let root = mount(fake, html! { <LeadsPage /> }).await;
    wait_for_text(&root, "No leads yet.").await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn leads_search_filters_through_the_backend() {
    let fake = logged_in_fake(vec![]).await;
    let root = mount(fake, html! { <LeadsPage /> }).await;
    wait_for_text(&root, "Showing 50 leads").await;
    set_input(&root, "input[type=search]", "zzz-no-such-company");
    click(&root, "form[role=search] button[type=submit]");
    wait_for_text(&root, "No leads match these filters.").await;
}

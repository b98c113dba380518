//! Browser tests: components mounted in headless Chromium with a fake backend in context.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use trellis::backend::Backend;
use trellis::pages::leads::LeadsPage;
use trellis::pages::login::LoginForm;
use trellis_api::*;
use trellis_client::{ClientError, ClientResult};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/harness.rs"]
mod harness;
use harness::{container, Harness, HarnessProps};

#[path = "support/fake.rs"]
mod fake;
use fake::Fake;

#[path = "browser/audit.rs"]
mod audit;

#[path = "browser/builder.rs"]
mod builder;

#[path = "browser/leads.rs"]
mod leads;

#[path = "browser/settle.rs"]
mod settle;

#[path = "browser/theme.rs"]
mod theme;

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

/// Mounts `content` with `fake` as the backend into a fresh div; returns the div.
async fn mount(fake: Rc<Fake>, content: Html) -> web_sys::Element {
    mount_with(Backend::shared(fake), content).await
}

/// Mounts `content` with `backend` as the app's backend into a fresh div; returns the div.
async fn mount_with(backend: Backend, content: Html) -> web_sys::Element {
    let root = container();
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

/// A fake backend logged in as the administrator, and the community draft.
async fn admin_with_draft() -> (Fake, Draft) {
    let fake = Fake::default();
    fake.demo()
        .login(&LoginRequest {
            email: "admin@trellis.test".into(),
            password: "trellis-demo".into(),
        })
        .await
        .unwrap();
    let draft = fake.demo().draft().await.unwrap();
    (fake, draft)
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
    fake.demo()
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
async fn dashboards_draw_every_report_as_a_described_chart_with_a_table() {
    let fake = logged_in_fake(vec![]).await;
    // The page keeps its range in the URL, so it needs a router.
    use yew_router::history::{AnyHistory, MemoryHistory};
    let history = AnyHistory::from(MemoryHistory::new());
    let page = html! {
        <yew_router::Router {history}><trellis::pages::dashboards::DashboardsPage /></yew_router::Router>
    };
    let root = mount(fake, page).await;
    wait_for_text(&root, "Your pipeline and activity").await;
    let charts = root.query_selector_all("svg.chart[role=img]").unwrap();
    assert_eq!(charts.length(), 5, "one chart per partner report");
    for i in 0..charts.length() {
        let svg: web_sys::Element = charts.item(i).unwrap().dyn_into().unwrap();
        let labelled = svg.get_attribute("aria-labelledby").unwrap();
        for id in labelled.split(' ') {
            let part = svg
                .query_selector(&format!("[id='{id}']"))
                .unwrap()
                .unwrap();
            assert!(!part.text_content().unwrap().is_empty(), "{id} is empty");
        }
    }
    let pipeline = root
        .query_selector("[aria-labelledby=report-pipeline-by-stage]")
        .unwrap()
        .unwrap();
    assert_eq!(
        pipeline.query_selector_all("tbody tr").unwrap().length(),
        6,
        "six stages"
    );
    let title = || {
        pipeline
            .query_selector("svg title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(title(), "Bar chart: Pipeline by stage, Opportunities");
    let select: web_sys::HtmlSelectElement = pipeline
        .query_selector("select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value("1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(title(), "Bar chart: Pipeline by stage, Amount (EUR)");
    assert!(pipeline
        .query_selector("desc")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Proposal"));
}

#[wasm_bindgen_test]
async fn the_quiz_needs_every_answer_then_shows_the_score() {
    let fake = logged_in_fake(vec![]).await;
    let module = fake
        .demo()
        .list_modules()
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == "trn_selling")
        .unwrap();
    let marked = Rc::new(RefCell::new(None));
    let on_marked = {
        let marked = marked.clone();
        Callback::from(move |r: trellis_api::training::QuizResult| *marked.borrow_mut() = Some(r))
    };
    let root = mount(
        fake,
        html! { <trellis::components::quiz::Quiz {module} {on_marked} /> },
    )
    .await;
    wait_for_text(&root, "Hand in (2 unanswered)").await;
    click(&root, "input[name=q0][value='1']");
    yew::scheduler::flush().await;
    click(&root, "button[type=submit]");
    wait_for_text(&root, "Answer every question before handing in.").await;
    click(&root, "input[name=q1][value='0']");
    yew::scheduler::flush().await;
    click(&root, "button[type=submit]");
    wait_for_text(&root, "You scored 50 %; 70 % passes.").await;
    assert_eq!(
        root.query_selector_all("fieldset.right").unwrap().length(),
        1
    );
    assert_eq!(
        root.query_selector_all("fieldset.wrong").unwrap().length(),
        1
    );
    let result = marked.borrow().clone().expect("reported to the page");
    assert_eq!((result.score, result.passed), (50, false));
}

#[wasm_bindgen_test]
async fn markdown_shows_the_backends_rendering_and_renders_drafts_safely() {
    use trellis::components::markdown::Markdown;
    let hostile = "## Title\n\n<script>window.pwned = 1</script>\n\n<img src=x onerror=\"window.pwned = 2\">\n\n[click](javascript:window.pwned=3)\n\n[fine](https://example.com)";
    let given = "<p class=\"from-backend\">Rendered by the backend</p>";
    let root = mount(
        Rc::new(Fake::default()),
        html! {
            <>
                <Markdown source="ignored when the backend rendered it" html={AttrValue::from(given)} class="given" />
                <Markdown source={hostile} class="draft" />
            </>
        },
    )
    .await;
    wait_for_text(&root, "Rendered by the backend").await;
    assert!(root
        .query_selector(".given .from-backend")
        .unwrap()
        .is_some());
    let draft: web_sys::Element = find(&root, ".draft");
    assert_eq!(
        draft
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Title"
    );
    assert!(draft
        .query_selector("a[href='https://example.com']")
        .unwrap()
        .is_some());
    for bad in ["script", "img", "[onerror]", "a[href^='javascript']"] {
        assert!(
            draft.query_selector(bad).unwrap().is_none(),
            "{bad} in {}",
            draft.inner_html()
        );
    }
    let text = draft.text_content().unwrap();
    assert!(text.contains("<script>window.pwned = 1</script>"), "{text}");
}

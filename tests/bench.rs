//! Browser benchmarks (run by `cargo xtask bench`, in release mode, not by the test suite):
//! a 1,000-row leads table against a plain-JavaScript table of the same rows in the same run,
//! filter + sort + render of 10,000 leads in the virtualised instant search, and the builder
//! on a 2,000-component page (`bench/builder.rs`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use trellis::backend::Backend;
use trellis::components::record_list::{PageFuture, RecordList};
use trellis::components::virtual_list::InstantLeads;
use trellis::format::age;
use trellis::pages::leads::summary_columns;
use trellis_api::*;
use trellis_client::{DemoBackend, PrmBackend};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/harness.rs"]
mod harness;
use harness::{container, Harness, HarnessProps};

#[path = "bench/builder.rs"]
mod builder;

/// Measured rounds; one more runs first to warm up and is not counted.
const ROUNDS: usize = 15;

thread_local! {
    static ROWS: RefCell<Vec<Lead>> = const { RefCell::new(Vec::new()) };
}

/// `n` leads made from the demo organisation's, with unique ids and companies.
fn leads(n: usize) -> Vec<Lead> {
    let seed = trellis_api::seed::demo_data(1_790_000_000).leads;
    (0..n)
        .map(|i| {
            let mut l = seed[i % seed.len()].clone();
            l.id = format!("lead_{i:05}");
            l.company = format!("{} {}", l.company, i / seed.len());
            l
        })
        .collect()
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Lets promise callbacks run without waiting for a timer.
async fn microtasks() {
    let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn force_layout(el: &web_sys::Element) {
    let _ = el.get_bounding_client_rect();
}

fn fetch(_: Rc<dyn PrmBackend>, _: ListQuery) -> PageFuture<Lead> {
    Box::pin(async {
        Ok(ListPage {
            items: ROWS.with(|r| r.borrow().clone()),
            next_cursor: None,
        })
    })
}

/// The same table as the yew list draws, built with plain DOM calls from JavaScript.
const PLAIN_JS: &str = r#"
const table = document.createElement('table');
const head = table.createTHead().insertRow();
for (const h of ['Company', 'Contact', 'Product interest', 'Region', 'Status', 'Age']) {
  const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th);
}
const body = table.createTBody();
for (const l of rows) {
  const tr = body.insertRow();
  const strong = document.createElement('strong'); strong.textContent = l.company;
  tr.insertCell().appendChild(strong);
  const contact = tr.insertCell();
  contact.append(l.contact_name, document.createElement('br'));
  const email = document.createElement('span'); email.className = 'muted'; email.textContent = l.email;
  contact.appendChild(email);
  tr.insertCell().textContent = l.product_interest;
  tr.insertCell().textContent = l.region + ' ' + l.postcode;
  const badge = document.createElement('span'); badge.className = 'badge ' + l.status; badge.textContent = l.status;
  tr.insertCell().appendChild(badge);
  const age = tr.insertCell(); age.className = 'num'; age.textContent = l.age;
}
root.appendChild(table);
"#;

#[wasm_bindgen_test]
async fn bench_leads_table_1000_rows_against_plain_js() {
    let rows = leads(1000);
    ROWS.with(|r| *r.borrow_mut() = rows.clone());
    let js_rows = js_sys::JSON::parse(
        &serde_json::to_string(
            &rows
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "company": l.company, "contact_name": l.contact_name, "email": l.email,
                        "product_interest": l.product_interest, "region": l.region,
                        "postcode": l.postcode, "status": wire_name(&l.status), "age": age(&l.created_at),
                    })
                })
                .collect::<Vec<_>>(),
        )
        .unwrap(),
    )
    .unwrap();
    let plain = js_sys::Function::new_with_args("rows, root", PLAIN_JS);
    let backend = Backend::new(DemoBackend::new());
    let (mut yew_ms, mut js_ms) = (Vec::new(), Vec::new());
    for round in 0..=ROUNDS {
        let root = container();
        let t0 = now();
        let app = yew::Renderer::<Harness>::with_root_and_props(
            root.clone(),
            HarnessProps {
                backend: backend.clone(),
                children: html! {
                    <RecordList<Lead> noun="leads" singular="lead" fetch={fetch as fn(_, _) -> _} columns={summary_columns as fn() -> _} />
                },
            },
        )
        .render();
        loop {
            yew::scheduler::flush().await;
            if root.query_selector_all("tbody tr").unwrap().length() == 1000 {
                break;
            }
            microtasks().await;
        }
        force_layout(&root);
        let yew_took = now() - t0;
        app.destroy();
        root.remove();

        let root = container();
        let t0 = now();
        plain
            .call2(&wasm_bindgen::JsValue::NULL, &js_rows, &root)
            .unwrap();
        force_layout(&root);
        let js_took = now() - t0;
        assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 1000);
        root.remove();
        if round > 0 {
            yew_ms.push(yew_took);
            js_ms.push(js_took);
        }
    }
    let (y, j) = (median(yew_ms), median(js_ms));
    web_sys::console::log_1(
        &format!(
            "BENCH leads table 1000 rows: yew {y:.1} ms, plain JS {j:.1} ms, ratio {:.2}",
            y / j
        )
        .into(),
    );
}

#[wasm_bindgen_test]
async fn bench_instant_search_10000_leads() {
    let all = Rc::new(leads(10_000));
    let root = container();
    let app = yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            backend: Backend::new(DemoBackend::new()),
            children: html! { <InstantLeads leads={all.clone()} /> },
        },
    )
    .render();
    yew::scheduler::flush().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#instant-q")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let order: web_sys::HtmlSelectElement = root
        .query_selector("#instant-order")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut times = Vec::new();
    for (text, sort) in [
        ("a", "company"),
        ("ac", "company"),
        ("acm", "status"),
        ("", "newest"),
        ("in", "company"),
        ("cloud", "status"),
        ("", "company"),
        ("e", "newest"),
        ("wonka", "company"),
        ("", "status"),
    ] {
        let t0 = now();
        order.set_value(sort);
        order
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
        force_layout(&root);
        times.push(now() - t0);
        let drawn = root.query_selector_all(".virtual-row").unwrap().length();
        assert!(drawn <= 30, "virtualised: {drawn} rows in the page");
    }
    let worst = times.iter().copied().fold(0.0, f64::max);
    web_sys::console::log_1(
        &format!("BENCH instant search 10000 leads: filter+sort+render median {:.1} ms, worst {worst:.1} ms", median(times)).into(),
    );
    app.destroy();
}

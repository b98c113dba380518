//! Builder benchmarks: loading a 2,000-component page into the editor, and one keyboard move
//! (the drop: reducer, history and re-render of the whole canvas) on that page.

use trellis::builder::view::Builder;
use trellis_api::templates::partner_central;

use super::harness::key;
use super::*;

/// Components on the benchmark page (in 100 rows of two columns of ten).
const COMPONENTS: usize = 2_000;

fn big_draft() -> Draft {
    let mut site = partner_central();
    let kinds = ComponentKind::ALL;
    let mut n = 0;
    site.pages[0].root = (0..COMPONENTS / 20)
        .map(|r| LayoutNode::Row {
            id: format!("r{r}"),
            columns: (0..2)
                .map(|c| Column {
                    id: format!("r{r}c{c}"),
                    children: (0..10)
                        .map(|_| {
                            n += 1;
                            let kind = kinds[n % kinds.len()];
                            LayoutNode::Component {
                                id: format!("n{n}"),
                                component: kind,
                                props: trellis_api::widgets::default_props(kind),
                                audience: Audience::default(),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Draft {
        site,
        version: 1,
        updated_at: "2026-11-27T00:00:00Z".into(),
        has_unpublished_changes: false,
    }
}

#[wasm_bindgen_test]
async fn bench_builder_2000_components() {
    let demo = DemoBackend::new();
    (&demo as &dyn PrmBackend)
        .login(&LoginRequest {
            email: "admin@trellis.test".into(),
            password: "trellis-demo".into(),
        })
        .await
        .unwrap();
    let backend = Backend::new(demo);
    let draft = big_draft();
    let mut loads = Vec::new();
    let mut moves = Vec::new();
    for round in 0..=5 {
        let root = container();
        let t0 = now();
        let app = yew::Renderer::<Harness>::with_root_and_props(
            root.clone(),
            HarnessProps {
                backend: backend.clone(),
                children: html! { <Builder draft={draft.clone()} /> },
            },
        )
        .render();
        yew::scheduler::flush().await;
        force_layout(&root);
        let handles = root
            .query_selector_all(".b-canvas .b-handle")
            .unwrap()
            .length() as usize;
        assert_eq!(
            handles,
            COMPONENTS + COMPONENTS / 20,
            "every block is drawn"
        );
        if round > 0 {
            loads.push(now() - t0);
        }
        // Moves: pick up a block, step it down one place, then time the drop.
        for m in 0..5 {
            let id = format!("#h-n{}", 1 + m * 37 + round);
            let handle: web_sys::Element = root.query_selector(&id).unwrap().unwrap();
            key(&handle, " ");
            key(&handle, "ArrowDown");
            yew::scheduler::flush().await;
            let t0 = now();
            key(&handle, " ");
            yew::scheduler::flush().await;
            force_layout(&root);
            let took = now() - t0;
            assert!(root.query_selector(".b-drop").unwrap().is_none(), "dropped");
            if round > 0 {
                moves.push(took);
            }
        }
        app.destroy();
        root.remove();
    }
    let worst = moves.iter().copied().fold(0.0, f64::max);
    web_sys::console::log_1(
        &format!(
            "BENCH builder, page of {COMPONENTS} components: load {:.1} ms; one move + re-render median {:.1} ms, worst {worst:.1} ms",
            median(loads),
            median(moves)
        )
        .into(),
    );
}

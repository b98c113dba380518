//! The strip that says the app runs on demo data kept in this browser, with "Reset demo data"
//! (and "Leave the demo" when a server exists to go back to).

use yew::prelude::*;

use crate::backend::{reset_demo_data, use_demo, Mode};

/// Shown on every screen while the app runs as the demo; nothing otherwise.
#[component]
pub fn DemoBanner() -> Html {
    let demo = use_demo();
    let confirming = use_state(|| false);
    if !demo.mode.is_demo() {
        return html! {};
    }
    let reload = |to: &str| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_href(to);
        }
    };
    let reset = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            if *confirming {
                reset_demo_data();
                reload("/");
            } else {
                confirming.set(true);
            }
        })
    };
    html! {
        <div class="demo-banner" role="region" aria-label="Demo mode">
            <span><strong>{ "Demo" }</strong>{ " · Everything runs in your browser on sample data, kept in this browser only." }</span>
            if let Some(p) = &demo.problem { <span class="demo-problem">{ p.clone() }</span> }
            if *confirming {
                <span role="alert">{ "All demo changes will be lost." }</span>
                <button type="button" class="button danger small" onclick={reset}>{ "Yes, reset demo data" }</button>
                <button type="button" class="button secondary small" onclick={{ let c = confirming.clone(); move |_| c.set(false) }}>{ "Keep them" }</button>
            } else {
                <button type="button" class="button secondary small" onclick={reset}>{ "Reset demo data" }</button>
            }
            if demo.mode == Mode::Demo {
                <a class="demo-leave" href="/?demo=off">{ "Leave the demo" }</a>
            }
        </div>
    }
}

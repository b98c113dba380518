//! Which build this page runs, and the move to the other one when the person needs it: staff
//! and the demo need the full bundle; the server keeps sending a page that asked for it the
//! full bundle (`trellis_api::bundles`).

use trellis_api::bundles::{Bundle, COOKIE, FULL};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::states::Loading;

/// The bundle this code was built as.
pub const THIS: Bundle = if cfg!(feature = "staff") {
    Bundle::Full
} else {
    Bundle::Partner
};

/// Asks the server for `bundle` on every later page load (a year, or until asked otherwise).
pub fn remember(bundle: Bundle) {
    let cookie = match bundle {
        Bundle::Full => format!("{COOKIE}={FULL}; path=/; max-age=31536000; samesite=lax"),
        Bundle::Partner => format!("{COOKIE}=; path=/; max-age=0; samesite=lax"),
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(document) = document {
        let _ = document.set_cookie(&cookie);
    }
}

/// sessionStorage key: set just before loading the page again as the full bundle.
const SWITCHING: &str = "trellis-bundle-switch";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Called once the full bundle runs: a switch to it has arrived.
pub fn arrived() {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(SWITCHING);
    }
}

/// Properties of [`OpenFullBundle`].
#[derive(Properties, PartialEq)]
pub struct OpenFullBundleProps {
    /// What the person waits for, said while the page loads again.
    pub label: AttrValue,
}

/// Loads this address again as the full bundle: the session cookie stays, so nobody logs in
/// again, and the address keeps the route and `?demo`.
/// If the page comes back as the partner bundle again, this server has no full bundle: that
/// is said instead of loading the page forever.
#[component]
pub fn OpenFullBundle(props: &OpenFullBundleProps) -> Html {
    let missing = use_memo((), |_| {
        let store = session_storage();
        let tried = store
            .as_ref()
            .is_some_and(|s| s.get_item(SWITCHING).ok().flatten().is_some());
        if let Some(s) = &store {
            let _ = if tried {
                s.remove_item(SWITCHING)
            } else {
                s.set_item(SWITCHING, "1")
            };
        }
        tried
    });
    let missing = *missing;
    use_effect_with(missing, |missing| {
        if !*missing {
            remember(Bundle::Full);
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    html! {
        <main id="main" tabindex="-1">
            if missing {
                <div class="alert error" role="alert">
                    { "This installation has no staff screens or demo (its full.html is missing). Rebuild it with `cargo xtask run`, or sign in as a partner." }
                </div>
            } else {
                <Loading label={props.label.clone()} />
            }
        </main>
    }
}

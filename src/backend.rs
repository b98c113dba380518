//! The backend the app talks to, chosen once at start and shared through context.

use std::rc::Rc;

use trellis_client::{DemoBackend, HttpBackend, PrmBackend};
use yew::prelude::*;

/// Context value: the one backend of the app (compared by identity).
#[derive(Clone)]
pub struct Backend(pub Rc<dyn PrmBackend>);

impl PartialEq for Backend {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Backend {
    /// Wraps a backend for the context.
    pub fn new(backend: impl PrmBackend + 'static) -> Self {
        Backend(Rc::new(backend))
    }

    /// True when the app runs on the in-browser demo backend.
    pub fn is_demo() -> bool {
        const KEY: &str = "trellis-demo";
        let Some(window) = web_sys::window() else {
            return false;
        };
        let storage = window.session_storage().ok().flatten();
        let asked = window
            .location()
            .search()
            .is_ok_and(|s| s.trim_start_matches('?').split('&').any(|p| p == "demo"));
        // Remember the choice for this tab so in-app navigation and reloads keep it.
        if asked {
            if let Some(s) = &storage {
                let _ = s.set_item(KEY, "1");
            }
        }
        asked || storage.is_some_and(|s| s.get_item(KEY).ok().flatten().is_some())
    }

    /// The REST backend on this origin, or the demo backend when the page was opened with `?demo`.
    pub fn choose() -> Self {
        if Self::is_demo() {
            Backend::new(DemoBackend::new())
        } else {
            Backend::new(HttpBackend::new(""))
        }
    }
}

/// The app's backend (the REST backend on this origin if no provider is mounted).
#[hook]
pub fn use_backend() -> Rc<dyn PrmBackend> {
    match use_context::<Backend>() {
        Some(b) => b.0,
        None => Rc::new(HttpBackend::new("")),
    }
}

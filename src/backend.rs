//! The backend the app talks to, chosen once at start and shared through context: the REST
//! server on this origin, or the in-browser demo organisation kept in localStorage.

use std::cell::Cell;
use std::rc::Rc;
#[cfg(feature = "demo")]
use std::rc::Weak;

#[cfg(feature = "demo")]
use trellis_client::DemoBackend;
use trellis_client::{HttpBackend, PrmBackend, Revisions, Watched};
use yew::prelude::*;

/// localStorage key: set while the app runs as the demo.
const DEMO_FLAG: &str = "trellis-demo";
/// localStorage key of the demo organisation's snapshot.
pub const DEMO_DATA: &str = "trellis-demo-data";
/// How long after a change the demo data is written (changes in a burst are written once).
#[cfg(feature = "demo")]
const SAVE_DELAY_MS: u32 = 150;

/// Context value: the one backend of the app (compared by identity), watched for writes so
/// views can load again what an action changed.
#[derive(Clone)]
pub struct Backend {
    backend: Rc<dyn PrmBackend>,
    revisions: Rc<Revisions>,
}

impl PartialEq for Backend {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.backend, &other.backend)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The query string's flags (`?demo`, `?demo=off`).
fn query_flag(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| match p.split_once('=') {
            Some((k, v)) if k == name => Some(v.to_string()),
            None if p == name => Some(String::new()),
            _ => None,
        })
}

/// How the app was built or opened to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The REST server on this origin.
    Server,
    /// The demo, chosen with `?demo` (can be left).
    Demo,
    /// The static demo bundle: no server exists, so the demo cannot be left.
    StaticDemo,
}

impl Mode {
    /// The mode of this page: the static bundle's marker, else `?demo` (remembered in this browser).
    pub fn current() -> Mode {
        let document = web_sys::window().and_then(|w| w.document());
        let static_demo = document
            .and_then(|d| {
                d.query_selector("meta[name=trellis-backend]")
                    .ok()
                    .flatten()
            })
            .and_then(|m| m.get_attribute("content"))
            .is_some_and(|c| c == "demo");
        if static_demo {
            return Mode::StaticDemo;
        }
        let store = storage();
        match query_flag("demo").as_deref() {
            Some("off") => {
                if let Some(s) = &store {
                    let _ = s.remove_item(DEMO_FLAG);
                }
                Mode::Server
            }
            Some(_) => {
                if let Some(s) = &store {
                    let _ = s.set_item(DEMO_FLAG, "1");
                }
                Mode::Demo
            }
            None if store.is_some_and(|s| s.get_item(DEMO_FLAG).ok().flatten().is_some()) => {
                Mode::Demo
            }
            None => Mode::Server,
        }
    }

    /// True on either demo.
    pub fn is_demo(self) -> bool {
        self != Mode::Server
    }
}

/// The demo organisation from this browser's saved copy (a fresh one if there is none or it
/// cannot be read), saving itself shortly after every change. The string says why a saved
/// copy was not used.
#[cfg(feature = "demo")]
fn stored_demo() -> (Rc<DemoBackend>, Option<String>) {
    let saved = storage().and_then(|s| s.get_item(DEMO_DATA).ok().flatten());
    let (demo, problem) = match saved.map(|json| DemoBackend::from_snapshot(&json)) {
        Some(Ok(demo)) => (demo, None),
        Some(Err(e)) => (
            DemoBackend::new(),
            Some(format!("Started fresh demo data: {e}.")),
        ),
        None => (DemoBackend::new(), None),
    };
    let demo = Rc::new(demo);
    let weak: Weak<DemoBackend> = Rc::downgrade(&demo);
    let pending = Rc::new(Cell::new(false));
    let save = {
        let pending = pending.clone();
        Rc::new(move || {
            // After a reset nothing may write the old organisation back.
            if !pending.replace(false) || RESET.with(Cell::get) {
                return;
            }
            if let (Some(demo), Some(store)) = (weak.upgrade(), storage()) {
                if store.set_item(DEMO_DATA, &demo.snapshot()).is_err() {
                    console_warn("The demo data could not be saved in this browser");
                }
            }
        })
    };
    {
        let save = save.clone();
        demo.on_change(move || {
            // Called before the change: write a moment later, once per burst of changes.
            if pending.replace(true) {
                return;
            }
            let save = save.clone();
            gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || save()).forget();
        });
    }
    // Leaving or reloading the page within the delay must not lose the last change.
    if let Some(window) = web_sys::window() {
        gloo_events::EventListener::new(&window, "pagehide", move |_| save()).forget();
    }
    (demo, problem)
}

#[cfg(feature = "demo")]
fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

thread_local! {
    /// Set once the demo data is reset, until the page reloads.
    static RESET: Cell<bool> = const { Cell::new(false) };
}

/// Forgets the demo data kept in this browser (the next start seeds a fresh organisation).
pub fn reset_demo_data() {
    RESET.with(|r| r.set(true));
    if let Some(s) = storage() {
        let _ = s.remove_item(DEMO_DATA);
    }
}

/// What the app knows about demo mode, shared through context.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoInfo {
    pub mode: Mode,
    /// Why saved demo data was not used, if it was not.
    pub problem: Option<String>,
}

impl Backend {
    /// Wraps a backend for the context.
    pub fn new(backend: impl PrmBackend + 'static) -> Self {
        Self::shared(Rc::new(backend))
    }

    /// The backend the app calls (its writes are told to the views).
    pub fn client(&self) -> Rc<dyn PrmBackend> {
        self.backend.clone()
    }

    /// Wraps a shared backend for the context.
    pub fn shared(backend: Rc<dyn PrmBackend>) -> Self {
        let watched = Watched::new(backend);
        Backend {
            revisions: watched.revisions(),
            backend: Rc::new(watched),
        }
    }

    /// The REST backend on this origin, or the demo backend on either demo mode (a build
    /// without the demo gets the REST backend and opens the full bundle for the demo).
    pub fn choose() -> (Self, DemoInfo) {
        let mode = Mode::current();
        #[cfg(feature = "demo")]
        if mode.is_demo() {
            let (demo, problem) = stored_demo();
            return (Backend::shared(demo), DemoInfo { mode, problem });
        }
        (
            Backend::new(HttpBackend::new("")),
            DemoInfo {
                mode,
                problem: None,
            },
        )
    }
}

/// The app's backend (the REST backend on this origin if no provider is mounted).
#[hook]
pub fn use_backend() -> Rc<dyn PrmBackend> {
    match use_context::<Backend>() {
        Some(b) => b.backend,
        None => Rc::new(HttpBackend::new("")),
    }
}

/// Where the app's writes are told (none if no provider is mounted).
#[hook]
pub fn use_revisions() -> Option<Rc<Revisions>> {
    use_context::<Backend>().map(|b| b.revisions)
}

/// Demo mode facts (the server mode if no provider is mounted).
#[hook]
pub fn use_demo() -> DemoInfo {
    use_context::<DemoInfo>().unwrap_or(DemoInfo {
        mode: Mode::Server,
        problem: None,
    })
}

//! Autosave of the draft: every change is saved shortly after it is made, with the draft version
//! it was based on. A stale save gets the server's current draft back, and the admin chooses.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use trellis_api::{Draft, ErrorCode, SaveDraft, Site};
use trellis_client::{ClientError, PrmBackend};
use yew::prelude::*;

use super::editor::{Action, Editor};
use crate::backend::use_backend;

/// How long after the last edit the draft is saved.
const DEBOUNCE_MS: u32 = 600;

/// Where the draft stands against the server.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Edits not sent yet.
    Pending,
    Saving,
    Failed(ClientError),
    /// Someone else saved first; this is their draft.
    Conflict(Box<Draft>),
}

/// The server's view of the draft after the last successful save or load.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftMeta {
    pub version: i64,
    pub updated_at: String,
    pub has_unpublished_changes: bool,
}

impl From<&Draft> for DraftMeta {
    fn from(d: &Draft) -> Self {
        Self {
            version: d.version,
            updated_at: d.updated_at.clone(),
            has_unpublished_changes: d.has_unpublished_changes,
        }
    }
}

struct Shared {
    saved_site: RefCell<Rc<Site>>,
    base: Cell<i64>,
    busy: Cell<bool>,
    latest: RefCell<Rc<Site>>,
    timer: RefCell<Option<Timeout>>,
}

/// What the builder needs from autosave.
#[derive(Clone)]
pub struct Autosave {
    pub status: SaveStatus,
    pub meta: DraftMeta,
    /// The draft version the editor is based on now (for publish).
    pub base: i64,
    /// Save now (before publishing); resolves through `status`.
    pub flush: Callback<()>,
    /// Conflict: keep this editor's copy and save it over the other one.
    pub keep_mine: Callback<()>,
    /// Conflict: take the other draft (this session's unsaved edits are dropped).
    pub reload: Callback<()>,
    /// The server answered with a new draft state (after publish).
    pub update: Callback<DraftMeta>,
}

fn save(
    shared: Rc<Shared>,
    backend: Rc<dyn PrmBackend>,
    status: UseStateHandle<SaveStatus>,
    meta: UseStateHandle<DraftMeta>,
) {
    if shared.busy.get() {
        return;
    }
    let site = shared.latest.borrow().clone();
    if site == *shared.saved_site.borrow() {
        status.set(SaveStatus::Saved);
        return;
    }
    shared.busy.set(true);
    status.set(SaveStatus::Saving);
    let body = SaveDraft {
        base_version: shared.base.get(),
        site: (*site).clone(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = backend.save_draft(&body).await;
        shared.busy.set(false);
        match result {
            Ok(draft) => {
                shared.base.set(draft.version);
                *shared.saved_site.borrow_mut() = site;
                meta.set(DraftMeta::from(&draft));
                // Edits made while this save was in flight go out now.
                save(shared, backend, status, meta);
            }
            Err(e) => match e.api().filter(|a| a.code == ErrorCode::Conflict) {
                Some(api) => match api.current_as::<Draft>() {
                    Some(current) => status.set(SaveStatus::Conflict(Box::new(current))),
                    None => status.set(SaveStatus::Failed(e)),
                },
                None => status.set(SaveStatus::Failed(e)),
            },
        }
    });
}

/// Saves `editor.site` after each change; starts from `draft` as loaded.
#[hook]
pub fn use_autosave(editor: &UseReducerHandle<Editor>, draft: &Draft) -> Autosave {
    let backend = use_backend();
    let status = use_state(|| SaveStatus::Saved);
    let meta = use_state(|| DraftMeta::from(draft));
    let shared = {
        let site = editor.site.clone();
        let base = draft.version;
        use_memo((), move |_| {
            Rc::new(Shared {
                saved_site: RefCell::new(site.clone()),
                base: Cell::new(base),
                busy: Cell::new(false),
                latest: RefCell::new(site),
                timer: RefCell::new(None),
            })
        })
    };
    let shared: Rc<Shared> = (*shared).clone();
    *shared.latest.borrow_mut() = editor.site.clone();
    {
        let (shared, backend, status, meta) = (
            shared.clone(),
            backend.clone(),
            status.clone(),
            meta.clone(),
        );
        use_effect_with(editor.site.clone(), move |site| {
            let unchanged = *site == *shared.saved_site.borrow();
            if matches!(*status, SaveStatus::Conflict(_)) {
                // Nothing is saved until the admin chooses.
            } else if unchanged && !shared.busy.get() {
                *shared.timer.borrow_mut() = None;
                status.set(SaveStatus::Saved);
            } else if !unchanged {
                status.set(SaveStatus::Pending);
                let again = shared.clone();
                *shared.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    save(again, backend, status, meta)
                }));
            }
        });
    }
    {
        // Closing the tab with edits not yet sent asks first; leaving the builder inside the
        // app sends them at once.
        let (shared, backend, status, meta) = (
            shared.clone(),
            backend.clone(),
            status.clone(),
            meta.clone(),
        );
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let watched = shared.clone();
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&window, "beforeunload", options, move |e| {
                    if *watched.latest.borrow() != *watched.saved_site.borrow() {
                        e.prevent_default();
                        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                    }
                });
            move || {
                drop(listener);
                *shared.timer.borrow_mut() = None;
                let unsaved = *shared.latest.borrow() != *shared.saved_site.borrow();
                if unsaved {
                    save(shared, backend, status, meta);
                }
            }
        });
    }
    let flush = {
        let (shared, backend, status, meta) = (
            shared.clone(),
            backend.clone(),
            status.clone(),
            meta.clone(),
        );
        Callback::from(move |()| {
            *shared.timer.borrow_mut() = None;
            save(
                shared.clone(),
                backend.clone(),
                status.clone(),
                meta.clone(),
            );
        })
    };
    let keep_mine = {
        let (shared, backend, status, meta) = (
            shared.clone(),
            backend.clone(),
            status.clone(),
            meta.clone(),
        );
        Callback::from(move |()| {
            if let SaveStatus::Conflict(current) = &*status {
                shared.base.set(current.version);
                *shared.saved_site.borrow_mut() = Rc::new(current.site.clone());
                save(
                    shared.clone(),
                    backend.clone(),
                    status.clone(),
                    meta.clone(),
                );
            }
        })
    };
    let reload = {
        let (shared, status, meta, editor) =
            (shared.clone(), status.clone(), meta.clone(), editor.clone());
        Callback::from(move |()| {
            if let SaveStatus::Conflict(current) = &*status {
                shared.base.set(current.version);
                *shared.saved_site.borrow_mut() = Rc::new(current.site.clone());
                meta.set(DraftMeta::from(&**current));
                editor.dispatch(Action::Load(current.site.clone()));
                status.set(SaveStatus::Saved);
            }
        })
    };
    let update = {
        let (shared, meta) = (shared.clone(), meta.clone());
        Callback::from(move |m: DraftMeta| {
            shared.base.set(m.version);
            meta.set(m);
        })
    };
    Autosave {
        status: (*status).clone(),
        meta: (*meta).clone(),
        base: shared.base.get(),
        flush,
        keep_mine,
        reload,
        update,
    }
}

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
use crate::components::unsaved::use_unsaved_work;

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

/// Everything a save needs; cheap to clone into callbacks and timers.
#[derive(Clone)]
struct Saver {
    shared: Rc<Shared>,
    backend: Rc<dyn PrmBackend>,
    status: UseStateHandle<SaveStatus>,
    meta: UseStateHandle<DraftMeta>,
}

impl Saver {
    /// Whether the editor holds edits the server has not got.
    fn unsaved(&self) -> bool {
        *self.shared.latest.borrow() != *self.shared.saved_site.borrow()
    }

    /// Takes `current` as the server's draft the editor is now based on.
    fn adopt(&self, current: &Draft) {
        self.shared.base.set(current.version);
        *self.shared.saved_site.borrow_mut() = Rc::new(current.site.clone());
    }

    /// Sends the latest site unless a save is in flight (that one sends it when done).
    fn save(self) {
        let shared = &self.shared;
        if shared.busy.get() {
            return;
        }
        let site = shared.latest.borrow().clone();
        if site == *shared.saved_site.borrow() {
            self.status.set(SaveStatus::Saved);
            return;
        }
        shared.busy.set(true);
        self.status.set(SaveStatus::Saving);
        let body = SaveDraft {
            base_version: shared.base.get(),
            site: (*site).clone(),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let result = self.backend.save_draft(&body).await;
            self.shared.busy.set(false);
            match result {
                Ok(draft) => {
                    self.shared.base.set(draft.version);
                    *self.shared.saved_site.borrow_mut() = site;
                    self.meta.set(DraftMeta::from(&draft));
                    // Edits made while this save was in flight go out now.
                    self.save();
                }
                Err(e) => {
                    let current = e
                        .api()
                        .filter(|a| a.code == ErrorCode::Conflict)
                        .and_then(|a| a.current_as::<Draft>());
                    self.status.set(match current {
                        Some(current) => SaveStatus::Conflict(Box::new(current)),
                        None => SaveStatus::Failed(e),
                    });
                }
            }
        });
    }
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
    let saver = Saver {
        shared: shared.clone(),
        backend,
        status: status.clone(),
        meta: meta.clone(),
    };
    {
        let saver = saver.clone();
        use_effect_with(editor.site.clone(), move |_| {
            let shared = &saver.shared;
            if matches!(*saver.status, SaveStatus::Conflict(_)) {
                // Nothing is saved until the admin chooses.
            } else if !saver.unsaved() && !shared.busy.get() {
                *shared.timer.borrow_mut() = None;
                saver.status.set(SaveStatus::Saved);
            } else if saver.unsaved() {
                saver.status.set(SaveStatus::Pending);
                let again = saver.clone();
                *shared.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || again.save()));
            }
        });
    }
    {
        // Closing the tab with edits not yet sent asks first; leaving the builder inside the
        // app sends them at once.
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let watched = saver.clone();
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&window, "beforeunload", options, move |e| {
                    if watched.unsaved() {
                        e.prevent_default();
                        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                    }
                });
            move || {
                drop(listener);
                *saver.shared.timer.borrow_mut() = None;
                if saver.unsaved() {
                    saver.save();
                }
            }
        });
    }
    let flush = {
        let saver = saver.clone();
        Callback::from(move |()| {
            *saver.shared.timer.borrow_mut() = None;
            saver.clone().save();
        })
    };
    {
        // Log out asks first while edits wait, and can save them at once.
        let (unsaved, flush) = (use_unsaved_work(), flush.clone());
        let waiting = *status != SaveStatus::Saved;
        use_effect_with(waiting, move |waiting| {
            if let Some(u) = &unsaved {
                u.set(waiting.then_some(flush));
            }
            move || {
                if let Some(u) = unsaved {
                    u.set(None);
                }
            }
        });
    }
    let keep_mine = {
        let saver = saver.clone();
        Callback::from(move |()| {
            if let SaveStatus::Conflict(current) = &*saver.status {
                saver.adopt(current);
                saver.clone().save();
            }
        })
    };
    let reload = {
        let (saver, editor) = (saver.clone(), editor.clone());
        Callback::from(move |()| {
            if let SaveStatus::Conflict(current) = &*saver.status {
                saver.adopt(current);
                saver.meta.set(DraftMeta::from(&**current));
                editor.dispatch(Action::Load(current.site.clone()));
                saver.status.set(SaveStatus::Saved);
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

//! Loading data from the backend in a component, with retry and without stale answers; live
//! loads load again, in the background, when an action changes what they read.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use trellis_client::{ClientError, ClientResult, PrmBackend, Reading};
use yew::prelude::*;

use crate::backend::{use_backend, use_revisions};
use crate::components::settle::{use_settling, Settling};

/// The state of one load.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ClientError),
}

/// A backend for one component's loads that notes what they read, and a count that goes up each
/// time an action (anywhere in the app) changes one of those collections.
#[hook]
pub fn use_watch() -> (Rc<dyn PrmBackend>, u32) {
    let backend = use_backend();
    let revisions = use_revisions();
    // The persona preview swaps the backend: a new one gets a new watch.
    let identity = Rc::as_ptr(&backend) as *const () as usize;
    let reading = use_memo(identity, move |_| Rc::new(Reading::new(backend)));
    let changes = use_mut_ref(|| 0u32);
    let rerender = use_force_update();
    {
        let (reading, changes) = ((*reading).clone(), changes.clone());
        use_effect_with(identity, move |_| {
            let subscription = revisions.map(|r| {
                r.subscribe(move |collection| {
                    if reading.has_read(collection) {
                        *changes.borrow_mut() += 1;
                        rerender.force_update();
                    }
                })
            });
            move || drop(subscription)
        });
    }
    let backend: Rc<dyn PrmBackend> = (*reading).clone();
    let count = *changes.borrow();
    (backend, count)
}

/// Runs `load` whenever `deps` change (or retry is called); answers to older requests are dropped.
#[hook]
pub fn use_load<T, D, F, Fut>(deps: D, load: F) -> (Rc<Load<T>>, Callback<()>)
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(Rc<dyn PrmBackend>, D) -> Fut + 'static,
    Fut: Future<Output = ClientResult<T>> + 'static,
{
    let backend = use_backend();
    use_load_from(backend, 0, deps, load)
}

/// [`use_load`], loading again in the background (what is shown stays until the new answer)
/// whenever an action changes a collection the load read.
#[hook]
pub fn use_live_load<T, D, F, Fut>(deps: D, load: F) -> (Rc<Load<T>>, Callback<()>)
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(Rc<dyn PrmBackend>, D) -> Fut + 'static,
    Fut: Future<Output = ClientResult<T>> + 'static,
{
    let (backend, changes) = use_watch();
    use_load_from(backend, changes, deps, load)
}

#[hook]
fn use_load_from<T, D, F, Fut>(
    backend: Rc<dyn PrmBackend>,
    changes: u32,
    deps: D,
    load: F,
) -> (Rc<Load<T>>, Callback<()>)
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(Rc<dyn PrmBackend>, D) -> Fut + 'static,
    Fut: Future<Output = ClientResult<T>> + 'static,
{
    let settling = use_settling();
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u64);
    let asked: Rc<RefCell<Option<(D, u32)>>> = use_mut_ref(|| None);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt, changes), move |(deps, attempt, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            // Only a change elsewhere: keep showing what is there until the new answer.
            let same = asked.borrow().as_ref() == Some(&(deps.clone(), *attempt));
            if !same {
                state.set(Rc::new(Load::Loading));
                *asked.borrow_mut() = Some((deps.clone(), *attempt));
            }
            let future = load(backend, deps.clone());
            // A screen that is still settling waits for this answer (components/settle.rs).
            let hold = settling.as_ref().and_then(Settling::hold);
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() == mine {
                    state.set(Rc::new(match result {
                        Ok(v) => Load::Ready(v),
                        Err(e) => Load::Failed(e),
                    }));
                }
                drop(hold);
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

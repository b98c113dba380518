//! Loading data from the backend in a component, with retry and without stale answers.

use std::future::Future;
use std::rc::Rc;

use trellis_client::{ClientError, ClientResult, PrmBackend};
use yew::prelude::*;

use crate::backend::use_backend;

/// The state of one load.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ClientError),
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
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.set(Rc::new(Load::Loading));
            let future = load(backend, deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() == mine {
                    state.set(Rc::new(match result {
                        Ok(v) => Load::Ready(v),
                        Err(e) => Load::Failed(e),
                    }));
                }
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

//! Holds a screen back until the loads it starts with have answered (or two seconds have passed),
//! then shows it whole: nothing on it moves as answers arrive one by one (layout shift).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::states::Loading;

/// The longest a screen is held back, in milliseconds.
const AT_MOST_MS: u32 = 2000;

/// The context a [`Settle`] gives its children: loads started while it is open hold it.
#[derive(Clone)]
pub struct Settling {
    pending: Rc<Cell<usize>>,
    open: Rc<Cell<bool>>,
    done: Callback<()>,
}

impl PartialEq for Settling {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pending, &other.pending)
    }
}

impl Settling {
    /// Holds the screen back until the returned guard is dropped; `None` once it shows.
    pub fn hold(&self) -> Option<Hold> {
        self.open.get().then(|| {
            self.pending.set(self.pending.get() + 1);
            Hold(self.clone())
        })
    }

    /// Shows the screen if nothing holds it.
    fn settle_if_free(&self) {
        if self.pending.get() == 0 {
            self.settle();
        }
    }

    fn settle(&self) {
        if self.open.replace(false) {
            self.done.emit(());
        }
    }
}

/// A load's hold on a [`Settle`]; released when dropped.
pub struct Hold(Settling);

impl Drop for Hold {
    fn drop(&mut self) {
        self.0.pending.set(self.0.pending.get().saturating_sub(1));
        self.0.settle_if_free();
    }
}

/// The settling context around this component, if any.
#[hook]
pub fn use_settling() -> Option<Settling> {
    use_context::<Settling>()
}

/// Properties of [`Settle`].
#[derive(Properties, PartialEq)]
pub struct SettleProps {
    #[prop_or_default]
    pub children: Html,
}

/// Shows its children once the loads they start with have answered; a spinner until then.
#[component]
pub fn Settle(props: &SettleProps) -> Html {
    let settled = use_state(|| false);
    let context = {
        let settled = settled.clone();
        use_memo((), move |_| Settling {
            pending: Rc::new(Cell::new(0)),
            open: Rc::new(Cell::new(true)),
            done: Callback::from(move |()| settled.set(true)),
        })
    };
    {
        let context = (*context).clone();
        use_effect_with((), move |_| {
            // After every child's first effects (where loads start): maybe none started.
            let free = context.clone();
            wasm_bindgen_futures::spawn_local(async move { free.settle_if_free() });
            let timeout = Timeout::new(AT_MOST_MS, move || context.settle());
            move || drop(timeout)
        });
    }
    let holding = !*settled;
    html! {
        <ContextProvider<Settling> context={(*context).clone()}>
            <div class={classes!("settle", holding.then_some("settling"))} aria-busy={holding.to_string()}>
                if holding { <div class="settle-status"><Loading /></div> }
                { props.children.clone() }
            </div>
        </ContextProvider<Settling>>
    }
}
